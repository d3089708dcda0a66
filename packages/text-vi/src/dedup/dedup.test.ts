import { describe, expect, it } from 'vitest';
import { LshIndex } from './lsh.ts';
import { signature, similarity } from './signature.ts';

const POST = 'Bà con Phường 12 phản ánh tình trạng kẹt xe kéo dài trên đường Ba Tháng Hai đoạn gần Vạn Hạnh Mall vào giờ cao điểm, mỗi sáng mất 30 phút mới qua được. Đề nghị chính quyền sớm phân luồng.';
const strip = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

// Copy-paste variants of POST that must be grouped with it.
const VARIANTS: [string, string][] = [
  ['emoji added', '😡😡 ' + POST + ' 👍👍'],
  ['"Chia sẻ:" prefix', 'Chia sẻ: ' + POST],
  ['punctuation changed', POST.replace(/,/g, ' -').replace(/\./g, '!!!')],
  ['diacritics removed', strip(POST)],
  ['upper case', POST.toUpperCase()],
  ['one number changed', POST.replace('30 phút', '45 phút')],
  ['one word changed', POST.replace('kẹt xe', 'ùn tắc')],
  ['hashtags added', POST + ' #quan10 #ketxe'],
  ['decomposed Unicode', POST.normalize('NFD')],
];

// Different posts on the same topic: must not be grouped.
const SAME_TOPIC: string[] = [
  'Kẹt xe trên đường Ba Tháng Hai gần Vạn Hạnh Mall lúc tan tầm, xe máy leo lề, không có CSGT phân luồng. Ai đi qua khu vực này nên tránh giờ cao điểm nhé bà con.',
  'Đường Lý Thường Kiệt kẹt xe cả tiếng đồng hồ vì sửa đường, đề nghị phường có biện pháp phân luồng giờ cao điểm cho bà con đi làm.',
  'Sáng nay Ba Tháng Hai lại kẹt cứng, đoạn Vạn Hạnh Mall tới Lê Hồng Phong đi 30 phút chưa qua. Phường 12 có ai biết vì sao không?',
  'Phường 12 họp dân về tình trạng kẹt xe giờ cao điểm trên đường Ba Tháng Hai, người dân đề nghị lắp thêm đèn tín hiệu.',
];

describe('signature', () => {
  it('is compact, versioned hex and stable across runs', () => {
    const sig = signature(POST);
    expect(sig).toMatch(/^m1:[0-9a-f]{256}$/);
    expect(signature(POST)).toBe(sig);
    // Pinned value: a change here breaks stored signatures and must bump the version prefix.
    expect(signature('kẹt xe đường 3/2').slice(0, 23)).toBe(signature('KET XE - duong 3/2 !!!').slice(0, 23));
    expect(signature('kẹt xe')).toBe('m1:' + signatureOfPair('ket', 'xe'));
    expect(signature('Kẹt xe đường 3/2').slice(0, 35)).toBe('m1:143615b44f2142810892169a06cf1dc6');
  });

  it.each(VARIANTS)('groups a copy with %s', (_, variant) => {
    expect(similarity(signature(POST), signature(variant))).toBeGreaterThanOrEqual(0.7);
  });

  it.each(SAME_TOPIC)('keeps a different post on the same topic apart: %s', (other) => {
    expect(similarity(signature(POST), signature(other))).toBeLessThan(0.4);
  });

  it('gives 0 for empty texts and foreign signatures, 1 for itself', () => {
    expect(similarity(signature(''), signature(''))).toBe(0);
    expect(similarity(signature('🙂🙂'), signature(POST))).toBe(0);
    expect(similarity('x', signature(POST))).toBe(0);
    expect(similarity(signature(POST), signature(POST))).toBe(1);
    expect(similarity(signature('ngập'), signature('NGAP'))).toBe(1);
  });
});

describe('LshIndex', () => {
  const index = new LshIndex();
  index.add('post', signature(POST));
  SAME_TOPIC.forEach((t, i) => index.add(`other-${i}`, signature(t)));
  for (let i = 0; i < 200; i++) index.add(`noise-${i}`, signature(`Bài số ${i}: thông báo lịch tiêm chủng đợt ${i} tại trạm y tế phường ${i % 11} cho trẻ từ ${i % 5} tuổi.`));

  it.each(VARIANTS)('finds the original for a copy with %s', (_, variant) => {
    const sig = signature(variant);
    expect(index.candidates(sig)).toContain('post');
    expect(index.near(sig, 0.7).map((n) => n.id)).toEqual(['post']);
  });

  it('does not group different posts on the same topic', () => {
    for (const t of SAME_TOPIC) expect(index.near(signature(t), 0.6).map((n) => n.id)).toHaveLength(1);
  });

  it('replaces and removes entries', () => {
    const small = new LshIndex();
    small.add('a', signature(POST));
    small.add('a', signature(SAME_TOPIC[0]));
    expect(small.size).toBe(1);
    expect(small.near(signature(POST), 0.7)).toEqual([]);
    expect(small.remove('a')).toBe(true);
    expect(small.remove('a')).toBe(false);
    expect(small.candidates(signature(SAME_TOPIC[0]))).toEqual([]);
  });

  it('puts empty texts in no bucket', () => {
    const small = new LshIndex();
    small.add('e1', signature(''));
    expect(small.candidates(signature(''))).toEqual([]);
  });
});

/** Independent re-computation of a one-shingle signature, to pin the hash functions. */
function signatureOfPair(a: string, b: string): string {
  const fnv = (s: string, h = 0x811c9dc5) => { for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193); return h >>> 0; };
  const fmix = (h: number) => { h = Math.imul(h ^ (h >>> 16), 0x85ebca6b); h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35); return (h ^ (h >>> 16)) >>> 0; };
  const h = fmix(fnv(b, fnv(' ', fnv(a))));
  let hex = '';
  for (let k = 0; k < 64; k++) {
    const A = fmix(0x9e3779b9 * (k + 1)) | 1;
    const B = fmix(0x7f4a7c15 * (k + 1));
    hex += ((((Math.imul(h, A) + B) >>> 0) >>> 16) & 0xffff).toString(16).padStart(4, '0');
  }
  return hex;
}
