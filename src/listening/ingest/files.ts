// Reading post files as streams: JSONL ({"id","source","author","created_at","text","parent_id","url"}
// per line) and CSV with a header row and an optional column mapping. Memory stays flat whatever the
// file's size. Each record carries its line number; a bad line becomes a reason, never an exception.
// Bytes that are not UTF-8 are read as Windows-1258 (Vietnamese Windows), UTF-16 files by their BOM.
import { createReadStream } from 'node:fs';
import { parse as parseCsv } from 'csv-parse';
import type { RawPost } from './prepare.ts';

export interface FileRecord {
  line: number;
  post?: RawPost & { source?: string };
  error?: string;
  /** The line was not UTF-8 and was read as Windows-1258. */
  recoded?: boolean;
}

export type FileFormat = 'jsonl' | 'csv';

/** Lines longer than this are refused (a 1 MB post fits; a broken file without newlines does not stall). */
export const MAX_LINE_BYTES = 8 * 1024 * 1024;

export function formatOf(file: string, declared?: string): FileFormat {
  if (declared === 'csv' || declared === 'jsonl') return declared;
  return /\.(csv|tsv)$/i.test(file) ? 'csv' : 'jsonl';
}

export function readPostFile(file: string, format: FileFormat, mapping: Record<string, string> = {}): AsyncGenerator<FileRecord> {
  return format === 'csv' ? readCsv(file, mapping) : readJsonl(file);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const cp1258 = new TextDecoder('windows-1258');

/** Byte lines of a file (without "\n" or "\r\n"), with their numbers; over-long lines come back as null. */
async function* byteLines(file: string): AsyncGenerator<{ line: number; bytes: Uint8Array | null }> {
  let pending: Buffer[] = [];
  let pendingSize = 0;
  let tooLong = false;
  let line = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(10, start);
      if (nl === -1) break;
      line++;
      const piece = chunk.subarray(start, nl);
      if (tooLong || pendingSize + piece.length > MAX_LINE_BYTES) yield { line, bytes: null };
      else yield { line, bytes: stripCr(pending.length ? Buffer.concat([...pending, piece]) : piece) };
      pending = [];
      pendingSize = 0;
      tooLong = false;
      start = nl + 1;
    }
    if (start < chunk.length && !tooLong) {
      const rest = chunk.subarray(start);
      if (pendingSize + rest.length > MAX_LINE_BYTES) {
        tooLong = true;
        pending = [];
        pendingSize = 0;
      } else {
        pending.push(Buffer.from(rest));
        pendingSize += rest.length;
      }
    }
  }
  if (tooLong) yield { line: line + 1, bytes: null };
  else if (pendingSize) yield { line: line + 1, bytes: stripCr(Buffer.concat(pending)) };
}

const stripCr = (b: Uint8Array): Uint8Array => (b.length && b[b.length - 1] === 13 ? b.subarray(0, b.length - 1) : b);

function decode(bytes: Uint8Array): { text: string; recoded: boolean } {
  try {
    return { text: utf8.decode(bytes), recoded: false };
  } catch {
    return { text: cp1258.decode(bytes), recoded: true };
  }
}

async function* readJsonl(file: string): AsyncGenerator<FileRecord> {
  let first = true;
  for await (const { line, bytes } of byteLines(file)) {
    if (!bytes) {
      yield { line, error: `line longer than ${MAX_LINE_BYTES / 1048576} MB` };
      continue;
    }
    let b = bytes;
    if (first) {
      first = false;
      if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
      else if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) {
        yield* readUtf16Jsonl(file, b[0] === 0xff ? 'utf-16le' : 'utf-16be');
        return;
      }
    }
    const { text, recoded } = decode(b);
    if (!text.trim()) continue;
    yield { ...jsonRecord(text, line), ...(recoded ? { recoded } : {}) };
  }
}

/** UTF-16 files are rare; they are decoded as text and split on newlines. */
async function* readUtf16Jsonl(file: string, encoding: 'utf-16le' | 'utf-16be'): AsyncGenerator<FileRecord> {
  const decoder = new TextDecoder(encoding);
  let pending = '';
  let line = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    pending += decoder.decode(chunk, { stream: true });
    let nl: number;
    while ((nl = pending.indexOf('\n')) !== -1) {
      line++;
      const text = pending.slice(0, nl).replace(/\r$/, '').replace(/^\ufeff/, '');
      pending = pending.slice(nl + 1);
      if (text.trim()) yield jsonRecord(text, line);
    }
    if (pending.length > MAX_LINE_BYTES) {
      yield { line: ++line, error: `line longer than ${MAX_LINE_BYTES / 1048576} MB` };
      pending = '';
    }
  }
  pending += decoder.decode();
  if (pending.trim()) yield jsonRecord(pending.replace(/^\ufeff/, ''), line + 1);
}

function jsonRecord(text: string, line: number): FileRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { line, error: 'malformed JSON' };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { line, error: 'not a JSON object' };
  return { line, post: fromFields(value as Record<string, unknown>) };
}

/** The JSONL fields (and the same names as CSV columns) as a raw post; other common names of a field
 * ("posted_at", "message", "post_id") are read when the usual one is absent. */
function fromFields(fields: Record<string, unknown>): RawPost & { source?: string } {
  const o: Record<string, unknown> = {};
  for (const [field, names] of Object.entries(ALIASES)) {
    const name = names.find((n) => fields[n] !== undefined);
    if (name !== undefined) o[field] = fields[name];
  }
  const author = o.author;
  let authorExternalId: unknown = undefined;
  let authorName: unknown = undefined;
  if (author && typeof author === 'object') {
    authorExternalId = (author as Record<string, unknown>).id;
    authorName = (author as Record<string, unknown>).name;
  } else if (typeof author === 'string' || typeof author === 'number') authorExternalId = author;
  if (o.author_name !== undefined) authorName = o.author_name;
  return {
    externalId: o.id,
    source: typeof o.source === 'string' && o.source.trim() ? o.source.trim() : undefined,
    authorExternalId,
    authorName,
    createdAt: o.created_at,
    text: o.text,
    parentExternalId: o.parent_id,
    url: o.url,
  };
}

/** Common column names of exports, for CSV files without a mapping. */
const ALIASES: Record<string, string[]> = {
  id: ['id', 'post_id', 'comment_id', 'ma', 'mã'],
  text: ['text', 'message', 'content', 'body', 'noi_dung', 'nội dung', 'comment'],
  created_at: ['created_at', 'created_time', 'posted_at', 'time', 'date', 'timestamp', 'published', 'thoi_gian', 'thời gian', 'ngay', 'ngày'],
  author: ['author', 'author_id', 'user', 'user_id', 'from_id', 'from', 'nguoi_dang', 'người đăng'],
  author_name: ['author_name', 'user_name', 'from_name', 'name'],
  parent_id: ['parent_id', 'parent', 'reply_to'],
  url: ['url', 'link', 'permalink', 'permalink_url'],
  source: ['source', 'nguon', 'nguồn'],
};

/** "text=message,created_at=time" → {text: 'message', created_at: 'time'}; unknown field names throw. */
export function parseMapping(spec: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!spec?.trim()) return out;
  for (const pair of spec.split(',')) {
    const [field, column] = pair.split('=').map((s) => s.trim());
    if (!field || !column || !(field in ALIASES)) throw new Error(`bad column mapping "${pair.trim()}" (fields: ${Object.keys(ALIASES).join(', ')})`);
    out[field] = column;
  }
  return out;
}

async function* readCsv(file: string, mapping: Record<string, string>): AsyncGenerator<FileRecord> {
  const encoding = await sniffEncoding(file);
  const decoder = new TextDecoder(encoding);
  const parser = parseCsv({ columns: true, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true, max_record_size: MAX_LINE_BYTES, delimiter: /\.tsv$/i.test(file) ? '\t' : ',' });
  const source = createReadStream(file, { highWaterMark: 1 << 20 });
  let failed: string | null = null;
  const feed = (async () => {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      if (!parser.write(decoder.decode(chunk, { stream: true }))) await new Promise((r) => parser.once('drain', r));
    }
    parser.end(decoder.decode());
  })().catch((e: unknown) => {
    failed = (e as Error).message;
    parser.end();
  });
  let columns: Map<string, string> | null = null;
  try {
    for await (const item of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      columns ??= resolveColumns(Object.keys(item.record), mapping);
      const o: Record<string, unknown> = {};
      for (const [field, column] of columns) o[field] = item.record[column];
      yield { line: item.info.lines, post: fromFields(o) };
    }
  } catch (e) {
    yield { line: 0, error: `CSV unreadable: ${(e as Error).message.slice(0, 200)}` };
  }
  await feed;
  if (failed) yield { line: 0, error: `CSV unreadable: ${failed}` };
}

function resolveColumns(header: string[], mapping: Record<string, string>): Map<string, string> {
  const lower = new Map(header.map((h) => [h.trim().toLowerCase(), h]));
  const out = new Map<string, string>();
  for (const [field, aliases] of Object.entries(ALIASES)) {
    const wanted = mapping[field];
    const column = wanted ? lower.get(wanted.toLowerCase()) : aliases.map((a) => lower.get(a)).find(Boolean);
    if (column) out.set(field, column);
  }
  return out;
}

/** UTF-8 unless the start of the file is not valid UTF-8 (then Windows-1258) or has a UTF-16 BOM. */
async function sniffEncoding(file: string): Promise<string> {
  const stream = createReadStream(file, { start: 0, end: 65_535 });
  const chunks: Buffer[] = [];
  for await (const c of stream as AsyncIterable<Buffer>) chunks.push(c);
  const head = Buffer.concat(chunks);
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  // Cut at the last complete character before checking.
  let end = head.length;
  while (end > 0 && end > head.length - 4 && (head[end - 1] & 0xc0) === 0x80) end--;
  if (end > 0 && head[end - 1] >= 0xc0) end--;
  try {
    utf8.decode(head.subarray(0, end));
    return 'utf-8';
  } catch {
    return 'windows-1258';
  }
}
