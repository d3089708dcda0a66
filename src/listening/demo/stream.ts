// The demo's live stream (dữ liệu mô phỏng): on a demo installation, a job adds synthetic District 10
// posts every minute — a week of history on the first run, then posts at the pace of the hour of the
// day — and every six hours one concern bursts (heavy rain floods Bà Hạt, a scam wave, a water cut…)
// so that a newcomer sees issues form and a spike fire. One burst lies in the week of history, three
// hours before the first start, so that the first dashboard already shows a spike. The posts are
// drawn from pools written by hand (posts/), so issues form as they do on real, messy writing. The
// source is marked synthetic everywhere.
import type { AppContext } from '../../app/context.ts';
import { ingestPosts } from '../ingest/ingest.ts';
import { rows, sql } from '../store/sql.ts';
import { hourOfWeek } from '../trends/baseline.ts';
import { generatePosts, random } from './generate.ts';

export const DEMO_STREAM_JOB = 'listening.demo-stream';
export const DEMO_SOURCE = 'mo-phong';
const MINUTE = 60_000;
const BACKFILL_DAYS = 7;
/** Posts per minute at an ordinary hour. */
const BASE_RATE = 0.2;
const BURST_EVERY = 6 * 60 * MINUTE;
const BURST_LENGTH = 45 * MINUTE;
const FIRST_BURST_AFTER = 3 * MINUTE;
const BURST_RATE = 1.3;
const BURSTS = ['ngap-ba-hat', 'lua-dao-cong-an', 'mat-nuoc', 'cuop-giat', 'ket-xe-3-2'];
/** The burst in the history: a scam wave that started three hours before the first start. */
const HISTORY_BURST = 'lua-dao-cong-an';
const HISTORY_BURST_BEFORE = 3 * 60 * MINUTE;
/** At most this much is caught up after the server was off. */
const MAX_CATCH_UP = 24 * 60 * MINUTE;

interface StreamState {
  startedAt: number;
  lastAt: number;
}

/** Hour of the day shapes the pace: quiet nights, busy lunch and evenings. */
function pace(ms: number): number {
  const h = hourOfWeek(ms) % 24;
  if (h < 6) return 0.15;
  if (h < 9) return 0.8;
  if (h < 12) return 1.1;
  if (h < 14) return 1.4;
  if (h < 18) return 1;
  if (h < 23) return 1.6;
  return 0.6;
}

function poisson(rnd: () => number, mean: number): number {
  let k = 0;
  let p = Math.exp(-mean);
  let s = p;
  const u = rnd();
  while (u > s && k < 50) {
    k++;
    p *= mean / k;
    s += p;
  }
  return k;
}

/** The scenario bursting at `ms`, if any. */
export function burstAt(state: StreamState, ms: number): string | null {
  const history = ms - (state.startedAt - HISTORY_BURST_BEFORE);
  if (history >= 0 && history < BURST_LENGTH) return HISTORY_BURST;
  const since = ms - (state.startedAt + FIRST_BURST_AFTER);
  if (since < 0) return null;
  const n = Math.floor(since / BURST_EVERY);
  return since - n * BURST_EVERY < BURST_LENGTH ? BURSTS[n % BURSTS.length] : null;
}

export async function runDemoStream(ctx: AppContext, now = Date.now()): Promise<number> {
  const [row] = await rows<{ value: StreamState }>(ctx.db, sql`SELECT value FROM listening_state WHERE key = 'demo-stream'`);
  const state: StreamState = row?.value ?? { startedAt: now, lastAt: now - BACKFILL_DAYS * 24 * 60 * MINUTE };
  const from = Math.max(state.lastAt, now - (row ? MAX_CATCH_UP : BACKFILL_DAYS * 24 * 60 * MINUTE));
  const posts: Parameters<typeof ingestPosts>[2][number][] = [];
  for (let m = Math.floor(from / MINUTE) + 1; m * MINUTE <= now; m++) {
    const t = m * MINUTE;
    const rnd = random(m);
    const burst = burstAt(state, t);
    const k = poisson(rnd, BASE_RATE * pace(t));
    const extra = burst ? poisson(rnd, BURST_RATE) : 0;
    for (const p of generatePosts({ seed: m, start: t - MINUTE, gapMs: MINUTE / (k + 1), count: k, idPrefix: 'mp', authors: 3_000 })) posts.push(toIncoming(p));
    if (extra) for (const p of generatePosts({ seed: m * 7 + 1, start: t - MINUTE, gapMs: MINUTE / (extra + 1), count: extra, weights: { [burst as string]: 1 }, chatter: 0, idPrefix: 'mpb', authors: 3_000 })) posts.push(toIncoming(p));
  }
  let added = 0;
  for (let i = 0; i < posts.length; i += 2000) {
    added += (await ingestPosts(ctx, DEMO_SOURCE, posts.slice(i, i + 2000), { create: { kind: 'synthetic', label: 'Dữ liệu mô phỏng – Trang cộng đồng Quận 10', synthetic: true } })).added;
  }
  const next: StreamState = { startedAt: state.startedAt, lastAt: now };
  await ctx.db.execute(sql`INSERT INTO listening_state (key, value, updated_at) VALUES ('demo-stream', ${JSON.stringify(next)}::jsonb, now())
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`);
  return added;
}

function toIncoming(p: { id: string; author: string; createdAt: Date; text: string }) {
  return { externalId: p.id, authorExternalId: p.author, createdAt: p.createdAt, text: p.text };
}
