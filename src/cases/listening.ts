// The bridge to the listening desk (src/listening, through its face), kept in one file so the seam is
// easy to see: an issue as the start of a case, and citizen reports fed to the desk as posts.
import type { AppContext } from '../app/context.ts';
import type { Database } from '../db/client.ts';
import { ingestPosts, issueOutline } from '../listening/index.ts';
import type { Case } from './schema.ts';
import { topicName } from './text.ts';

export interface IssueSummary {
  id: number;
  title: string;
  description: string;
  topic: string | null;
}

/** A listening issue as the start of a case: its name, key phrases and first topic. */
export async function issueForCase(database: Database, id: number): Promise<IssueSummary | null> {
  const issue = await issueOutline(database, id);
  if (!issue) return null;
  const title = (issue.customLabel || issue.label || `#${issue.id}`).slice(0, 200);
  const phrases = issue.keyPhrases.slice(0, 8).map(([p]) => p).join(', ');
  const topic = issue.topics[0] ?? null;
  const description = `Vấn đề dư luận #${issue.id}${topic ? ` (${topicName(topic, 'vi')})` : ''}: ${issue.postCount} bài viết, ${issue.voices} người nói.${phrases ? ` Cụm từ chính: ${phrases}.` : ''}`;
  return { id: issue.id, title: title.length >= 3 ? title : `Vấn đề #${issue.id}`, description, topic };
}

/** A citizen report also feeds the listening desk, as a post of the source "citizen-reports". */
export async function feedListening(ctx: AppContext, c: Case): Promise<void> {
  await ingestPosts(ctx, CITIZEN_SOURCE, [{ externalId: `case-${c.id}`, createdAt: c.createdAt, text: `${c.title}\n${c.description}`, url: null }], { create: { kind: 'citizen', label: 'Phản ánh của người dân (Nhịp Cầu)' } });
}

export const CITIZEN_SOURCE = 'citizen-reports';
