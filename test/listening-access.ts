// Records the listening rows of the access table act on: an issue with its posts, an RSS source, a
// Facebook Page source that takes webhooks, an import row; and, for each check that merges or splits,
// a fresh pair of issues made the way an analyst would (posts ingested, one split off).
import type { AppContext } from '../src/app/context.ts';
import { splitIssue } from '../src/listening/edits.ts';
import { ingestPosts } from '../src/listening/ingest/ingest.ts';
import { listeningImports, listeningSources } from '../src/listening/schema.ts';
import { createSource } from '../src/listening/sources.ts';
import { facebookFeedWebhook } from './fakes/webhooks.ts';

export const WEBHOOK_PAGE = { pageId: '100200300', appSecret: 'access-app-secret', verifyToken: 'access-verify-token' };

let batch = 0;
/** Two posts on one issue; returns the issue and the posts' ids. */
async function ingestPair(ctx: AppContext): Promise<{ issue: number; posts: number[] }> {
  const k = ++batch;
  const now = Date.now();
  const texts = ['Rác thải tập kết góc Lý Thái Tổ bốc mùi hôi thối cả tuần', 'Điểm tập kết rác Lý Thái Tổ hôi thối không ai dọn'];
  await ingestPosts(ctx, 'access-test', texts.map((text, j) => ({ externalId: `acc-${k}-${j}`, authorExternalId: `a-${k}-${j}`, createdAt: new Date(now - (j + 1) * 60_000), text })), { create: { kind: 'file' }, processNow: true });
  const rows = await ctx.database.query<{ id: number; issue_id: number }>(`SELECT p.id, p.issue_id FROM listening_posts p JOIN listening_sources s ON s.id = p.source_id WHERE s.name = 'access-test' AND p.external_id LIKE 'acc-${k}-%' ORDER BY p.id`);
  return { issue: Number(rows[0].issue_id), posts: rows.map((r) => Number(r.id)) };
}

export async function listeningAccessVars(ctx: AppContext): Promise<Record<string, string>> {
  const { issue, posts } = await ingestPair(ctx);
  const [rss] = await ctx.db.insert(listeningSources).values({ name: 'access-rss', kind: 'rss', label: 'Báo thử', settings: { url: 'http://127.0.0.1:9/feed.xml' } }).returning();
  await createSource(ctx, 'system', { name: 'access-fb', kind: 'facebook_page', label: 'Trang thử', settings: { pageId: WEBHOOK_PAGE.pageId, pageAccessToken: 'x'.repeat(24), appSecret: WEBHOOK_PAGE.appSecret, verifyToken: WEBHOOK_PAGE.verifyToken }, intervalSeconds: 900, enabled: true });
  const [imp] = await ctx.db.insert(listeningImports).values({ sourceName: 'access-test', fileName: 'thu.jsonl', format: 'jsonl', actor: 'cli', status: 'done' }).returning();
  return { lsIssue: String(issue), lsPost: String(posts[0]), lsSource: String(rss.id), lsImport: String(imp.id) };
}

/** An issue of two posts ({splitIssue}, {splitPost} one of them), for one check that splits it. */
export async function freshSplit(ctx: AppContext): Promise<Record<string, string>> {
  const { issue, posts } = await ingestPair(ctx);
  return { splitIssue: String(issue), splitPost: String(posts[1]) };
}

/** Two issues, {mergeFrom} split off {mergeInto}, for one check that merges them back. */
export async function freshMerge(ctx: AppContext): Promise<Record<string, string>> {
  const { issue, posts } = await ingestPair(ctx);
  const apart = await splitIssue(ctx, 'system', issue, { postIds: [posts[1]] });
  return { mergeInto: String(issue), mergeFrom: String(apart) };
}

/** A comment on the Page, signed with the app secret, as Facebook sends it. */
export function signedComment(n: number): { payload: string; headers: Record<string, string> } {
  const change = { item: 'comment' as const, verb: 'add' as const, post_id: `${WEBHOOK_PAGE.pageId}_7`, comment_id: `7_${n}`, from: { id: '42', name: 'Người dân' }, message: `Cống nghẹt ở hẻm 12, lần ${n}`, created_time: Math.floor(Date.now() / 1000) - 60 };
  const signed = facebookFeedWebhook(WEBHOOK_PAGE.pageId, [change], WEBHOOK_PAGE.appSecret);
  return { payload: signed.body, headers: signed.headers };
}

/** A one-post JSON Lines file, for the upload page. */
export const importFile = (n: number) => Buffer.from(`${JSON.stringify({ id: `up-${n}`, author: `u-${n}`, created_at: new Date().toISOString(), text: `Kẹt xe đường 3/2 giờ tan tầm, lần ${n}` })}\n`);

/** An upload interrupted by a crash, its stored file still there: resuming it uses the record up. */
export async function freshInterruptedImport(ctx: AppContext): Promise<Record<string, string>> {
  const { mkdir, writeFile } = await import('node:fs/promises');
  const path = await import('node:path');
  const dir = path.join(ctx.config.dataDir, 'uploads', 'listening');
  await mkdir(dir, { recursive: true });
  const n = Date.now() + Math.random();
  const file = path.join(dir, `interrupted-${n}.jsonl`);
  await writeFile(file, importFile(Math.round(n)));
  const [row] = await ctx.db.insert(listeningImports).values({ sourceName: 'tai-len', fileName: 'bai.jsonl', format: 'jsonl', actor: 'web', status: 'interrupted', storedFile: file }).returning({ id: listeningImports.id });
  return { resumable: String(row.id) };
}
