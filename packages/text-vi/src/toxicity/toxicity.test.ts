import { describe, expect, it } from 'vitest';
import { toxicity } from './toxicity.ts';
import { loadToxicityModel } from '../node.ts';
import { trainClassifier } from '../classify/train.ts';

const model = loadToxicityModel();

describe('toxicity with the shipped ViHOS model', () => {
  it.each([
    ['Cảm ơn anh đã chia sẻ thông tin hữu ích'],
    ['Hôm nay trời đẹp quá'],
    ['bài viết hay lắm ạ'],
    ['Đề nghị phường sớm sửa đường, cảm ơn'],
    ['Chúc mừng năm mới cả nhà'],
  ])('clean: %s', (text) => {
    expect(toxicity(text, model)).toBeLessThan(0.5);
  });

  it.each([
    ['đồ ngu như chó'],
    ['địt mẹ mày'],
    ['thằng óc chó này nói láo'],
    ['câm mồm đi thằng khốn'],
    ['ngu vl'],
    ['dm may'],
  ])('offensive: %s', (text) => {
    expect(toxicity(text, model)).toBeGreaterThan(0.8);
  });

  it('is a probability for any input and records its provenance', () => {
    for (const text of ['', '😡', '\u202e\u200b', 'x'.repeat(200_000)]) {
      const p = toxicity(text, model);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
    expect(model.labels).toEqual(['clean', 'offensive']);
    expect(String(model.meta?.data)).toMatch(/ViHOS.*MIT/);
    expect(Number(model.meta?.devMacroF1)).toBeGreaterThan(0.85);
  });

  it('refuses a model without a clean class', () => {
    const other = trainClassifier([{ text: 'a', label: 'x' }, { text: 'b', label: 'y' }], { holdout: 0, epochs: 1 });
    expect(() => toxicity('a', other)).toThrow(/clean class/);
  });
});
