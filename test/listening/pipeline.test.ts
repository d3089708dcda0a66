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
