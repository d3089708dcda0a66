// The errors of the domain: what a service refuses, and why, as a catalog key (never internal detail).
// Each kind stands for one answer: the web layer (src/web/server.tsx) answers with its status code, the
// CLI prints its message; services never import the web layer.
import type { MessageKey, Params } from '../i18n/catalog.ts';

export class DomainError extends Error {
  constructor(
    /** The HTTP status this kind of refusal is answered with. */
    readonly statusCode: number,
    readonly messageKey: MessageKey,
    readonly params?: Params,
    readonly details?: unknown,
  ) {
    super(messageKey);
  }
}

/** The input breaks a rule (400). */
export class Invalid extends DomainError {
  constructor(key: MessageKey = 'error.badRequest', params?: Params, details?: unknown) {
    super(400, key, params, details);
  }
}

/** The person may not do this (403). */
export class Forbidden extends DomainError {
  constructor(key: MessageKey = 'error.forbidden', params?: Params) {
    super(403, key, params);
  }
}

/** No such thing, or not visible to the person (404). */
export class NotFound extends DomainError {
  constructor(key: MessageKey = 'error.notFound', params?: Params) {
    super(404, key, params);
  }
}

/** The thing is not in a state that allows this, or already exists (409). */
export class Conflict extends DomainError {
  constructor(key: MessageKey = 'error.conflict', params?: Params) {
    super(409, key, params);
  }
}

/** A file or body over its limit (413). */
export class TooLarge extends DomainError {
  constructor(key: MessageKey, params?: Params) {
    super(413, key, params);
  }
}

/** A file of a kind that is not accepted (415). */
export class Unsupported extends DomainError {
  constructor(key: MessageKey, params?: Params) {
    super(415, key, params);
  }
}

export const invalid = (key?: MessageKey, params?: Params, details?: unknown): Invalid => new Invalid(key, params, details);
export const forbidden = (): Forbidden => new Forbidden();
export const notFound = (): NotFound => new NotFound();
export const conflict = (key?: MessageKey, params?: Params): Conflict => new Conflict(key, params);

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
