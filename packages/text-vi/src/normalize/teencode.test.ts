import { describe, expect, it } from 'vitest';
import { loadTeencode } from '../node.ts';
import { expandTeencode, parseTeencode } from './teencode.ts';

const table = loadTeencode();

describe('expandTeencode with data/teencode.tsv', () => {
  it.each([
    ['hok bjk làm j', 'không biết làm gì'],
    ['ko đc đâu', 'không được đâu'],
    ['Ko bít nữa', 'Không biết nữa'],
    ['KO ĐC', 'KHÔNG ĐƯỢC'],
    ['mn ơi ae mik thik cái này lắm r', 'mọi người ơi anh em mình thích cái này lắm rồi'],
    ['z thì thui, cx đc', 'vậy thì thôi, cũng được'],
    ['ntn mà dc', 'như thế nào mà được'],
    ['đi vs ai', 'đi với ai'],
    ['k ns gì à', 'không nói gì à'],
    // context: money and measures are not teencode
    ['giá 5k thôi, k đắt', 'giá 5k thôi, không đắt'],
    ['mua 5 kg gạo, kg ngon', 'mua 5 kg gạo, không ngon'],
    ['ông K. nói', 'ông K. nói'],
    ['kkkk', 'kkkk'],
    ['Hà Nội', 'Hà Nội'],
  ])('%s → %s', (input, expected) => {
    expect(expandTeencode(input, table)).toBe(expected);
  });

  it('parses flags and rejects malformed lines', () => {
    const t = parseTeencode('# comment\nko\tkhông\nk\tkhông\tlower\n');
    expect(t.get('k')).toEqual({ expansion: 'không', lowerOnly: true, notAfterNumber: false });
    expect(() => parseTeencode('ko\n')).toThrow(/malformed/);
  });
});
