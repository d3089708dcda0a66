// The attention list reads whole days from the daily aggregates and only a period's edges from the
// hourly ones: its figures must be exactly those of the posts themselves, for every filter of the
// dashboard and for periods aligned on Vietnam days or not; the daily rows stay equal to the hourly
// rows summed per day through imports, merges and splits. Place badges follow the minimum of voices.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzerFor } from '../../src/listening/analyzer.ts';
import { generatePosts } from '../../src/listening/demo/generate.ts';
import { mergeIssue, splitIssue } from '../../src/listening/edits.ts';
import { ingestPosts } from '../../src/listening/ingest/ingest.ts';
import { listIssues, NO_TOPIC, periodCells, type IssueFilter } from '../../src/listening/issues.ts';
import { createTestContext, type TestContext } from '../context.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const VN = 7 * HOUR;
const now = Date.now();
const vnMidnight = (ms: number) => Math.floor((ms + VN) / DAY) * DAY - VN;
let ctx: TestContext;
let sources: number[];
let ward: string;

beforeAll(async () => {
  ctx = await createTestContext();
  // Ten days of synthetic posts from two sources, 150 people (so voices repeat).
  const posts = [...generatePosts({ seed: 5, start: now - 10 * DAY, gapMs: 12 * 60_000, count: 1200, authors: 150 })].map((p) => ({ externalId: p.id, authorExternalId: p.author, createdAt: p.createdAt, text: p.text }));
  await ingestPosts(ctx, 'fb-a', posts.filter((_, k) => k % 2 === 0), { create: { kind: 'file' }, processNow: true });
  await ingestPosts(ctx, 'zalo-b', posts.filter((_, k) => k % 2 === 1), { create: { kind: 'file' }, processNow: true });
  sources = (await ctx.database.query<{ id: number }>(`SELECT id FROM listening_sources WHERE name = 'zalo-b'`)).map((r) => Number(r.id));
  [{ ward }] = await ctx.database.query<{ ward: string }>(`SELECT ward FROM listening_posts WHERE ward <> '' GROUP BY ward ORDER BY count(*) DESC, ward LIMIT 1`);
});
afterAll(async () => ctx?.cleanup());

/** The daily rows that differ from the hourly rows summed per Vietnam day (and sketches that do not hold min(5, distinct voices)). */
async function dailyMismatches(): Promise<unknown[]> {
  return ctx.database.query(
    `WITH h AS (
       SELECT issue_id, to_timestamp(floor((extract(epoch FROM hour) + 25200) / 86400) * 86400 - 25200) AS day, source_id, ward,
         sum(n)::int AS n, sum(negative)::int AS negative, sum(positive)::int AS positive, sum(frustration_sum) AS fsum
       FROM listening_issue_hourly GROUP BY 1, 2, 3, 4),
     p AS (
       SELECT issue_id, to_timestamp(floor((extract(epoch FROM posted_at) + 25200) / 86400) * 86400 - 25200) AS day, source_id, ward,
         least(5, count(DISTINCT ('x' || substr(author_hash, 1, 8))::bit(32)::int))::int AS sketch
       FROM listening_posts WHERE issue_id IS NOT NULL GROUP BY 1, 2, 3, 4)
     SELECT h.*, d.n AS dn, d.frustration_sum AS dfsum, cardinality(d.voices) AS dvoices, p.sketch
     FROM h FULL JOIN listening_issue_daily d USING (issue_id, day, source_id, ward) LEFT JOIN p USING (issue_id, day, source_id, ward)
     WHERE h.n IS DISTINCT FROM d.n OR h.negative IS DISTINCT FROM d.negative OR h.positive IS DISTINCT FROM d.positive
       OR abs(h.fsum - d.frustration_sum) > 1e-6 OR cardinality(d.voices) IS DISTINCT FROM coalesce(p.sketch, 0)`,
  );
}

interface Truth {
  id: number;
  count: number;
  negative: number;
  positive: number;
  frustration: number;
  voices: number;
}

/** What the attention list must say, from the posts alone: counts over the period's hours, voices over the period itself. */
async function truth(f: IssueFilter): Promise<Truth[]> {
  const cells = periodCells(f.from, f.to);
  const params: unknown[] = [cells.h0, cells.h1, f.from.toISOString(), f.to.toISOString(), f.sources ?? null, f.ward ?? null, f.topic ?? null];
  const list = await ctx.database.query<{ id: number; n: number; neg: number; pos: number; fsum: number; voices: number }>(
    `SELECT p.issue_id AS id, count(*)::int AS n, count(*) FILTER (WHERE p.sentiment < 0)::int AS neg, count(*) FILTER (WHERE p.sentiment > 0)::int AS pos,
        sum(p.frustration)::float8 AS fsum, count(DISTINCT p.author_hash) FILTER (WHERE p.posted_at >= $3 AND p.posted_at < $4)::int AS voices
     FROM listening_posts p JOIN listening_issues i ON i.id = p.issue_id
     WHERE p.posted_at >= $1 AND p.posted_at < $2 AND i.status <> 'merged'
       AND ($5::int[] IS NULL OR p.source_id = ANY($5)) AND ($6::text IS NULL OR p.ward = $6) AND ($7::text IS NULL OR $7 = ANY(i.topics) OR ($7 = 'none' AND coalesce(cardinality(i.topics), 0) = 0))
     GROUP BY p.issue_id HAVING count(*) >= 2`,
    params,
  );
  return list
    .map((r) => ({ id: Number(r.id), count: Number(r.n), negative: Number(r.neg), positive: Number(r.pos), frustration: Number(r.fsum) / Number(r.n), voices: Number(r.voices) }))
    .filter((r) => !f.ward || r.voices >= 3);
}

const periods: Array<[string, () => { from: Date; to: Date }]> = [
  ['the last 7 days up to now', () => ({ from: new Date(now - 7 * DAY), to: new Date(now) })],
  ['whole Vietnam days', () => ({ from: new Date(vnMidnight(now) - 6 * DAY), to: new Date(vnMidnight(now) + DAY) })],
  ['a few hours inside one day', () => ({ from: new Date(vnMidnight(now) - 2 * DAY + 3.5 * HOUR), to: new Date(vnMidnight(now) - 2 * DAY + 9.25 * HOUR) })],
  ['across midnight, unaligned', () => ({ from: new Date(vnMidnight(now) - 3 * DAY - 5.5 * HOUR), to: new Date(vnMidnight(now) - DAY + 2.2 * HOUR) })],
  ['everything', () => ({ from: new Date('2000-01-01T00:00:00Z'), to: new Date(now + 60_000) })],
];
const filters: Array<[string, () => Partial<IssueFilter>]> = [
  ['no filter', () => ({})],
  ['a source', () => ({ sources })],
  ['a topic', () => ({ topic: 'giao-thong' })],
  ['no topic', () => ({ topic: NO_TOPIC })],
  ['a ward', () => ({ ward })],
  ['topic, ward and source', () => ({ topic: 'giao-thong', ward, sources })],
];

describe('the attention list', () => {
  it('daily aggregates equal the hourly ones summed per Vietnam day, with exact voice sketches', async () => {
    const [{ n }] = await ctx.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM listening_issue_daily`);
    expect(n).toBeGreaterThan(20);
    expect(await dailyMismatches()).toEqual([]);
  });

  for (const [pn, period] of periods) {
    for (const [fn, filter] of filters) {
      it(`counts exactly what the posts say: ${pn}, ${fn}`, async () => {
        const f: IssueFilter = { ...period(), ...filter(), limit: 1000 };
        const [list, expected] = await Promise.all([listIssues(ctx, f), truth(f)]);
        expect(list.map((i) => i.id).sort((a, b) => a - b)).toEqual(expected.map((e) => e.id).sort((a, b) => a - b));
        const by = new Map(expected.map((e) => [e.id, e]));
        for (const i of list) {
          const e = by.get(i.id) as Truth;
          expect({ id: i.id, count: i.count, negative: i.sentiment.negative, positive: i.sentiment.positive, voices: i.voices }).toEqual({ id: e.id, count: e.count, negative: e.negative, positive: e.positive, voices: e.voices });
          expect(Math.abs(i.frustration - e.frustration)).toBeLessThan(0.0006);
        }
        // Most pressing first.
        for (let k = 1; k < list.length; k++) expect(Number(list[k - 1].pinned) * 1e9 + list[k - 1].attention).toBeGreaterThanOrEqual(Number(list[k].pinned) * 1e9 + list[k].attention);
        // A shorter list is the head of the longer one.
        const short = await listIssues(ctx, { ...f, limit: 5 });
        expect(short.map((i) => i.id)).toEqual(list.slice(0, 5).map((i) => i.id));
      });
    }
  }

  it('lists issues without a topic, and only those, under "no topic"', async () => {
    const all = await listIssues(ctx, { from: new Date(now - 11 * DAY), to: new Date(now + 60_000), limit: 1000 });
    const none = await listIssues(ctx, { from: new Date(now - 11 * DAY), to: new Date(now + 60_000), topic: NO_TOPIC, limit: 1000 });
    expect(none.length).toBeGreaterThan(0);
    expect(none.every((i) => i.topics.length === 0)).toBe(true);
    expect(none.map((i) => i.id).sort()).toEqual(all.filter((i) => i.topics.length === 0).map((i) => i.id).sort());
  });

  it('shows an issue’s places only with enough voices: a ward by the issue’s voices there, other places by the issue’s', async () => {
    // Two people, six posts about one street in one ward: an issue of its own, named by its places.
    const posts = Array.from({ length: 6 }, (_, k) => ({
      externalId: `two-voices-${k}`,
      authorExternalId: `nguoi-${k % 2}`,
      createdAt: new Date(now - (6 - k) * 10 * 60_000),
      text: `Chó thả rông cắn người ở hẻm 7 đường Thành Thái phường 14, lần thứ ${k + 1} rồi, nguy hiểm quá`,
    }));
    await ingestPosts(ctx, 'fb-a', posts, { processNow: true });
    const [{ id, places }] = await ctx.database.query<{ id: number; places: string[] }>(`SELECT i.id, i.places FROM listening_posts p JOIN listening_issues i ON i.id = p.issue_id WHERE p.external_id = 'two-voices-5'`);
    expect(places.length).toBeGreaterThan(0);
    const list = await listIssues(ctx, { from: new Date(now - 10 * DAY), to: new Date(now + 60_000), limit: 1000 });
    const gazetteer = (await analyzerFor(ctx)).models.gazetteer.places;
    let wardBadges = 0;
    for (const i of list) {
      const [row] = await ctx.database.query<{ places: string[]; voices: number }>(`SELECT places, voices FROM listening_issues WHERE id = $1`, [i.id]);
      const expected: string[] = [];
      for (const pl of row.places) {
        if (gazetteer.get(pl)?.type === 'ward') {
          const [{ v }] = await ctx.database.query<{ v: number }>(`SELECT count(DISTINCT author_hash)::int AS v FROM listening_posts WHERE issue_id = $1 AND ward = $2`, [i.id, pl]);
          if (Number(v) >= 3) expected.push(pl);
        } else if (Number(row.voices) >= 3) expected.push(pl);
      }
      expect(i.places, `issue ${i.id}`).toEqual(expected);
      wardBadges += i.places.filter((pl) => gazetteer.get(pl)?.type === 'ward').length;
    }
    expect(wardBadges).toBeGreaterThan(0);
    const small = list.find((i) => i.id === Number(id));
    if (small && small.voices < 3) expect(small.places).toEqual([]);
  });

  it('daily aggregates follow merges and splits', async () => {
    const top = await listIssues(ctx, { from: new Date(now - 10 * DAY), to: new Date(now + 60_000), limit: 3 });
    await mergeIssue(ctx, 'system', top[2].id, top[1].id);
    const [post] = await ctx.database.query<{ id: number }>(`SELECT id FROM listening_posts WHERE issue_id = $1 ORDER BY posted_at LIMIT 1`, [top[0].id]);
    await splitIssue(ctx, 'system', top[0].id, { postIds: [Number(post.id)] });
    expect(await dailyMismatches()).toEqual([]);
    const [{ merged }] = await ctx.database.query<{ merged: number }>(`SELECT count(*)::int AS merged FROM listening_issue_daily WHERE issue_id = $1`, [top[2].id]);
    expect(merged).toBe(0);
    const f: IssueFilter = { from: new Date(now - 7 * DAY), to: new Date(now), limit: 1000 };
    const [list, expected] = await Promise.all([listIssues(ctx, f), truth(f)]);
    expect(list.map((i) => [i.id, i.count, i.voices]).sort((a, b) => a[0] - b[0])).toEqual(expected.map((e) => [e.id, e.count, e.voices]).sort((a, b) => a[0] - b[0]));
  });
});
