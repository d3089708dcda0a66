// Graph API failures → typed errors. Graph answers {"error":{message,type,code,error_subcode,is_transient,
// fbtrace_id}}; the code and subcode decide the type. Throttling waits come from Retry-After when present,
// else the usage headers (X-Business-Use-Case-Usage carries estimated_time_to_regain_access in minutes),
// else a configurable default. Codes 4/17/32/613 and 368+1390008 are from general knowledge (GUESS in
// api-contracts.md); the sets below are the one place to change them.
import { BadRequest, type ConnectorError, RateLimited, TokenExpired, Unauthorized, Unavailable } from '../errors.ts';
import { type ErrorMapper, excerpt, parseRetryAfter } from '../http.ts';

export interface GraphErrorBody {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  is_transient?: boolean;
  fbtrace_id?: string;
}

/** Application, user, page and Business Use Case throttling. */
export const THROTTLE_CODES = new Set([4, 17, 32, 613, 80001, 80002, 80003, 80004, 80005, 80006, 80008, 80009, 80014]);
/** Subcodes that mean "slow down" under another code (368 "posting too fast"). */
export const THROTTLE_SUBCODES = new Set([1390008]);
/** 190 subcodes that mean the token expired (as opposed to revoked or invalid). */
export const EXPIRED_SUBCODES = new Set([463]);
/** Subcodes and markers that mean the token was revoked: reconnect. */
export const REVOKED_SUBCODES = new Set([458, 460, 464, 467, 492, 1404078]);

export function graphErrorMapper(throttleFallbackMs: number): ErrorMapper {
  return (res, source) => {
    const body = (res.data as { error?: GraphErrorBody } | undefined)?.error;
    if (!body || typeof body !== 'object') return undefined;
    const code = body.code;
    const subcode = body.error_subcode;
    const message = body.message ?? '';
    const details = { source, status: res.status, code: subcode ? `${code}/${subcode}` : code, platformMessage: excerpt(message) };
    return classify(code, subcode, message, body.is_transient, details, () => facebookRetryAfterMs(res.headers, throttleFallbackMs));
  };
}

function classify(
  code: number | undefined,
  subcode: number | undefined,
  message: string,
  transient: boolean | undefined,
  details: ConstructorParameters<typeof BadRequest>[0],
  retryAfter: () => number,
): ConnectorError {
  if (subcode !== undefined && THROTTLE_SUBCODES.has(subcode)) return new RateLimited(details, retryAfter());
  if (code !== undefined && THROTTLE_CODES.has(code)) return new RateLimited(details, retryAfter());
  if (code === 190 || code === 102 || /Error validating access token/i.test(message) || /REVOKED_ACCESS_TOKEN/.test(message)) {
    if (subcode !== undefined && REVOKED_SUBCODES.has(subcode)) return new Unauthorized(details);
    if ((subcode !== undefined && EXPIRED_SUBCODES.has(subcode)) || /has expired/i.test(message)) return new TokenExpired(details);
    return new Unauthorized(details);
  }
  if (subcode !== undefined && REVOKED_SUBCODES.has(subcode)) return new Unauthorized(details);
  if (code === 10 || (code !== undefined && code >= 200 && code < 300)) return new Unauthorized(details, 'permission missing');
  if (transient || code === 1 || code === 2 || (details.status ?? 0) >= 500) return new Unavailable(details, 'platform error');
  return new BadRequest(details);
}

type Usage = { call_count?: number; total_cputime?: number; total_time?: number; estimated_time_to_regain_access?: number };

/** How long to wait after throttling: Retry-After, else the usage headers, else `fallbackMs`. */
export function facebookRetryAfterMs(headers: Headers, fallbackMs: number): number {
  const retryAfter = parseRetryAfter(headers);
  if (retryAfter !== undefined) return retryAfter;
  const buc = parseHeader<Record<string, Usage[]>>(headers.get('x-business-use-case-usage'));
  const minutes = Math.max(0, ...Object.values(buc ?? {}).flatMap((list) => (Array.isArray(list) ? list.map((u) => Number(u.estimated_time_to_regain_access) || 0) : [])));
  if (minutes > 0) return minutes * 60_000;
  return fallbackMs;
}

/** The highest usage percentage reported by any usage header (0–100+), or undefined when none was sent. */
export function facebookUsagePercent(headers: Headers): number | undefined {
  const flat: Usage[] = [];
  for (const name of ['x-app-usage', 'x-page-usage', 'x-ad-account-usage']) {
    const usage = parseHeader<Usage>(headers.get(name));
    if (usage) flat.push(usage);
  }
  const buc = parseHeader<Record<string, Usage[]>>(headers.get('x-business-use-case-usage'));
  for (const list of Object.values(buc ?? {})) if (Array.isArray(list)) flat.push(...list);
  if (!flat.length) return undefined;
  return Math.max(...flat.flatMap((u) => [u.call_count ?? 0, u.total_cputime ?? 0, u.total_time ?? 0]));
}

function parseHeader<T>(value: string | null): T | undefined {
  if (!value) return undefined;
  try {
    return JSON.parse(value) as T;
  } catch {
    return undefined;
  }
}
