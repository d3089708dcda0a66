import { describe, expect, it } from 'vitest';
import { squeezeRepeats } from './squeeze.ts';

describe('squeezeRepeats', () => {
  it.each([
    ['quáaaaa', 'quá'],
    ['đẹp quáaaaa điiiii', 'đẹp quá đi'],
    ['ngonnnnn lắmmmm', 'ngon lắm'],
    ['QUÁAAAA', 'QUÁ'],
    ['quaaáá', 'quá'], // the toned letter of the run is kept
    ['quáa', 'quá'], // doubled letter in a word with diacritics
    ['nhaaa', 'nha'],
    ['xoong nồi', 'xoong nồi'], // real Vietnamese double o
    ['good coffee', 'good coffee'], // English doubles survive
    ['kkkkk hihi hahaha', 'kkkkk hihi hahaha'], // laughter stays recognisable
    ['Hà Nội', 'Hà Nội'],
    // ư and u fold alike but are two letters: not a doubled one.
    ['cứu với, nghỉ hưu, cựu chiến binh, CỨU', 'cứu với, nghỉ hưu, cựu chiến binh, CỨU'],
    ['cứuuuu vớiii', 'cứu với'],
  ])('%s → %s', (input, expected) => {
    expect(squeezeRepeats(input)).toBe(expected);
  });

  // Emphasis is squeezed wherever it occurs, in any case; abbreviations and acronyms never are.
  it.each([
    ['NGON QUÁAAAA, ĐI ĂN ĐIIII', 'NGON QUÁ, ĐI ĂN ĐI'],
    ['KẸT XEEEEE CẢ BUỔI SÁNG LUÔNNNN', 'KẸT XE CẢ BUỔI SÁNG LUÔN'],
    ['ĐẸP QUÁA', 'ĐẸP QUÁ'],
    ['đẹp vlllll', 'đẹp vl'],
    ['trời ơiiii, lâu quáaaa', 'trời ơi, lâu quá'],
    ['haizzzz, lại cúp điện', 'haiz, lại cúp điện'],
    ['hhhhaaaa vui ghê', 'ha vui ghê'],
  ])('emphasis: %s → %s', (input, expected) => {
    expect(squeezeRepeats(input)).toBe(expected);
  });

  it.each([
    'Số CCCD của mình bị ghi sai trên VNeID',
    'làm lại cccd ở đâu vậy mọi người',
    'Đã có cccđ gắn chip chưa',
    'Đội PCCC quận 10 có mặt sau 5 phút',
    'Cảnh sát PCCC và CNCH',
    'HĐND và UBND phường 12 tiếp dân',
    'Giá 200.000 VNĐ một tháng',
    'Thanh tra Chính phủ (TTCP) kết luận',
    'Trang TTĐT của quận đã đăng thông báo',
    'Khai trương TTTM Vạn Hạnh Mall',
    'Cổ phần hóa DNNN',
    'Sở GDĐT thông báo lịch thi', // D and Đ fold to the same letter
    'HĐXX tuyên phạt bị cáo 3 năm tù',
    'Mua ĐTDĐ ở TGDĐ',
    'Thế kỷ XIII, chương VIII',
    '[CCCD] [SĐT] [STK] [EMAIL] [TÊN]',
  ])('leaves acronyms alone: %s', (text) => {
    expect(squeezeRepeats(text)).toBe(text);
  });
});
