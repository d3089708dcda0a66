// Reading issues: the attention list (with filters), one issue with its timeline, places and
// representative posts, and the issue records of the API and CLI. Everything is computed on the
// posts' own timestamps from the hourly aggregates, so a period in the past shows that period.
// These are the queries other features (alerts, the weekly brief) should build on.
import { fold } from '@nhipcau/text-vi';
import type { Database, Db } from '../db/client.ts';
import { toMs } from './clustering/codec.ts';
import { listingSettings } from './settings.ts';
import { analyzerFor } from './analyzer.ts';
import { vnDayStart } from '../core/time.ts';
import type { SQL } from 'drizzle-orm';
import { pgArray, rows, sql } from './store/sql.ts';
import { HOUR, hourOfWeek, level } from './trends/baseline.ts';
import { profileFor } from './trends/detect.ts';
import type { AppContext } from '../app/context.ts';

/** The topic filter value that selects what has no topic (the taxonomy's ids are never "none"). */
export const NO_TOPIC = 'none';

export interface IssueFilter {
  from: Date;
  to: Date;
  /** Source ids. */
  sources?: number[];
  /** Topic id, or NO_TOPIC for the issues without any topic. */
  topic?: string;
  /** Ward id of the gazetteer. */
  ward?: string;
  /** Accent-insensitive words of the label or key phrases, or an issue number. */
  q?: string;
  limit?: number;
  /** Include the ids of the issue's posts in the period (API and CLI). */
  postIds?: boolean;
  /** Issues with fewer posts in the period are left out (default 2). */
  minPosts?: number;
}

export interface IssueSummary {
  id: number;
  label: string;
  generatedLabel: string;
  renamed: boolean;
  pinned: boolean;
  topics: string[];
  places: string[];
  /** Posts in the period. */
  count: number;
  /** Distinct voices in the period. */
  voices: number;
  /** Mean frustration of the period's posts, 0..1. */
  frustration: number;
  sentiment: { negative: number; neutral: number; positive: number };
  /** Last 24 hours of the period against what the issue's level and the hour of day and week expect. */
  growth: number;
  /** count × growth × (0.1 + frustration). */
  attention: number;
  spike: { at: string; score: number; observed: number; expected: number } | null;
  firstSeen: string;
  lastSeen: string;
  postIds?: number[];
  /** The ids the posts were imported with (their source's ids), in the order of postIds. */
  externalIds?: string[];
}

const DAY = 24 * HOUR;
const GROWTH_WINDOW = 24 * HOUR;
const BASELINE = 7 * 24 * HOUR;

/**
 * The aggregate cells of a period: hours from the start of `from`'s hour up to `to` (an hour that has
 * begun before `to` counts whole), read as whole Vietnam days from listening_issue_daily and the hours
 * before the first and after the last whole day from listening_issue_hourly. Both tables hold the same
 * counts, so the sums are those of the hourly rows alone, from ~24× fewer rows.
 */
export function periodCells(from: Date, to: Date): { h0: string; h1: string; days: { d0: string; d1: string } | null } {
  const h0 = Math.floor(from.getTime() / HOUR) * HOUR;
  const h1 = Math.ceil(to.getTime() / HOUR) * HOUR;
  const d0 = vnDayStart(h0 - 1) + DAY;
  const d1 = vnDayStart(h1);
  const iso = (ms: number) => new Date(ms).toISOString();
  return { h0: iso(h0), h1: iso(h1), days: d0 < d1 ? { d0: iso(d0), d1: iso(d1) } : null };
}

/**
 * Rows of (issue_id, n, frustration_sum, negative, positive, voices) of the period, source and ward
 * filters applied: whole days from the daily table, the edges from the hourly one.
 */
function cellsOf(f: Pick<IssueFilter, 'from' | 'to' | 'sources' | 'ward'>, columns: SQL, issueCond: SQL = sql``): SQL {
  const p = periodCells(f.from, f.to);
  const filters = sql`${f.sources?.length ? sql`AND source_id = ANY(${pgArray(f.sources)}::int[])` : sql``} ${f.ward ? sql`AND ward = ${f.ward}` : sql``} ${issueCond}`;
  if (!p.days) return sql`SELECT ${columns} FROM listening_issue_hourly WHERE hour >= ${p.h0}::timestamptz AND hour < ${p.h1}::timestamptz ${filters}`;
  return sql`SELECT ${columns} FROM listening_issue_daily WHERE day >= ${p.days.d0}::timestamptz AND day < ${p.days.d1}::timestamptz ${filters}
    UNION ALL SELECT ${columns} FROM listening_issue_hourly WHERE hour >= ${p.h0}::timestamptz AND hour < ${p.days.d0}::timestamptz ${filters}
    UNION ALL SELECT ${columns} FROM listening_issue_hourly WHERE hour >= ${p.days.d1}::timestamptz AND hour < ${p.h1}::timestamptz ${filters}`;
}

/** The issues of a period, most pressing first (pinned issues lead). */
export async function listIssues(ctx: AppContext, f: IssueFilter): Promise<IssueSummary[]> {
  const db = ctx.db;
  const topicCond = f.topic === NO_TOPIC ? sql`AND coalesce(cardinality(i.topics), 0) = 0` : f.topic ? sql`AND ${f.topic} = ANY(i.topics)` : sql``;
  let searchCond = sql``;
  if (f.q?.trim()) {
    const q = f.q.trim();
    const folded = `%${fold(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    searchCond = /^\d{1,9}$/.test(q)
      ? sql`AND i.id = ${Number(q)}`
      : sql`AND f_unaccent(lower(coalesce(i.custom_label, '') || ' ' || i.label || ' ' || i.key_phrases::text)) LIKE ${folded}`;
  }
  const candidates = await rows<{
    id: number;
    label: string;
    custom_label: string | null;
    pinned: boolean;
    topics: string[];
    places: string[];
    all_voices: number;
    first_seen: string;
    last_seen: string;
    n: number;
    fsum: number;
    neg: number;
    pos: number;
  }>(
    db,
    sql`WITH c AS (
          SELECT issue_id, sum(n)::int AS n, sum(frustration_sum) AS fsum, sum(negative)::int AS neg, sum(positive)::int AS pos
          FROM (${cellsOf(f, sql`issue_id, n, frustration_sum, negative, positive`)}) cells
          GROUP BY issue_id)
        SELECT i.id, i.label, i.custom_label, i.pinned, i.topics, i.places, i.voices AS all_voices, i.first_seen, i.last_seen, c.n, c.fsum, c.neg, c.pos
        FROM c JOIN listening_issues i ON i.id = c.issue_id
        WHERE i.status <> 'merged' AND c.n >= ${f.minPosts ?? 2} ${topicCond} ${searchCond}
        ORDER BY i.pinned DESC, c.n DESC, i.id LIMIT 500`,
  );
  if (!candidates.length) return [];
  const ids = candidates.map((c) => c.id);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const limit = Math.min(f.limit ?? 50, 1000);
  const { minVoices } = await listingSettings(ctx);
  // Independent reads: on PostgreSQL they run side by side on the pool. Voices are counted ahead for
  // the busiest candidates (the attention ranking rarely reaches past them); the rest on demand below.
  // Filtered by ward, the voice sketches rule out beforehand the other candidates with too few voices there.
  const ahead = candidates.slice(0, f.ward ? limit + 10 : Math.max(limit + 30, Math.ceil(limit * 1.5)));
  const rest = f.ward ? ids.slice(ahead.length) : [];
  // Counting voices reads every post of the period of those issues: on a database server, in two halves
  // of about as many posts each, side by side.
  const halves = ctx.database.kind === 'pglite' ? [ahead] : balance(ahead, 2);
  const voicesOf = (ids: number[]) => periodVoices(db, ids, f, byId);
  const [growth, spikes, sketched, places, ...counts] = await Promise.all([
    growthOf(ctx, ids, f.to.getTime(), f),
    latestSpikes(db, ids, f.from, f.to),
    rest.length ? sketchVoices(db, rest, f) : new Map<number, number>(),
    placesReached(ctx, ahead.slice(0, limit + 10), minVoices),
    ...halves.map((h) => voicesOf(h.map((c) => c.id))),
  ]);
  const counted = new Map(counts.flatMap((m) => [...m]));
  const list: IssueSummary[] = candidates.map((c) => {
    const count = Number(c.n);
    const frustration = count ? Number(c.fsum) / count : 0;
    const g = growth.get(c.id) ?? 1;
    return {
      id: c.id,
      label: c.custom_label ?? c.label,
      generatedLabel: c.label,
      renamed: c.custom_label !== null,
      pinned: c.pinned,
      topics: c.topics,
      places: c.places,
      count,
      voices: 0,
      frustration: round(frustration),
      sentiment: { negative: Number(c.neg), neutral: count - Number(c.neg) - Number(c.pos), positive: Number(c.pos) },
      growth: round(g),
      attention: round(count * g * (0.1 + frustration)),
      spike: spikes.get(c.id) ?? null,
      firstSeen: new Date(toMs(c.first_seen)).toISOString(),
      lastSeen: new Date(toMs(c.last_seen)).toISOString(),
    };
  });
  list.sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.attention - a.attention || b.count - a.count || a.id - b.id);
  const fill = async (issues: IssueSummary[]) => {
    const missing = issues.filter((i) => !counted.has(i.id)).map((i) => i.id);
    if (missing.length) for (const [id, v] of await voicesOf(missing)) counted.set(id, v);
    for (const i of issues) {
      const v = counted.get(i.id);
      i.voices = v?.voices ?? 0;
      if (f.postIds) {
        i.postIds = v?.ids ?? [];
        i.externalIds = v?.externalIds ?? [];
      }
    }
  };
  const placesOf = async (issues: IssueSummary[]) => {
    const missing = issues.filter((i) => !places.has(i.id)).map((i) => byId.get(i.id) as (typeof candidates)[number]);
    if (missing.length) for (const [id, shown] of await placesReached(ctx, missing, minVoices)) places.set(id, shown);
  };
  let top: IssueSummary[];
  if (!f.ward) {
    top = list.slice(0, limit);
    await Promise.all([fill(top), placesOf(top)]);
  } else {
    // Broken down by place: an issue heard from fewer distinct voices than the minimum in that ward is
    // not shown. The sketches cover whole hours, so the period's posts have at most that many voices:
    // below the minimum there is final; the others are counted exactly, in order, until the list is full.
    const maybe = list.filter((i) => (counted.get(i.id)?.voices ?? sketched.get(i.id) ?? 0) >= minVoices);
    top = [];
    for (let k = 0; k < maybe.length && top.length < limit; ) {
      const chunk = maybe.slice(k, k + limit - top.length + 10);
      k += chunk.length;
      await Promise.all([fill(chunk), placesOf(chunk)]);
      top.push(...chunk.filter((i) => i.voices >= minVoices));
    }
    top = top.slice(0, limit);
  }
  for (const i of top) i.places = places.get(i.id) ?? [];
  return top;
}

/** Splits issues into `parts` groups of about as many posts each (the busiest first, each to the lightest group). */
function balance<T extends { n: number }>(list: readonly T[], parts: number): T[][] {
  const groups = Array.from({ length: parts }, () => ({ load: 0, items: [] as T[] }));
  for (const item of [...list].sort((a, b) => Number(b.n) - Number(a.n))) {
    const lightest = groups.reduce((a, b) => (b.load < a.load ? b : a));
    lightest.items.push(item);
    lightest.load += Number(item.n);
  }
  return groups.map((g) => g.items).filter((g) => g.length);
}

/**
 * An issue's places as badges follow the rule of every place breakdown: a ward only when the issue's
 * posts there come from at least the minimum of distinct voices (all its posts, from the daily voice
 * sketches), other places (streets, schools…) only when the issue itself has that many voices.
 */
async function placesReached(ctx: AppContext, issues: ReadonlyArray<{ id: number; places: string[]; all_voices: number }>, minVoices: number): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>(issues.map((i) => [i.id, []]));
  if (!issues.some((i) => i.places.length)) return out;
  const gazetteer = (await analyzerFor(ctx)).models.gazetteer.places;
  const isWard = (id: string) => gazetteer.get(id)?.type === 'ward';
  const asked = issues.filter((i) => i.places.some(isWard));
  const reached = new Set<string>();
  if (asked.length) {
    const wards = [...new Set(asked.flatMap((i) => i.places.filter(isWard)))];
    const found = await rows<{ issue_id: number; ward: string; voices: number }>(
      ctx.db,
      sql`SELECT issue_id, ward, count(DISTINCT v)::int AS voices FROM listening_issue_daily d, unnest(d.voices) AS v
          WHERE issue_id = ANY(${pgArray(asked.map((i) => i.id))}::int[]) AND ward = ANY(${pgArray(wards)}::text[]) GROUP BY issue_id, ward`,
    );
    for (const r of found) if (Number(r.voices) >= minVoices) reached.add(`${r.issue_id}\u0000${r.ward}`);
  }
  for (const i of issues) out.set(i.id, i.places.filter((pl) => (isWard(pl) ? reached.has(`${i.id}\u0000${pl}`) : Number(i.all_voices) >= minVoices)));
  return out;
}

/** Distinct voices of each issue's cells of the period, from the sketches (exact up to the sketch size). */
async function sketchVoices(db: Db, ids: number[], f: IssueFilter): Promise<Map<number, number>> {
  const found = await rows<{ issue_id: number; voices: number }>(
    db,
    sql`SELECT issue_id, count(DISTINCT v)::int AS voices FROM (${cellsOf(f, sql`issue_id, voices`, sql`AND issue_id = ANY(${pgArray(ids)}::int[])`)}) cells, unnest(cells.voices) AS v GROUP BY issue_id`,
  );
  return new Map(found.map((r) => [Number(r.issue_id), Number(r.voices)]));
}

/** Growth of each issue at `at`: (posts in the last 24 h + 1) / (expected + 1). */
async function growthOf(ctx: AppContext, ids: number[], at: number, f: IssueFilter): Promise<Map<number, number>> {
  const profile = await profileFor(ctx, at);
  const windowStart = at - GROWTH_WINDOW;
  const since = new Date(windowStart - BASELINE).toISOString();
  const sourceCond = f.sources?.length ? sql`AND source_id = ANY(${pgArray(f.sources)}::int[])` : sql``;
  const wardCond = f.ward ? sql`AND ward = ${f.ward}` : sql``;
  // Summed in the database: one row per issue (the posts of the last 24 hours, of the 7 days before, and the first hour seen).
  const sums = await rows<{ issue_id: number; recent: number; base: number; first: string }>(
    ctx.db,
    sql`SELECT issue_id, coalesce(sum(n) FILTER (WHERE hour >= ${new Date(windowStart).toISOString()}::timestamptz), 0)::int AS recent,
          coalesce(sum(n) FILTER (WHERE hour < ${new Date(windowStart).toISOString()}::timestamptz), 0)::int AS base, min(hour) AS first
        FROM listening_issue_hourly
        WHERE issue_id = ANY(${pgArray(ids)}::int[]) AND hour >= ${since}::timestamptz AND hour < ${new Date(at).toISOString()}::timestamptz ${sourceCond} ${wardCond}
        GROUP BY issue_id`,
  );
  const by = new Map(sums.map((s) => [Number(s.issue_id), { recent: Number(s.recent), base: Number(s.base), first: toMs(s.first) }]));
  const exposure = (a: number, b: number) => {
    let e = 0;
    for (let t = Math.floor(a / HOUR) * HOUR; t < b; t += HOUR) e += profile[hourOfWeek(t)];
    return e;
  };
  const windowExposure = exposure(windowStart, at);
  const out = new Map<number, number>();
  for (const id of ids) {
    const s = by.get(id);
    if (!s) {
      out.set(id, 0.2);
      continue;
    }
    const baseStart = Math.max(at - GROWTH_WINDOW - BASELINE, Math.min(s.first, windowStart));
    const expected = level(s.base, exposure(baseStart, windowStart)) * windowExposure;
    out.set(id, Math.min(50, Math.max(0.2, (s.recent + 1) / (expected + 1))));
  }
  return out;
}

async function latestSpikes(db: Db, ids: number[], from: Date, to: Date): Promise<Map<number, IssueSummary['spike']>> {
  const list = await rows<{ key: string; window_end: string; score: number; observed: number; expected: number }>(
    db,
    sql`SELECT DISTINCT ON (key) key, window_end, score, observed, expected FROM listening_spikes
        WHERE kind = 'issue' AND key = ANY(${pgArray(ids.map(String))}::text[]) AND window_end > ${from.toISOString()}::timestamptz AND window_end <= ${to.toISOString()}::timestamptz
        ORDER BY key, window_end DESC`,
  );
  return new Map(list.map((s) => [Number(s.key), { at: new Date(toMs(s.window_end)).toISOString(), score: round(Number(s.score)), observed: Number(s.observed), expected: round(Number(s.expected)) }]));
}

/**
 * Exact distinct voices of the period's posts, per issue. A period that reaches past an issue's last post,
 * unfiltered, has heard exactly the voices whose latest post in the issue is at or after its start: one
 * index range per issue instead of a distinct count over every post of the period.
 */
async function periodVoices(db: Db, ids: number[], f: IssueFilter, issues: ReadonlyMap<number, { last_seen: string }>): ReturnType<typeof voicesOf> {
  const whole = !f.postIds && !f.sources?.length && !f.ward;
  const recent = whole ? ids.filter((id) => toMs(issues.get(id)?.last_seen ?? '') < f.to.getTime()) : [];
  if (!recent.length) return voicesOf(db, ids, f);
  const fast = new Set(recent);
  const [counted, found] = await Promise.all([
    voicesOf(db, ids.filter((id) => !fast.has(id)), f),
    rows<{ issue_id: number; voices: number }>(
      db,
      sql`SELECT issue_id, count(*)::int AS voices FROM listening_issue_voices
          WHERE issue_id = ANY(${pgArray(recent)}::int[]) AND last_seen >= ${f.from.toISOString()}::timestamptz GROUP BY issue_id`,
    ),
  ]);
  for (const id of recent) counted.set(id, { voices: 0, ids: [], externalIds: [] });
  for (const r of found) counted.set(Number(r.issue_id), { voices: Number(r.voices), ids: [], externalIds: [] });
  return counted;
}

/** Exact distinct voices (and post ids when asked) of the period's posts, per issue, counted from the posts. */
async function voicesOf(db: Db, ids: number[], f: IssueFilter): Promise<Map<number, { voices: number; ids: number[]; externalIds: string[] }>> {
  const out = new Map<number, { voices: number; ids: number[]; externalIds: string[] }>();
  if (!ids.length) return out;
  const sourceCond = f.sources?.length ? sql`AND source_id = ANY(${pgArray(f.sources)}::int[])` : sql``;
  const wardCond = f.ward ? sql`AND ward = ${f.ward}` : sql``;
  // COLLATE "C": comparing hashes byte by byte is all a distinct count needs, and much faster. Source
  // and ward ride in the index too: filtered counts read the index alone.
  const found = await rows<{ issue_id: number; voices: number; ids: number[] | null; xids: string[] | null }>(
    db,
    sql`SELECT issue_id, count(DISTINCT author_hash COLLATE "C")::int AS voices ${f.postIds ? sql`, array_agg(id ORDER BY id) AS ids, array_agg(external_id ORDER BY id) AS xids` : sql``}
        FROM listening_posts WHERE issue_id = ANY(${pgArray(ids)}::int[])
          AND posted_at >= ${f.from.toISOString()}::timestamptz AND posted_at < ${f.to.toISOString()}::timestamptz ${sourceCond} ${wardCond}
        GROUP BY issue_id`,
  );
  for (const id of ids) out.set(id, { voices: 0, ids: [], externalIds: [] });
  for (const r of found) out.set(r.issue_id, { voices: Number(r.voices), ids: (r.ids ?? []).map(Number), externalIds: (r.xids ?? []).map(String) });
  return out;
}

/** What another desk needs to start work from an issue (cases: a case opened from it). */
export interface IssueOutline {
  id: number;
  label: string;
  customLabel: string | null;
  keyPhrases: Array<[string, number]>;
  topics: string[];
  postCount: number;
  voices: number;
}

export async function issueOutline(database: Database, id: number): Promise<IssueOutline | undefined> {
  const [row] = await database.query<{ id: number; label: string; custom_label: string | null; key_phrases: Array<[string, number]>; topics: string[]; post_count: number; voices: number }>(
    `SELECT id, label, custom_label, key_phrases, topics, post_count, voices FROM listening_issues WHERE id = $1`,
    [id],
  );
  if (!row) return undefined;
  return { id: Number(row.id), label: row.label, customLabel: row.custom_label, keyPhrases: row.key_phrases ?? [], topics: row.topics ?? [], postCount: row.post_count, voices: row.voices };
}

export interface IssueDetail {
  id: number;
  label: string;
  generatedLabel: string;
  customLabel: string | null;
  status: string;
  mergedInto: number | null;
  pinned: boolean;
  topics: string[];
  places: string[];
  keyPhrases: Array<[string, number]>;
  postCount: number;
  voices: number;
  frustration: number;
  sentiment: { negative: number; neutral: number; positive: number };
  firstSeen: string;
  lastSeen: string;
  spikeAt: string | null;
  spikeScore: number | null;
}

export async function getIssue(db: Db, id: number): Promise<IssueDetail | undefined> {
  const [i] = await rows<Record<string, any>>(db, sql`SELECT * FROM listening_issues WHERE id = ${id}`);
  if (!i) return undefined;
  const n = Number(i.post_count);
  return {
    id: i.id,
    label: i.custom_label ?? i.label,
    generatedLabel: i.label,
    customLabel: i.custom_label,
    status: i.status,
    mergedInto: i.merged_into,
    pinned: i.pinned,
    topics: i.topics ?? [],
    places: i.places ?? [],
    keyPhrases: i.key_phrases ?? [],
    postCount: n,
    voices: Number(i.voices),
    frustration: n ? round(Number(i.frustration_sum) / n) : 0,
    sentiment: { negative: Number(i.negative), neutral: Number(i.neutral), positive: Number(i.positive) },
    firstSeen: new Date(toMs(i.first_seen)).toISOString(),
    lastSeen: new Date(toMs(i.last_seen)).toISOString(),
    spikeAt: i.spike_at ? new Date(toMs(i.spike_at)).toISOString() : null,
    spikeScore: i.spike_score === null ? null : Number(i.spike_score),
  };
}

export interface TimelinePoint {
  /** Start of the bucket (ms). */
  t: number;
  n: number;
  negative: number;
  positive: number;
}

/** Posts per hour (or per day, for spans over 4 days) of an issue, gaps filled with zeros. */
export async function issueTimeline(db: Db, id: number): Promise<{ step: 'hour' | 'day'; points: TimelinePoint[] }> {
  const list = await rows<{ hour: string; n: number; neg: number; pos: number }>(
    db,
    sql`SELECT hour, sum(n)::int AS n, sum(negative)::int AS neg, sum(positive)::int AS pos FROM listening_issue_hourly WHERE issue_id = ${id} GROUP BY hour ORDER BY hour`,
  );
  return bucket(list.map((r) => ({ t: toMs(r.hour), n: Number(r.n), negative: Number(r.neg), positive: Number(r.pos) })));
}

export function bucket(points: TimelinePoint[]): { step: 'hour' | 'day'; points: TimelinePoint[] } {
  if (!points.length) return { step: 'hour', points: [] };
  const first = points[0].t;
  const last = points[points.length - 1].t;
  const step: 'hour' | 'day' = last - first > 4 * DAY ? 'day' : 'hour';
  const size = step === 'day' ? DAY : HOUR;
  // Days start at midnight in Vietnam.
  const floor = (t: number) => (step === 'day' ? vnDayStart(t) : Math.floor(t / HOUR) * HOUR);
  const by = new Map<number, TimelinePoint>();
  for (let t = floor(first); t <= floor(last); t += size) by.set(t, { t, n: 0, negative: 0, positive: 0 });
  for (const p of points) {
    const b = by.get(floor(p.t)) as TimelinePoint;
    b.n += p.n;
    b.negative += p.negative;
    b.positive += p.positive;
  }
  return { step, points: [...by.values()] };
}

export interface PlaceCell {
  ward: string;
  n: number;
  /** Distinct voices, capped at the sketch size. */
  voices: number;
  hidden: boolean;
}

/** Posts of an issue by ward; wards with fewer distinct voices than the minimum are hidden. */
export async function issuePlaces(ctx: AppContext, id: number): Promise<PlaceCell[]> {
  const { minVoices } = await listingSettings(ctx);
  const list = await rows<{ ward: string; n: number; voices: number[] }>(ctx.db, sql`SELECT ward, n, voices FROM listening_issue_hourly WHERE issue_id = ${id}`);
  const by = new Map<string, { n: number; voices: Set<number> }>();
  for (const r of list) {
    let c = by.get(r.ward);
    if (!c) by.set(r.ward, (c = { n: 0, voices: new Set() }));
    c.n += Number(r.n);
    for (const v of r.voices ?? []) c.voices.add(Number(v));
  }
  return [...by.entries()]
    .map(([ward, c]) => ({ ward, n: c.n, voices: c.voices.size, hidden: c.voices.size < minVoices }))
    .sort((a, b) => b.n - a.n || (a.ward < b.ward ? -1 : 1));
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
