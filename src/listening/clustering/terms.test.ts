import { describe, expect, it } from 'vitest';
import { postTerms } from './terms.ts';

const surfaces = (words: string[]) => postTerms(words).map((t) => t.surface);

describe('postTerms', () => {
  it.each([
    ['content words and two-word phrases', ['Kẹt', 'xe', 'trên', 'đường', '3/2', 'gần', 'Vạn_Hạnh_Mall'], ['kẹt', 'kẹt xe', 'xe', 'đường', 'vạn hạnh mall']],
    ['without diacritics, the same keys', ['ket', 'xe', 'o', 'duong'], ['ket', 'ket xe', 'xe', 'duong']],
    ['no placeholders, numbers or function words', ['gọi', '[', 'SĐT', ']', 'không', 'ai', 'nghe', '123'], ['gọi']],
    ['no phrase across a segmented word', ['thi_công', 'ban_đêm', 'ồn', 'ào'], ['thi công', 'ban đêm', 'ồn', 'ồn ào', 'ào']],
    ['no HTML tags', ['<', 'img', 'src', '=', 'x', '>', 'mất', 'nước', '<', 'b', '>', 'gấp', '</', 'b', '>'], ['mất', 'mất nước', 'nước', 'gấp']],
  ])('%s', (_what, words, expected) => expect(surfaces(words)).toEqual(expected));

  it('folds case and diacritics in the hash, keeps the written form', () => {
    const [a] = postTerms(['Ngập']);
    const [b] = postTerms(['ngap']);
    expect(a.hash).toBe(b.hash);
    expect(a.surface).toBe('ngập');
  });
});
