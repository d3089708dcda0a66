import { describe, expect, it } from 'vitest';
import { loadTeencode } from '../node.ts';
import { cleanText } from './clean.ts';
import { normalizeText } from './normalize.ts';

const teencode = loadTeencode();
/** UTF-8 bytes shown as Windows-1252: what a mis-configured import produces. */
const mojibake = (s: string) => new TextDecoder('windows-1252').decode(new TextEncoder().encode(s));

describe('normalizeText', () => {
  it.each([
    ['hok bjk làm j', 'không biết làm gì'],
    ['Hoà bình quáaaaa!!!', 'Hòa bình quá!!!'],
    ['Ngöôøi daân phaûn aùnh', 'Người dân phản ánh'],
    ['ko\u200b đc  đâu\u202e', 'không được đâu'],
    ['Thuỷ lợi'.normalize('NFD'), 'Thủy lợi'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeText(input, { teencode })).toBe(expected);
  });

  // Every step leaves redaction's placeholders as they are.
  it.each([
    ['Gọi [SĐT] ko ai nghe!!!', 'Gọi [SĐT] không ai nghe!!!'],
    ['Số CCCD của mình [CCCD] bị ghi sai r', 'Số CCCD của mình [CCCD] bị ghi sai rồi'],
    ['LIÊN HỆ [TÊN] NGAY, ĐỢI LÂU QUÁAAA', 'LIÊN HỆ [TÊN] NGAY, ĐỢI LÂU QUÁ'],
    ['Chuyển khoản vào [STK]   rùi  mà ko thấy', 'Chuyển khoản vào [STK] rồi mà không thấy'],
    ['mail [EMAIL] ko ai trả lời', 'mail [EMAIL] không ai trả lời'],
    ['Ngöôøi daân [SĐT] phaûn aùnh', 'Người dân [SĐT] phản ánh'],
    [mojibake('Người dân phản ánh ngập nước, gọi ') + '[SĐT]' + mojibake(' không ai nghe'), 'Người dân phản ánh ngập nước, gọi [SĐT] không ai nghe'],
  ])('keeps placeholders: %s → %s', (input, expected) => {
    expect(normalizeText(input, { teencode })).toBe(expected);
  });

  it('keeps placeholders in capitals when lower-casing', () => {
    expect(normalizeText('Gọi [SĐT] hoặc [EMAIL] NGAY', { teencode, lowercase: true })).toBe('gọi [SĐT] hoặc [EMAIL] ngay');
  });

  it('keeps teencode without a table, and lower-cases on request', () => {
    expect(normalizeText('Ko bjk', {})).toBe('Ko bjk');
    expect(normalizeText('Ko bjk', { teencode, lowercase: true })).toBe('không biết');
  });

  it('keeps the written tone placement when asked', () => {
    expect(normalizeText('hoà', { tone: false })).toBe('hoà');
    expect(normalizeText('hòa', { tone: 'new' })).toBe('hoà');
  });
});

describe('cleanText', () => {
  it('makes NFC, drops invisible characters, turns controls into spaces', () => {
    expect(cleanText('Hà\u200bNội\u0000là\u00adthủ đô')).toBe('HàNội làthủ đô');
    expect(cleanText('a\u202eb\u2066c\ufeff')).toBe('abc');
    expect(cleanText('  dòng 1\n dòng 2  ')).toBe('dòng 1\n dòng 2');
    expect(cleanText('Hòa'.normalize('NFD'))).toBe('Hòa');
    expect(cleanText('𝐍𝐠𝐮𝐲ễ𝐧 ＵＢＮＤ')).toBe('Nguyễn UBND');
  });
});
