// Uploads: the type comes from the bytes, never the name. Images are decoded by sharp, turned upright,
// resized to responsive widths as WebP and JPEG with every metadata block dropped; SVG is refused.
// Documents (PDF, Office) and videos (MP4, WebM) are stored as they are after a magic-number check.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../app/context.ts';
import { audit, type Actor } from '../audit/index.ts';
import type { Db } from '../db/client.ts';
import { TooLarge, Unsupported } from '../core/errors.ts';
import { cleanLine } from './sanitize.ts';
import { mediaFiles, type MediaFile, type MediaKind, type MediaVariant } from './schema.ts';
import { slugify } from './slug.ts';

export const WIDTHS = [320, 640, 1024, 1600] as const;
export const LIMITS = { image: 15 * 1024 * 1024, file: 30 * 1024 * 1024, video: 200 * 1024 * 1024 } as const;
const MAX_PIXELS = 50_000_000;
const RASTER = new Set(['jpeg', 'png', 'webp', 'gif', 'avif', 'heif', 'tiff']);

export const mediaDir = (ctx: AppContext): string => path.join(ctx.config.dataDir, 'media');

/** What the first bytes say a file is; null when we do not take it. */
export function sniff(head: Uint8Array): { kind: MediaKind; mime: string; ext: string } | null {
  const b = Buffer.from(head.subarray(0, 64));
  const ascii = b.toString('latin1');
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return { kind: 'image', mime: 'image/jpeg', ext: 'jpg' };
  if (b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return { kind: 'image', mime: 'image/png', ext: 'png' };
  if (ascii.startsWith('GIF87a') || ascii.startsWith('GIF89a')) return { kind: 'image', mime: 'image/gif', ext: 'gif' };
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP') return { kind: 'image', mime: 'image/webp', ext: 'webp' };
  if (ascii.slice(4, 8) === 'ftyp') {
    const brand = ascii.slice(8, 12);
    if (['avif', 'avis', 'heic', 'heix', 'mif1'].includes(brand)) return { kind: 'image', mime: 'image/avif', ext: 'avif' };
    return { kind: 'video', mime: 'video/mp4', ext: 'mp4' };
  }
  if (b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) return { kind: 'video', mime: 'video/webm', ext: 'webm' };
  if (ascii.startsWith('%PDF-')) return { kind: 'file', mime: 'application/pdf', ext: 'pdf' };
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return { kind: 'file', mime: 'application/zip', ext: 'zip' };
  if (b.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return { kind: 'file', mime: 'application/x-ole-storage', ext: 'doc' };
  return null;
}

/** Office files are ZIP or OLE containers; the name only picks the precise type among those. */
function officeType(sniffed: { mime: string; ext: string }, name: string): { mime: string; ext: string } | null {
  const ext = path.extname(name).slice(1).toLowerCase();
  if (sniffed.mime === 'application/zip') {
    const map: Record<string, string> = { docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', odt: 'application/vnd.oasis.opendocument.text' };
    return map[ext] ? { mime: map[ext], ext } : null;
  }
  if (sniffed.mime === 'application/x-ole-storage') {
    const map: Record<string, string> = { doc: 'application/msword', xls: 'application/vnd.ms-excel', ppt: 'application/vnd.ms-powerpoint' };
    return map[ext] ? { mime: map[ext], ext } : null;
  }
  return sniffed;
}

export interface Upload {
  bytes: Buffer;
  filename: string;
  alt?: string;
}

export async function storeUpload(ctx: AppContext, actor: Actor, siteId: number | null, upload: Upload, accept: readonly MediaKind[] = ['image', 'file', 'video']): Promise<MediaFile> {
  const sniffed = sniff(upload.bytes);
  if (!sniffed || !accept.includes(sniffed.kind)) throw new Unsupported('sites.uploadType');
  if (upload.bytes.length > LIMITS[sniffed.kind]) throw new TooLarge('sites.uploadTooLarge');
  const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
  const folder = new Date().toISOString().slice(0, 7);
  const stem = `${folder}/${randomBytes(6).toString('hex')}-${slugify(path.parse(upload.filename).name, 40)}`;
  await mkdir(path.join(mediaDir(ctx), folder), { recursive: true });
  const originalName = cleanLine(upload.filename, 200) || 'tep';
  let row: Omit<typeof mediaFiles.$inferInsert, 'id'>;
  if (sniffed.kind === 'image') {
    const image = await processImage(upload.bytes, path.join(mediaDir(ctx), stem));
    row = { kind: 'image', mime: 'image/jpeg', originalName, file: image.main, bytes: image.bytes, width: image.width, height: image.height, sha256, variants: image.variants.map((v) => ({ ...v, file: `${folder}/${v.file}` })) };
    row.file = `${folder}/${image.main}`;
  } else {
    const type = officeType(sniffed, upload.filename);
    if (!type) throw new Unsupported('sites.uploadType');
    const file = `${stem}.${type.ext}`;
    await writeFile(path.join(mediaDir(ctx), file), upload.bytes, { flag: 'wx' });
    row = { kind: sniffed.kind, mime: type.mime, originalName, file, bytes: upload.bytes.length, sha256, variants: [] };
  }
  return ctx.db.transaction(async (tx) => {
    const [saved] = await tx
      .insert(mediaFiles)
      .values({ ...row, siteId, alt: upload.alt ? cleanLine(upload.alt, 300) : null, createdById: typeof actor === 'string' ? null : actor.id })
      .returning();
    await audit(tx, actor, { action: 'media.upload', targetType: 'media', targetId: saved.id, unitId: siteId, details: { kind: saved.kind, mime: saved.mime, bytes: saved.bytes } });
    return saved;
  });
}

async function processImage(bytes: Buffer, stemPath: string): Promise<{ main: string; bytes: number; width: number; height: number; variants: MediaVariant[] }> {
  // Loaded on first upload, not at start-up.
  const { default: sharp } = await import('sharp');
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>['metadata']>>;
  try {
    meta = await sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).metadata();
  } catch {
    throw new Unsupported('sites.uploadType');
  }
  if (!meta.format || !RASTER.has(meta.format) || !meta.width || !meta.height) throw new Unsupported('sites.uploadType');
  // Upright first (EXIF orientation), then every output is written without metadata (sharp's default).
  const upright = sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error', animated: false }).rotate();
  const swapped = (meta.orientation ?? 1) >= 5;
  const fullWidth = swapped ? meta.height : meta.width;
  const widths = [...new Set(WIDTHS.map((w) => Math.min(w, fullWidth)))];
  const base = path.basename(stemPath);
  const variants: MediaVariant[] = [];
  for (const width of widths) {
    const resized = upright.clone().resize({ width, withoutEnlargement: true }).flatten({ background: '#ffffff' });
    for (const format of ['webp', 'jpeg'] as const) {
      const out = await (format === 'webp' ? resized.clone().webp({ quality: 80 }) : resized.clone().jpeg({ quality: 82, mozjpeg: true })).toBuffer({ resolveWithObject: true });
      const file = `${base}-${width}.${format === 'jpeg' ? 'jpg' : 'webp'}`;
      await writeFile(`${path.dirname(stemPath)}/${file}`, out.data, { flag: 'wx' });
      variants.push({ width: out.info.width, height: out.info.height, format, file, bytes: out.info.size });
    }
  }
  const main = variants.filter((v) => v.format === 'jpeg').sort((a, b) => b.width - a.width)[0];
  return { main: main.file, bytes: main.bytes, width: main.width, height: main.height, variants };
}

/** Reads the first bytes of a stored file (tests and checks). */
export async function getMedia(db: Db, id: number): Promise<MediaFile | undefined> {
  const [file] = await db.select().from(mediaFiles).where(eq(mediaFiles.id, id));
  return file;
}

export async function readHead(file: string, length = 64): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
