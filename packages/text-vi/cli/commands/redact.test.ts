import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../../../bin/nhipcau.js', import.meta.url));
const run = (input: string | Buffer, args: string[] = []) => {
  const r = spawnSync(process.execPath, [BIN, 'text', 'redact', ...args], { input, maxBuffer: 64 << 20 });
  return { code: r.status, out: r.stdout.toString('utf8'), err: r.stderr.toString('utf8') };
};

describe('nhipcau text redact', () => {
  it('replaces personal data line by line', () => {
    const { code, out } = run('Liên hệ anh Nam 0903 123 456\nmail lan@gmail.com, STK 0071000123456\nNgày 12/3, giá 1.500.000đ, gọi 113\n');
    expect(code).toBe(0);
    expect(out).toBe('Liên hệ anh [TÊN] [SĐT]\nmail [EMAIL], STK [STK]\nNgày 12/3, giá 1.500.000đ, gọi 113\n');
  });

  it('writes exactly one line per input line, whatever the input', () => {
    const lines: (string | Buffer)[] = [
      '',
      'chị Lan 0903123456',
      Buffer.from([0x61, 0xff, 0xfe, 0x62, 0x20, 0x30, 0x39, 0x30, 0x33, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36]), // invalid UTF-8
      '\u202eCCCD 079203001234\u202c', // RTL override
      'zero\u200bwidth\u200d sđt\u00a00903\u00a0123\u00a0456',
      'ctrl \u0001\u0007\u001b[31m \r mid-line CR \u2028 LS',
      'Привет мир 你好 ☎ 0903 123 456 مرحبا', // mixed scripts
      '{"id": 1, "text": "not json for this command"',
      'x'.repeat(1 << 20) + ' 0903123456', // a 1 MB line
      '   ',
    ];
    const input = Buffer.concat(lines.flatMap((l) => [Buffer.isBuffer(l) ? l : Buffer.from(l), Buffer.from('\n')]));
    const { code, out } = run(input);
    expect(code).toBe(0);
    const outLines = out.split('\n');
    expect(outLines.pop()).toBe('');
    expect(outLines).toHaveLength(lines.length);
    expect(outLines[1]).toBe('chị [TÊN] [SĐT]');
    expect(outLines[2]).toBe('a\ufffd\ufffdb [SĐT]');
    expect(outLines[3]).toBe('\u202eCCCD [CCCD]\u202c');
    expect(outLines[4]).toContain('[SĐT]');
    expect(outLines[6]).toContain('[SĐT]');
    expect(outLines[8].endsWith(' [SĐT]')).toBe(true);
  });

  it('handles CRLF input and a last line without a newline', () => {
    expect(run('a 0903123456\r\nb').out).toBe('a [SĐT]\nb\n');
  });

  it('rejects unexpected arguments with usage and code 2', () => {
    const { code, err } = run('', ['--bogus']);
    expect(code).toBe(2);
    expect(err).toContain('Usage: nhipcau text redact');
  });
});
