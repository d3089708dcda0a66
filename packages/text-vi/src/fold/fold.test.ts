import { describe, expect, it } from 'vitest';
import { exactKey, fold, nfcWithOffsets } from './fold.ts';
import { foldedTokens } from './tokens.ts';

describe('fold (normalize/ fold, re-exported)', () => {
  it.each([
    ['Ngập NƯỚC Đường', 'ngap nuoc duong'],
    ['hoà hòa', 'hoa hoa'],
    ['hoà'.normalize('NFD'), 'hoa'],
    ['０９０３ ＳĐＴ', '0903 sdt'],
  ])('%s → %s', (input, expected) => expect(fold(input)).toBe(expected));
});

describe('foldedTokens', () => {
  it.each<[string, string[], string[]]>([
    ['Đường 3/2, P.12 — kẹt xe 🚗', ['duong', '3', '2', 'p', '12', 'ket', 'xe'], ['Đường', '3', '2', 'P', '12', 'kẹt', 'xe']],
    ['ngập'.normalize('NFD') + ' úng', ['ngap', 'ung'], ['ngập'.normalize('NFD'), 'úng']],
    ['zero\u200bwidth\u00a0nbsp', ['zero', 'width', 'nbsp'], ['zero', 'width', 'nbsp']],
    ['', [], []],
  ])('%s', (text, words, originals) => {
    const t = foldedTokens(text);
    expect(t.words).toEqual(words);
    expect(t.words.map((_, i) => text.slice(t.starts[i], t.ends[i]))).toEqual(originals);
  });
});

describe('exactKey', () => {
  it.each([
    ['Hoà', 'hoa1'], ['hòa', 'hoa1'], ['hoa', 'hoa'], ['hỏa', 'hoa3'], ['NGẬP', 'ngâp5'], ['ngập'.normalize('NFD'), 'ngâp5'], ['đường', 'đương1'],
  ])('%s → %s', (word, key) => expect(exactKey(word)).toBe(key));
});

describe('nfcWithOffsets', () => {
  it('returns the text itself when there is nothing to compose', () => {
    expect(nfcWithOffsets('chị Lan')).toEqual({ nfc: 'chị Lan', offsets: null });
  });
  it('maps composed units back to the decomposed original', () => {
    const text = 'chị Lan'.normalize('NFD');
    const { nfc, offsets } = nfcWithOffsets(text);
    expect(nfc).toBe('chị Lan');
    expect(text.slice(offsets![4], offsets![7])).toBe('Lan');
  });
});
