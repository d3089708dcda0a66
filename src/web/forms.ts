// HTML form handling: validate with the same zod schemas as the API, keep what the user typed on error.
import type { z } from 'zod';
import type { Locale } from '../i18n/define.ts';
import { localizeIssues } from '../i18n/zod.ts';

export type FormValues = Record<string, string>;
export type FormErrors = Record<string, string>;

export type FormResult<T> = { ok: true; data: T; values: FormValues } | { ok: false; errors: FormErrors; values: FormValues };

export function formValues(body: unknown): FormValues {
  const out: FormValues = {};
  if (!body || typeof body !== 'object') return out;
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key === '_csrf') continue;
    if (typeof value === 'string') out[key] = value;
    else if (Array.isArray(value) && typeof value[0] === 'string') out[key] = value[0];
  }
  return out;
}

export function parseForm<S extends z.ZodType>(schema: S, body: unknown, locale: Locale): FormResult<z.infer<S>> {
  const values = formValues(body);
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  return { ok: false, errors: formErrors(locale, parsed.error), values };
}

/** The first message for each field of a form that did not validate ('_form' for the form as a whole). */
export function formErrors(locale: Locale, error: z.ZodError): FormErrors {
  const errors: FormErrors = {};
  for (const issue of localizeIssues(locale, error.issues as never)) errors[issue.path.split('.')[0] || '_form'] ??= issue.message;
  return errors;
}

/** "" → undefined, for optional form fields. */
export const blankToUndefined = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);
/** Checkbox: present means true. */
export const checkbox = (v: unknown): boolean => v === 'on' || v === 'true' || v === '1';
