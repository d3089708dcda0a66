// The bridge to the listening desk (src/listening), kept in one file so the seam is easy to see:
// an issue as the start of a case, and citizen reports fed to the desk as posts.
import type { AppContext } from '../app/context.ts';
import type { Database } from '../db/client.ts';
import { ingestPosts } from '../listening/ingest/ingest.ts';
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

/** A citizen report also feeds the listening desk, as a post of the source "citizen-reports". */
export async function feedListening(ctx: AppContext, c: Case): Promise<void> {
  await ingestPosts(ctx, CITIZEN_SOURCE, [{ externalId: `case-${c.id}`, createdAt: c.createdAt, text: `${c.title}\n${c.description}`, url: null }], { create: { kind: 'citizen', label: 'Phản ánh của người dân (Nhịp Cầu)' } });
}

export const CITIZEN_SOURCE = 'citizen-reports';
