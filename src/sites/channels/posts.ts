// Cross-posting as jobs. One record per (item, channel) is the idempotency key: it is claimed before the
// platform is called, so a retried or duplicated job never posts twice. Failures are sorted by their kind
// (see the connectors' typed errors): wait and retry, refresh the token, ask for a reconnect, give up, or —
// when a write may have reached the platform — mark the post unconfirmed for a person to check.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../../app/context.ts';
import { publishing } from '../directory.ts';
import { getItem } from '../items.ts';
import { htmlToText } from '../sanitize.ts';
import { channelPosts, mediaFiles, type ChannelPost, type ContentItem } from '../schema.ts';
import { mediaUrl, originOf, siteUrl } from '../urls.ts';
import { type PublishItem, TokenExpired } from '../../connectors/index.ts';
import { accountOf, markRefused, platform, platformEnvironment, refreshConnection, type PlatformDefinition } from '../../platforms/index.ts';
import { getAccount } from './accounts.ts';
import { videoSource } from './video.ts';

export const CROSSPOST_JOB = 'sites.crosspost';
export const MAX_ATTEMPTS = 6;
const TEXT_LIMIT = 3000;

/** Creates the missing records for the item's chosen channels and queues a job for each pending one. */
export async function enqueueCrossPosts(ctx: AppContext, item: ContentItem): Promise<number> {
  if (!item.channels.length) return 0;
  let queued = 0;
  for (const channel of item.channels) {
    const publish = platform(channel)?.publish;
    const account = await getAccount(ctx, item.siteId, channel);
    if (!publish || !account?.enabled || !publish.accepts({ hasVideo: Boolean(item.details.videoMediaId) })) continue;
    await ctx.db.insert(channelPosts).values({ itemId: item.id, channel }).onConflictDoNothing();
    const [post] = await ctx.db.select().from(channelPosts).where(and(eq(channelPosts.itemId, item.id), eq(channelPosts.channel, channel)));
    if (post.status === 'pending') {
      await ctx.jobs.enqueue(CROSSPOST_JOB, { postId: post.id }, { dedupeKey: `crosspost:${post.id}:${post.attempts}` });
      queued++;
    }
  }
  return queued;
}

/** A person asks to try a failed post again (after reconnecting, say). Posted and unconfirmed posts stay as they are unless `force`. */
export async function retryCrossPost(ctx: AppContext, postId: number, force = false): Promise<boolean> {
  const statuses = force ? ['failed', 'unconfirmed', 'skipped'] : ['failed', 'skipped'];
  const rows = await ctx.db
    .update(channelPosts)
    .set({ status: 'pending', attempts: 0, updatedAt: new Date() })
    .where(and(eq(channelPosts.id, postId), inArray(channelPosts.status, statuses as ChannelPost['status'][])))
    .returning();
  if (!rows.length) return false;
  await ctx.jobs.enqueue(CROSSPOST_JOB, { postId }, { dedupeKey: `crosspost:${postId}:manual:${Date.now()}` });
  return true;
}

export async function postsOfItem(ctx: AppContext, itemId: number): Promise<ChannelPost[]> {
  return ctx.db.select().from(channelPosts).where(eq(channelPosts.itemId, itemId)).orderBy(channelPosts.channel);
}

interface FailureShape {
  kind?: string;
  retryAfterMs?: number | (() => number);
  resetAt?: Date;
  outcomeUnknown?: boolean;
  message?: string;
}

type Outcome = { type: 'retry'; delayMs: number } | { type: 'refresh' } | { type: 'reconnect' } | { type: 'unconfirmed' } | { type: 'final' };

/** What to do after a failure, from its kind only (the connectors' typed errors carry `kind`). */
export function outcomeOf(e: unknown, attempt: number): Outcome {
  const f = (e ?? {}) as FailureShape;
  const backoff = Math.min(10 * 60_000, 5_000 * 2 ** Math.max(0, attempt - 1));
  switch (f.kind) {
    case 'unauthorized':
      return e instanceof TokenExpired ? { type: 'refresh' } : { type: 'reconnect' };
    case 'rate_limited':
      return { type: 'retry', delayMs: typeof f.retryAfterMs === 'number' ? f.retryAfterMs : backoff };
    case 'quota_exceeded':
      return { type: 'retry', delayMs: f.resetAt ? Math.max(1000, f.resetAt.getTime() - Date.now()) : backoff };
    case 'unavailable':
      if (f.outcomeUnknown) return { type: 'unconfirmed' };
      return { type: 'retry', delayMs: typeof f.retryAfterMs === 'number' ? f.retryAfterMs : backoff };
    case 'bad_request':
      return { type: 'final' };
    default:
      // Not a typed platform failure (a bug, a network error before sending): the platform may not have
      // been reached, but we cannot be sure.
      return { type: 'unconfirmed' };
  }
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e)).slice(0, 1000);

async function update(ctx: AppContext, id: number, values: Partial<ChannelPost>): Promise<void> {
  await ctx.db.update(channelPosts).set({ ...values, updatedAt: new Date() }).where(eq(channelPosts.id, id));
}

/** The job: claims the record, publishes once, records the outcome. */
export async function runCrossPost(ctx: AppContext, postId: number): Promise<ChannelPost['status'] | 'not-claimed'> {
  const [claimed] = await ctx.db
    .update(channelPosts)
    .set({ status: 'posting', attempts: sql`${channelPosts.attempts} + 1`, claimedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(channelPosts.id, postId), inArray(channelPosts.status, ['pending', 'failed'])))
    .returning();
  if (!claimed) {
    // Left 'posting' by a process that stopped mid-call: the post may exist. Never post again blindly.
    const [row] = await ctx.db.select().from(channelPosts).where(eq(channelPosts.id, postId));
    if (row?.status === 'posting' && row.claimedAt && Date.now() - row.claimedAt.getTime() > 60_000) {
      await update(ctx, postId, { status: 'unconfirmed', errorKind: 'interrupted', lastError: 'interrupted while posting' });
      return 'unconfirmed';
    }
    return 'not-claimed';
  }
  const [channelId, stepName] = claimed.channel.split('.');
  const definition = platform(channelId);
  const publish = definition?.publish;
  const step = stepName ? publish?.steps?.find((s) => s.name === stepName) : undefined;
  const item = await getItem(ctx.db, claimed.itemId).catch(() => undefined);
  const account = item ? await getAccount(ctx, item.siteId, channelId) : undefined;
  if (!definition || !publish || !item || !account?.enabled || item.status !== 'published') {
    await update(ctx, postId, { status: 'skipped', lastError: !item || item.status !== 'published' ? 'item not published' : 'channel not connected' });
    return 'skipped';
  }
  let parentExternalId: string | undefined;
  if (stepName) {
    const [parent] = await ctx.db.select().from(channelPosts).where(and(eq(channelPosts.itemId, item.id), eq(channelPosts.channel, channelId)));
    if (!step || parent?.status !== 'posted' || !parent.externalId) {
      await update(ctx, postId, { status: 'skipped', lastError: 'the post this step follows was not made' });
      return 'skipped';
    }
    parentExternalId = parent.externalId;
  }
  let target = accountOf(ctx, account);
  const content = stepName ? undefined : await publishItemOf(ctx, item);
  for (let refreshed = false; ; ) {
    try {
      const env = platformEnvironment();
      const result = step && parentExternalId ? await step.run(parentExternalId, target, env) : await publish.publisher(target, env).publish(content as PublishItem);
      await update(ctx, postId, { status: 'posted', externalId: result.externalId, url: result.url ?? null, postedAt: new Date(), errorKind: null, lastError: null });
      if (!stepName) await queueSteps(ctx, item.id, definition);
      return 'posted';
    } catch (e) {
      const outcome = outcomeOf(e, claimed.attempts);
      if (outcome.type === 'refresh' && !refreshed && definition.refresh) {
        try {
          target = await refreshConnection(ctx, account.connectionId);
          refreshed = true;
          continue;
        } catch (refreshError) {
          e = refreshError;
        }
      }
      return recordFailure(ctx, claimed, account.connectionId, e, outcome.type === 'refresh' ? { type: 'reconnect' } : outcome);
    }
  }
}

async function recordFailure(ctx: AppContext, post: ChannelPost, connectionId: number, e: unknown, outcome: Outcome): Promise<ChannelPost['status']> {
  const kind = String((e as FailureShape)?.kind ?? 'unknown');
  if (outcome.type === 'reconnect') {
    await markRefused(ctx.db, connectionId, message(e));
    await update(ctx, post.id, { status: 'failed', errorKind: kind, lastError: message(e) });
    return 'failed';
  }
  if (outcome.type === 'unconfirmed') {
    await update(ctx, post.id, { status: 'unconfirmed', errorKind: kind, lastError: message(e) });
    return 'unconfirmed';
  }
  await update(ctx, post.id, { status: 'failed', errorKind: kind, lastError: message(e) });
  if (outcome.type === 'retry' && post.attempts < MAX_ATTEMPTS) {
    // A new job at the time the platform asked for (the queue's own backoff cannot know it).
    await ctx.jobs.enqueue(CROSSPOST_JOB, { postId: post.id }, { runAt: new Date(Date.now() + outcome.delayMs), dedupeKey: `crosspost:${post.id}:${post.attempts}` });
  }
  return 'failed';
}

/** Records and queues the follow-up steps of a channel once its post exists. */
async function queueSteps(ctx: AppContext, itemId: number, definition: PlatformDefinition): Promise<void> {
  for (const step of definition.publish?.steps ?? []) {
    const [row] = await ctx.db.insert(channelPosts).values({ itemId, channel: `${definition.id}.${step.name}` }).onConflictDoNothing().returning();
    if (row) await ctx.jobs.enqueue(CROSSPOST_JOB, { postId: row.id }, { dedupeKey: `crosspost:${row.id}:0` });
  }
}

async function publishItemOf(ctx: AppContext, item: ContentItem): Promise<PublishItem> {
  const index = await publishing(ctx).sites.current();
  const site = index.get(item.siteId);
  const section = index.section(item.sectionId);
  const origin = originOf(ctx);
  const link = site && section ? siteUrl(ctx, site, `/${section.slug}/${item.slug}`) : undefined;
  const text = [item.sapo, htmlToText(item.body)].filter(Boolean).join('\n\n');
  const imageUrls: string[] = [];
  if (item.coverMediaId) {
    const [cover] = await ctx.db.select().from(mediaFiles).where(eq(mediaFiles.id, item.coverMediaId));
    if (cover) imageUrls.push(`${origin}${mediaUrl(cover, 1024, 'jpeg')}`);
  }
  const video = item.details.videoMediaId ? await videoSource(ctx, item.details.videoMediaId) : undefined;
  return { title: item.title, text: text.length > TEXT_LIMIT ? `${text.slice(0, TEXT_LIMIT - 1)}…` : text, link, imageUrls, video };
}

/** One cross-post of an item, or undefined. */
export async function crossPostOfItem(ctx: AppContext, itemId: number, postId: number): Promise<ChannelPost | undefined> {
  const [post] = await ctx.db.select().from(channelPosts).where(and(eq(channelPosts.id, postId), eq(channelPosts.itemId, itemId)));
  return post;
}
