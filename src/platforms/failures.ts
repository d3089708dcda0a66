// Failures on a platform, understood from their `kind` alone (the typed errors of src/connectors carry
// the same kinds), and the time of the next try of a listening poll.
import type { ClassifiedFailure, FailureKind } from './types.ts';

const KINDS: readonly FailureKind[] = ['unauthorized', 'rate_limited', 'quota_exceeded', 'bad_request', 'unavailable'];

/** For connectors that do not use src/connectors' clients (feeds): the same kinds. */
export class SourceFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'SourceFailure';
  }
}

export function classifyFailure(e: unknown, now = Date.now()): ClassifiedFailure {
  const err = e as { kind?: unknown; retryAfterMs?: unknown; message?: unknown; name?: unknown };
  const kind = KINDS.includes(err?.kind as FailureKind) ? (err.kind as FailureKind) : 'unavailable';
  let retryAfterMs: number | undefined;
  if (typeof err?.retryAfterMs === 'number') retryAfterMs = err.retryAfterMs;
  else if (typeof err?.retryAfterMs === 'function') retryAfterMs = Number((err.retryAfterMs as (n: number) => number).call(e, now));
  const aborted = err?.name === 'AbortError' || err?.name === 'TimeoutError';
  const message = aborted ? 'timed out' : typeof err?.message === 'string' && err.message ? err.message : String(e);
  return { kind, retryAfterMs: Number.isFinite(retryAfterMs) ? retryAfterMs : undefined, message: message.slice(0, 500) };
}

const MINUTE = 60_000;
const CAP = 6 * 3600_000;

/** Delay before the next poll after `failures` failures in a row (the last one classified). */
export function nextDelayMs(f: ClassifiedFailure, failures: number, random = Math.random): number {
  if ((f.kind === 'rate_limited' || f.kind === 'quota_exceeded') && f.retryAfterMs !== undefined) return Math.min(Math.max(f.retryAfterMs, 1000), 24 * 3600_000);
  if (f.kind === 'unauthorized' || f.kind === 'bad_request') return CAP;
  const base = Math.min(MINUTE * 2 ** Math.max(0, failures - 1), CAP);
  return Math.round(base * (0.8 + random() * 0.4));
}
