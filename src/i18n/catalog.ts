// The one message catalog of the app: every feature's messages merged, Vietnamese first.
import common from './common.ts';
import auth from '../auth/messages.ts';
import org from '../org/messages.ts';
import audit from '../audit/messages.ts';
import jobs from '../jobs/messages.ts';
import sites from '../sites/messages.ts';
import cases from '../cases/messages.ts';
import mail from '../mail/messages.ts';
import listening from '../listening/messages.ts';
import alerts from '../listening/alerts/messages.ts';
import brief from '../brief/messages.ts';
import platforms from '../platforms/messages.ts';
import claims from '../claims/messages.ts';
import backup from '../backup/messages.ts';
import type { Locale } from './define.ts';

const parts = [common, auth, org, audit, jobs, platforms, sites, cases, mail, listening, alerts, brief, claims, backup];

type Union = (typeof parts)[number];
export type MessageKey = Union extends infer P ? (P extends { vi: Record<infer K, string> } ? K : never) : never;

const tables: Record<Locale, Map<string, string>> = { vi: new Map(), en: new Map() };
for (const part of parts) {
  for (const [key, text] of Object.entries(part.vi)) {
    if (tables.vi.has(key)) throw new Error(`duplicate message key ${key}`);
    tables.vi.set(key, text);
  }
  for (const [key, text] of Object.entries(part.en)) tables.en.set(key, text);
}

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const text = tables[locale].get(key) ?? tables.vi.get(key) ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export const translator = (locale: Locale): Translate => (key, params) => translate(locale, key, params);

/** All keys, for the catalog completeness test. */
export const catalogKeys = (locale: Locale): string[] => [...tables[locale].keys()];
