// After a crash: posts stored but never clustered (their wake-up lost with the process) are clustered
// by the repair job that runs at start, and the totals count them; imports whose process died are
// marked interrupted, those of a living process are left running.
import { hostname } from 'node:os';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generatePosts } from '../../src/listening/demo/generate.ts';
import { ingestPosts } from '../../src/listening/ingest/ingest.ts';
import { registerListeningSchedules } from '../../src/listening/jobs.ts';
import { createTestContext, type TestContext } from '../context.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ NHIPCAU_DEMO: 'false' });
});
afterAll(async () => ctx?.cleanup());

const count = async (query: string): Promise<number> => Number((await ctx.database.query<{ n: number }>(query))[0].n);

it('the repair job at start clusters posts left outside issues and totals, and marks dead imports interrupted', async () => {
  const posts = [...generatePosts({ seed: 11, start: Date.parse('2026-10-01T00:00:00Z'), gapMs: 4 * 60_000, count: 300 })].map((p) => ({ externalId: p.id, authorExternalId: p.author, createdAt: p.createdAt, text: p.text }));
  await ingestPosts(ctx, 'repair-test', posts, { create: { kind: 'file' } });
  await ctx.database.query(`DELETE FROM jobs`); // the process died before its job ran: the wake-up is gone
  await ctx.database.query(
    `INSERT INTO listening_imports (source_name, file_name, format, actor, status, read, added, owner) VALUES
       ('a', 'dead.jsonl', 'jsonl', 'cli', 'running', 5000, 4000, $1), ('b', 'alive.jsonl', 'jsonl', 'cli', 'running', 10, 10, $2)`,
    [`${hostname()}:2147483646`, `${hostname()}:${process.pid}`],
  );
  expect(await count(`SELECT count(*)::int AS n FROM listening_posts WHERE status = 0`)).toBe(300);

  await registerListeningSchedules(ctx); // what a start does
  await ctx.jobs.drain({ timeoutMs: 120_000 });

  expect(await count(`SELECT count(*)::int AS n FROM listening_posts WHERE status = 0`)).toBe(0);
  const assigned = await count(`SELECT count(*)::int AS n FROM listening_posts WHERE issue_id IS NOT NULL`);
  expect(assigned).toBeGreaterThan(100);
  expect(await count(`SELECT coalesce(sum(post_count), 0)::int AS n FROM listening_issues WHERE status <> 'merged'`)).toBe(assigned);
  expect(await count(`SELECT coalesce(sum(n), 0)::int AS n FROM listening_issue_hourly`)).toBe(assigned);
  expect(await count(`SELECT coalesce(sum(n), 0)::int AS n FROM listening_topic_hourly WHERE topic = '*'`)).toBe(300);
  const imports = await ctx.database.query<{ file_name: string; status: string; read: number }>(`SELECT file_name, status, read FROM listening_imports ORDER BY id`);
  expect(imports).toEqual([
    { file_name: 'dead.jsonl', status: 'interrupted', read: 5000 },
    { file_name: 'alive.jsonl', status: 'running', read: 10 },
  ]);
}, 180_000);
