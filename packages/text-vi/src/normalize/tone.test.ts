import { describe, expect, it } from 'vitest';
import { normalizeTonePlacement, placeTone } from './tone.ts';

// [as typed, old style (default), new style]
const SYLLABLES: [string, string, string][] = [
  ['hoà', 'hòa', 'hoà'],
  ['hòa', 'hòa', 'hoà'],
  ['HOÀ', 'HÒA', 'HOÀ'],
  ['Hoà', 'Hòa', 'Hoà'],
  ['khoẻ', 'khỏe', 'khoẻ'],
  ['thuỷ', 'thủy', 'thuỷ'],
  ['thúy', 'thúy', 'thuý'],
  ['loè', 'lòe', 'loè'],
  ['hoàng', 'hoàng', 'hoàng'], // closed syllable: last vowel in both styles
  ['hòang', 'hoàng', 'hoàng'],
  ['tóan', 'toán', 'toán'],
  ['huýt', 'huýt', 'huýt'],
  ['húyt', 'huýt', 'huýt'],
  ['qúa', 'quá', 'quá'], // "qu" is an onset
  ['quý', 'quý', 'quý'],
  ['qủa', 'quả', 'quả'],
  ['qùynh', 'quỳnh', 'quỳnh'],
  ['gìa', 'già', 'già'], // "gi" + vowel is an onset
  ['gì', 'gì', 'gì'], // …but "gì" alone keeps its i
  ['gìn', 'gìn', 'gìn'],
  ['giúp', 'giúp', 'giúp'],
  ['ngừơi', 'người', 'người'], // "ươ": the tone sits on ơ
  ['thủơ', 'thuở', 'thuở'],
  ['mùa', 'mùa', 'mùa'],
  ['mía', 'mía', 'mía'],
  ['hài', 'hài', 'hài'],
  ['oaí', 'oái', 'oái'], // three vowels: the middle one
  ['khủyu', 'khuỷu', 'khuỷu'],
  ['tuần', 'tuần', 'tuần'],
  ['thuế', 'thuế', 'thuế'],
  ['quyển', 'quyển', 'quyển'],
  ['cửa', 'cửa', 'cửa'],
  ['hữu', 'hữu', 'hữu'],
];

describe('placeTone', () => {
  it.each(SYLLABLES)('%s → %s (old) / %s (new)', (typed, old, modern) => {
    expect(placeTone(typed)).toBe(old);
    expect(placeTone(typed, 'new')).toBe(modern);
  });

  it.each(['café', 'Nguyễn', 'iPhone', 'xoong', 'a', ''])('leaves %j alone', (w) => {
    expect(placeTone(w)).toBe(w);
  });
});

describe('normalizeTonePlacement', () => {
  it.each([
    ['Hoà bình cho thuỷ lợi, sức khoẻ là vàng.', 'Hòa bình cho thủy lợi, sức khỏe là vàng.'],
    ['Hòa Bình và Hoà Bình là một tỉnh.', 'Hòa Bình và Hòa Bình là một tỉnh.'],
    ['Uỷ ban nhân dân quận', 'Ủy ban nhân dân quận'],
  ])('%s', (typed, expected) => {
    expect(normalizeTonePlacement(typed)).toBe(expected);
  });

  it('converts to the new style on request', () => {
    expect(normalizeTonePlacement('Hòa bình, thủy lợi, khỏe mạnh', 'new')).toBe('Hoà bình, thuỷ lợi, khoẻ mạnh');
  });
});
