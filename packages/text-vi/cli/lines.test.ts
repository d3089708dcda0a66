import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LineWriter, mapLines, readLines } from './lines.ts';

/** A sink that accepts little at a time and drains later, so back-pressure is exercised. */
function slowSink(): { stream: Writable; text: () => string; waits: () => number } {
  const chunks: Buffer[] = [];
  let waits = 0;
  const stream = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _enc, done) {
      chunks.push(Buffer.from(chunk));
      waits++;
      setImmediate(done);
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8'), waits: () => waits };
}

describe('LineWriter', () => {
  it('writes every line in order, with multi-byte text, lines longer than its buffer and back-pressure', async () => {
    const sink = slowSink();
    const writer = new LineWriter(sink.stream);
    const lines = [
      'Phường 12 kẹt xe 😡',
      'ngập '.repeat(60_000), // 300,000 characters: larger than the buffer
      '',
      ...Array.from({ length: 5_000 }, (_, i) => `dòng ${i} — đường 3/2`),
    ];
    for (const line of lines) await writer.write(line);
    await writer.flush();
    expect(sink.text()).toBe(lines.join('\n') + '\n');
    expect(sink.waits()).toBeGreaterThan(3);
  });

  it('flush() with nothing buffered writes nothing', async () => {
    const sink = slowSink();
    await new LineWriter(sink.stream).flush();
    expect(sink.text()).toBe('');
  });
});

describe('readLines and mapLines', () => {
  it('split lines across chunk boundaries and CRLF, keep a last line without newline, and map each once', async () => {
    const bytes = Buffer.from('một\r\nhai\nba bốn\nnăm', 'utf8');
    // Chunks cut inside a line and inside a multi-byte character.
    const chunks = [bytes.subarray(0, 2), bytes.subarray(2, 9), bytes.subarray(9, 16), bytes.subarray(16)];
    const read: string[] = [];
    for await (const line of readLines(Readable.from(chunks))) read.push(line);
    expect(read).toEqual(['một', 'hai', 'ba bốn', 'năm']);

    const sink = slowSink();
    await mapLines(
      { input: Readable.from(chunks), output: sink.stream, error: sink.stream },
      (line) => { if (line === 'hai') throw new Error('x'); return line.toUpperCase(); },
      (line) => `lỗi:${line}`,
    );
    expect(sink.text()).toBe('MỘT\nlỗi:hai\nBA BỐN\nNĂM\n');
  });
});
