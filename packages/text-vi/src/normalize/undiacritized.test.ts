import { describe, expect, it } from 'vitest';
import { diacriticStats, isUndiacritized, isVietnameseLikeAscii } from './undiacritized.ts';

describe('isUndiacritized', () => {
  it.each([
    ['nguoi dan phan anh tinh trang ngap nuoc', true],
    ['hoc phi nam nay tang qua, con em di hoc truong Nguyen Du', true],
    ['ko biet lam gi ca', true],
    ['Người dân phản ánh tình trạng ngập nước', false],
    ['Hôm nay trời đẹp quá', false],
    ['I love this street so much', false], // English is not Vietnamese without diacritics
    ['ok', false], // too short to tell
    ['😂😂😂', false],
  ])('%s → %s', (text, expected) => {
    expect(isUndiacritized(text)).toBe(expected);
  });

  it('counts syllables with and without diacritics', () => {
    expect(diacriticStats('ngap nuoc o Đường Láng')).toMatchObject({ withDiacritics: 2, plainVietnamese: 3, other: 0 });
  });

  it.each([['nguoi', true], ['khuyen', true], ['thuong', true], ['street', false], ['love', false], ['bjk', false]])('%s looks Vietnamese: %s', (w, ok) => {
    expect(isVietnameseLikeAscii(w)).toBe(ok);
  });
});
