import { describe, expect, it } from 'vitest';
import { changed, diffWords } from './diff.ts';

describe('diffWords', () => {
  it('marks removed and added words', () => {
    const parts = diffWords('Phường 12 ra quân dọn dẹp kênh rạch', 'Phường 12 ra quân làm sạch kênh rạch');
    expect(parts.filter((p) => p.type === 'del').map((p) => p.text.trim())).toEqual(['dọn dẹp']);
    expect(parts.filter((p) => p.type === 'add').map((p) => p.text.trim())).toEqual(['làm sạch']);
    expect(parts.map((p) => (p.type === 'del' ? '' : p.text)).join('')).toBe('Phường 12 ra quân làm sạch kênh rạch');
  });
  it('says when nothing changed', () => expect(changed(diffWords('a b c', 'a b c'))).toBe(false));
});
