import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePosts } from '../../src/listening/demo/generate.ts';
import { ingestPosts } from '../../src/listening/ingest/ingest.ts';
import { createTestContext, type TestContext } from '../context.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.cleanup());

describe('ingest, analyse and cluster', () => {
  it('groups synthetic posts into issues', async () => {
    const posts = [...generatePosts({ seed: 3, start: Date.parse('2026-10-01T00:00:00Z'), gapMs: 5 * 60_000, count: 600 })].map((p) => ({
      externalId: p.id,
      authorExternalId: p.author,
      createdAt: p.createdAt,
      text: p.text,
    }));
    const summary = await ingestPosts(ctx, 'facebook-q10', posts, { create: { kind: 'file' }, processNow: true });
    expect(summary).toMatchObject({ received: 600, added: 600, duplicates: 0, rejected: [] });
    const again = await ingestPosts(ctx, 'facebook-q10', posts.slice(0, 50), { processNow: true });
    expect(again).toMatchObject({ added: 0, duplicates: 50 });
    const issues = await ctx.database.query<{ id: number; label: string; post_count: number; voices: number }>(`SELECT id, label, post_count, voices FROM listening_issues ORDER BY post_count DESC`);
    expect(issues.length).toBeGreaterThan(5);
    const [{ n }] = await ctx.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM listening_posts WHERE status = 0`);
    expect(n).toBe(0);
    const [{ total }] = await ctx.database.query<{ total: number }>(`SELECT sum(post_count)::int AS total FROM listening_issues`);
    const [{ assigned }] = await ctx.database.query<{ assigned: number }>(`SELECT count(*)::int AS assigned FROM listening_posts WHERE issue_id IS NOT NULL`);
    expect(total).toBe(assigned);
    const [{ hourly }] = await ctx.database.query<{ hourly: number }>(`SELECT sum(n)::int AS hourly FROM listening_issue_hourly`);
    expect(hourly).toBe(assigned);
    const [{ all }] = await ctx.database.query<{ all: number }>(`SELECT sum(n)::int AS all FROM listening_topic_hourly WHERE topic = '*'`);
    expect(all).toBe(600);
  });
});

describe('replies', () => {
  it('join the issue of the post they answer, in the same import or a later one, unless they speak of another concern', async () => {
    const at = (min: number) => new Date(Date.parse('2026-11-03T17:00:00+07:00') + min * 60_000).toISOString();
    const flood = [
      'Mưa có 30 phút mà đường Thành Thái ngập tới yên xe',
      'nuoc len toi goi luon o Thanh Thai, ae ve nha can than',
      'Đường Thành Thái thành sông rồi bà con ơi, xe chết máy nằm la liệt',
      'Thành Thái giờ này nước lênh láng, đừng chạy qua',
    ].map((text, k) => ({ externalId: `t-${k}`, authorExternalId: `u${k}`, createdAt: at(k * 10), text }));
    const replies = [
      { externalId: 'r-1', parentExternalId: 't-0', authorExternalId: 'u9', createdAt: at(50), text: '+1 nhà mình cũng bị y chang' },
      { externalId: 'r-2', parentExternalId: 't-2', authorExternalId: 'u8', createdAt: at(55), text: 'giờ rút chưa mn' },
      { externalId: 'r-3', parentExternalId: 't-1', authorExternalId: 'u7', createdAt: at(57), text: 'Bên mình thì cúp điện từ chiều tới giờ luôn' },
    ];
    await ingestPosts(ctx, 'zalo-threads', [...flood, ...replies.slice(0, 1)], { create: { kind: 'file' }, processNow: true });
    await ingestPosts(ctx, 'zalo-threads', replies.slice(1), { processNow: true });
    const issueOf = async (id: string) => (await ctx.database.query<{ issue_id: number | null }>(`SELECT p.issue_id FROM listening_posts p JOIN listening_sources s ON s.id = p.source_id WHERE s.name = 'zalo-threads' AND p.external_id = $1`, [id]))[0]?.issue_id ?? null;
    const issue = await issueOf('t-0');
    expect(issue).not.toBeNull();
    for (const id of ['t-1', 't-2', 't-3']) expect(await issueOf(id), id).toBe(issue);
    expect(await issueOf('r-1')).toBe(issue);
    expect(await issueOf('r-2')).toBe(issue);
    expect(await issueOf('r-3')).not.toBe(issue);
  });
});
