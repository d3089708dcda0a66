import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../../../bin/nhipcau.js', import.meta.url));
const run = (args: string[], input: string | Buffer = '') => {
  const r = spawnSync(process.execPath, [BIN, 'text', 'query', ...args], { input, maxBuffer: 64 << 20 });
  return { code: r.status, out: r.stdout.toString('utf8'), err: r.stderr.toString('utf8') };
};

const POSTS = [
  '{"id":"a","text":"Kẹt xe kinh khủng trên đường 3/2","source":"facebook"}',
  '{"id":"b","text":"ket xe o P.12 qua troi","source":"zalo"}',
  '{"id":"c","text":"Nước ngập tới gối ở Bà Hạt"}',
  '{"id": "d", "text": "kẹt   XE!!!",   "extra": [1, 2]}',
];

describe('nhipcau text query', () => {
  it('prints the matching lines verbatim and nothing for the others', () => {
    const { code, out } = run(['"kẹt xe"'], POSTS.join('\n') + '\n');
    expect(code).toBe(0);
    expect(out).toBe([POSTS[0], POSTS[1], POSTS[3]].join('\n') + '\n');
  });

  it('filters on source and on places found in the text', () => {
    expect(run(['ket source:zalo'], POSTS.join('\n')).out).toBe(POSTS[1] + '\n');
    expect(run(['place:q10-p12'], POSTS.join('\n')).out).toBe(POSTS[1] + '\n');
    expect(run(['place:d-ba-hat OR place:d-ba-thang-hai'], POSTS.join('\n')).out).toBe([POSTS[0], POSTS[2]].join('\n') + '\n');
    expect(run(['place:x'], '{"id":1,"text":"","places":["x"]}\n').out).toBe('{"id":1,"text":"","places":["x"]}\n');
  });

  it('writes an error line for each malformed line and survives hostile input', () => {
    const input = Buffer.concat([
      Buffer.from('not json\n'),
      Buffer.from('[1,2]\n'),
      Buffer.from('{"id":7}\n'),
      Buffer.from('{"id":8,"text":"k\u1eb9t xe \u202e\u200b"}\n'),
      Buffer.from([0x7b, 0xff, 0x0a]), // invalid UTF-8
      Buffer.from('\n'),
      Buffer.from(`{"id":9,"text":"${'x '.repeat(500_000)}kẹt xe"}\n`),
    ]);
    const { code, out } = run(['"ket xe"'], input);
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines.slice(0, 3).map((l) => JSON.parse(l))).toEqual([
      { id: null, error: 'malformed JSON' },
      { id: null, error: 'expected a JSON object' },
      { id: 7, error: 'missing "text" string' },
    ]);
    expect(JSON.parse(lines[3]).id).toBe(8);
    expect(JSON.parse(lines[4])).toEqual({ id: null, error: 'malformed JSON' });
    expect(JSON.parse(lines[5]).id).toBe(9);
    expect(lines).toHaveLength(6);
  });

  it('reports a query error with its position and exits 2', () => {
    const { code, out, err } = run(['(kẹt xe OR ngập'], POSTS.join('\n'));
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/Missing '\)'.*position 15/);
    expect(err).toContain('^');
  });

  it('needs exactly one query argument', () => {
    expect(run([]).code).toBe(2);
    expect(run(['a', 'b']).code).toBe(2);
  });
});
