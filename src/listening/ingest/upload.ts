// Imports started from the upload page: the file is streamed into the data folder, the import runs in
// the background of this process (its progress is in listening_imports) and the file is deleted after.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AppContext } from '../../app/context.ts';
import { formatOf } from './files.ts';
import { createImportRow, importFile } from './import.ts';

export interface UploadImport {
  stream: Readable;
  fileName: string;
  source?: string;
  mapping?: Record<string, string>;
  actor: string;
}

/** Saves the upload, starts the import and returns its id at once; `done` settles when it has finished. */
export async function startUploadImport(ctx: AppContext, upload: UploadImport): Promise<{ importId: number; done: Promise<void> }> {
  const dir = path.join(ctx.config.dataDir, 'uploads', 'listening');
  await mkdir(dir, { recursive: true });
  const ext = /\.(csv|tsv|jsonl|ndjson|json)$/i.exec(upload.fileName)?.[0].toLowerCase() ?? '.jsonl';
  const file = path.join(dir, `${randomUUID()}${ext}`);
  try {
    await pipeline(upload.stream, createWriteStream(file, { mode: 0o600 }));
  } catch (e) {
    await rm(file, { force: true });
    throw e;
  }
  const fileName = upload.fileName.slice(0, 200) || 'upload';
  const importId = await createImportRow(ctx, { file, fileName, source: upload.source, actor: upload.actor }, formatOf(file));
  const done = importFile(ctx, { file, fileName, source: upload.source, mapping: upload.mapping, actor: upload.actor, importId })
    .then(() => undefined)
    .catch((e: unknown) => ctx.log.error({ err: e, importId }, 'listening: import failed'))
    .finally(() => rm(file, { force: true }));
  return { importId, done };
}
