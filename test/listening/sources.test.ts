// Sources end to end on the test database: an RSS feed polled on schedule (cursor stored, health shown,
// backoff after failures, Retry-After honoured), and the webhook route (bad signatures rejected and
// recorded, good ones ingested, removals delete the text).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processPending } from '../../src/listening/ingest/ingest.ts';
import { createSource, getSource } from '../../src/listening/sources.ts';
import { pollDue, pollSource } from '../../src/listening/sources/scheduler.ts';
import { createTestContext, type TestContext } from '../context.ts';
import { buildUser, seedUnits } from '../factories.ts';
import { buildTestApp, type TestApp } from '../http.ts';
import { facebookFeedWebhook, type FeedChange } from '../fakes/webhooks.ts';

let ctx: TestContext;
let t: TestApp;
let status = 200;
const server = http.createServer((req, res) => {
  if (status === 429) return res.writeHead(429, { 'retry-after': '90' }).end();
  if (status !== 200) return res.writeHead(status).end();
  if (req.headers['if-none-match'] === '"x"') return res.writeHead(304).end();
  res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"x"' }).end(`<rss version="2.0"><channel><title>Báo Q10</title>
    <item><guid>a1</guid><title>Ngập nước đường Bà Hạt</title><description>Mưa lớn làm ngập đường Bà Hạt, xe chết máy.</description><pubDate>${new Date(Date.now() - 3600_000).toUTCString()}</pubDate></item>
    <item><guid>a2</guid><title>Đường Bà Hạt lại ngập sau mưa</title><description>Nước ngập tới gối ở Bà Hạt.</description><pubDate>${new Date(Date.now() - 1800_000).toUTCString()}</pubDate></item>
  </channel></rss>`);
});

beforeAll(async () => {
  ctx = await createTestContext();
  await seedUnits(ctx);
  await buildUser(ctx, { role: 'analyst', unit: 'quan-10' });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t = await buildTestApp(ctx);
});
afterAll(async () => {
  await t?.app.close();
  await new Promise<void>((r) => server.close(() => r()));
  await ctx?.cleanup();
});

describe('polled sources', () => {
  it('polls a due feed, stores its posts once, keeps the cursor, and shows health', async () => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rss`;
    const source = await createSource(ctx, 'system', { name: 'bao-q10', kind: 'rss', label: 'Báo Quận 10', settings: { url }, intervalSeconds: 600, enabled: true });
    expect(await pollDue(ctx)).toBe(1);
    expect(await pollSource(ctx, source.id)).toMatchObject({ ok: true, received: 2, added: 2 });
    await processPending(ctx);
    let s = await getSource(ctx.db, source.id);
    expect(s).toMatchObject({ status: 'ok', failures: 0, cursor: { etag: '"x"' } });
    expect(s?.nextPollAt && s.nextPollAt.getTime() - Date.now()).toBeGreaterThan(500_000);
    const posts = await ctx.database.query<{ status: number; issue_id: number | null; author_hash: string }>(`SELECT status, issue_id, author_hash FROM listening_posts WHERE source_id = $1`, [source.id]);
    expect(posts.map((p) => p.status)).toEqual([1, 1]);
    expect(posts[0].issue_id).toBe(posts[1].issue_id); // two articles on one concern
    expect(await pollSource(ctx, source.id)).toMatchObject({ ok: true, added: 0 }); // 304

    status = 429;
    const limited = await pollSource(ctx, source.id);
    expect(limited).toMatchObject({ ok: false, error: expect.stringContaining('rate_limited') });
    s = await getSource(ctx.db, source.id);
    expect(s).toMatchObject({ status: 'unhealthy', failures: 1, lastError: expect.stringContaining('429') });
    expect((s?.nextPollAt?.getTime() ?? 0) - Date.now()).toBeGreaterThan(80_000);

    status = 502;
    await pollSource(ctx, source.id);
    s = await getSource(ctx.db, source.id);
    expect(s).toMatchObject({ status: 'unhealthy', failures: 2, lastError: expect.stringContaining('unavailable') });

    status = 200;
    await pollSource(ctx, source.id);
    expect(await getSource(ctx.db, source.id)).toMatchObject({ status: 'ok', failures: 0, lastError: null });
  });
  it("refuses a feed inside the server's network unless the installation allows it, and says why", async () => {
    const url = `http://localhost:${(server.address() as AddressInfo).port}/rss`;
    const source = await createSource(ctx, 'system', { name: 'noi-bo', kind: 'rss', label: 'Nội bộ', settings: { url }, intervalSeconds: 600, enabled: true });
    ctx.config.outboundPrivate = false;
    try {
      expect(await pollSource(ctx, source.id)).toMatchObject({ ok: false });
      expect(await getSource(ctx.db, source.id)).toMatchObject({ status: 'unhealthy', lastError: expect.stringContaining('is inside a private network') });
    } finally {
      ctx.config.outboundPrivate = true;
    }
    expect(await pollSource(ctx, source.id)).toMatchObject({ ok: true, received: 2 });
  });
});

describe('webhooks', () => {
  it('rejects a bad signature (recorded on the source), ingests a good one, and withdraws removed posts', async () => {
    await createSource(ctx, 'system', { name: 'fb-q10', kind: 'facebook_page', label: 'Trang Quận 10', settings: { pageId: '100200300', pageAccessToken: 'x'.repeat(24), appSecret: 'app-secret' }, intervalSeconds: 900, enabled: true });
    const change: FeedChange = { item: 'comment', verb: 'add', post_id: '100200300_5', comment_id: '5_1', from: { id: '42', name: 'Nguyễn Văn A' }, message: 'Cống nghẹt ở hẻm 12, gọi 0903 123 456', created_time: Math.floor(Date.now() / 1000) - 60 };
    const bad = facebookFeedWebhook('100200300', [change], 'app-secret', { signature: 'bad' });
    const rejected = await t.app.inject({ method: 'POST', url: '/webhooks/listening/fb-q10', headers: bad.headers, payload: bad.body });
    expect(rejected.statusCode).toBe(401);
    const fb = await getSource(ctx.db, 'fb-q10');
    expect(fb?.lastError).toBe('webhook: bad signature');
    expect(JSON.stringify(fb?.settings)).not.toMatch(/app-secret|xxxxxxxx/); // secrets sealed at rest
    expect(await ctx.database.query(`SELECT 1 FROM listening_posts WHERE external_id = '5_1'`)).toHaveLength(0);

    const good = facebookFeedWebhook('100200300', [change], 'app-secret');
    const accepted = await t.app.inject({ method: 'POST', url: '/webhooks/listening/fb-q10', headers: good.headers, payload: good.body });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ added: 1 });
    const [row] = await ctx.database.query<{ text: string; author_hash: string }>(`SELECT text, author_hash FROM listening_posts WHERE external_id = '5_1'`);
    expect(row.text).toContain('[SĐT]');
    expect(row.text).not.toContain('0903');

    const removal = facebookFeedWebhook('100200300', [{ item: 'comment', verb: 'remove', post_id: '100200300_5', comment_id: '5_1' }], 'app-secret');
    expect((await t.app.inject({ method: 'POST', url: '/webhooks/listening/fb-q10', headers: removal.headers, payload: removal.body })).json()).toMatchObject({ removed: 1 });
    const [gone] = await ctx.database.query<{ text: string | null }>(`SELECT text FROM listening_posts WHERE external_id = '5_1'`);
    expect(gone.text).toBeNull();

    const unknown = await t.app.inject({ method: 'POST', url: '/webhooks/listening/khong-co', headers: good.headers, payload: good.body });
    expect(unknown.statusCode).toBe(404);
  });
});
