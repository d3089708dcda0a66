import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../../../bin/nhipcau.js', import.meta.url));
const run = (input: string | Buffer, args: string[] = []) => {
  const r = spawnSync(process.execPath, [BIN, 'text', 'analyze', ...args], { input, maxBuffer: 64 << 20 });
  return { code: r.status, out: r.stdout.toString('utf8'), err: r.stderr.toString('utf8') };
};

describe('nhipcau text analyze', () => {
  it('writes one analysis per line, and an error line for each bad line', () => {
    const input = [
      '{"id":"a","text":"Nước ngập tới gối ở Bà Hạt, gọi 0903 123 456 mãi ko ai nghe"}',
      'not json',
      '{"id":7}',
      '[1,2]',
      '',
      '{"id":"b","text":"<script>alert(1)</script> ket xe duong 3/2","source":"rss"}',
    ].join('\n');
    const { code, out } = run(input + '\n');
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(6);
    expect(Object.keys(lines[0])).toEqual(['id', 'text_redacted', 'normalized', 'words', 'sentiment', 'frustration', 'toxicity', 'topics', 'concepts', 'places', 'signature']);
    expect(lines[0].text_redacted).toContain('[SĐT]');
    expect(lines[0].topics).toContain('ngap-nuoc');
    expect(lines[0].concepts).toContain('ngap-nuoc');
    expect(lines[0].places).toEqual([{ id: 'd-ba-hat', name: 'Bà Hạt', type: 'street' }]);
    expect(lines[1]).toEqual({ id: null, error: 'malformed JSON' });
    expect(lines[2]).toEqual({ id: 7, error: 'missing "text" string' });
    expect(lines[3].error).toBeTruthy();
    expect(lines[4]).toEqual({ id: null, error: 'empty line' });
    expect(lines[5].topics).toContain('giao-thong');
  });

  it('refuses arguments with a usage message', () => {
    const { code, err } = run('', ['--model', 'x']);
    expect(code).toBe(2);
    expect(err).toContain('Usage: nhipcau text analyze');
  });
});
