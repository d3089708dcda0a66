import { describe, expect, it } from 'vitest';
import { fold } from './fold.ts';

describe('fold', () => {
  it.each([
    ['Ngập NƯỚC ở Đường Láng', 'ngap nuoc o duong lang'],
    ['Hòa Bình', 'hoa binh'],
    ['hoà bình', 'hoa binh'],
    ['Thành phố Hồ Chí Minh', 'thanh pho ho chi minh'],
    ['ĐẮK LẮK', 'dak lak'],
    ['Ủy ban nhân dân phường 12', 'uy ban nhan dan phuong 12'],
    ['😂 50k!', '😂 50k!'],
    ['ＵＢＮＤ Ｑ.１', 'ubnd q.1'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it('gives NFC and NFD spellings the same folded form', () => {
    const nfc = 'Người dân phản ánh';
    expect(fold(nfc.normalize('NFD'))).toBe(fold(nfc));
    expect(fold(nfc)).toBe('nguoi dan phan anh');
  });
});
