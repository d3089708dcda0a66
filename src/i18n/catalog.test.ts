import { describe, expect, it } from 'vitest';
import { catalogKeys, translate } from './catalog.ts';

describe('message catalog', () => {
  it('has an English text for every Vietnamese key, and no empty text', () => {
    const vi = catalogKeys('vi');
    expect(catalogKeys('en').sort()).toEqual([...vi].sort());
    for (const key of vi) {
      expect(translate('vi', key as never).trim(), key).not.toBe('');
      expect(translate('en', key as never).trim(), key).not.toBe('');
    }
  });

  it('keeps the same placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of catalogKeys('vi')) {
      expect(placeholders(translate('en', key as never)), key).toEqual(placeholders(translate('vi', key as never)));
    }
  });

  it('writes Vietnamese in NFC with its diacritics', () => {
    for (const key of catalogKeys('vi')) {
      const text = translate('vi', key as never);
      expect(text, key).toBe(text.normalize('NFC'));
    }
    expect(translate('vi', 'error.sessionExpired')).toBe('Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.');
  });

  it('fills parameters', () => {
    expect(translate('vi', 'home.welcome', { name: 'Lan' })).toBe('Xin chào, Lan.');
    expect(translate('en', 'error.rateLimited', { seconds: 30 })).toBe('Too many requests. Try again in 30 seconds.');
  });
});
