// Analysts' edits of issues: rename, pin, merge, split. Each runs under the clustering lock, is
// audited, and is kept by the clustering afterwards: a renamed issue keeps its name, a pinned one stays
// open, merged issues redirect their near-duplicates, posts split off are locked in their new issue
// and the two issues are never merged back automatically.
import { compileQuery, parseQuery, QueryParseError, matchQuery } from '@nhipcau/text-vi';
import type { AppContext } from '../app/context.ts';
import { type Actor, audit } from '../audit/index.ts';
import { Conflict, invalid, notFound } from '../core/errors.ts';
import { analyzePost } from './analysis.ts';
import { decodeIssue, encodeIssue, type IssueRow } from './clustering/codec.ts';
import { engineFor, type Session, type Tx } from './clustering/engine.ts';
import { keyPhrases } from './clustering/labels.ts';
import { renderTitle, titleBasis } from './clustering/titles.ts';
import { addToCentroid, type IssueState } from './clustering/model.ts';
import { parseSignature } from './clustering/near.ts';
import { cosine, vectorize } from './clustering/vectors.ts';
import { VN_DAY_SQL } from '../core/time.ts';
import { mainKeys, VOICE_SKETCH } from './store/batch.ts';
import { joinList, pgArray, rows, sql } from './store/sql.ts';

const SPLIT_SAMPLE = 1_000;
/** The per-issue aggregate tables and their time column. */
const AGGREGATES = [['listening_issue_hourly', 'hour'], ['listening_issue_daily', 'day']] as const;

async function lockIssue(tx: Tx, id: number): Promise<IssueRow & { status: string; custom_label: string | null; post_count: number }> {
  const [row] = await rows<IssueRow & { status: string; custom_label: string | null; post_count: number }>(
    tx,
    sql`SELECT id, centroid, pinned, custom_label IS NOT NULL AS renamed, custom_label, apart, first_seen, last_seen, post_count, status FROM listening_issues WHERE id = ${id} FOR UPDATE`,
  );
  if (!row) throw notFound();
  if (row.status === 'merged') throw new Conflict('listening.issueMerged');
  return row;
}

/** A name given by an analyst (null: back to the generated label). */
export async function renameIssue(ctx: AppContext, actor: Actor, id: number, label: string | null): Promise<void> {
  const name = label?.trim().slice(0, 200) || null;
  await engineFor(ctx).run(
    async ({ tx }) => {
      const row = await lockIssue(tx, id);
      await tx.execute(sql`UPDATE listening_issues SET custom_label = ${name}, updated_at = now() WHERE id = ${id}`);
      await audit(tx, actor, { action: 'listening.issue.rename', targetType: 'listening_issue', targetId: id, details: { from: row.custom_label, to: name } });
    },
    { changesIssues: true },
  );
}

export async function pinIssue(ctx: AppContext, actor: Actor, id: number, pinned: boolean): Promise<void> {
  await engineFor(ctx).run(
    async ({ tx }) => {
      await lockIssue(tx, id);
      await tx.execute(sql`UPDATE listening_issues SET pinned = ${pinned}, updated_at = now() WHERE id = ${id}`);
      await audit(tx, actor, { action: pinned ? 'listening.issue.pin' : 'listening.issue.unpin', targetType: 'listening_issue', targetId: id });
    },
    { changesIssues: true },
  );
}

/** Moves every post of `id` into `into`; `id` is kept as a redirect. */
export async function mergeIssue(ctx: AppContext, actor: Actor, id: number, into: number): Promise<void> {
  if (id === into) throw invalid('listening.mergeSelf');
  await engineFor(ctx).run(
    async (s) => {
      const { tx } = s;
      const from = await lockIssue(tx, id);
      const target = await lockIssue(tx, into);
      await mergeRows(s, id, into);
      const a = decodeIssue(from);
      const b = decodeIssue(target);
      const merged = combine(b, a);
      await writeState(s, into, merged);
      await tx.execute(sql`UPDATE listening_issues SET pinned = pinned OR ${from.pinned}, apart = ARRAY(SELECT DISTINCT x FROM unnest(apart || ${pgArray([...a.apart])}::int[]) x WHERE x <> ${into}) WHERE id = ${into}`);
      await audit(tx, actor, { action: 'listening.issue.merge', targetType: 'listening_issue', targetId: id, details: { into, posts: from.post_count } });
    },
    { changesIssues: true },
  );
}

/** The database side of a merge (shared with the automatic merges of similar issues). */
export async function mergeRows({ tx }: Session, id: number, into: number): Promise<void> {
  await tx.execute(sql`UPDATE listening_posts SET issue_id = ${into} WHERE issue_id = ${id}`);
  // The issue × hour and issue × day cells alike.
  for (const [table, time] of AGGREGATES) {
    await tx.execute(sql`INSERT INTO ${sql.raw(table)} AS h (issue_id, ${sql.raw(time)}, source_id, ward, n, negative, positive, frustration_sum, voices)
      SELECT ${into}::int, ${sql.raw(time)}, source_id, ward, n, negative, positive, frustration_sum, voices FROM ${sql.raw(table)} WHERE issue_id = ${id}
      ON CONFLICT (issue_id, ${sql.raw(time)}, source_id, ward) DO UPDATE SET n = h.n + excluded.n, negative = h.negative + excluded.negative, positive = h.positive + excluded.positive,
        frustration_sum = h.frustration_sum + excluded.frustration_sum,
        voices = ARRAY(SELECT DISTINCT x FROM unnest(h.voices || excluded.voices) AS x ORDER BY x LIMIT ${VOICE_SKETCH})`);
    await tx.execute(sql`DELETE FROM ${sql.raw(table)} WHERE issue_id = ${id}`);
  }
  await tx.execute(sql`INSERT INTO listening_issue_voices AS v (issue_id, author_hash, last_seen) SELECT ${into}::int, author_hash, last_seen FROM listening_issue_voices WHERE issue_id = ${id}
    ON CONFLICT (issue_id, author_hash) DO UPDATE SET last_seen = greatest(v.last_seen, excluded.last_seen)`);
  await tx.execute(sql`DELETE FROM listening_issue_voices WHERE issue_id = ${id}`);
  await tx.execute(sql`UPDATE listening_issues t SET post_count = t.post_count + f.post_count, frustration_sum = t.frustration_sum + f.frustration_sum,
      negative = t.negative + f.negative, neutral = t.neutral + f.neutral, positive = t.positive + f.positive,
      first_seen = least(t.first_seen, f.first_seen), last_seen = greatest(t.last_seen, f.last_seen),
      voices = (SELECT count(*) FROM listening_issue_voices WHERE issue_id = ${into}), updated_at = now()
    FROM listening_issues f WHERE t.id = ${into} AND f.id = ${id}`);
  await tx.execute(sql`UPDATE listening_issues SET status = 'merged', merged_into = ${into}, pinned = false, updated_at = now() WHERE id = ${id}`);
  await tx.execute(sql`UPDATE listening_issues SET merged_into = ${into} WHERE merged_into = ${id}`);
}

/** The centroid and counts of two issues as one (the older centroid decayed to the newer's time). */
export function combine(a: IssueState, b: IssueState): IssueState {
  const out = { ...a, centroid: new Map(a.centroid), surfaces: new Map(a.surfaces), topics: new Map(a.topics), concepts: new Map(a.concepts), places: new Map(a.places), wards: new Map(a.wards) };
  addToCentroid(out, { vec: b.centroid, surfaces: b.surfaces }, b.centroidAt);
  for (const [k, v] of b.topics) out.topics.set(k, (out.topics.get(k) ?? 0) + v);
  for (const [k, v] of b.concepts) out.concepts.set(k, (out.concepts.get(k) ?? 0) + v);
  for (const [k, v] of b.places) out.places.set(k, (out.places.get(k) ?? 0) + v);
  for (const [k, v] of b.wards) out.wards.set(k, (out.wards.get(k) ?? 0) + v);
  out.count = a.count + b.count;
  out.reps = [...a.reps, ...b.reps].sort((x, y) => y.sim - x.sim).slice(0, 6);
  return out;
}

export async function writeState(s: Session, id: number, issue: IssueState): Promise<void> {
  const phrases = keyPhrases(issue, s.analyzer.placeNames, (h) => s.model.df.idf(h));
  issue.title = titleBasis(issue, s.analyzer, phrases);
  await s.tx.execute(sql`UPDATE listening_issues SET centroid = ${encodeIssue(issue)}::jsonb, label = ${renderTitle(issue.title, s.analyzer)}, key_phrases = ${JSON.stringify(phrases)}::jsonb,
      topics = string_to_array(${joinList(mainKeys(issue.topics, issue.count, 0.3, 3))}, '|'), places = string_to_array(${joinList(mainKeys(issue.places, issue.count, 0.15, 5))}, '|'),
      representative = ${pgArray(issue.reps.map((r) => r.id))}::bigint[], updated_at = now()
    WHERE id = ${id}`);
}

export type SplitSelection = { postIds: number[] } | { query: string };

/** Moves the selected posts (or those matching a query) of `id` to a new issue; returns its id. */
export async function splitIssue(ctx: AppContext, actor: Actor, id: number, selection: SplitSelection): Promise<number> {
  let test: ((text: string) => boolean) | undefined;
  if ('query' in selection) {
    try {
      const q = compileQuery(parseQuery(selection.query));
      test = (text) => matchQuery(q, { text });
    } catch (e) {
      if (e instanceof QueryParseError) throw invalid('listening.queryInvalid', { details: e.message });
      throw e;
    }
  }
  return engineFor(ctx).run(
    async (s) => {
      const { tx } = s;
      await lockIssue(tx, id);
      let ids: number[];
      if (test) {
        const posts = await rows<{ id: number; text: string }>(tx, sql`SELECT id, text FROM listening_posts WHERE issue_id = ${id} AND text IS NOT NULL`);
        ids = posts.filter((p) => test(p.text)).map((p) => Number(p.id));
      } else {
        const wanted = [...new Set((selection as { postIds: number[] }).postIds)].slice(0, 10_000);
        ids = (await rows<{ id: number }>(tx, sql`SELECT id FROM listening_posts WHERE issue_id = ${id} AND id = ANY(${pgArray(wanted)}::bigint[])`)).map((r) => Number(r.id));
      }
      if (!ids.length) throw invalid('listening.splitNothing');
      const [{ n }] = await rows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM listening_posts WHERE issue_id = ${id}`);
      if (ids.length >= Number(n)) throw invalid('listening.splitAll');

      const [created] = await rows<{ id: number }>(tx, sql`INSERT INTO listening_issues (first_seen, last_seen, apart) VALUES (now(), now(), ${pgArray([id])}::int[]) RETURNING id`);
      const newId = Number(created.id);
      await tx.execute(sql`UPDATE listening_posts SET issue_id = ${newId}, issue_locked = true WHERE id = ANY(${pgArray(ids)}::bigint[])`);
      await tx.execute(sql`UPDATE listening_issues SET apart = array_append(apart, ${newId}) WHERE id = ${id}`);
      for (const issue of [id, newId]) await rebuild(s, issue);
      await audit(tx, actor, { action: 'listening.issue.split', targetType: 'listening_issue', targetId: id, details: { into: newId, posts: ids.length, query: 'query' in selection ? selection.query : undefined } });
      return newId;
    },
    { changesIssues: true },
  );
}

/** Recomputes an issue's counts, aggregates and centroid from its posts. */
async function rebuild(s: Session, id: number): Promise<void> {
  const { tx } = s;
  for (const [table, time] of AGGREGATES) {
    const at = time === 'hour' ? `date_trunc('hour', posted_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'` : VN_DAY_SQL('posted_at');
    await tx.execute(sql`DELETE FROM ${sql.raw(table)} WHERE issue_id = ${id}`);
    await tx.execute(sql`INSERT INTO ${sql.raw(table)} (issue_id, ${sql.raw(time)}, source_id, ward, n, negative, positive, frustration_sum, voices)
      SELECT ${id}::int, ${sql.raw(at)}, source_id, ward, count(*), count(*) FILTER (WHERE sentiment < 0), count(*) FILTER (WHERE sentiment > 0),
        coalesce(sum(frustration), 0),
        coalesce((array_agg(DISTINCT ('x' || substr(author_hash, 1, 8))::bit(32)::int) FILTER (WHERE author_hash IS NOT NULL))[1:${VOICE_SKETCH}], '{}')
      FROM listening_posts WHERE issue_id = ${id} GROUP BY 2, source_id, ward`);
  }
  await tx.execute(sql`DELETE FROM listening_issue_voices WHERE issue_id = ${id}`);
  await tx.execute(sql`INSERT INTO listening_issue_voices (issue_id, author_hash, last_seen) SELECT ${id}::int, author_hash, max(posted_at) FROM listening_posts WHERE issue_id = ${id} AND author_hash IS NOT NULL GROUP BY author_hash`);
  await tx.execute(sql`UPDATE listening_issues i SET post_count = c.n, frustration_sum = c.f, negative = c.neg, neutral = c.neu, positive = c.pos, first_seen = c.first, last_seen = c.last,
      voices = (SELECT count(*) FROM listening_issue_voices WHERE issue_id = ${id}), updated_at = now()
    FROM (SELECT count(*)::int AS n, coalesce(sum(frustration), 0) AS f, count(*) FILTER (WHERE sentiment < 0)::int AS neg, count(*) FILTER (WHERE sentiment = 0)::int AS neu,
            count(*) FILTER (WHERE sentiment > 0)::int AS pos, min(posted_at) AS first, max(posted_at) AS last FROM listening_posts WHERE issue_id = ${id}) c
    WHERE i.id = ${id}`);
  // The centroid from (a sample of) the posts' words; topics and places from all of them.
  const [row] = await rows<IssueRow>(tx, sql`SELECT id, centroid, pinned, custom_label IS NOT NULL AS renamed, apart, first_seen, last_seen, post_count FROM listening_issues WHERE id = ${id}`);
  const issue = decodeIssue({ ...row, centroid: {} });
  issue.count = 0;
  const posts = await rows<{ id: number; text: string | null; posted_at: string; topics: string[] | null; places: string[] | null; ward: string; sig: string | null }>(
    tx,
    sql`SELECT id, text, posted_at, topics, places, ward, encode(signature, 'hex') AS sig FROM listening_posts WHERE issue_id = ${id} ORDER BY posted_at`,
  );
  const sampleFrom = Math.max(0, posts.length - SPLIT_SAMPLE);
  const vectors: Array<{ id: number; vec: Map<number, number>; sig: string | null }> = [];
  posts.forEach((p, k) => {
    for (const t of p.topics ?? []) issue.topics.set(t, (issue.topics.get(t) ?? 0) + 1);
    for (const pl of p.places ?? []) issue.places.set(pl, (issue.places.get(pl) ?? 0) + 1);
    if (p.ward) issue.wards.set(p.ward, (issue.wards.get(p.ward) ?? 0) + 1);
    issue.count++;
    if (k < sampleFrom || !p.text) return;
    const analysed = analyzePost(p.text, s.analyzer.models, { redacted: true });
    // Concepts are counted on the sample, scaled to the whole issue below.
    for (const c of analysed.concepts.slice(0, 2)) issue.concepts.set(c, (issue.concepts.get(c) ?? 0) + 1);
    const pv = vectorize(analysed.terms, s.model.df, false);
    addToCentroid(issue, pv, Date.parse(String(p.posted_at).replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00')));
    vectors.push({ id: Number(p.id), vec: pv.vec, sig: p.sig ? `m1:${p.sig}` : null });
  });
  if (vectors.length && vectors.length < issue.count) {
    const scale = issue.count / vectors.length;
    for (const [c, n] of issue.concepts) issue.concepts.set(c, Math.round(n * scale));
  }
  issue.reps = vectors
    .map((v) => ({ id: v.id, sim: cosine(v.vec, issue.centroid), sig: v.sig ? parseSignature(v.sig) : null }))
    .sort((a, b) => b.sim - a.sim)
    .slice(0, 6);
  await writeState(s, id, issue);
}
