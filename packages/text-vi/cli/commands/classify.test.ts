import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'nhipcau-classify-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs `node bin/nhipcau.js text <args>` with raw bytes on stdin. */
function run(args: string[], input: Buffer | string = '') {
  const r = spawnSync(process.execPath, ['bin/nhipcau.js', 'text', ...args], { cwd: root, input, maxBuffer: 64 << 20, timeout: 60_000 });
  return { code: r.status, out: r.stdout.toString('utf8'), err: r.stderr.toString('utf8') };
}

const jsonLines = (out: string) => {
  expect(out.endsWith('\n')).toBe(true);
  return out.slice(0, -1).split('\n').map((l) => JSON.parse(l) as { id: unknown; label?: string; scores?: Record<string, number>; error?: string });
};
const jsonl = (records: unknown[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';
const sum = (scores: Record<string, number> = {}) => Object.values(scores).reduce((a, b) => a + b, 0);

describe('nhipcau text classify --model sentiment', () => {
  it('labels each record negative/neutral/positive with scores that sum to 1, ids kept', () => {
    const r = run(['classify', '--model', 'sentiment'], jsonl([
      { id: 1, text: 'Cảm ơn cán bộ phường rất nhiệt tình 👍' },
      { id: 'b', text: 'ko tốt chút nào, chán vl' },
      { id: null, text: 'Phường thông báo lịch tiêm chủng tuần tới' },
      { id: [1, 2], text: 'cam on phuong da xu ly nhanh' },
    ]));
    expect(r.code).toBe(0);
    const out = jsonLines(r.out);
    expect(out.map((o) => [o.id, o.label])).toEqual([[1, 'positive'], ['b', 'negative'], [null, 'neutral'], [[1, 2], 'positive']]);
    for (const o of out) {
      expect(Object.keys(o.scores!).sort()).toEqual(['negative', 'neutral', 'positive']);
      expect(sum(o.scores)).toBeCloseTo(1, 4);
    }
  });

  it('gives every input line one output line, errors as {"id","error"}, whatever the bytes', () => {
    const input = Buffer.concat([
      Buffer.from('{"id":1,"text":"tốt"}\r\n'),
      Buffer.from([0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x32, 0x2c, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xc3, 0x28, 0x22, 0x7d, 0x0a]), // {"id":2,"text":"<invalid UTF-8>"}
      Buffer.from('\n'),
      Buffer.from('not json at all\n'),
      Buffer.from('{"id":5,"text":"đẹp\\u0000\\u0007 x\u200by \u202eRTL\u202c \u2066isolate\u2069"}\n'),
      Buffer.from('{"id":6}\n'),
      Buffer.from('"just a string"\n'),
      Buffer.from(JSON.stringify({ id: 8, text: 'Người dân bức xúc vì ngập nước. '.repeat(33_000) }) + '\n'), // ~1 MB
      Buffer.from('{"id":9,"text":"cuối cùng, không có xuống dòng"}'),
    ]);
    const r = run(['classify', '--model', 'sentiment'], input);
    expect(r.code).toBe(0);
    const out = jsonLines(r.out);
    expect(out).toHaveLength(9);
    expect(out.map((o) => o.id)).toEqual([1, 2, null, null, 5, 6, null, 8, 9]);
    expect(out[0].label).toBe('positive');
    expect(out[1].label).toBeDefined();
    expect(out[2].error).toBe('empty line');
    expect(out[3].error).toBe('malformed JSON');
    expect(out[4].label).toBe('positive');
    expect(out[5].error).toMatch(/text/);
    expect(out[6].error).toMatch(/object/);
    expect(out[7].label).toBe('negative');
    expect(out[8].label).toBeDefined();
  });
});

describe('nhipcau text classify --model toxicity', () => {
  it.each([
    ['Cảm ơn anh đã chia sẻ thông tin hữu ích', 'clean'],
    ['Đề nghị phường sớm sửa đường, cảm ơn', 'clean'],
    ['bài viết hay lắm ạ', 'clean'],
    ['đồ ngu như chó', 'offensive'],
    ['câm mồm đi thằng khốn', 'offensive'],
    ['dm thằng óc chó nói láo', 'offensive'],
  ])('%s → %s', (text, label) => {
    const r = run(['classify', '--model', 'toxicity'], jsonl([{ id: 1, text }]));
    expect(r.code).toBe(0);
    const [o] = jsonLines(r.out);
    expect(o.label).toBe(label);
    expect(Object.keys(o.scores!).sort()).toEqual(['clean', 'offensive']);
    expect(sum(o.scores)).toBeCloseTo(1, 4);
  });
});

describe('nhipcau text train + classify --model FILE', () => {
  const rows = [
    ...['kẹt xe giờ cao điểm', 'đèn tín hiệu hỏng', 'ùn tắc giao thông', 'ket xe qua troi', 'xe máy chạy ngược chiều', 'lô cốt chắn đường'].map((text) => ({ text, label: 'giao thông' })),
    ...['rác thải bốc mùi', 'nước thải đen ngòm', 'khói bụi công trình', 'rac thai boc mui', 'đốt rác gây khói', 'kênh rạch ô nhiễm'].map((text) => ({ text, label: 'môi trường' })),
  ];
  const train = join(tmp, 'train.jsonl');
  const dev = join(tmp, 'dev.jsonl');
  const model = join(tmp, 'model.bin');
  writeFileSync(train, jsonl(rows.flatMap((r) => [r, { text: `phản ánh ${r.text} ở khu phố`, label: r.label }])) + 'oops\n{"text":"no label"}\n{"label":"no text"}\n');
  writeFileSync(dev, jsonl([{ text: 'kẹt xe', label: 'giao thông' }, { text: 'rác thải', label: 'môi trường' }]));

  it('trains, reports skipped lines by number and dev figures, and the model classifies', () => {
    const r = run(['train', '--train', train, '--dev', dev, '--out', model]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/skipped 3 bad lines \(line 25: malformed JSON; line 26: missing "label".*; line 27: missing "text" string\)/);
    expect(r.out).toMatch(/trained on 24 examples, 2 labels \(giao thông, môi trường\)/);
    expect(r.out).toMatch(/dev: 2 examples, accuracy 1\.0000, macro-F1 1\.0000/);
    const c = run(['classify', '--model', model], jsonl([{ id: 'x', text: 'đường kẹt xe quá' }, { id: 'y', text: 'rác bốc mùi' }]));
    expect(c.code).toBe(0);
    expect(jsonLines(c.out).map((o) => o.label)).toEqual(['giao thông', 'môi trường']);
  });

  it('keeps numeric labels as strings', () => {
    const numeric = join(tmp, 'numeric.jsonl');
    writeFileSync(numeric, jsonl(rows.map((r) => ({ text: r.text, label: r.label === 'giao thông' ? 0 : 1 }))));
    const out = join(tmp, 'numeric.bin');
    expect(run(['train', '--train', numeric, '--out', out]).code).toBe(0);
    const [o] = jsonLines(run(['classify', '--model', out], jsonl([{ id: 1, text: 'kẹt xe' }])).out);
    expect(Object.keys(o.scores!).sort()).toEqual(['0', '1']);
    expect(o.label).toBe('0');
  });

  it('fails clearly on missing files, missing options and unusable data', () => {
    const missing = run(['train', '--train', join(tmp, 'nope.jsonl'), '--out', model]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/cannot read .*nope\.jsonl/);
    expect(run(['train', '--train', train]).code).toBe(2);
    const oneLabel = join(tmp, 'one.jsonl');
    writeFileSync(oneLabel, jsonl([{ text: 'a', label: 'x' }, { text: 'b', label: 'x' }]));
    const r = run(['train', '--train', oneLabel, '--out', model]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/at least 2 different labels/);
    const noModel = run(['classify', '--model', join(tmp, 'nope.bin')], jsonl([{ id: 1, text: 'x' }]));
    expect(noModel.code).toBe(1);
    expect(noModel.err).toMatch(/cannot load model/);
    expect(run(['classify']).code).toBe(2);
  });
});
