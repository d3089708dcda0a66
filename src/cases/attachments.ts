// Case attachments, kept private in the data folder (never in the public media library). Photos are
// decoded by sharp, turned upright, shrunk to at most 1600 px and re-encoded as JPEG, which drops every
// metadata block (GPS position, camera, owner). Staff may also attach PDF files, checked by their bytes.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { audit } from '../audit/index.ts';
import type { Db } from '../db/client.ts';
import { notFound, TooLarge, Unsupported } from '../core/errors.ts';
import type { CaseActor } from './cases.ts';
import { caseAttachments, caseEvents, cases, type CaseAttachment } from './schema.ts';

export const MAX_FILE_BYTES = 8 * 1024 * 1024;
export const MAX_CITIZEN_PHOTOS = 3;
const MAX_PIXELS = 40_000_000;
const PHOTO_FORMATS = new Set(['jpeg', 'png', 'webp', 'heif', 'avif', 'gif', 'tiff']);

export const casesDir = (dataDir: string): string => path.join(dataDir, 'cases');

/** A photo as we keep it: upright, at most 1600 px, JPEG, without metadata. */
export async function cleanPhoto(bytes: Buffer): Promise<Buffer> {
  // sharp (libvips) is loaded on the first photo, not at start-up.
  const { default: sharp } = await import('sharp');
  try {
    const meta = await sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).metadata();
    if (!meta.format || !PHOTO_FORMATS.has(meta.format)) throw new Error('not a photo');
    return await sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error', animated: false })
      .rotate()
      .resize({ width: 1600, height: 1600, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer();
  } catch {
    throw new Unsupported('cases.badFile');
  }
}

export interface IncomingFile {
  bytes: Buffer;
  filename: string;
}

/** Checks and converts a file before anything is stored (so a bad file stores nothing). */
export async function prepareFile(file: IncomingFile, allowPdf: boolean): Promise<{ bytes: Buffer; mime: string; ext: string; fileName: string }> {
  if (file.bytes.length === 0 || file.bytes.length > MAX_FILE_BYTES) throw new TooLarge('cases.badFile');
  const base = path.basename(file.filename || 'tep').replace(/[^\p{L}\p{N}._ -]/gu, '').slice(0, 120) || 'tep';
  if (allowPdf && file.bytes.subarray(0, 5).toString('latin1') === '%PDF-') return { bytes: file.bytes, mime: 'application/pdf', ext: 'pdf', fileName: base };
  const bytes = await cleanPhoto(file.bytes);
  return { bytes, mime: 'image/jpeg', ext: 'jpg', fileName: base.replace(/\.[^.]*$/, '') + '.jpg' };
}

export type PreparedFile = Awaited<ReturnType<typeof prepareFile>>;
export interface WrittenFile extends PreparedFile {
  path: string;
}
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Writes prepared files to the data folder; pair with insertFileRows in a transaction, removeFiles on failure. */
export async function writeFiles(dataDir: string, files: PreparedFile[]): Promise<WrittenFile[]> {
  const folder = new Date().toISOString().slice(0, 7);
  if (files.length) await mkdir(path.join(casesDir(dataDir), folder), { recursive: true });
  const written: WrittenFile[] = [];
  try {
    for (const f of files) {
      const rel = `${folder}/${randomBytes(12).toString('hex')}.${f.ext}`;
      await writeFile(path.join(casesDir(dataDir), rel), f.bytes, { flag: 'wx' });
      written.push({ ...f, path: rel });
    }
  } catch (e) {
    await removeFiles(dataDir, written);
    throw e;
  }
  return written;
}

export const removeFiles = (dataDir: string, files: Array<{ path: string }>): Promise<unknown> => Promise.all(files.map((f) => rm(path.join(casesDir(dataDir), f.path), { force: true })));

/** The rows of written files, with a history entry and an audit row, inside the caller's transaction. */
export async function insertFileRows(tx: Tx, actor: CaseActor, c: { id: number; unitId: number }, files: WrittenFile[], fromCitizen: boolean): Promise<CaseAttachment[]> {
  if (!files.length) return [];
  const rows = await tx
    .insert(caseAttachments)
    .values(files.map((f) => ({ caseId: c.id, path: f.path, fileName: f.fileName, mime: f.mime, size: f.bytes.length, fromCitizen, createdBy: typeof actor === 'object' ? actor.id : null })))
    .returning();
  await tx.insert(caseEvents).values({ caseId: c.id, actorId: typeof actor === 'object' ? actor.id : null, actorLabel: typeof actor === 'string' ? actor : actor.email, kind: 'attachment', details: { files: rows.map((r) => ({ id: r.id, name: r.fileName, size: r.size })) } });
  await audit(tx, actor === 'citizen' ? 'system' : actor, { action: 'case.attachment', targetType: 'case', targetId: c.id, unitId: c.unitId, details: { count: rows.length } });
  return rows;
}

/** Adds files to an existing case: all or nothing. */
export async function storeFiles(db: Db, dataDir: string, actor: CaseActor, caseId: number, files: PreparedFile[], fromCitizen: boolean): Promise<CaseAttachment[]> {
  const written = await writeFiles(dataDir, files);
  try {
    return await db.transaction(async (tx) => {
      const [c] = await tx.select({ id: cases.id, unitId: cases.unitId }).from(cases).where(eq(cases.id, caseId));
      if (!c) throw notFound();
      return insertFileRows(tx, actor, c, written, fromCitizen);
    });
  } catch (e) {
    await removeFiles(dataDir, written);
    throw e;
  }
}

export const listAttachments = (db: Db, caseId: number): Promise<CaseAttachment[]> => db.select().from(caseAttachments).where(eq(caseAttachments.caseId, caseId));

export async function readAttachment(db: Db, dataDir: string, caseId: number, id: number): Promise<{ row: CaseAttachment; bytes: Buffer } | undefined> {
  const [row] = await db.select().from(caseAttachments).where(and(eq(caseAttachments.caseId, caseId), eq(caseAttachments.id, id)));
  if (!row) return undefined;
  return { row, bytes: await readFile(path.join(casesDir(dataDir), row.path)) };
}

/** Deletes a case's files and rows (retention). Returns how many went. */
export async function deleteAttachments(db: Db, dataDir: string, caseId: number): Promise<number> {
  const rows = await db.delete(caseAttachments).where(eq(caseAttachments.caseId, caseId)).returning();
  await Promise.all(rows.map((r) => rm(path.join(casesDir(dataDir), r.path), { force: true })));
  return rows.length;
}
