// Records the listening rows of the access table act on: three issues (two to merge, one to split), a
// post, an RSS source and an import row.
import type { AppContext } from '../src/app/context.ts';
import { ingestPosts } from '../src/listening/ingest/ingest.ts';
import { listeningImports, listeningSources } from '../src/listening/schema.ts';

export async function listeningAccessVars(ctx: AppContext): Promise<Record<string, string>> {
  const now = Date.now();
  const texts = [
    ['Ngập nước đường Bà Hạt sau cơn mưa chiều nay, nước tràn vào nhà', 'Đường Bà Hạt lại ngập nước sau mưa, xe chết máy'],
    ['Kẹt xe kinh khủng trên đường 3/2 gần Vạn Hạnh Mall giờ tan tầm', 'Đường 3/2 đoạn Vạn Hạnh Mall kẹt xe cả tiếng'],
    ['Rác thải tập kết góc Lý Thái Tổ bốc mùi hôi thối cả tuần', 'Điểm tập kết rác Lý Thái Tổ hôi thối không ai dọn'],
  ];
  const posts = texts.flatMap((pair, k) => pair.map((text, j) => ({ externalId: `acc-${k}-${j}`, authorExternalId: `a-${k}-${j}`, createdAt: new Date(now - (k * 2 + j + 1) * 60_000), text })));
  await ingestPosts(ctx, 'access-test', posts, { create: { kind: 'file' }, processNow: true });
  const issues = await ctx.database.query<{ id: number }>(`SELECT id FROM listening_issues ORDER BY id`);
  const [post] = await ctx.database.query<{ id: number }>(`SELECT id FROM listening_posts ORDER BY id LIMIT 1`);
  const [rss] = await ctx.db.insert(listeningSources).values({ name: 'access-rss', kind: 'rss', label: 'Báo thử', settings: { url: 'http://127.0.0.1:9/feed.xml' } }).returning();
  const [imp] = await ctx.db.insert(listeningImports).values({ sourceName: 'access-test', fileName: 'thu.jsonl', format: 'jsonl', actor: 'cli', status: 'done' }).returning();
  return {
    lsIssue: String(issues[0]?.id),
    lsIssue2: String(issues[1]?.id),
    lsIssue3: String(issues[2]?.id),
    lsPost: String(post.id),
    lsSource: String(rss.id),
    lsImport: String(imp.id),
  };
}
