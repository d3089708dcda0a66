// One small fetch-based request helper for every platform client: a timeout on every call, JSON parsing
// that keeps large ids exact, and the mapping of failures to the typed errors in errors.ts — through a
// per-platform mapper first, then by HTTP status. Tokens never reach a log line or an error message:
// URLs are logged with credential parameters redacted, and known secret values are scrubbed from text.
import { BadRequest, type ConnectorError, RateLimited, TokenExpired, Unauthorized, Unavailable } from './errors.ts';
import { parseJsonKeepingIds } from './json.ts';

/** A token given as a value or fetched on each call (so a refreshed token is picked up). */
export type TokenSource = string | (() => string | Promise<string>);

export const resolveToken = async (source: TokenSource): Promise<string> => (typeof source === 'function' ? source() : source);

/** The pino-compatible subset the connectors log through. */
export interface ConnectorLogger {
  debug(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface HttpResponse<T = unknown> {
  status: number;
  headers: Headers;
  /** Parsed JSON when the body is JSON, else undefined. */
  data: T;
  text: string;
}

/** Returns the typed error a response stands for, or undefined to fall back to mapping by status. */
export type ErrorMapper = (res: HttpResponse, source: string) => ConnectorError | undefined;

export interface HttpConfig {
  /** Label for errors and logs. */
  source: string;
  mapError?: ErrorMapper;
  /** Per-request timeout; default 15 s. */
  timeoutMs?: number;
  /** Retry hint when a 429 carries no Retry-After; default 60 s. */
  defaultRetryAfterMs?: number;
  fetch?: typeof fetch;
  log?: ConnectorLogger;
  /** Secret values (app secrets) to scrub from any text that could be logged. */
  secrets?: readonly string[];
}

export type QueryValue = string | number | boolean | undefined;

export interface HttpRequest {
  method?: string;
  url: string;
  query?: Record<string, QueryValue>;
  headers?: Record<string, string>;
  /** A JSON body (sets Content-Type). */
  json?: unknown;
  /** A form body (application/x-www-form-urlencoded). */
  form?: Record<string, QueryValue>;
  /** A raw body; set Content-Type in headers. */
  body?: Uint8Array | string;
  timeoutMs?: number;
  /** Aborts the request (e.g. a poll over its time limit); answered as Unavailable('aborted'). */
  signal?: AbortSignal;
  /** Statuses outside 2xx that are answers, not failures (e.g. 308 in resumable uploads). */
  accept?: readonly number[];
  /** Secret values used by this request (tokens), scrubbed from errors and logs. */
  secrets?: readonly (string | undefined)[];
}

export interface HttpClient {
  request<T = unknown>(req: HttpRequest): Promise<HttpResponse<T>>;
}

/** Query parameters whose values are credentials. */
const CREDENTIAL_PARAMS = /^(access_token|refresh_token|client_secret|key|appsecret_proof|input_token|fb_exchange_token|upload_id|code|secret_key|signature)$/i;

/** A URL with credential parameters replaced by `[redacted]`; safe to log. */
export function redactUrl(url: string | URL): string {
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    return String(url).replace(/(access_token|refresh_token|key|upload_id)=[^&\s]+/gi, '$1=[redacted]');
  }
  for (const name of [...parsed.searchParams.keys()]) {
    if (CREDENTIAL_PARAMS.test(name)) parsed.searchParams.set(name, '[redacted]');
  }
  return parsed.toString().replace(/%5Bredacted%5D/g, '[redacted]');
}

/** Removes every occurrence of the given secrets (and credential URL parameters) from a text. */
export function scrub(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text.replace(/(access_token|refresh_token|client_secret|appsecret_proof|upload_id)(["']?\s*[=:]\s*["']?)[^&"'\s,}]+/gi, '$1$2[redacted]');
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  return out;
}

/** Milliseconds from a Retry-After header (delta-seconds or HTTP-date), or undefined. */
export function parseRetryAfter(headers: Headers, now = Date.now()): number | undefined {
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The status-only mapping used when a platform mapper has nothing to say. */
export function mapByStatus(res: HttpResponse, source: string, defaultRetryAfterMs = 60_000, platformMessage?: string): ConnectorError {
  const details = { source, status: res.status, platformMessage };
  if (res.status === 401) return new TokenExpired(details);
  if (res.status === 403) return new Unauthorized(details);
  if (res.status === 429) return new RateLimited(details, parseRetryAfter(res.headers) ?? defaultRetryAfterMs);
  if (res.status >= 500) return new Unavailable(details, `HTTP ${res.status}`, false, parseRetryAfter(res.headers));
  return new BadRequest(details);
}

const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

export function createHttp(config: HttpConfig): HttpClient {
  const doFetch = config.fetch ?? fetch;
  const source = config.source;

  return {
    async request<T>(req: HttpRequest): Promise<HttpResponse<T>> {
      const method = (req.method ?? 'GET').toUpperCase();
      const secrets = [...(config.secrets ?? []), ...(req.secrets ?? [])];
      const url = new URL(req.url);
      for (const [name, value] of Object.entries(req.query ?? {})) if (value !== undefined) url.searchParams.set(name, String(value));
      const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
      let body: string | Uint8Array | undefined = req.body;
      if (req.json !== undefined) {
        body = JSON.stringify(req.json);
        headers['content-type'] ??= 'application/json';
      } else if (req.form) {
        const form = new URLSearchParams();
        for (const [name, value] of Object.entries(req.form)) if (value !== undefined) form.set(name, String(value));
        body = form.toString();
        headers['content-type'] ??= 'application/x-www-form-urlencoded';
      }
      const where = { source, method, url: redactUrl(url) };

      let res: Response;
      let text: string;
      try {
        const timeout = AbortSignal.timeout(req.timeoutMs ?? config.timeoutMs ?? 15_000);
        const signal = req.signal ? AbortSignal.any([timeout, req.signal]) : timeout;
        res = await doFetch(url, { method, headers, body: body as BodyInit | undefined, redirect: 'manual', signal });
        text = await res.text();
      } catch (e) {
        const err = e as Error & { cause?: { code?: string } };
        const timedOut = err.name === 'TimeoutError' || err.name === 'AbortError';
        const code = err.cause?.code;
        const reason = req.signal?.aborted ? 'aborted' : timedOut ? 'timeout' : `network${code ? ` ${code}` : ''}`;
        const outcomeUnknown = method !== 'GET' && method !== 'HEAD' && !(code && NOT_SENT.has(code));
        config.log?.warn({ ...where, reason }, 'connector request failed');
        throw new Unavailable({ source }, reason, outcomeUnknown);
      }

      let data: unknown;
      if (text && /^\s*[[{]/.test(text)) {
        try {
          data = parseJsonKeepingIds(text);
        } catch {
          data = undefined;
        }
      }
      const response: HttpResponse<T> = { status: res.status, headers: res.headers, data: data as T, text };
      config.log?.debug({ ...where, status: res.status }, 'connector request');

      const ok = (res.status >= 200 && res.status < 300) || req.accept?.includes(res.status);
      const mapped = config.mapError?.(response, source) ?? (ok ? undefined : mapByStatus(response, source, config.defaultRetryAfterMs));
      if (mapped) {
        const clean = cleanError(mapped, secrets);
        config.log?.warn({ ...where, status: res.status, error: clean.name, code: clean.code }, clean.message);
        throw clean;
      }
      return response;
    },
  };
}

/** Scrubs secrets from an error's message and platform message (platforms sometimes echo them back). */
function cleanError<E extends ConnectorError>(error: E, secrets: readonly (string | undefined)[]): E {
  const message = scrub(error.message, secrets);
  if (message !== error.message) error.message = message;
  if (error.stack) error.stack = scrub(error.stack, secrets);
  if (error.platformMessage) {
    const said = scrub(error.platformMessage, secrets);
    if (said !== error.platformMessage) (error as { platformMessage?: string }).platformMessage = said;
  }
  return error;
}

/** A short, single-line excerpt of a platform message for error details. */
export const excerpt = (text: unknown, max = 500): string | undefined =>
  typeof text === 'string' && text ? text.replace(/\s+/g, ' ').slice(0, max) : undefined;
