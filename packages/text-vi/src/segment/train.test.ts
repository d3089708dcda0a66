import { describe, expect, it } from 'vitest';
import { buildSegmenterDictionary, FOLDED, SOURCE_DICTIONARY, SOURCE_MAIN, wordHash } from './dictionary.ts';
import { segmentSyllables } from './core.ts';
import { forwardMaxMatch } from './fmm.ts';
import { WordF1, scoreSegmenter } from './metrics.ts';
import { decodeModel, encodeModel } from './model-file.ts';
import { trainSegmenter, withFoldedCopies, type GoldSentence } from './train.ts';

const words = (s: string): string[][] => s.split(' ').map((w) => w.split('_'));
const GOLD: GoldSentence[] = [
  'Người dân phản_ánh tình_trạng ngập nước .',
  'Chính_quyền địa_phương đã xử_lý tình_trạng này .',
  'Học_sinh được nghỉ học do mưa lớn .',
  'Người dân phấn_khởi vì chính_quyền xử_lý nhanh .',
  'Tình_trạng ngập nước kéo_dài nhiều ngày .',
].map(words);
const DICT: [string, number][] = [['phản ánh', SOURCE_MAIN | SOURCE_DICTIONARY], ['tình trạng', SOURCE_MAIN], ['chính quyền', SOURCE_MAIN], ['địa phương', SOURCE_MAIN], ['xử lý', SOURCE_MAIN], ['học sinh', SOURCE_MAIN], ['kéo dài', SOURCE_MAIN], ['phấn khởi', SOURCE_MAIN]];

describe('training a segmenter', () => {
  const dict = buildSegmenterDictionary(DICT);
  const model = trainSegmenter(withFoldedCopies(GOLD), dict, { bits: 14, epochs: 8 });

  it('learns its training data', () => {
    expect(scoreSegmenter(GOLD, (s) => segmentSyllables(s, model)).f1).toBeGreaterThan(0.95);
  });

  it('survives encoding to the file format and back', () => {
    const bytes = encodeModel(model);
    const again = decodeModel(bytes);
    expect(again.bits).toBe(14);
    expect(again.dict.size).toBe(model.dict.size);
    for (const s of GOLD) expect(segmentSyllables(s.flat(), again)).toEqual(segmentSyllables(s.flat(), model));
    expect(() => decodeModel(bytes.subarray(0, bytes.length - 3))).toThrow(/truncated/);
    expect(() => decodeModel(new Uint8Array(16))).toThrow(/magic/);
  });
});

describe('word list', () => {
  it('stores source flags and folded spellings under canonical hashes', () => {
    const dict = buildSegmenterDictionary(DICT);
    expect(dict.flags(wordHash('Phản Ánh'))).toBe(SOURCE_MAIN | SOURCE_DICTIONARY);
    expect(dict.flags(wordHash('phan anh'))).toBe(FOLDED);
    expect(dict.flags(wordHash('hòa bình'))).toBe(0);
  });

  it('drives the forward-maximum-matching baseline', () => {
    const dict = buildSegmenterDictionary(DICT);
    expect(forwardMaxMatch('Người dân phản ánh tình trạng ngập nước .'.split(' '), dict)).toEqual([1, 1, 2, 2, 1, 1, 1]);
  });
});

describe('WordF1', () => {
  it('counts exact word spans', () => {
    const f = new WordF1();
    f.add([2, 1, 2], [2, 1, 1, 1]); // gold: AB C DE; predicted: AB C D E
    expect(f.scores()).toMatchObject({ gold: 3, predicted: 4, correct: 2 });
    expect(f.scores().f1).toBeCloseTo((2 * (2 / 4) * (2 / 3)) / (2 / 4 + 2 / 3));
  });
});
