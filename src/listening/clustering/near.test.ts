import { signature } from '@nhipcau/text-vi';
import { describe, expect, it } from 'vitest';
import { NearIndex, parseSignature, similarity } from './near.ts';

const POST = 'Bà con Phường 12 phản ánh tình trạng kẹt xe kéo dài trên đường Ba Tháng Hai đoạn gần Vạn Hạnh Mall vào giờ cao điểm, mỗi sáng mất 30 phút mới qua được.';
const h = (text: string) => parseSignature(signature(text)) as Uint16Array;

describe('NearIndex', () => {
  it.each([
    ['a copy with emoji', `😡 ${POST} 👍`, true],
    ['a copy without diacritics', POST.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd'), true],
    ['one word changed', POST.replace('kẹt xe', 'ùn tắc'), true],
    ['another post on the same street', 'Đường Ba Tháng Hai hôm nay thông thoáng, cảm ơn các anh CSGT đã phân luồng giờ cao điểm.', false],
  ])('%s', (_what, text, found) => {
    const index = new NearIndex();
    index.add(1, h(POST));
    index.add(2, h('Ngập nước đường Bà Hạt sau cơn mưa chiều nay, nước tràn vào nhà dân.'));
    const near = index.near(h(text), 0.7);
    expect(near.map((n) => n.id)).toEqual(found ? [1] : []);
  });

  it('forgets removed posts; empty texts have no signature', () => {
    const index = new NearIndex();
    index.add(7, h(POST));
    index.remove(7);
    expect(index.near(h(POST), 0.5)).toEqual([]);
    expect(index.size).toBe(0);
    expect(parseSignature(signature(''))).toBeNull();
    expect(similarity(h(POST), h(POST))).toBe(1);
  });
});
