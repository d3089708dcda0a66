// Validation messages in the user's language, from zod's own locale tables.
import { z } from 'zod';
import type { Locale } from './define.ts';

const maps = { vi: z.locales.vi().localeError, en: z.locales.en().localeError };

export interface Issue {
  path: string;
  message: string;
}

type RawIssue = { code: string; path?: PropertyKey[]; message?: string; [k: string]: unknown };

export function localizeIssue(locale: Locale, issue: RawIssue): string {
  const out = maps[locale](issue as never);
  const text = typeof out === 'string' ? out : out?.message;
  return text ?? issue.message ?? '';
}

export function localizeIssues(locale: Locale, issues: readonly RawIssue[]): Issue[] {
  return issues.map((i) => ({ path: (i.path ?? []).map(String).join('.'), message: localizeIssue(locale, i) }));
}

/** Rebuilds zod issues from the shape fastify-type-provider-zod reports them in. */
export function issuesFromFastify(validation: ReadonlyArray<{ keyword: string; instancePath: string; message?: string; params?: Record<string, unknown> }>): RawIssue[] {
  return validation.map((v) => ({ ...(v.params ?? {}), code: v.keyword, path: v.instancePath.split('/').filter(Boolean), message: v.message }));
}
