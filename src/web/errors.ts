// Errors that reach the user carry a status and a catalog key, never internal detail.
import type { MessageKey, Params } from '../i18n/catalog.ts';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly messageKey: MessageKey,
    readonly params?: Params,
    readonly details?: unknown,
  ) {
    super(messageKey);
  }
}

export const badRequest = (key: MessageKey = 'error.badRequest', params?: Params, details?: unknown) => new HttpError(400, key, params, details);
export const unauthenticated = (expired = false) => new HttpError(401, expired ? 'error.sessionExpired' : 'error.unauthenticated');
export const forbidden = () => new HttpError(403, 'error.forbidden');
export const notFound = () => new HttpError(404, 'error.notFound');
export const conflict = (key: MessageKey = 'error.conflict', params?: Params) => new HttpError(409, key, params);

/** PostgreSQL unique violation (same code on PGlite and the server). */
export const isUniqueViolation = (e: unknown): boolean => pgCode(e) === '23505';
export const isForeignKeyViolation = (e: unknown): boolean => pgCode(e) === '23503';

function pgCode(e: unknown): string | undefined {
  // drizzle wraps driver errors; the PostgreSQL code sits on the error or its cause.
  for (let cur: unknown = e, depth = 0; cur && depth < 4; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}
