// Polling pull sources: every minute the due ones are queued, one job each (deduplicated, so a slow
// source never runs twice at once). A poll stores its posts, then its cursor; a failure is classified
// by kind, shown on the source and sets the next try (Retry-After honoured, else backoff).
import type { AppContext } from '../../app/context.ts';
import { outboundFetch } from '../../app/outbound.ts';
import { classifyFailure } from '../../platforms/index.ts';
import { ingestPosts } from '../ingest/ingest.ts';
import { getSource, openSettings, recordPollFailure, recordPollSuccess } from '../sources.ts';
import { rows, sql } from '../store/sql.ts';
import { connectorFor } from './registry.ts';

export const POLL_JOB = 'listening.poll';
export const POLL_SOURCE_JOB = 'listening.poll-source';
const POLL_TIMEOUT_MS = 120_000;

/** Queues a poll of every enabled pull source whose time has come. */
export async function pollDue(ctx: AppContext): Promise<number> {
  const due = await rows<{ id: number; kind: string }>(ctx.db, sql`SELECT id, kind FROM listening_sources WHERE enabled AND next_poll_at IS NOT NULL AND next_poll_at <= now()`);
  let queued = 0;
  for (const s of due) {
    if (!connectorFor(s.kind)?.poll) continue;
    if ((await ctx.jobs.enqueue(POLL_SOURCE_JOB, { sourceId: s.id }, { dedupeKey: `${POLL_SOURCE_JOB}:${s.id}`, maxAttempts: 1 })) !== null) queued++;
  }
  return queued;
}

export interface PollOutcome {
  ok: boolean;
  received: number;
  added: number;
  error?: string;
  nextPollAt?: Date;
}

export async function pollSource(ctx: AppContext, sourceId: number): Promise<PollOutcome> {
  const source = await getSource(ctx.db, sourceId);
  const connector = source && connectorFor(source.kind);
  if (!source || !connector?.poll || !source.enabled) return { ok: false, received: 0, added: 0, error: 'not pollable' };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), POLL_TIMEOUT_MS);
  try {
    const settings = connector.settings.parse(await openSettings(ctx, source));
    const result = await connector.poll({ settings, cursor: source.cursor ?? null, signal: controller.signal, log: ctx.log.child({ source: source.name }), now: new Date(), fetch: outboundFetch(ctx.config.outboundPrivate) });
    // Posts first, then the cursor: a crash in between only re-reads posts, which are then duplicates.
    const summary = result.posts.length ? await ingestPosts(ctx, source.name, result.posts) : { received: 0, added: 0, duplicates: 0, rejected: [] };
    if (summary.rejected.length) ctx.log.info({ source: source.name, rejected: summary.rejected.slice(0, 5) }, 'listening: posts rejected at the door');
    await recordPollSuccess(ctx.db, source, result.cursor, Boolean(result.more));
    return { ok: true, received: summary.received, added: summary.added };
  } catch (e) {
    const failure = classifyFailure(e);
    ctx.log.warn({ source: source.name, kind: failure.kind, err: failure.message }, 'listening: source poll failed');
    const nextPollAt = await recordPollFailure(ctx.db, source, failure);
    return { ok: false, received: 0, added: 0, error: `${failure.kind}: ${failure.message}`, nextPollAt };
  } finally {
    clearTimeout(timer);
  }
}
