// Zalo OA failures → typed errors. Zalo answers HTTP 200 with {"error": <non-zero>, "message": "…"} when a
// call fails, so the envelope is read on every response. Only -216 (invalid/expired access token) and
// -230 (no permission) are documented by third parties (api-contracts.md); the other codes are GUESSES and
// the table can be overridden per client. The OAuth endpoint's failures (bad refresh token, bad secret)
// mean the OA must be reconnected.
import { BadRequest, type ConnectorError, RateLimited, TokenExpired, Unauthorized, Unavailable } from '../errors.ts';
import { type ErrorMapper, excerpt, parseRetryAfter } from '../http.ts';

export type ZaloErrorKind = 'tokenExpired' | 'unauthorized' | 'rateLimited' | 'unavailable' | 'badRequest';

export const DEFAULT_ZALO_ERROR_KINDS: Readonly<Record<number, ZaloErrorKind>> = {
  [-216]: 'tokenExpired', // access token invalid or expired (3p-documented)
  [-124]: 'tokenExpired', // GUESS: "access token is invalid" on v4 endpoints
  [-230]: 'unauthorized', // no permission (3p-documented)
  [-32]: 'rateLimited', // GUESS: request limit exceeded
  [-50]: 'unavailable', // GUESS: internal error
};

export function zaloErrorMapper(options: { kinds?: Partial<Record<number, ZaloErrorKind>>; rateLimitWaitMs: number }): ErrorMapper {
  const kinds: Record<number, ZaloErrorKind | undefined> = { ...DEFAULT_ZALO_ERROR_KINDS, ...options.kinds };
  return (res, source) => {
    const body = res.data as { error?: number | string; message?: string } | undefined;
    const code = Number(body?.error ?? 0);
    if (!body || typeof body !== 'object' || !code) return undefined;
    const details = { source, status: res.status, code, platformMessage: excerpt(body.message) };
    const wait = () => parseRetryAfter(res.headers) ?? options.rateLimitWaitMs;
    return build(kinds[code] ?? (res.status >= 500 ? 'unavailable' : 'badRequest'), details, wait);
  };
}

/** The OAuth endpoint: any error in the body means the refresh token or app secret was refused. */
export const zaloOAuthErrorMapper: ErrorMapper = (res, source) => {
  const body = res.data as { error?: number | string; error_name?: string; error_description?: string; error_reason?: string; message?: string } | undefined;
  const code = Number(body?.error ?? 0);
  if (!body || typeof body !== 'object' || !code || res.status >= 500 || res.status === 429) return undefined;
  return new Unauthorized({ source, status: res.status, code, platformMessage: excerpt(body.error_description ?? body.error_reason ?? body.error_name ?? body.message) }, 'refresh refused');
};

function build(kind: ZaloErrorKind, details: ConstructorParameters<typeof BadRequest>[0], wait: () => number): ConnectorError {
  switch (kind) {
    case 'tokenExpired':
      return new TokenExpired(details);
    case 'unauthorized':
      return new Unauthorized(details);
    case 'rateLimited':
      return new RateLimited(details, wait());
    case 'unavailable':
      return new Unavailable(details, 'platform error');
    default:
      return new BadRequest(details);
  }
}
