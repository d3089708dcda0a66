// The trends job: spike detection from the last evaluated time (the watermark) up to now, or over a
// given period (after an import of older posts).
import type { AppContext } from '../app/context.ts';
import { detectSpikes } from './trends/detect.ts';
import { rows, sql } from './store/sql.ts';

export const TRENDS_JOB = 'listening.trends';
const MAX_CATCH_UP_MS = 14 * 24 * 3600_000;

export async function runTrends(ctx: AppContext, payload: { from?: string; to?: string } = {}): Promise<number> {
  const now = Date.now();
  if (payload.from && payload.to) {
    const found = await detectSpikes(ctx, { from: new Date(payload.from), to: new Date(Math.min(Date.parse(payload.to) + 3600_000, now)) });
    return found.length;
  }
  const [state] = await rows<{ value: { at?: number } }>(ctx.db, sql`SELECT value FROM listening_state WHERE key = 'trends'`);
  const from = Math.max(state?.value.at ?? now - 24 * 3600_000, now - MAX_CATCH_UP_MS);
  const found = await detectSpikes(ctx, { from: new Date(from), to: new Date(now) });
  await ctx.db.execute(sql`INSERT INTO listening_state (key, value, updated_at) VALUES ('trends', ${JSON.stringify({ at: now })}::jsonb, now())
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`);
  return found.length;
}
