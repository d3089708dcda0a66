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

/** Yields input lines without their terminator ("\n" or "\r\n"). Invalid UTF-8 is replaced, never fatal. */
export async function* readLines(input: Readable): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let pending = '';
  for await (const chunk of input) {
    pending += decoder.decode(chunk as Uint8Array, { stream: true });
    let start = 0;
    let nl: number;
    while ((nl = pending.indexOf('\n', start)) !== -1) {
      yield stripCR(pending.slice(start, nl));
      start = nl + 1;
    }
    pending = pending.slice(start);
  }
  pending += decoder.decode();
  if (pending.length > 0) yield stripCR(pending);
}

const stripCR = (line: string): string => (line.endsWith('\r') ? line.slice(0, -1) : line);

/** Buffered writer that respects back-pressure; flush() must be awaited before exit. */
export class LineWriter {
  private buffer: string[] = [];
  private size = 0;
  constructor(private readonly out: Writable, private readonly highWater = 1 << 16) {}

  async write(line: string): Promise<void> {
    this.buffer.push(line, '\n');
    this.size += line.length + 1;
    if (this.size >= this.highWater) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const text = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    if (!this.out.write(text)) {
      await new Promise<void>((resolve, reject) => {
        const onDrain = () => { this.out.off('error', onError); resolve(); };
        const onError = (e: Error) => { this.out.off('drain', onDrain); reject(e); };
        this.out.once('drain', onDrain);
        this.out.once('error', onError);
      });
    }
  }
}

/** Runs `fn` over every line; a throwing line still yields exactly one output line. */
export async function mapLines(io: LineIO, fn: (line: string) => string, onError: (line: string, e: unknown) => string): Promise<void> {
  const writer = new LineWriter(io.output);
  for await (const line of readLines(io.input)) {
    let out: string;
    try { out = fn(line); } catch (e) { out = onError(line, e); }
    await writer.write(out);
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
