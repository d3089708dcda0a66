// Spike detection over a period, on the posts' own time: at every hour boundary of the period (and at
// its end), each issue, topic, ward and topic-in-ward is tested — posts in the last 3 hours against
// what its level over the 7 days before and the seasonal profile expect. Found spikes are stored in
// listening_spikes (kind issue | topic | place; a topic in a ward is kind place, key "ward|topic"), and
// each issue remembers its latest one. Re-running a period finds the same spikes (idempotent).
import type { AppContext } from '../../app/context.ts';
import { pgArray, rows, sql } from '../store/sql.ts';
import { toMs } from '../clustering/codec.ts';
import { HOUR, hourOfWeek, level, seasonalProfile, SPIKE_RULE, testSpike, type SpikeTest } from './baseline.ts';

const PROFILE_DAYS = 28;

export interface FoundSpike extends SpikeTest {
  kind: 'issue' | 'topic' | 'place';
  key: string;
  windowStart: Date;
  windowEnd: Date;
}

export interface Series {
  key: string;
  /** hour (ms) → count */
  counts: Map<number, number>;
}

const profiles = new WeakMap<AppContext, Map<number, { at: number; profile: Float64Array }>>();
const PROFILE_TTL_MS = 10 * 60_000;

/** The global profile for a period ending at `to` (it moves slowly: kept 10 minutes per hour of `to`). */
export async function profileFor(ctx: AppContext, to: number): Promise<Float64Array> {
  let cache = profiles.get(ctx);
  if (!cache) profiles.set(ctx, (cache = new Map()));
  const key = Math.floor(to / HOUR);
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < PROFILE_TTL_MS) return hit.profile;
  const profile = await loadProfile(ctx, to);
  if (cache.size > 50) cache.clear();
  cache.set(key, { at: Date.now(), profile });
  return profile;
}

async function loadProfile(ctx: AppContext, to: number): Promise<Float64Array> {
  const hourly = await rows<{ hour: string; n: number }>(
    ctx.db,
    sql`SELECT hour, sum(n)::int AS n FROM listening_topic_hourly WHERE topic = '*' AND hour >= ${new Date(to - PROFILE_DAYS * 24 * HOUR).toISOString()}::timestamptz AND hour <= ${new Date(to).toISOString()}::timestamptz GROUP BY hour`,
  );
  return seasonalProfile(hourly.map((h) => ({ hour: toMs(h.hour), n: Number(h.n) })));
}

/** Sum of profile factors over the hours [from, to). */
function exposure(profile: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let t = Math.floor(from / HOUR) * HOUR; t < to; t += HOUR) s += profile[hourOfWeek(t)];
  return s;
}

/** The test of one series at time `at`: last window against its level over the baseline before it. */
export function testAt(series: Series, at: number, profile: Float64Array, rule = SPIKE_RULE): SpikeTest {
  const windowStart = at - rule.windowHours * HOUR;
  const baseStart = windowStart - rule.baselineHours * HOUR;
  let observed = 0;
  let base = 0;
  for (const [hour, n] of series.counts) {
    if (hour >= windowStart && hour < at) observed += n;
    else if (hour >= baseStart && hour < windowStart) base += n;
  }
  // Only the part of the baseline after the series began counts as exposure: a new issue is new.
  const first = Math.min(...series.counts.keys());
  const exposureStart = Math.max(baseStart, Math.min(first, windowStart));
  const lvl = level(base, exposure(profile, exposureStart, windowStart));
  return testSpike(observed, lvl * exposure(profile, windowStart, at), rule);
}

/** Evaluation times: every hour boundary in (from, to], and `to` itself. */
export function evaluationTimes(from: number, to: number): number[] {
  const out: number[] = [];
  for (let t = Math.ceil(from / HOUR) * HOUR; t < to; t += HOUR) out.push(t);
  out.push(to);
  return out;
}

export async function detectSpikes(ctx: AppContext, period: { from: Date; to: Date }): Promise<FoundSpike[]> {
  const from = period.from.getTime();
  const to = period.to.getTime();
  const rule = SPIKE_RULE;
  const profile = await profileFor(ctx, to);
  const since = new Date(from - (rule.windowHours + rule.baselineHours) * HOUR).toISOString();
  const until = new Date(to).toISOString();
  const kinds: Array<{ kind: FoundSpike['kind']; series: Series[] }> = [
    { kind: 'issue', series: toSeries(await rows(ctx.db, sql`SELECT issue_id::text AS key, hour, sum(n)::int AS n FROM listening_issue_hourly h JOIN listening_issues i ON i.id = h.issue_id WHERE i.status <> 'merged' AND hour >= ${since}::timestamptz AND hour < ${until}::timestamptz GROUP BY 1, 2`)) },
    { kind: 'topic', series: toSeries(await rows(ctx.db, sql`SELECT topic AS key, hour, sum(n)::int AS n FROM listening_topic_hourly WHERE topic NOT IN ('*', '') AND hour >= ${since}::timestamptz AND hour < ${until}::timestamptz GROUP BY 1, 2`)) },
    {
      kind: 'place',
      series: toSeries(
        await rows(
          ctx.db,
          sql`SELECT CASE WHEN topic = '*' THEN ward ELSE ward || '|' || topic END AS key, hour, sum(n)::int AS n FROM listening_topic_hourly
              WHERE ward <> '' AND topic <> '' AND hour >= ${since}::timestamptz AND hour < ${until}::timestamptz GROUP BY 1, 2`,
        ),
      ),
    },
  ];
  const found: FoundSpike[] = [];
  const times = evaluationTimes(from, to);
  for (const { kind, series } of kinds) {
    for (const s of series) {
      // Only times with enough posts in the window can fire: skip the rest cheaply.
      const hours = [...s.counts.keys()].sort((a, b) => a - b);
      for (const at of times) {
        const windowStart = at - rule.windowHours * HOUR;
        let observed = 0;
        for (const h of hours) if (h >= windowStart && h < at) observed += s.counts.get(h) as number;
        if (observed < rule.minCount) continue;
        const t = testAt(s, at, profile, rule);
        if (t.spike) found.push({ kind, key: s.key, windowStart: new Date(windowStart), windowEnd: new Date(at), ...t });
      }
    }
  }
  await storeSpikes(ctx, found);
  return found;
}

function toSeries(list: Array<Record<string, unknown>>): Series[] {
  const by = new Map<string, Series>();
  for (const r of list) {
    const key = String(r.key);
    let s = by.get(key);
    if (!s) by.set(key, (s = { key, counts: new Map() }));
    s.counts.set(toMs(r.hour as string), Number(r.n));
  }
  return [...by.values()];
}

async function storeSpikes(ctx: AppContext, found: FoundSpike[]): Promise<void> {
  for (let i = 0; i < found.length; i += 2000) {
    const chunk = found.slice(i, i + 2000);
    await ctx.db.execute(sql`INSERT INTO listening_spikes (kind, key, window_start, window_end, observed, expected, score, p_value)
      SELECT * FROM unnest(${pgArray(chunk.map((f) => f.kind))}::text[], ${pgArray(chunk.map((f) => f.key))}::text[], ${pgArray(chunk.map((f) => f.windowStart.toISOString()))}::timestamptz[],
        ${pgArray(chunk.map((f) => f.windowEnd.toISOString()))}::timestamptz[], ${pgArray(chunk.map((f) => f.observed))}::int[], ${pgArray(chunk.map((f) => f.expected))}::float8[],
        ${pgArray(chunk.map((f) => f.score))}::float8[], ${pgArray(chunk.map((f) => f.pValue))}::float8[])
      ON CONFLICT (kind, key, window_end) DO UPDATE SET observed = excluded.observed, expected = excluded.expected, score = excluded.score, p_value = excluded.p_value`);
  }
  const latest = new Map<number, FoundSpike>();
  for (const f of found) {
    if (f.kind !== 'issue') continue;
    const id = Number(f.key);
    const cur = latest.get(id);
    if (!cur || f.windowEnd > cur.windowEnd) latest.set(id, f);
  }
  if (latest.size) {
    const list = [...latest.entries()];
    await ctx.db.execute(sql`UPDATE listening_issues i SET spike_at = v.at, spike_score = v.score
      FROM unnest(${pgArray(list.map(([id]) => id))}::int[], ${pgArray(list.map(([, f]) => f.windowEnd.toISOString()))}::timestamptz[], ${pgArray(list.map(([, f]) => f.score))}::real[]) AS v(id, at, score)
      WHERE i.id = v.id AND (i.spike_at IS NULL OR i.spike_at <= v.at)`);
  }
}
