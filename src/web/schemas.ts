// The zod schemas routes declare their inputs with, where pages need them lenient: an id in a page's
// path (a page answers 404, not 400, to an id that cannot be one), an HTML form's fields (the form
// validates them itself with parseForm, to show the errors beside the fields), a page's query string.
import { z } from 'zod';
import { formValues } from './forms.ts';

const MAX_ID = 2_147_483_647;

/** A positive integer id, or null when the text cannot be one. */
export const idOf = (raw: unknown): number | null => {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 && n <= MAX_ID ? n : null;
};

/** An id in a page's path: a number, or null (the page answers 404). */
export const pathId = z.string().transform(idOf);

/** One field of a submitted form: a value, or the values of a repeated name. */
export const formField = z.union([z.string(), z.array(z.string())]);

/**
 * The body of an HTML form with these fields (names of a zod object's shape, or listed): every field is
 * optional text here; the route checks the values with parseForm. An empty post is an empty form.
 */
export function formBody(fields: z.ZodObject | readonly string[]) {
  const names = Array.isArray(fields) ? (fields as readonly string[]) : Object.keys((fields as z.ZodObject).shape);
  const shape = Object.fromEntries(names.map((name) => [name, formField.optional()]));
  return z.preprocess((v) => v ?? {}, z.object(shape).catchall(formField));
}

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
/** A page's query parameter: text when given (the first of a repeated name). */
export const queryText = z.preprocess(first, z.string().optional());

/** A page's query parameter that is one of these values, or undefined (anything else is ignored). */
export const queryChoice = <const T extends readonly [string, ...string[]]>(values: T) => z.preprocess(first, z.enum(values).optional()).catch(undefined);

/** A page's query string with these parameters, all optional text; others are ignored. */
export function pageQuery<const K extends string>(...names: K[]) {
  return z.object(Object.fromEntries(names.map((name) => [name, queryText])) as Record<K, typeof queryText>);
}

/** A form without a page to show its errors on: its values checked by the schema (a refusal is a 400). */
export function readForm<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  return schema.parse(formValues(body));
}
