import { describe, expect, it } from 'vitest';
import { trainClassifier, type LabeledText } from './train.ts';
import { classify } from './model.ts';
import { serializeModel, deserializeModel } from './serialize.ts';
import { evaluateLabels } from './metrics.ts';
import { extractFeatures, FeatureBuffer, DEFAULT_FEATURES } from './features.ts';

// A small civic-feedback dataset built from templates: three topics whose posts share the same
// frame words ("phản ánh", "bao giờ", "khu phố"), so only the topic words decide the label;
// a third of the posts are written without diacritics, as many people type.
const topics: Record<string, string[]> = {
  traffic: ['kẹt xe', 'ùn tắc giao thông', 'đèn tín hiệu hỏng', 'xe máy chạy ngược chiều', 'lô cốt chắn đường', 'ổ gà trên đường'],
  environment: ['rác thải bốc mùi', 'nước thải đen ngòm', 'khói bụi công trình', 'kênh rạch ô nhiễm', 'đốt rác gây khói', 'tiếng ồn karaoke'],
  health: ['trạm y tế đông', 'tiêm chủng cho trẻ', 'sốt xuất huyết tăng', 'thuốc bảo hiểm y tế', 'bệnh viện quá tải', 'khám bệnh chờ lâu'],
};
const frames = [
  'tôi muốn phản ánh {x} ở khu phố 3',
  'bao giờ mới giải quyết {x} vậy',
  '{x} kéo dài cả tuần nay rồi',
  'đề nghị phường xử lý {x} gấp',
  'khu phố mình lại {x} nữa',
  'ai chịu trách nhiệm {x} đây',
];
const strip = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

function dataset(): LabeledText[] {
  const out: LabeledText[] = [];
  for (const [label, phrases] of Object.entries(topics)) {
    phrases.forEach((x, i) => frames.forEach((f, j) => {
      const text = f.replace('{x}', x);
      out.push({ text: (i + j) % 3 === 0 ? strip(text) : text, label });
    }));
  }
  return out;
}

const data = dataset();
const isDev = (i: number) => i % 5 === 0;
const train = data.filter((_, i) => !isDev(i));
const dev = data.filter((_, i) => isDev(i));

describe('trainClassifier / classify', () => {
  const model = trainClassifier(train, { dev, epochs: 15, seed: 7 });

  it('learns topics it has not seen in these exact sentences', () => {
    const predicted = dev.map((e) => classify(model, e.text).label);
    expect(evaluateLabels(dev.map((e) => String(e.label)), predicted).accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it.each([
    ['Đường Ba Tháng Hai kẹt xe từ sáng tới trưa', 'traffic'],
    ['duong ba thang hai ket xe tu sang toi trua', 'traffic'],
    ['Rác thải bốc mùi quá, bà con không chịu nổi', 'environment'],
    ['rac thai boc mui qua ba con khong chiu noi', 'environment'],
    ['Con tôi đi tiêm chủng mà phải chờ cả buổi', 'health'],
  ])('%s → %s', (text, label) => {
    expect(classify(model, text).label).toBe(label);
  });

  it('returns calibrated probabilities that sum to 1, also for empty and odd input', () => {
    for (const text of ['kẹt xe', '', '   ', '😡😡😡', '\u202eabc\u200b', 'x'.repeat(100_000)]) {
      const { label, scores } = classify(model, text);
      const values = Object.values(scores);
      expect(values).toHaveLength(3);
      expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      expect(values.every((p) => p >= 0 && p <= 1)).toBe(true);
      expect(scores[label]).toBe(Math.max(...values));
    }
    expect(model.temperature).toBeGreaterThan(0);
  });

  it('round-trips through serialisation with identical predictions', () => {
    const bytes = serializeModel(model);
    const copy = deserializeModel(bytes);
    expect(copy.labels).toEqual(model.labels);
    for (const e of dev) expect(classify(copy, e.text)).toEqual(classify(model, e.text));
    expect(bytes.length).toBeLessThan(model.weights.length); // sparse rows beat the dense table here
  });

  it('is deterministic for a seed', () => {
    const again = trainClassifier(train, { dev, epochs: 15, seed: 7 });
    expect(serializeModel(again)).toEqual(serializeModel(model));
  });

  it('keeps numeric labels as strings', () => {
    const numeric = train.map((e) => ({ text: e.text, label: Object.keys(topics).indexOf(String(e.label)) }));
    const m = trainClassifier(numeric, { epochs: 5 });
    expect(m.labels).toEqual(['0', '1', '2']);
    expect(['0', '1', '2']).toContain(classify(m, 'kẹt xe quá').label);
  });

  it('rejects unusable training sets and corrupt model files', () => {
    expect(() => trainClassifier([])).toThrow(/no training examples/);
    expect(() => trainClassifier([{ text: 'a', label: 'x' }, { text: 'b', label: 'x' }])).toThrow(/2 labels/);
    expect(() => deserializeModel(new Uint8Array([1, 2, 3]))).toThrow(/bad magic/);
    expect(() => deserializeModel(serializeModel(model).subarray(0, 60))).toThrow();
  });
});

describe('extractFeatures', () => {
  const features = (text: string) => {
    const buf = new FeatureBuffer();
    return [...buf.ids.subarray(0, extractFeatures(text, DEFAULT_FEATURES, buf))];
  };

  it.each([
    ['NFC and NFD spellings', 'Ngập nước', 'Ngập nước'.normalize('NFD')],
    ['upper and lower case', 'NGẬP NƯỚC', 'ngập nước'],
    ['zero-width and bidi characters', 'ngập\u200b nư\u200cớc\u202e', 'ngập nước'],
    ['runs of repeated letters and marks', 'quáaaaaa!!!!!!', 'quáaaa!!!'],
  ])('treats %s alike', (_, a, b) => {
    expect(features(a)).toEqual(features(b));
  });

  it('shares folded features between accented and unaccented spellings', () => {
    const accented = new Set(features('không tốt'));
    const shared = features('ko tot').filter((f) => accented.has(f));
    expect(shared.length).toBeGreaterThan(3);
  });
});
