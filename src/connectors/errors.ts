// The few typed failures every platform client throws. Generic code (jobs, listening, publishing) decides
// what to do from the type alone — refresh, reconnect, wait, retry or give up — and never looks at a
// platform's own codes. Messages are scrubbed of secrets before they are built (see http.ts).

export type ConnectorErrorKind = 'unauthorized' | 'rate_limited' | 'quota_exceeded' | 'bad_request' | 'unavailable';

export interface ConnectorErrorDetails {
  /** Which connector failed (a label for logs, e.g. the connector folder name); generic code never branches on it. */
  source: string;
  /** HTTP status, when there was a response. */
  status?: number;
  /** The platform's own code or reason, e.g. 190, 'quotaExceeded', -216 (for logs and tests). */
  code?: string | number;
  /** The platform's message, secrets removed. */
  platformMessage?: string;
}

export abstract class ConnectorError extends Error {
  abstract readonly kind: ConnectorErrorKind;
  readonly source: string;
  readonly status?: number;
  readonly code?: string | number;
  readonly platformMessage?: string;

  constructor(summary: string, details: ConnectorErrorDetails) {
    const said = details.platformMessage ? `: ${details.platformMessage}` : '';
    super(`${details.source}: ${summary}${said}`);
    this.name = new.target.name;
    this.source = details.source;
    this.status = details.status;
    this.code = details.code;
    this.platformMessage = details.platformMessage;
  }
}

/** The token or app credentials were refused; the channel needs to be reconnected by a person. */
export class Unauthorized extends ConnectorError {
  readonly kind = 'unauthorized' as const;
  constructor(details: ConnectorErrorDetails, summary = 'credentials refused') {
    super(summary, details);
  }
}

/** The access token has expired. A refresh token (where the platform has one) may fix it; otherwise reconnect. */
export class TokenExpired extends Unauthorized {
  constructor(details: ConnectorErrorDetails) {
    super(details, 'access token expired');
  }
}

/** Too many calls for now. `retryAfterMs` comes from Retry-After, the platform's usage headers, or a default. */
export class RateLimited extends ConnectorError {
  readonly kind = 'rate_limited' as const;
  constructor(
    details: ConnectorErrorDetails,
    readonly retryAfterMs: number,
  ) {
    super(`rate limited, retry in ${Math.ceil(retryAfterMs / 1000)} s`, details);
  }
}

/** A budget that resets at a known time is spent (e.g. a daily quota). Retry at `resetAt`. */
export class QuotaExceeded extends ConnectorError {
  readonly kind = 'quota_exceeded' as const;
  constructor(
    details: ConnectorErrorDetails,
    readonly resetAt: Date,
  ) {
    super(`quota exhausted until ${resetAt.toISOString()}`, details);
  }
  retryAfterMs(now = Date.now()): number {
    return Math.max(0, this.resetAt.getTime() - now);
  }
}

/** The request is wrong and will fail the same way again (validation, content refused, not found). */
export class BadRequest extends ConnectorError {
  readonly kind = 'bad_request' as const;
  constructor(details: ConnectorErrorDetails) {
    super('request refused', details);
  }
}

/**
 * Transient: 5xx, timeout, network failure. `outcomeUnknown` is set when a write may have reached the
 * platform before the failure (a timeout or dropped connection on a non-GET request): retrying could
 * duplicate a post, so publishing should mark it unconfirmed instead.
 */
export class Unavailable extends ConnectorError {
  readonly kind = 'unavailable' as const;
  constructor(
    details: ConnectorErrorDetails,
    readonly reason?: string,
    readonly outcomeUnknown = false,
    readonly retryAfterMs?: number,
  ) {
    super(reason ? `unavailable (${reason})` : 'unavailable', details);
  }
}

export const isConnectorError = (e: unknown): e is ConnectorError => e instanceof ConnectorError;

export interface RetryAdvice {
  /** Try the same call again after `delayMs`. */
  retry: boolean;
  delayMs?: number;
  /** Refresh the access token (if the platform can) and retry once. */
  refreshToken?: boolean;
  /** A person must reconnect the channel. */
  reconnect?: boolean;
  /** A write may have happened: do not retry blindly, mark it unconfirmed. */
  unconfirmed?: boolean;
}

/**
 * What to do after a failure, from its type only. `attempt` counts from 1 and sets the backoff of
 * transient failures without a hint (base × 2^(attempt-1), capped).
 */
export function retryAdvice(e: unknown, attempt = 1, options: { baseMs?: number; capMs?: number; now?: number } = {}): RetryAdvice {
  const { baseMs = 2_000, capMs = 10 * 60_000, now = Date.now() } = options;
  if (e instanceof TokenExpired) return { retry: false, refreshToken: true, reconnect: true };
  if (e instanceof Unauthorized) return { retry: false, reconnect: true };
  if (e instanceof RateLimited) return { retry: true, delayMs: e.retryAfterMs };
  if (e instanceof QuotaExceeded) return { retry: true, delayMs: e.retryAfterMs(now) };
  if (e instanceof Unavailable) {
    if (e.outcomeUnknown) return { retry: false, unconfirmed: true };
    return { retry: true, delayMs: e.retryAfterMs ?? Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1)) };
  }
  return { retry: false };
}
