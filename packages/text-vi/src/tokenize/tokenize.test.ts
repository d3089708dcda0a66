import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize.ts';
import type { TokenType } from './types.ts';

const pairs = (text: string) => tokenize(text).map((t) => [t.text, t.type]);

describe('tokenize', () => {
  it.each<[string, [string, TokenType][]]>([
    ['Hà Nội, ngày 12/3/2025.', [['Hà', 'word'], ['Nội', 'word'], [',', 'punct'], ['ngày', 'word'], ['12/3/2025', 'date'], ['.', 'punct']]],
    ['Họp lúc 8h30 ngày 12-3, hạn 12.03.2025, kết thúc 20:15', [['Họp', 'word'], ['lúc', 'word'], ['8h30', 'time'], ['ngày', 'word'], ['12-3', 'date'], [',', 'punct'], ['hạn', 'word'], ['12.03.2025', 'date'], [',', 'punct'], ['kết', 'word'], ['thúc', 'word'], ['20:15', 'time']]],
    ['Giá 50k, 200.000đ, 2tr, $5', [['Giá', 'word'], ['50k', 'money'], [',', 'punct'], ['200.000đ', 'money'], [',', 'punct'], ['2tr', 'money'], [',', 'punct'], ['$5', 'money']]],
    ['mất 1,5 triệu và 100 nghìn đồng', [['mất', 'word'], ['1,5 triệu', 'money'], ['và', 'word'], ['100 nghìn đồng', 'money']]],
    ['tăng 7,5% so với 95 %', [['tăng', 'word'], ['7,5%', 'percent'], ['so', 'word'], ['với', 'word'], ['95 %', 'percent']]],
    ['Gọi 0912 345 678 hoặc 0912.345.678 hoặc +84 912 345 678', [['Gọi', 'word'], ['0912 345 678', 'phone'], ['hoặc', 'word'], ['0912.345.678', 'phone'], ['hoặc', 'word'], ['+84 912 345 678', 'phone']]],
    ['CCCD 079203001234, STK 0071000123456, hotline 1900 1234', [['CCCD', 'word'], ['079203001234', 'number'], [',', 'punct'], ['STK', 'word'], ['0071000123456', 'number'], [',', 'punct'], ['hotline', 'word'], ['1900 1234', 'phone']]],
    ['Nhà 12/3A, số 45/12/3 đường 3/2', [['Nhà', 'word'], ['12/3A', 'house_number'], [',', 'punct'], ['số', 'word'], ['45/12/3', 'house_number'], ['đường', 'word'], ['3/2', 'date']]],
    ['Xem https://ubnd.gov.vn/tin-tuc?id=5. Hoặc www.quan10.hochiminhcity.gov.vn', [['Xem', 'word'], ['https://ubnd.gov.vn/tin-tuc?id=5', 'url'], ['.', 'punct'], ['Hoặc', 'word'], ['www.quan10.hochiminhcity.gov.vn', 'url']]],
    ['Gửi cudan.q10@gmail.com (facebook.com/ubnd)', [['Gửi', 'word'], ['cudan.q10@gmail.com', 'email'], ['(', 'punct'], ['facebook.com/ubnd', 'url'], [')', 'punct']]],
    ['#NgậpNước @ubnd_phuong12 ơi', [['#NgậpNước', 'hashtag'], ['@ubnd_phuong12', 'mention'], ['ơi', 'word']]],
    ['Đẹp quá 😂👍🏽 👨‍👩‍👧 🇻🇳 1️⃣ ❤️', [['Đẹp', 'word'], ['quá', 'word'], ['😂', 'emoji'], ['👍🏽', 'emoji'], ['👨‍👩‍👧', 'emoji'], ['🇻🇳', 'emoji'], ['1️⃣', 'emoji'], ['❤️', 'emoji']]],
    ['vui quá =)) :)) :v <3', [['vui', 'word'], ['quá', 'word'], ['=))', 'emoji'], [':))', 'emoji'], [':v', 'emoji'], ['<3', 'emoji']]],
    ['TP.HCM, TP. Thủ Đức, ông H. và v.v.', [['TP.HCM', 'word'], [',', 'punct'], ['TP.', 'word'], ['Thủ', 'word'], ['Đức', 'word'], [',', 'punct'], ['ông', 'word'], ['H.', 'word'], ['và', 'word'], ['v.v.', 'word']]],
    ['Ca F0, chủng COVID-19, biển 43H-016', [['Ca', 'word'], ['F0', 'alnum'], [',', 'punct'], ['chủng', 'word'], ['COVID-19', 'alnum'], [',', 'punct'], ['biển', 'word'], ['43H-016', 'alnum']]],
    ['Sao vậy???!! Thật à...', [['Sao', 'word'], ['vậy', 'word'], ['???!!', 'punct'], ['Thật', 'word'], ['à', 'word'], ['...', 'punct']]],
    ['hok bjk làm j, 5k k?', [['hok', 'word'], ['bjk', 'word'], ['làm', 'word'], ['j', 'word'], [',', 'punct'], ['5k', 'money'], ['k', 'word'], ['?', 'punct']]],
    ['nguoi dan phan anh', [['nguoi', 'word'], ['dan', 'word'], ['phan', 'word'], ['anh', 'word']]],
    ['Hà_Nội là thủ_đô', [['Hà_Nội', 'word'], ['là', 'word'], ['thủ_đô', 'word']]],
  ])('%s', (text, expected) => {
    expect(pairs(text)).toEqual(expected);
  });

  it('gives offsets that slice back to the token text', () => {
    const text = 'Ông Nguyễn  Văn A (SĐT 0903 123 456) phản ánh: “ngập 50cm” 😭😭 #q10';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('keeps every chunk of ud_vi_vtb-style pre-tokenised text whole', () => {
    const text = 'Tôi nhớ lời anh chủ tịch xã Bùi Văn Luyến nhắc đi nhắc lại : " Coi bộ nhỏ nhưng quan trọng lắm ! TP. HCM 2.000 95% 30-4-2004 Wai-kru';
    expect(tokenize(text).map((t) => t.text)).toEqual(text.split(' '));
  });
});

describe('tokenize on hostile input', () => {
  it('treats control, zero-width and bidi characters as separators', () => {
    expect(pairs('Hà\u200bNội\u0000là\u202ethủ\u2066đô\ufeff')).toEqual([['Hà', 'word'], ['Nội', 'word'], ['là', 'word'], ['thủ', 'word'], ['đô', 'word']]);
  });

  it('handles lone surrogates, replacement characters and combining marks without a base', () => {
    const toks = tokenize('a\ud800b \udc00 \ufffd\ufffd \u0301x');
    for (const t of toks) expect(t.text.length).toBeGreaterThan(0);
    expect(toks.map((t) => t.text)).toContain('\ufffd\ufffd');
  });

  it('tokenises a 1 MB line in linear time', () => {
    const unit = 'Người dân phản ánh 0912 345 678, giá 50k 😂 https://x.vn/a a.b@c.vn ';
    const line = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const start = performance.now();
    const toks = tokenize(line);
    expect(performance.now() - start).toBeLessThan(3000);
    expect(toks.length).toBeGreaterThan(100_000);
  });

  it.each([
    ['a.'.repeat(300_000)],
    ['1.'.repeat(300_000)],
    ['a@'.repeat(300_000)],
    ['x'.repeat(1_000_000)],
    [':)'.repeat(300_000)],
    ['#'.repeat(500_000)],
  ])('survives pathological 600 kB–1 MB lines quickly (%#)', (line) => {
    const start = performance.now();
    const toks = tokenize(line);
    expect(performance.now() - start).toBeLessThan(3000);
    let covered = 0;
    for (const t of toks) covered += t.end - t.start;
    expect(covered).toBeLessThanOrEqual(line.length);
  });

  it('never throws on random code points', () => {
    let seed = 7;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (let k = 0; k < 200; k++) {
      let s = '';
      for (let i = 0; i < 200; i++) s += String.fromCodePoint(Math.floor(rnd() < 0.7 ? rnd() * 0x300 : rnd() * 0x10ffff));
      const toks = tokenize(s);
      for (const t of toks) expect(s.slice(t.start, t.end)).toBe(t.text);
    }
  });
});
