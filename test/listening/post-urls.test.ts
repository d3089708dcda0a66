// Post addresses keep the platform and the post's id, never the author: at the door, and for posts
// stored before by the data upgrade.
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { upgradeData } from '../../src/db/upgrades.ts';
import { ingestPosts } from '../../src/listening/index.ts';
import { createTestContext, type TestContext } from '../context.ts';

let ctx: TestContext;
let sourceId: number;
const log = pino({ level: 'silent' });

beforeAll(async () => {
  ctx = await createTestContext();
  [{ id: sourceId }] = await ctx.database.query<{ id: number }>(`INSERT INTO listening_sources (name, kind, label) VALUES ('tep', 'file', 'Tệp') RETURNING id`);
});
afterAll(async () => ctx.cleanup());

const urls = async () => (await ctx.database.query<{ external_id: string; url: string }>(`SELECT external_id, url FROM listening_posts ORDER BY external_id`)).map((r) => r.url);

it('rewrites addresses stored with their authors, once', async () => {
  await ctx.database.query(`DELETE FROM settings WHERE key = 'upgrade.post-urls'`);
  for (const [id, url] of [
    ['a', 'https://www.facebook.com/user.74469268/posts/pfbid0xyz?__cft__[0]=AZ&__tn__=R'],
    ['b', 'https://www.facebook.com/profile.php?id=100004444'],
    ['c', 'https://www.youtube.com/watch?v=vid1&lc=c1&ab_channel=NguyenVanA'],
    ['d', 'https://tuoitre.vn/bai-viet.htm'],
  ]) {
    await ctx.database.query(`INSERT INTO listening_posts (source_id, external_id, posted_at, url, text) VALUES ($1, $2, now(), $3, 'ngập nước')`, [sourceId, id, url]);
  }
  expect(await upgradeData(ctx.database, ctx.secrets, log)).toBe(3);
  expect(await urls()).toEqual(['https://www.facebook.com/posts/pfbid0xyz', 'https://www.facebook.com/', 'https://www.youtube.com/watch?v=vid1&lc=c1', 'https://tuoitre.vn/bai-viet.htm']);
  expect(await upgradeData(ctx.database, ctx.secrets, log)).toBe(0);
});

it('cleans the address at the door', async () => {
  await ingestPosts(ctx, 'tep', [{ externalId: 'e', text: 'Đường Thành Thái ngập sâu', createdAt: new Date().toISOString(), url: 'https://m.facebook.com/nguyen.van.an/posts/999?fbclid=IwAR1' }]);
  const [row] = await ctx.database.query<{ url: string }>(`SELECT url FROM listening_posts WHERE external_id = 'e'`);
  expect(row.url).toBe('https://www.facebook.com/posts/999');
});
