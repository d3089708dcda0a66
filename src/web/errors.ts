// Errors that reach the user carry a status and a catalog key, never internal detail. Services throw the
// domain's errors (src/core/errors.ts); the web layer raises the few that only HTTP knows (401, 429, CSRF…)
// as HttpError — the web layer's name for their common class, so `instanceof HttpError` holds for every
// one of them — and answers them all the same way (server.tsx).
export { DomainError, DomainError as HttpError, conflict, forbidden, invalid as badRequest, isForeignKeyViolation, isUniqueViolation, notFound } from '../core/errors.ts';
