// Counts for the dashboard from the hourly aggregates: posts over time, the topic × ward table (cells
// with too few distinct voices are hidden), and the time of the latest data.
import type { AppContext } from '../app/context.ts';
import type { Db } from '../db/client.ts';
import { toMs } from './clustering/codec.ts';
import { bucket, NO_TOPIC, type TimelinePoint } from './issues.ts';
import { listingSettings } from './settings.ts';
import { pgArray, rows, sql } from './store/sql.ts';

export interface StatsFilter {
  from: Date;
  to: Date;
  sources?: number[];
  topic?: string;
  ward?: string;
}

function conditions(f: StatsFilter) {
  return {
    range: sql`hour >= date_trunc('hour', ${f.from.toISOString()}::timestamptz) AND hour < ${f.to.toISOString()}::timestamptz`,
    source: f.sources?.length ? sql`AND source_id = ANY(${pgArray(f.sources)}::int[])` : sql``,
    ward: f.ward ? sql`AND ward = ${f.ward}` : sql``,
  };
}

/** The topic column of the hourly counts: '*' for all posts, '' for posts without a topic. */
const topicKey = (topic: string | undefined): string => (topic === NO_TOPIC ? '' : (topic ?? '*'));

/** All posts of the period (or of one topic) per hour or day. */
export async function volume(db: Db, f: StatsFilter): Promise<{ step: 'hour' | 'day'; points: TimelinePoint[]; total: number }> {
  const c = conditions(f);
  const list = await rows<{ hour: string; n: number; neg: number; pos: number }>(
    db,
    sql`SELECT hour, sum(n)::int AS n, sum(negative)::int AS neg, sum(positive)::int AS pos FROM listening_topic_hourly
        WHERE topic = ${topicKey(f.topic)} AND ${c.range} ${c.source} ${c.ward} GROUP BY hour ORDER BY hour`,
  );
  const points = list.map((r) => ({ t: toMs(r.hour), n: Number(r.n), negative: Number(r.neg), positive: Number(r.pos) }));
  // The chart spans the whole period, not only the hours that had posts.
  if (points.length) {
    const first = Math.floor(f.from.getTime() / 3600_000) * 3600_000;
    const last = Math.min(f.to.getTime() - 1, Date.now());
    if (points[0].t > first) points.unshift({ t: first, n: 0, negative: 0, positive: 0 });
    if (points[points.length - 1].t < last) points.push({ t: Math.floor(last / 3600_000) * 3600_000, n: 0, negative: 0, positive: 0 });
  }
  return { ...bucket(points), total: list.reduce((s, r) => s + Number(r.n), 0) };
}

export interface TopicWardCell {
  topic: string;
  ward: string;
  n: number;
  hidden: boolean;
}

/** Posts per (topic, ward) of the period; a cell with fewer distinct voices than the minimum is hidden. */
export async function topicWardTable(ctx: AppContext, f: StatsFilter): Promise<{ cells: TopicWardCell[]; minVoices: number }> {
  const { minVoices } = await listingSettings(ctx);
  const c = conditions(f);
  const cells = await rows<{ topic: string; ward: string; n: number; most: number }>(
    ctx.db,
    sql`SELECT topic, ward, sum(n)::int AS n, max(cardinality(voices))::int AS most FROM listening_topic_hourly
        WHERE topic <> '*' AND ${c.range} ${c.source} GROUP BY topic, ward`,
  );
  // A cell whose busiest hour already had enough voices passes; the others (small by nature) are counted exactly.
  const unsure = cells.filter((x) => Number(x.most) < minVoices);
  const exact = new Map<string, number>();
  if (unsure.length) {
    const counted = await rows<{ topic: string; ward: string; voices: number }>(
      ctx.db,
      sql`SELECT topic, ward, count(DISTINCT v)::int AS voices FROM (
            SELECT topic, ward, unnest(voices) AS v FROM listening_topic_hourly
            WHERE topic = ANY(${pgArray([...new Set(unsure.map((u) => u.topic))])}::text[]) AND ward = ANY(${pgArray([...new Set(unsure.map((u) => u.ward))])}::text[]) AND ${c.range} ${c.source}) s
          GROUP BY topic, ward`,
    );
    for (const r of counted) exact.set(`${r.topic}\u0000${r.ward}`, Number(r.voices));
  }
  return {
    minVoices,
    cells: cells.map((x) => {
      const voices = Number(x.most) >= minVoices ? minVoices : (exact.get(`${x.topic}\u0000${x.ward}`) ?? 0);
      return { topic: x.topic, ward: x.ward, n: Number(x.n), hidden: voices < minVoices };
    }),
  };
}

/**
 * Whether the posts counted for a ward (and topic, and sources) over the period come from at least the
 * minimum of distinct voices: the same hourly cells as volume(), their voice sketches united (exact up
 * to the sketch size, so exact for the threshold). Below it, nothing is shown for the ward.
 */
export async function placeReached(ctx: AppContext, f: StatsFilter & { ward: string }): Promise<{ reached: boolean; minVoices: number }> {
  const { minVoices } = await listingSettings(ctx);
  const c = conditions(f);
  const [r] = await rows<{ voices: number }>(
    ctx.db,
    sql`SELECT count(DISTINCT v)::int AS voices FROM listening_topic_hourly h, unnest(h.voices) AS v
        WHERE h.topic = ${topicKey(f.topic)} AND ${c.range} ${c.source} AND h.ward = ${f.ward}`,
  );
  return { reached: Number(r?.voices ?? 0) >= minVoices, minVoices };
}

/** The hour of the latest post stored, if any. */
export async function latestPostHour(db: Db): Promise<number | null> {
  const [r] = await rows<{ hour: string | null }>(db, sql`SELECT max(hour) AS hour FROM listening_topic_hourly`);
  return r?.hour ? toMs(r.hour) : null;
}

/** Whether any synthetic source has posts (the dashboard then says so). */
export async function hasSyntheticPosts(db: Db): Promise<boolean> {
  const [r] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM listening_sources WHERE synthetic`);
  return Number(r?.n) > 0;
}

export async function spikeCount(db: Db, f: StatsFilter): Promise<number> {
  const [r] = await rows<{ n: number }>(
    db,
    sql`SELECT count(DISTINCT key)::int AS n FROM listening_spikes WHERE kind = 'issue' AND window_end > ${f.from.toISOString()}::timestamptz AND window_end <= ${f.to.toISOString()}::timestamptz`,
  );
  return Number(r?.n ?? 0);
}
