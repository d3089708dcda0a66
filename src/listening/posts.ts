// Posts as the desk shows them: only ever by issue, redacted, never with an author; labels attached.
import type { AppContext } from '../app/context.ts';
import type { Db } from '../db/client.ts';
import { toMs } from './clustering/codec.ts';
import { pgArray, rows, sql } from './store/sql.ts';

export interface PostView {
  id: number;
  text: string | null;
  postedAt: string;
  sourceLabel: string;
  synthetic: boolean;
  url: string | null;
  sentiment: number | null;
  frustration: number | null;
  topics: string[];
  labels: { sentiment?: string; topic?: string };
}

/** The issue's representative posts (with text), topped up with its latest posts. No author is ever returned. */
export async function representativePosts(db: Db, id: number, limit = 6, showLinks: (kind: string) => boolean = () => false): Promise<PostView[]> {
  const [issue] = await rows<{ representative: number[] }>(db, sql`SELECT representative FROM listening_issues WHERE id = ${id}`);
  const reps = (issue?.representative ?? []).map(Number);
  const list = await rows<Record<string, any>>(
    db,
    sql`(SELECT p.id, p.text, p.posted_at, p.url, p.sentiment, p.frustration, p.topics, s.label AS source_label, s.kind, s.synthetic, 0 AS rank
          FROM listening_posts p JOIN listening_sources s ON s.id = p.source_id WHERE p.id = ANY(${pgArray(reps)}::bigint[]) AND p.issue_id = ${id} AND p.text IS NOT NULL)
        UNION ALL
        (SELECT p.id, p.text, p.posted_at, p.url, p.sentiment, p.frustration, p.topics, s.label, s.kind, s.synthetic, 1
          FROM listening_posts p JOIN listening_sources s ON s.id = p.source_id WHERE p.issue_id = ${id} AND p.text IS NOT NULL ORDER BY p.posted_at DESC LIMIT ${limit})`,
  );
  const seen = new Set<number>();
  const ordered = list
    .sort((a, b) => a.rank - b.rank || reps.indexOf(Number(a.id)) - reps.indexOf(Number(b.id)))
    .filter((p) => !seen.has(Number(p.id)) && seen.add(Number(p.id)))
    .slice(0, limit);
  const labels = await postLabels(db, ordered.map((p) => Number(p.id)));
  return ordered.map((p) => ({
    id: Number(p.id),
    text: p.text,
    postedAt: new Date(toMs(p.posted_at)).toISOString(),
    sourceLabel: p.source_label,
    synthetic: p.synthetic,
    url: showLinks(p.kind) ? p.url : null,
    sentiment: p.sentiment,
    frustration: p.frustration,
    topics: p.topics ?? [],
    labels: labels.get(Number(p.id)) ?? {},
  }));
}

export async function postLabels(db: Db, ids: number[]): Promise<Map<number, { sentiment?: string; topic?: string }>> {
  const out = new Map<number, { sentiment?: string; topic?: string }>();
  if (!ids.length) return out;
  for (const l of await rows<{ post_id: number; kind: 'sentiment' | 'topic'; value: string }>(db, sql`SELECT post_id, kind, value FROM listening_labels WHERE post_id = ANY(${pgArray(ids)}::bigint[])`)) {
    const m = out.get(Number(l.post_id)) ?? {};
    m[l.kind] = l.value;
    out.set(Number(l.post_id), m);
  }
  return out;
}

/** The author withdrew these posts: their text goes; their counts stay in the aggregates. */
export async function withdraw(ctx: AppContext, sourceId: number, externalIds: string[]): Promise<number> {
  const done = await rows<{ id: number }>(
    ctx.db,
    sql`UPDATE listening_posts SET text = NULL, url = NULL, purged_at = now() WHERE source_id = ${sourceId} AND external_id = ANY(${`{${externalIds.map((x) => `"${x.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]) AND text IS NOT NULL RETURNING id`,
  );
  return done.length;
}
