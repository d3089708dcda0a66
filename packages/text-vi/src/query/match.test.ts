import { describe, expect, it } from 'vitest';
import { prepareDocument } from './document.ts';
import { compileQuery, matchQuery } from './match.ts';
import { parseQuery } from './parse.ts';

const q = (s: string) => compileQuery(parseQuery(s));

// [query, text, matches?]
const TABLE: [string, string, boolean][] = [
  ['ngập', 'Đường Bà Hạt ngập sâu', true],
  ['ngập', 'duong ba hat ngap sau', true],
  ['ngập', 'ĐƯỜNG NGẬP', true],
  ['ngập', 'ngập'.normalize('NFD'), true],
  ['ngap nuoc', 'nước ngập tới gối', true],
  ['"ngap nuoc"', 'nước ngập tới gối', false],
  ['"nước ngập"', 'nuoc ngap toi goi', true],
  ['"kẹt xe"', 'kẹt   xe!!!', true],
  ['"kẹt xe"', 'kẹt cứng, xe không đi được', false],
  ['kẹt OR tắc', 'tắc đường quá', true],
  ['kẹt OR tắc', 'thông thoáng', false],
  ['ngập -triều', 'ngập do triều cường', false],
  ['ngập -triều', 'ngập do mưa', true],
  ['NOT rác', 'đường sạch', true],
  ['ngap*', 'ngập úng', true],
  ['ngap*', 'ngáp ngủ', true],
  ['ngap*', 'ngay ngắn', false],
  ['"ket xe*"', 'kẹt xe cộ', true],
  ['=hôi', 'mùi hôi quá', true],
  ['=hôi', 'cho em hỏi', false],
  ['=hôi', 'cho em hoi', false],
  ['=hòa', 'phường hoà hưng', true],
  ['=hòa', 'hoa hồng', false],
  ['="hôi thối"', 'HÔI THỐI', true],
  ['="hôi thối"', 'hoi thoi', false],
  ['lừa NEAR/3 chuyển', 'bị lừa rồi mới chuyển tiền', true],
  ['lừa NEAR/1 chuyển', 'bị lừa rồi mới chuyển tiền', false],
  ['chuyển NEAR/2 lừa', 'bị lừa rồi mới chuyển tiền', true],
  ['"giả danh" NEAR/4 "công an"', 'gọi điện giả danh cán bộ công an phường', true],
  ['"giả danh" NEAR/1 "công an"', 'gọi điện giả danh cán bộ phường rồi nói là công an', false],
  ['(ngập OR lụt) AND (đường OR hẻm)', 'hẻm 12 ngập', true],
  ['(ngập OR lụt) AND (đường OR hẻm)', 'nhà ngập', false],
  ['and', 'rác and bụi', true],
  ['3/2', 'đường 3/2 kẹt', true],
  ['3/2', 'đường 3 tháng 2 kẹt', false],
  ['', '', false],
];

describe('matchQuery', () => {
  it.each(TABLE.filter(([s]) => s))('%s ~ %s → %s', (query, text, expected) => {
    expect(matchQuery(q(query), { text })).toBe(expected);
  });

  it('filters on source and place ids', () => {
    const c = q('ngập source:facebook place:q10-p12');
    expect(matchQuery(c, { text: 'ngập', source: 'Facebook', places: ['q10-p12'] })).toBe(true);
    expect(matchQuery(c, { text: 'ngập', source: 'zalo', places: ['q10-p12'] })).toBe(false);
    expect(matchQuery(c, { text: 'ngập', source: 'facebook', places: ['q10-p14'] })).toBe(false);
    expect(matchQuery(q('place:q10-*'), { text: '', places: ['q10-p14'] })).toBe(true);
    expect(matchQuery(q('place:q10-*'), { text: '' })).toBe(false);
  });

  it('reuses one prepared text across many queries', () => {
    const text = prepareDocument('Kẹt xe, ngập nước ở đường 3/2 gần Vạn Hạnh Mall');
    expect(['"kẹt xe"', 'ngập', '3/2', 'rác', 'van hanh NEAR/1 mall'].map((s) => matchQuery(q(s), { text }))).toEqual([true, true, true, false, true]);
  });
});
