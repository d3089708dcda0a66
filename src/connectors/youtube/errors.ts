// YouTube Data API failures → typed errors, by the first `reason` of {"error":{code,message,errors:[{reason}]}}.
// quotaExceeded waits for midnight Pacific Time; uploadLimitExceeded means "retry in 24 h".
import { BadRequest, type ConnectorError, QuotaExceeded, RateLimited, TokenExpired, Unauthorized, Unavailable } from '../errors.ts';
import { type ErrorMapper, excerpt, parseRetryAfter } from '../http.ts';

export interface GoogleErrorBody {
  code?: number;
  message?: string;
  status?: string;
  errors?: { message?: string; domain?: string; reason?: string; location?: string }[];
  /** google.rpc details; ErrorInfo.reason API_KEY_INVALID marks a refused API key. */
  details?: { reason?: string }[];
}

export const QUOTA_REASONS = new Set(['quotaExceeded', 'dailyLimitExceeded', 'dailyLimitExceededUnreg']);
export const UPLOAD_LIMIT_REASONS = new Set(['uploadLimitExceeded']);
export const RATE_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'servingLimitExceeded']);
export const EXPIRED_REASONS = new Set(['authError', 'invalidCredentials', 'expired']);
export const UNAUTHORIZED_REASONS = new Set(['youtubeSignupRequired', 'insufficientPermissions', 'forbidden', 'keyInvalid', 'keyExpired', 'accessNotConfigured', 'ipRefererBlocked']);
export const TRANSIENT_REASONS = new Set(['backendError', 'internalError', 'serviceUnavailable']);

export const UPLOAD_LIMIT_WAIT_MS = 24 * 60 * 60_000;

export interface YouTubeErrorOptions {
  /** When the daily quota resets (next midnight Pacific Time). */
  quotaResetAt: () => Date;
  defaultRetryAfterMs: number;
  now?: () => number;
}

export function youtubeErrorMapper(options: YouTubeErrorOptions): ErrorMapper {
  return (res, source) => {
    const body = (res.data as { error?: GoogleErrorBody } | undefined)?.error;
    if (res.status < 400 || !body || typeof body !== 'object') return undefined;
    const keyRefused = body.details?.some((d) => d?.reason === 'API_KEY_INVALID' || d?.reason === 'API_KEY_EXPIRED');
    const reason = keyRefused ? 'keyInvalid' : body.errors?.find((e) => e.reason)?.reason;
    const details = { source, status: res.status, code: reason ?? body.status, platformMessage: excerpt(String(body.message ?? '').replace(/<[^>]*>/g, '')) };
    return classify(res.status, reason, details, options, parseRetryAfter(res.headers));
  };
}

function classify(status: number, reason: string | undefined, details: ConstructorParameters<typeof BadRequest>[0], options: YouTubeErrorOptions, hintMs: number | undefined): ConnectorError {
  const now = options.now?.() ?? Date.now();
  if (reason && QUOTA_REASONS.has(reason)) return new QuotaExceeded(details, options.quotaResetAt());
  if (reason && UPLOAD_LIMIT_REASONS.has(reason)) return new QuotaExceeded(details, new Date(now + UPLOAD_LIMIT_WAIT_MS));
  if ((reason && RATE_REASONS.has(reason)) || status === 429) return new RateLimited(details, hintMs ?? options.defaultRetryAfterMs);
  if (reason && EXPIRED_REASONS.has(reason)) return new TokenExpired(details);
  if (status === 401) return reason === 'youtubeSignupRequired' ? new Unauthorized(details) : new TokenExpired(details);
  if (reason && UNAUTHORIZED_REASONS.has(reason)) return new Unauthorized(details);
  if ((reason && TRANSIENT_REASONS.has(reason)) || status >= 500) return new Unavailable(details, reason ?? `HTTP ${status}`, false, hintMs);
  return new BadRequest(details);
}
