import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

/** Runs `node bin/nhipcau.js text segment …` with raw bytes on stdin. */
function run(input: Buffer | string, args: string[] = []) {
  const r = spawnSync(process.execPath, ['bin/nhipcau.js', 'text', 'segment', ...args], { cwd: root, input, maxBuffer: 64 << 20, timeout: 60_000 });
  return { code: r.status, out: r.stdout.toString('utf8'), err: r.stderr.toString('utf8') };
}

const lines = (out: string) => {
  expect(out.endsWith('\n')).toBe(true);
  return out.slice(0, -1).split('\n');
};

describe('nhipcau text segment', () => {
  it('writes one segmented line per input line, in order, empty for empty', () => {
    const r = run('Hà Nội là thủ đô của Việt Nam.\n\nChủ tịch UBND phường đã chỉ đạo xử lý.\nhok bjk làm j\n');
    expect(r.code).toBe(0);
    expect(lines(r.out)).toEqual(['Hà_Nội là thủ_đô của Việt_Nam .', '', 'Chủ_tịch UBND phường đã chỉ_đạo xử_lý .', 'hok bjk làm j']);
  });

  it('only groups tokens of pre-tokenised text with --pretokenized', () => {
    const text = 'Tôi nhớ lời anh chủ tịch xã Bùi Văn Luyến nhắc đi nhắc lại : " Coi bộ nhỏ nhưng quan trọng lắm !';
    const r = run(`${text}\n`, ['--pretokenized']);
    expect(r.code).toBe(0);
    const [out] = lines(r.out);
    expect(out.replace(/_/g, ' ')).toBe(text);
    expect(out).toContain('Bùi_Văn_Luyến');
  });

  it('survives invalid UTF-8, control, zero-width and bidi characters, CRLF and a missing final newline', () => {
    const input = Buffer.concat([
      Buffer.from('Hà Nội\r\n'),
      Buffer.from([0xff, 0xfe, 0x20, 0xc3, 0x28, 0x0a]), // invalid UTF-8
      Buffer.from('thủ\u0000đô\u0007 \u200bxin\u202echào\u2028bạn\u0085!\n'),
      Buffer.from('\r\n'),
      Buffer.from('dòng cuối không có xuống dòng'),
    ]);
    const r = run(input);
    expect(r.code).toBe(0);
    const out = lines(r.out);
    expect(out).toHaveLength(5);
    expect(out[0]).toBe('Hà_Nội');
    expect(out[3]).toBe('');
    for (const l of out) expect(l).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
  });

  it('handles a 1 MB line next to short ones', () => {
    const big = 'Người dân phản ánh tình trạng ngập nước kéo dài. '.repeat(21_000);
    const r = run(`đầu\n${big}\ncuối\n`);
    expect(r.code).toBe(0);
    const out = lines(r.out);
    expect(out).toHaveLength(3);
    expect(out[0]).toBe('đầu');
    expect(out[1]).toContain('phản_ánh tình_trạng');
    expect(out[2]).toBe('cuối');
  });

  it('rejects unknown options with exit code 2', () => {
    const r = run('', ['--bogus']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown option/);
  });
});
