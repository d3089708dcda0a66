// Messages are declared per feature, Vietnamese first; the English table must have exactly the same keys.
export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export interface Messages<K extends string> {
  vi: Record<K, string>;
  en: Record<K, string>;
}

export function defineMessages<const V extends Record<string, string>>(vi: V, en: { [K in keyof V]: string }): Messages<Extract<keyof V, string>> {
  return { vi, en } as Messages<Extract<keyof V, string>>;
}

export const isLocale = (value: unknown): value is Locale => value === 'vi' || value === 'en';
