// Imports started from the upload page: the file is saved in the data folder, the import runs in the
// background of this process (its progress is in listening_imports) and the file is deleted after.
import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../../app/context.ts';
import { formatOf } from './files.ts';
import { createImportRow, importFile } from './import.ts';

export interface UploadImport {
  bytes: Buffer;
  fileName: string;
  source?: string;
  mapping?: Record<string, string>;
  actor: string;
}

/** Starts the import and returns its id at once; `done` settles when it has finished. */
export async function startUploadImport(ctx: AppContext, upload: UploadImport): Promise<{ importId: number; done: Promise<void> }> {
  const dir = path.join(ctx.config.dataDir, 'uploads', 'listening');
  await mkdir(dir, { recursive: true });
  const ext = /\.(csv|tsv|jsonl|ndjson|json)$/i.exec(upload.fileName)?.[0].toLowerCase() ?? '.jsonl';
  const file = path.join(dir, `${randomUUID()}${ext}`);
  await writeFile(file, upload.bytes, { mode: 0o600 });
  const importId = await createImportRow(ctx, { file, fileName: upload.fileName.slice(0, 200), source: upload.source, actor: upload.actor }, formatOf(file));
  const done = importFile(ctx, { file, fileName: upload.fileName, source: upload.source, mapping: upload.mapping, actor: upload.actor, importId })
    .then(() => undefined)
    .catch((e: unknown) => ctx.log.error({ err: e, importId }, 'listening: import failed'))
    .finally(() => rm(file, { force: true }));
  return { importId, done };
}
