// Imports started from the upload page: the file is streamed into the data folder, the import runs in
// the background of this process (its progress is in listening_imports) and the file is deleted after.
// If the process dies meanwhile, the file stays and the import is found 'interrupted' at the next start;
// resuming it imports the same file again, and the posts stored the first time count as duplicates.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { access, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../app/context.ts';
import { conflict } from '../../core/errors.ts';
import { listeningImports, type ListeningImport } from '../schema.ts';
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
  return runStored(ctx, file, upload.fileName.slice(0, 200) || 'upload', upload.source, upload.mapping, upload.actor);
}

/** Imports again the stored file of an interrupted upload, as a new import. */
export async function resumeUploadImport(ctx: AppContext, row: ListeningImport, actor: string): Promise<{ importId: number; done: Promise<void> }> {
  const file = row.storedFile;
  if (row.status !== 'interrupted' || !file || !(await access(file).then(() => true, () => false))) throw conflict('listening.importNotResumable');
  await ctx.db.update(listeningImports).set({ storedFile: null }).where(eq(listeningImports.id, row.id));
  return runStored(ctx, file, row.fileName, row.sourceName.includes(',') ? undefined : row.sourceName || undefined, undefined, actor);
}

async function runStored(ctx: AppContext, file: string, fileName: string, source: string | undefined, mapping: Record<string, string> | undefined, actor: string) {
  const importId = await createImportRow(ctx, { file, fileName, source, actor, storedFile: file }, formatOf(file));
  const done = importFile(ctx, { file, fileName, source, mapping, actor, importId })
    .then(() => undefined)
    .catch((e: unknown) => ctx.log.error({ err: e, importId }, 'listening: import failed'))
    .finally(async () => {
      await rm(file, { force: true });
      await ctx.db.update(listeningImports).set({ storedFile: null }).where(eq(listeningImports.id, importId)).catch(() => {});
    });
  return { importId, done };
}
