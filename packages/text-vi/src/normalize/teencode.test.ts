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
    // an alley number: "hem 12" is "hẻm 12" typed without diacritics
    ['chi Lan o hem 12 noi', 'chi Lan o hem 12 noi'],
    ['hem biết, hem 5 đâu', 'không biết, hem 5 đâu'],
    // "hẻm" typed without diacritics after a place word or before "này", "nhỏ"…
    ['nha o hem nay ngap qua', 'nha o hem nay ngap qua'],
    ['dau hem co dong rac, hem nho xe ko vo dc', 'dau hem co dong rac, hem nho xe không vo được'],
    ['đi hem, ko bít nữa hem', 'đi không, không biết nữa không'],
    ['kkkk', 'kkkk'],
    ['Hà Nội', 'Hà Nội'],
  ])('%s → %s', (input, expected) => {
    expect(expandTeencode(input, table)).toBe(expected);
  });

  // Redaction's placeholders are not teencode, though "sđt" is.
  it.each([
    ['Gọi [SĐT] ko ai nghe', 'Gọi [SĐT] không ai nghe'],
    ['sđt của em là [SĐT] nha', 'số điện thoại của em là [SĐT] nha'],
    ['Chuyển vào [STK] rùi mà ko thấy tiền', 'Chuyển vào [STK] rồi mà không thấy tiền'],
    ['[TÊN] ơi, mn đang chờ', '[TÊN] ơi, mọi người đang chờ'],
    ['Liên hệ [EMAIL] ko thấy trả lời', 'Liên hệ [EMAIL] không thấy trả lời'],
    ['CCCD [CCCD] bị ghi sai r', 'CCCD [CCCD] bị ghi sai rồi'],
    ['[SĐT][SĐT] là sđt của ai z', '[SĐT][SĐT] là số điện thoại của ai vậy'],
    ['ghi [sđt] vào đây', 'ghi [số điện thoại] vào đây'], // not a placeholder: redaction writes them in capitals
  ])('keeps placeholders: %s → %s', (input, expected) => {
    expect(expandTeencode(input, table)).toBe(expected);
  });

  it('parses flags and rejects malformed lines', () => {
    const t = parseTeencode('# comment\nko\tkhông\nk\tkhông\tlower\nhem\tkhông\tnonumnext, nonum\n');
    expect(t.get('k')).toEqual({ expansion: 'không', lowerOnly: true, notAfterNumber: false, notBeforeNumber: false });
    expect(t.get('hem')).toEqual({ expansion: 'không', lowerOnly: false, notAfterNumber: true, notBeforeNumber: true, notAfter: undefined, notBefore: undefined });
    const words = parseTeencode('hem\tkhông\tnotafter=o ở,notbefore=nay\n').get('hem');
    expect([...words!.notAfter!]).toEqual(['o', 'ở']);
    expect([...words!.notBefore!]).toEqual(['nay']);
    expect(() => parseTeencode('ko\n')).toThrow(/malformed/);
  });
});
