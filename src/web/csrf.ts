// CSRF protection for every state-changing request.
// Logged-in: the session's token, sent as the x-csrf-token header or a _csrf form field.
// Anonymous forms (login, public reports): a double-submit cookie. Anonymous JSON is allowed because a
// browser cannot send application/json across sites without a CORS preflight, which we never grant.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomToken } from '../auth/index.ts';

export const ANON_CSRF_COOKIE = 'nc_csrf';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export const isSafeMethod = (method: string): boolean => SAFE.has(method);

/** `formToken`: the _csrf field of a body the route reads itself (multipart). */
export function csrfOk(req: FastifyRequest, formToken?: string): boolean {
  const sent = sentToken(req) ?? formToken;
  if (req.auth) return equal(sent, req.auth.csrfToken);
  if (isJson(req)) return true;
  return equal(sent, req.cookies[ANON_CSRF_COOKIE]);
}

/** The token a page should embed in its forms. Sets the anonymous cookie when needed. */
export function csrfTokenFor(req: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  if (req.auth) return req.auth.csrfToken;
  let token = req.cookies[ANON_CSRF_COOKIE];
  if (!token || token.length < 20 || token.length > 100) {
    token = randomToken();
    reply.setCookie(ANON_CSRF_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure });
  }
  return token;
}

function sentToken(req: FastifyRequest): string | undefined {
  const header = req.headers['x-csrf-token'];
  if (typeof header === 'string') return header;
  const body: unknown = req.body;
  return body && typeof body === 'object' && '_csrf' in body && typeof body._csrf === 'string' ? body._csrf : undefined;
}

function isJson(req: FastifyRequest): boolean {
  const type = req.headers['content-type'];
  return typeof type === 'string' && /^application\/(?:[\w.+-]+\+)?json\b/i.test(type);
}

function equal(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
