// Line-oriented stdin/stdout plumbing shared by every `nhipcau text` command.
// Contract: one output line per input line, in order; bad bytes become U+FFFD rather than errors;
// the process exits 0 unless reading or writing itself fails.
import type { Readable, Writable } from 'node:stream';

export interface LineIO {
  input: Readable;
  output: Writable;
  error: Writable;
}

export const processIO = (): LineIO => ({ input: process.stdin, output: process.stdout, error: process.stderr });

/**
 * Yields the input's lines without their terminator ("\n" or "\r\n"), as many as each chunk
 * completes, in one array (per-line async steps cost more than short commands do). Invalid UTF-8 is
 * replaced, never fatal.
 */
export async function* readLineBatches(input: Readable): AsyncGenerator<string[]> {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let pending = '';
  for await (const chunk of input) {
    pending += decoder.decode(chunk as Uint8Array, { stream: true });
    const lines: string[] = [];
    let start = 0;
    let nl: number;
    while ((nl = pending.indexOf('\n', start)) !== -1) {
      lines.push(stripCR(pending.slice(start, nl)));
      start = nl + 1;
    }
    pending = pending.slice(start);
    if (lines.length > 0) yield lines;
  }
  pending += decoder.decode();
  if (pending.length > 0) yield [stripCR(pending)];
}

/** readLineBatches(), line by line. */
export async function* readLines(input: Readable): AsyncGenerator<string> {
  for await (const lines of readLineBatches(input)) yield* lines;
}

const stripCR = (line: string): string => (line.endsWith('\r') ? line.slice(0, -1) : line);

const BUFFER_SIZE = 1 << 16;

/**
 * Buffered writer that respects back-pressure; flush() must be awaited before exit. Lines are
 * encoded straight into a byte buffer (joining strings and encoding the result costs more).
 */
export class LineWriter {
  private buffer = Buffer.allocUnsafe(BUFFER_SIZE);
  private used = 0;
  /** Filled buffers not yet handed to the stream. */
  private pending: Buffer[] = [];
  constructor(private readonly out: Writable) {}

  /** Buffers `line` and a newline; true when the buffer is due to be flushed. */
  push(line: string): boolean {
    // A UTF-16 unit takes at most 3 bytes in UTF-8.
    if (this.used + 3 * line.length + 1 > this.buffer.length) {
      if (this.used > 0) this.pending.push(this.take());
      if (3 * line.length + 1 > this.buffer.length) {
        this.pending.push(Buffer.from(line + '\n'));
        return true;
      }
    }
    this.used += this.buffer.write(line, this.used);
    this.buffer[this.used++] = 10;
    return this.pending.length > 0;
  }

  async write(line: string): Promise<void> {
    if (this.push(line)) await this.flush(false);
  }

  /** Writes what is buffered (all of it, or only the full buffers) and waits while the output is full. */
  async flush(all = true): Promise<void> {
    if (all && this.used > 0) this.pending.push(this.take());
    const chunks = this.pending;
    this.pending = [];
    for (const chunk of chunks) {
      if (this.out.write(chunk)) continue;
      await new Promise<void>((resolve, reject) => {
        const onDrain = () => { this.out.off('error', onError); resolve(); };
        const onError = (e: Error) => { this.out.off('drain', onDrain); reject(e); };
        this.out.once('drain', onDrain);
        this.out.once('error', onError);
      });
    }
  }

  /** The buffered bytes, handed over; a new buffer takes their place (the stream may keep the old one). */
  private take(): Buffer {
    const full = this.buffer.subarray(0, this.used);
    this.buffer = Buffer.allocUnsafe(BUFFER_SIZE);
    this.used = 0;
    return full;
  }
}

/** Runs `fn` over every line; a throwing line still yields exactly one output line. */
export async function mapLines(io: LineIO, fn: (line: string) => string, onError: (line: string, e: unknown) => string): Promise<void> {
  const writer = new LineWriter(io.output);
  for await (const lines of readLineBatches(io.input)) {
    let full = false;
    for (const line of lines) {
      let out: string;
      try { out = fn(line); } catch (e) { out = onError(line, e); }
      full = writer.push(out) || full;
    }
    if (full) await writer.flush(false);
  }
  await writer.flush();
}

export interface JsonRecord { id: unknown; text: string; [key: string]: unknown }

/** Parses a JSONL input line of the shape {"id","text"}; returns an error message instead of throwing. */
export function parseRecord(line: string): { ok: true; record: JsonRecord } | { ok: false; id: unknown; error: string } {
  let value: unknown;
  try { value = JSON.parse(line); } catch { return { ok: false, id: null, error: 'malformed JSON' }; }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, id: null, error: 'expected a JSON object' };
  const obj = value as Record<string, unknown>;
  const id = obj.id ?? null;
  if (typeof obj.text !== 'string') return { ok: false, id, error: 'missing "text" string' };
  return { ok: true, record: obj as JsonRecord };
}

export const errorLine = (id: unknown, error: string): string => JSON.stringify({ id: id ?? null, error });
