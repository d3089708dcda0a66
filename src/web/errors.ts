// Errors that reach the user carry a status and a catalog key, never internal detail. Services throw the
// domain's errors (src/core/errors.ts); the web layer raises the few that only HTTP knows (401, 429, CSRF…)
// as HttpError, a DomainError with a status of its own, and answers both the same way (server.tsx).
import { DomainError } from '../core/errors.ts';

export { DomainError, conflict, forbidden, invalid as badRequest, isForeignKeyViolation, isUniqueViolation, notFound } from '../core/errors.ts';

export class HttpError extends DomainError {}
