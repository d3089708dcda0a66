// Retention: the text of posts (and what could rebuild it: links, near-duplicate signatures) is
// deleted once older than the configured number of days; counts and issue aggregates stay.
import type { AppContext } from '../app/context.ts';
import { listingSettings } from './settings.ts';
import { rows, sql } from './store/sql.ts';

export const PURGE_JOB = 'listening.purge';
const CHUNK = 5_000;

export async function purgeExpiredText(ctx: AppContext, now = new Date()): Promise<number> {
  const { retentionDays } = await listingSettings(ctx);
  const before = new Date(now.getTime() - retentionDays * 24 * 3600_000).toISOString();
  let total = 0;
  for (;;) {
    const done = await rows<{ id: number }>(
      ctx.db,
      sql`UPDATE listening_posts SET text = NULL, url = NULL, signature = NULL, purged_at = now()
          WHERE id IN (SELECT id FROM listening_posts WHERE posted_at < ${before}::timestamptz AND text IS NOT NULL AND status = 1 LIMIT ${CHUNK})
          RETURNING id`,
    );
    total += done.length;
    if (done.length < CHUNK) return total;
  }
}
