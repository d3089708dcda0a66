// One batch of analysed posts through clustering and into the database, in the clustering
// transaction: the posts (inserted, or updated when the door stored them first), the issues they
// formed or joined, exact distinct voices, and the hourly and daily aggregates the dashboards read.
import type { Session } from '../clustering/engine.ts';
import { encodeIssue } from '../clustering/codec.ts';
import { keyPhrases } from '../clustering/labels.ts';
import { renderTitle, titleBasis } from '../clustering/titles.ts';
import type { ClusterPost, IssueState } from '../clustering/model.ts';
import type { PostAnalysis } from '../analysis.ts';
import { vnDayStart } from '../../core/time.ts';
import { joinList, pgArray, rows, sql } from './sql.ts';

/** Distinct voices kept per aggregate cell: enough to tell whether a cell reaches the minimum. */
export const VOICE_SKETCH = 5;
const HOUR = 3600_000;

export interface BatchPost {
  /** Allocated for new posts, the stored id for posts the door stored. */
  id: number;
  isNew: boolean;
  sourceId: number;
  externalId: string;
  parentExternalId: string | null;
  authorHash: string | null;
  postedAt: Date;
  url: string | null;
  analysis: PostAnalysis;
}

export interface BatchResult {
  clustered: number;
  issuesCreated: number;
}

/** The integer a voice counts as in the hourly sketches. */
export const voiceKey = (authorHash: string): number => parseInt(authorHash.slice(0, 8), 16) | 0;
const hourOf = (ms: number): string => new Date(Math.floor(ms / HOUR) * HOUR).toISOString();

/** Writes the centroids not written since they last changed. */
export async function saveCentroids(s: Session): Promise<void> {
  const dirty = s.model.dirtyIssues();
  if (!dirty.length) return;
  const now = Date.now();
  for (const i of dirty) {
    i.dirty = false;
    i.savedAt = now;
  }
  await s.tx.execute(sql`UPDATE listening_issues i SET centroid = v.centroid::jsonb FROM unnest(${pgArray(dirty.map((i) => i.id))}::int[], ${pgArray(dirty.map((i) => encodeIssue(i)))}::text[]) AS v(id, centroid) WHERE i.id = v.id`);
}

export async function commitBatch(s: Session, posts: BatchPost[]): Promise<BatchResult> {
  const { tx, model } = s;
  if (!posts.length) return { clustered: 0, issuesCreated: 0 };
  posts.sort((a, b) => a.postedAt.getTime() - b.postedAt.getTime() || a.id - b.id);
  const issueOf = new Map<number, number>();
  const late: ClusterPost[] = [];
  const inBatch = new Set(posts.map((p) => p.id));
  const parentIssue = await parentIssues(s, posts, issueOf);
  for (const p of posts) {
    const d = model.add(toClusterPost(p, parentIssue(p)));
    if (d.kind === 'pool') continue;
    issueOf.set(p.id, d.issueId);
    if (d.kind === 'seed' && d.partnerPost) {
      issueOf.set(d.partner, d.issueId);
      if (!inBatch.has(d.partner)) late.push(d.partnerPost);
    }
    for (const a of d.adopted ?? []) {
      issueOf.set(a.id, d.issueId);
      if (!inBatch.has(a.id)) late.push(a);
    }
  }

  // Issues born in this batch get their ids now.
  const fresh = [...model.issues.values()].filter((i) => i.id < 0);
  const ids = new Map<number, number>();
  if (fresh.length) {
    const allocated = await rows<{ id: number }>(tx, sql`SELECT nextval(pg_get_serial_sequence('listening_issues', 'id'))::int AS id FROM generate_series(1, ${fresh.length})`);
    fresh.forEach((issue, k) => ids.set(issue.id, Number(allocated[k].id)));
    await tx.execute(sql`INSERT INTO listening_issues (id, first_seen, last_seen) OVERRIDING SYSTEM VALUE
      SELECT * FROM unnest(${pgArray([...ids.values()])}::int[], ${pgArray(fresh.map((i) => new Date(i.firstSeen).toISOString()))}::timestamptz[], ${pgArray(fresh.map((i) => new Date(i.lastSeen).toISOString()))}::timestamptz[])`);
    model.renumber(ids);
  }
  const final = (id: number) => ids.get(id) ?? model.resolve(id);
  for (const [post, issue] of issueOf) issueOf.set(post, final(issue));

  await writePosts(s, posts, issueOf);
  const lateJoined = late.map((post) => ({ post, issue: issueOf.get(post.id) ?? 0 })).filter((x) => x.issue > 0);
  if (lateJoined.length) {
    await tx.execute(sql`UPDATE listening_posts p SET issue_id = v.issue_id FROM unnest(${pgArray(lateJoined.map((l) => l.post.id))}::bigint[], ${pgArray(lateJoined.map((l) => l.issue))}::int[]) AS v(id, issue_id)
      WHERE p.id = v.id AND p.issue_id IS NULL AND NOT p.issue_locked`);
  }

  // Everything that joined an issue in this batch, for the issue counts.
  const joined: Array<{ issue: number; time: number; sourceId: number; ward: string; authorHash: string | null; sentiment: number; frustration: number }> = [];
  for (const p of posts) {
    const issue = issueOf.get(p.id);
    if (issue && issue > 0) joined.push({ issue, time: p.postedAt.getTime(), sourceId: p.sourceId, ward: p.analysis.ward, authorHash: p.authorHash, sentiment: p.analysis.sentiment, frustration: p.analysis.frustration });
  }
  for (const { post, issue } of lateJoined) joined.push({ issue, time: post.time, sourceId: post.meta.sourceId, ward: post.ward, authorHash: post.meta.authorHash, sentiment: post.meta.sentiment, frustration: post.meta.frustration });

  const newVoices = await writeVoices(s, joined);
  await writeIssueHourly(s, joined);
  await writeTopicHourly(s, posts);
  await writeIssues(s, model.takeChanged(), joined, newVoices);
  const latest = posts[posts.length - 1].postedAt.getTime();
  s.state.latest = Math.max(s.state.latest ?? 0, latest);
  model.evictIdle(s.state.latest);
  return { clustered: posts.length, issuesCreated: fresh.length };
}

const threadKey = (sourceId: number, externalId: string) => `${sourceId}\u0000${externalId}`;

/**
 * For replies (comments under a post), the issue of the post they answer: a parent of this batch, as
 * clustered so far (posts go in time order), or one stored before.
 */
async function parentIssues({ tx }: Session, posts: BatchPost[], issueOf: ReadonlyMap<number, number>): Promise<(p: BatchPost) => number | undefined> {
  const replies = posts.filter((p) => p.parentExternalId);
  if (!replies.length) return () => undefined;
  const batchPost = new Map(posts.map((p) => [threadKey(p.sourceId, p.externalId), p.id]));
  const stored = new Map<string, number>();
  const outside = replies.filter((p) => !batchPost.has(threadKey(p.sourceId, p.parentExternalId!)));
  if (outside.length) {
    const found = await rows<{ source_id: number; external_id: string; issue_id: number }>(tx, sql`SELECT p.source_id, p.external_id, p.issue_id FROM listening_posts p
      JOIN unnest(${pgArray(outside.map((r) => r.sourceId))}::int[], ${pgArray(outside.map((r) => r.parentExternalId))}::text[]) AS v(source_id, external_id)
        ON p.source_id = v.source_id AND p.external_id = v.external_id
      WHERE p.issue_id IS NOT NULL`);
    for (const f of found) stored.set(threadKey(Number(f.source_id), f.external_id), Number(f.issue_id));
  }
  return (p) => {
    if (!p.parentExternalId) return undefined;
    const key = threadKey(p.sourceId, p.parentExternalId);
    const parent = batchPost.get(key);
    return parent !== undefined ? issueOf.get(parent) : stored.get(key);
  };
}

function toClusterPost(p: BatchPost, parentIssue?: number): ClusterPost {
  return {
    parentIssue,
    id: p.id,
    meta: { sourceId: p.sourceId, authorHash: p.authorHash, sentiment: p.analysis.sentiment, frustration: p.analysis.frustration },
    time: p.postedAt.getTime(),
    terms: p.analysis.terms,
    topics: p.analysis.topics,
    concepts: p.analysis.concepts,
    places: p.analysis.places,
    ward: p.analysis.ward,
    signature: p.analysis.signature,
  };
}

async function writePosts({ tx }: Session, posts: BatchPost[], issueOf: Map<number, number>): Promise<void> {
  const col = <T>(list: BatchPost[], f: (p: BatchPost) => T) => list.map(f);
  const inserts = posts.filter((p) => p.isNew);
  const updates = posts.filter((p) => !p.isNew);
  const analysisCols = (list: BatchPost[]) => ({
    sentiment: pgArray(col(list, (p) => p.analysis.sentiment)),
    score: pgArray(col(list, (p) => p.analysis.sentimentScore)),
    frustration: pgArray(col(list, (p) => p.analysis.frustration)),
    toxicity: pgArray(col(list, (p) => p.analysis.toxicity)),
    topics: pgArray(col(list, (p) => joinList(p.analysis.topics))),
    places: pgArray(col(list, (p) => joinList(p.analysis.places))),
    ward: pgArray(col(list, (p) => p.analysis.ward)),
    sig: pgArray(col(list, (p) => p.analysis.signature.slice(3))),
    issue: pgArray(col(list, (p) => issueOf.get(p.id) ?? null)),
  });
  if (inserts.length) {
    const a = analysisCols(inserts);
    await tx.execute(sql`INSERT INTO listening_posts (id, source_id, external_id, parent_external_id, author_hash, posted_at, url, text, status,
        sentiment, sentiment_score, frustration, toxicity, topics, places, ward, signature, issue_id) OVERRIDING SYSTEM VALUE
      SELECT v.id, v.source_id, v.external_id, v.parent, v.author, v.posted_at, v.url, v.text, 1, v.sentiment, v.score, v.frustration, v.toxicity,
        string_to_array(v.topics, '|'), string_to_array(v.places, '|'), v.ward, decode(v.sig, 'hex'), v.issue
      FROM unnest(${pgArray(col(inserts, (p) => p.id))}::bigint[], ${pgArray(col(inserts, (p) => p.sourceId))}::int[], ${pgArray(col(inserts, (p) => p.externalId))}::text[],
        ${pgArray(col(inserts, (p) => p.parentExternalId))}::text[], ${pgArray(col(inserts, (p) => p.authorHash))}::text[], ${pgArray(col(inserts, (p) => p.postedAt.toISOString()))}::timestamptz[],
        ${pgArray(col(inserts, (p) => p.url))}::text[], ${pgArray(col(inserts, (p) => p.analysis.textRedacted))}::text[], ${a.sentiment}::smallint[], ${a.score}::real[], ${a.frustration}::real[],
        ${a.toxicity}::real[], ${a.topics}::text[], ${a.places}::text[], ${a.ward}::text[], ${a.sig}::text[], ${a.issue}::int[])
        AS v(id, source_id, external_id, parent, author, posted_at, url, text, sentiment, score, frustration, toxicity, topics, places, ward, sig, issue)`);
  }
  if (updates.length) {
    const a = analysisCols(updates);
    await tx.execute(sql`UPDATE listening_posts p SET status = 1, sentiment = v.sentiment, sentiment_score = v.score, frustration = v.frustration, toxicity = v.toxicity,
        topics = string_to_array(v.topics, '|'), places = string_to_array(v.places, '|'), ward = v.ward, signature = decode(v.sig, 'hex'),
        issue_id = CASE WHEN p.issue_locked THEN p.issue_id ELSE v.issue END
      FROM unnest(${pgArray(col(updates, (p) => p.id))}::bigint[], ${a.sentiment}::smallint[], ${a.score}::real[], ${a.frustration}::real[], ${a.toxicity}::real[],
        ${a.topics}::text[], ${a.places}::text[], ${a.ward}::text[], ${a.sig}::text[], ${a.issue}::int[])
        AS v(id, sentiment, score, frustration, toxicity, topics, places, ward, sig, issue)
      WHERE p.id = v.id`);
  }
}

async function writeVoices({ tx }: Session, joined: Array<{ issue: number; authorHash: string | null; time: number }>): Promise<Map<number, number>> {
  const pairs = new Map<string, [number, string, number]>();
  for (const j of joined) {
    if (!j.authorHash) continue;
    const key = `${j.issue}:${j.authorHash}`;
    const seen = pairs.get(key);
    if (!seen || seen[2] < j.time) pairs.set(key, [j.issue, j.authorHash, j.time]);
  }
  const counts = new Map<number, number>();
  if (!pairs.size) return counts;
  const list = [...pairs.values()];
  // A voice heard again moves its last post forward (a late post of an earlier day leaves it); only new voices count.
  const added = await rows<{ issue_id: number; inserted: boolean }>(
    tx,
    sql`INSERT INTO listening_issue_voices AS v (issue_id, author_hash, last_seen)
        SELECT * FROM unnest(${pgArray(list.map((p) => p[0]))}::int[], ${pgArray(list.map((p) => p[1]))}::text[], ${pgArray(list.map((p) => new Date(p[2]).toISOString()))}::timestamptz[])
        ON CONFLICT (issue_id, author_hash) DO UPDATE SET last_seen = excluded.last_seen WHERE v.last_seen IS NULL OR v.last_seen < excluded.last_seen
        RETURNING issue_id, (xmax = 0) AS inserted`,
  );
  for (const r of added) if (r.inserted) counts.set(r.issue_id, (counts.get(r.issue_id) ?? 0) + 1);
  return counts;
}

interface Cell {
  n: number;
  negative: number;
  positive: number;
  frustration: number;
  voices: Set<number>;
}
const newCell = (): Cell => ({ n: 0, negative: 0, positive: 0, frustration: 0, voices: new Set() });
function addTo(cell: Cell, sentiment: number, frustration: number, authorHash: string | null): void {
  cell.n++;
  if (sentiment < 0) cell.negative++;
  if (sentiment > 0) cell.positive++;
  cell.frustration += frustration;
  if (authorHash && cell.voices.size < VOICE_SKETCH) cell.voices.add(voiceKey(authorHash));
}

const MERGE_VOICES = (table: string) =>
  sql.raw(`CASE WHEN cardinality(${table}.voices) >= ${VOICE_SKETCH} THEN ${table}.voices
    ELSE ARRAY(SELECT DISTINCT x FROM unnest(${table}.voices || excluded.voices) AS x ORDER BY x LIMIT ${VOICE_SKETCH}) END`);

/** Adds the posts that joined issues to the issue × hour and issue × day cells. */
async function writeIssueHourly({ tx }: Session, joined: Array<{ issue: number; time: number; sourceId: number; ward: string; authorHash: string | null; sentiment: number; frustration: number }>): Promise<void> {
  for (const table of ['listening_issue_hourly', 'listening_issue_daily'] as const) {
    const daily = table === 'listening_issue_daily';
    const cells = new Map<string, { key: [number, string, number, string]; cell: Cell }>();
    for (const j of joined) {
      const at = daily ? new Date(vnDayStart(j.time)).toISOString() : hourOf(j.time);
      const k = `${j.issue}\u0000${at}\u0000${j.sourceId}\u0000${j.ward}`;
      let c = cells.get(k);
      if (!c) cells.set(k, (c = { key: [j.issue, at, j.sourceId, j.ward], cell: newCell() }));
      addTo(c.cell, j.sentiment, j.frustration, j.authorHash);
    }
    if (!cells.size) return;
    const list = [...cells.values()];
    const time = sql.raw(daily ? 'day' : 'hour');
    await tx.execute(sql`INSERT INTO ${sql.raw(table)} AS h (issue_id, ${time}, source_id, ward, n, negative, positive, frustration_sum, voices)
      SELECT v.issue_id, v.at, v.source_id, v.ward, v.n, v.negative, v.positive, v.fsum, string_to_array(v.voices, '|')::int[]
      FROM unnest(${pgArray(list.map((c) => c.key[0]))}::int[], ${pgArray(list.map((c) => c.key[1]))}::timestamptz[], ${pgArray(list.map((c) => c.key[2]))}::int[], ${pgArray(list.map((c) => c.key[3]))}::text[],
        ${pgArray(list.map((c) => c.cell.n))}::int[], ${pgArray(list.map((c) => c.cell.negative))}::int[], ${pgArray(list.map((c) => c.cell.positive))}::int[],
        ${pgArray(list.map((c) => c.cell.frustration))}::float8[], ${pgArray(list.map((c) => [...c.cell.voices].join('|')))}::text[])
        AS v(issue_id, at, source_id, ward, n, negative, positive, fsum, voices)
      ON CONFLICT (issue_id, ${time}, source_id, ward) DO UPDATE SET n = h.n + excluded.n, negative = h.negative + excluded.negative, positive = h.positive + excluded.positive,
        frustration_sum = h.frustration_sum + excluded.frustration_sum, voices = ${MERGE_VOICES('h')}`);
  }
}

async function writeTopicHourly({ tx }: Session, posts: BatchPost[]): Promise<void> {
  const cells = new Map<string, { key: [string, string, string, number]; cell: Cell }>();
  for (const p of posts) {
    const hour = hourOf(p.postedAt.getTime());
    const topics = ['*', ...(p.analysis.topics.length ? p.analysis.topics : [''])];
    for (const topic of topics) {
      const k = `${hour}\u0000${topic}\u0000${p.analysis.ward}\u0000${p.sourceId}`;
      let c = cells.get(k);
      if (!c) cells.set(k, (c = { key: [hour, topic, p.analysis.ward, p.sourceId], cell: newCell() }));
      addTo(c.cell, p.analysis.sentiment, p.analysis.frustration, p.authorHash);
    }
  }
  const list = [...cells.values()];
  await tx.execute(sql`INSERT INTO listening_topic_hourly AS h (hour, topic, ward, source_id, n, negative, positive, frustration_sum, voices)
    SELECT v.hour, v.topic, v.ward, v.source_id, v.n, v.negative, v.positive, v.fsum, string_to_array(v.voices, '|')::int[]
    FROM unnest(${pgArray(list.map((c) => c.key[0]))}::timestamptz[], ${pgArray(list.map((c) => c.key[1]))}::text[], ${pgArray(list.map((c) => c.key[2]))}::text[], ${pgArray(list.map((c) => c.key[3]))}::int[],
      ${pgArray(list.map((c) => c.cell.n))}::int[], ${pgArray(list.map((c) => c.cell.negative))}::int[], ${pgArray(list.map((c) => c.cell.positive))}::int[],
      ${pgArray(list.map((c) => c.cell.frustration))}::float8[], ${pgArray(list.map((c) => [...c.cell.voices].join('|')))}::text[])
      AS v(hour, topic, ward, source_id, n, negative, positive, fsum, voices)
    ON CONFLICT (hour, topic, ward, source_id) DO UPDATE SET n = h.n + excluded.n, negative = h.negative + excluded.negative, positive = h.positive + excluded.positive,
      frustration_sum = h.frustration_sum + excluded.frustration_sum, voices = ${MERGE_VOICES('h')}`);
}

/** Topic ids shared by at least a third of an issue's posts, most common first (at most 3). */
export function mainKeys(counts: ReadonlyMap<string, number>, total: number, share: number, max: number): string[] {
  return [...counts.entries()]
    .filter(([, n]) => n >= Math.max(1, total * share))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, max)
    .map(([k]) => k);
}

/**
 * Centroids are the biggest part of an issue row; they are written at most every CENTROID_EVERY_MS per
 * issue (and at the end of an import, and before an analyst's edit). A crash loses at most that much
 * drift of a centroid, never a post or a count.
 */
const CENTROID_EVERY_MS = 30_000;

async function writeIssues(s: Session, changed: IssueState[], joined: Array<{ issue: number; time: number; sentiment: number; frustration: number }>, newVoices: Map<number, number>): Promise<void> {
  if (!changed.length) return;
  const now = Date.now();
  // Titles first: their basis is kept with the centroid.
  const phrases = changed.map((i) => keyPhrases(i, s.analyzer.placeNames, (h) => s.model.df.idf(h)));
  const titles = changed.map((i, k) => {
    i.title = titleBasis(i, s.analyzer, phrases[k]);
    return renderTitle(i.title, s.analyzer);
  });
  const centroids = changed.map((i) => {
    if (i.savedAt && now - i.savedAt < CENTROID_EVERY_MS) return null;
    i.savedAt = now;
    i.dirty = false;
    return encodeIssue(i);
  });
  const inc = new Map<number, { n: number; f: number; neg: number; neu: number; pos: number }>();
  for (const j of joined) {
    let c = inc.get(j.issue);
    if (!c) inc.set(j.issue, (c = { n: 0, f: 0, neg: 0, neu: 0, pos: 0 }));
    c.n++;
    c.f += j.frustration;
    if (j.sentiment < 0) c.neg++;
    else if (j.sentiment > 0) c.pos++;
    else c.neu++;
  }
  const zero = { n: 0, f: 0, neg: 0, neu: 0, pos: 0 };
  await s.tx.execute(sql`UPDATE listening_issues i SET post_count = i.post_count + v.n, voices = i.voices + v.nv, frustration_sum = i.frustration_sum + v.f,
      negative = i.negative + v.neg, neutral = i.neutral + v.neu, positive = i.positive + v.pos,
      first_seen = least(i.first_seen, v.first_seen), last_seen = greatest(i.last_seen, v.last_seen),
      label = v.label, key_phrases = v.phrases::jsonb, topics = string_to_array(v.topics, '|'), places = string_to_array(v.places, '|'),
      centroid = coalesce(v.centroid::jsonb, i.centroid), representative = string_to_array(v.reps, '|')::bigint[], updated_at = now()
    FROM unnest(${pgArray(changed.map((i) => i.id))}::int[], ${pgArray(changed.map((i) => (inc.get(i.id) ?? zero).n))}::int[], ${pgArray(changed.map((i) => newVoices.get(i.id) ?? 0))}::int[],
      ${pgArray(changed.map((i) => (inc.get(i.id) ?? zero).f))}::float8[], ${pgArray(changed.map((i) => (inc.get(i.id) ?? zero).neg))}::int[], ${pgArray(changed.map((i) => (inc.get(i.id) ?? zero).neu))}::int[],
      ${pgArray(changed.map((i) => (inc.get(i.id) ?? zero).pos))}::int[], ${pgArray(changed.map((i) => new Date(i.firstSeen).toISOString()))}::timestamptz[],
      ${pgArray(changed.map((i) => new Date(i.lastSeen).toISOString()))}::timestamptz[], ${pgArray(titles)}::text[], ${pgArray(phrases.map((p) => JSON.stringify(p)))}::text[],
      ${pgArray(changed.map((i) => joinList(mainKeys(i.topics, i.count, 0.3, 3))))}::text[], ${pgArray(changed.map((i) => joinList(mainKeys(i.places, i.count, 0.15, 5))))}::text[],
      ${pgArray(centroids)}::text[], ${pgArray(changed.map((i) => i.reps.map((r) => r.id).join('|')))}::text[])
      AS v(id, n, nv, f, neg, neu, pos, first_seen, last_seen, label, phrases, topics, places, centroid, reps)
    WHERE i.id = v.id`);
}
