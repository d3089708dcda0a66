// The bridge to the listening desk (src/listening), kept in one file so the seam is easy to see.
// Reads go through SQL on the listening tables when they exist; until the listening desk ships its
// tables, a case keeps its issue_id and these return nothing.
import type { AppContext } from '../app/context.ts';
import type { Database } from '../db/client.ts';
import type { Case } from './schema.ts';
import { topicName } from './text.ts';

export interface IssueSummary {
  id: number;
  title: string;
  description: string;
  topic: string | null;
}

const exists = async (database: Database, table: string): Promise<boolean> => {
  const [r] = await database.query<{ t: string | null }>(`SELECT to_regclass($1)::text AS t`, [table]);
  return Boolean(r?.t);
};

/** A listening issue as the start of a case: its name, key phrases and first topic. */
export async function issueForCase(database: Database, id: number): Promise<IssueSummary | null> {
  if (!(await exists(database, 'listening_issues'))) return null;
  const [row] = await database.query<{ id: number; label: string; custom_label: string | null; key_phrases: Array<[string, number]>; topics: string[]; post_count: number; voices: number }>(
    `SELECT id, label, custom_label, key_phrases, topics, post_count, voices FROM listening_issues WHERE id = $1`,
    [id],
  );
  if (!row) return null;
  const title = (row.custom_label || row.label || `#${row.id}`).slice(0, 200);
  const phrases = (row.key_phrases ?? []).slice(0, 8).map(([p]) => p).join(', ');
  const topic = row.topics?.[0] ?? null;
  const description = `Vấn đề dư luận #${row.id}${topic ? ` (${topicName(topic, 'vi')})` : ''}: ${row.post_count} bài viết, ${row.voices} người nói.${phrases ? ` Cụm từ chính: ${phrases}.` : ''}`;
  return { id: Number(row.id), title: title.length >= 3 ? title : `Vấn đề #${row.id}`, description, topic };
}

/**
 * A citizen report also feeds the listening desk, as one post of source "citizen-reports".
 * Call site for the listening desk's ingestPosts(ctx, sourceName, posts): it is wired here once
 * src/listening exposes it (see the report in the cases commit messages).
 */
export async function feedListening(ctx: AppContext, c: Case): Promise<void> {
  const modulePath = '../listening/ingest.ts'; // not imported statically: the listening desk may not have it yet
  const mod = (await import(modulePath).catch(() => null)) as null | { ingestPosts?: (ctx: AppContext, source: string, posts: unknown[]) => Promise<unknown> };
  if (!mod?.ingestPosts) return;
  await mod.ingestPosts(ctx, 'citizen-reports', [{ externalId: `case-${c.id}`, text: `${c.title}\n${c.description}`, postedAt: c.createdAt, url: null, topic: c.topic }]);
}
