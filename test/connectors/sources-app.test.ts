// The platform sources inside the app: polled by the listening scheduler against the fake servers (cursor
// stored, typed failures shown on the source with the right next try), and Zalo/Facebook webhooks through
// POST/GET /webhooks/listening/:source — verified, stored as pending with analysis left to the job (the
// answer never waits for it), bad signatures answered 401 and recorded.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { QuotaBudget } from '../../src/connectors/youtube/quota.ts';
import { createSource, getSource } from '../../src/listening/sources.ts';
import { pollSource } from '../../src/listening/sources/scheduler.ts';
import { configurePlatforms, resetPlatforms } from '../../src/platforms/index.ts';
import { createTestContext, type TestContext } from '../context.ts';
import { buildUser, seedUnits } from '../factories.ts';
import { FacebookFake } from '../fakes/facebook.ts';
import { zaloTextWebhook, zaloWebhook } from '../fakes/webhooks.ts';
import { YouTubeFake } from '../fakes/youtube.ts';
import { buildTestApp, login, type TestApp } from '../http.ts';

let ctx: TestContext;
let t: TestApp;
let analystEmail = '';
beforeAll(async () => {
  ctx = await createTestContext();
  await seedUnits(ctx);
  analystEmail = (await buildUser(ctx, { role: 'analyst', unit: 'quan-10' })).email;
  t = await buildTestApp(ctx);
});
afterAll(async () => {
  await t?.app.close();
  await ctx?.cleanup();
});
afterEach(() => {
  resetPlatforms();
});

const postsOf = (sourceId: number) => ctx.database.query<{ external_id: string; status: number; text: string }>(`SELECT external_id, status, text FROM listening_posts WHERE source_id = $1 ORDER BY id`, [sourceId]);

describe('polled by the scheduler', () => {
  it('a Facebook Page: posts and comments stored, cursor kept, an expired token shown without the token', async () => {
    const fake = await FacebookFake.start({ seed: 61 });
    try {
      configurePlatforms({ baseUrls: { facebook: fake.url } });
      const page = fake.addPage();
      // Recent: only posts younger than two weeks are watched for comments.
      const post = fake.seedPost(page.id, { message: 'Lịch thu gom rác mới', createdAt: new Date(Date.now() - 3600_000) });
      fake.seedComment(post.id, { message: 'Xe rác tới trễ lắm', from: { id: '8001', name: 'C' }, createdAt: new Date(Date.now() - 1800_000) });
      const source = await createSource(ctx, 'system', { name: 'fb-p12', kind: 'facebook_page', label: 'Trang Phường 12', settings: { pageId: page.id, pageAccessToken: page.token }, intervalSeconds: 600, enabled: true });
      expect(await pollSource(ctx, source.id)).toMatchObject({ ok: true, received: 2, added: 2 });
      const after = await getSource(ctx.db, source.id);
      expect(after).toMatchObject({ status: 'ok', cursor: { watch: [{ id: post.id }] } });
      fake.expireToken(page.token);
      const failed = await pollSource(ctx, source.id);
      expect(failed).toMatchObject({ ok: false, error: expect.stringMatching(/^unauthorized: /) });
      const unhealthy = await getSource(ctx.db, source.id);
      expect(unhealthy?.lastError).not.toContain(page.token);
      expect((unhealthy?.nextPollAt?.getTime() ?? 0) - Date.now()).toBeGreaterThan(5 * 3600_000); // reconnect: after 6 h
    } finally {
      await fake.close();
    }
  });

  it('a YouTube channel: within its daily units, then waits for the Pacific-midnight reset', async () => {
    const fake = await YouTubeFake.start({ seed: 62 });
    try {
      configurePlatforms({ baseUrls: { youtube: fake.apiBase } });
      const channel = fake.addChannel();
      const video = fake.seedVideo(channel.id);
      fake.seedThread({ videoId: video.id }, { text: 'Cầu vượt bao giờ xong?', author: { name: 'D', channelId: 'UCd' } });
      const source = await createSource(ctx, 'system', { name: 'yt-q10', kind: 'youtube_channel', label: 'Kênh Quận 10', settings: { channelId: channel.id, apiKey: channel.apiKey, dailyUnits: 1 }, intervalSeconds: 1800, enabled: true });
      expect(await pollSource(ctx, source.id)).toMatchObject({ ok: true, added: 1 });
      const requests = fake.server.requests.length;
      expect(await pollSource(ctx, source.id)).toMatchObject({ ok: false, error: expect.stringMatching(/^quota_exceeded: /) });
      expect(fake.server.requests.length).toBe(requests);
      const s = await getSource(ctx.db, source.id);
      const reset = new QuotaBudget().resetAt().getTime();
      expect(s?.nextPollAt?.getTime()).toBeGreaterThan(Date.now());
      expect(s?.nextPollAt?.getTime()).toBeLessThanOrEqual(reset + 60_000);
    } finally {
      await fake.close();
    }
  });
});

describe('webhooks through the app', () => {
  const appId = '2553928453557884079';
  const oaSecretKey = 'oa-secret-key-app-test';
  const event = { appId, oaId: '3662729599332560487', senderId: '6142494823123456789', text: 'Hẻm 45 mất nước từ sáng, gọi 0912 345 678', msgId: 'zalo-msg-1' };

  it('Zalo OA: verify, store as pending, answer 200; analysis is left to the queued job', async () => {
    const source = await createSource(ctx, 'system', { name: 'zalo-q10', kind: 'zalo_oa', label: 'Zalo OA Quận 10', settings: { appId, oaSecretKey }, intervalSeconds: 600, enabled: true });
    const hook = zaloTextWebhook(event, oaSecretKey, { rawIds: true });
    const res = await t.app.inject({ method: 'POST', url: '/webhooks/listening/zalo-q10', headers: hook.headers, payload: hook.body });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ added: 1 });
    const [row] = await postsOf(source.id);
    expect(row).toMatchObject({ external_id: 'zalo-msg-1', status: 0 });
    expect(row?.text).not.toContain('0912');
    const queued = await ctx.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE name = 'listening.process' AND status IN ('queued', 'running')`);
    expect(queued[0]?.n).toBe(1);
    // Zalo retries deliveries: the same event again is answered 200 and stored once.
    const again = await t.app.inject({ method: 'POST', url: '/webhooks/listening/zalo-q10', headers: hook.headers, payload: hook.body });
    expect(again.statusCode).toBe(200);
    expect(await postsOf(source.id)).toHaveLength(1);
  });

  it('Zalo OA: bad, missing and replayed signatures → 401, recorded, nothing stored; other events → 200', async () => {
    const source = await createSource(ctx, 'system', { name: 'zalo-p12', kind: 'zalo_oa', label: 'Zalo OA Phường 12', settings: { appId, oaSecretKey }, intervalSeconds: 600, enabled: true });
    const good = zaloTextWebhook(event, oaSecretKey);
    for (const hook of [zaloTextWebhook(event, oaSecretKey, { signature: 'bad' }), zaloTextWebhook(event, oaSecretKey, { signature: 'missing' }), { body: zaloTextWebhook({ ...event, text: 'khác' }, oaSecretKey).body, headers: good.headers }]) {
      const res = await t.app.inject({ method: 'POST', url: '/webhooks/listening/zalo-p12', headers: hook.headers, payload: hook.body });
      expect(res.statusCode).toBe(401);
    }
    expect((await getSource(ctx.db, source.id))?.lastError).toBe('webhook: bad signature');
    expect(await postsOf(source.id)).toHaveLength(0);
    const follow = zaloWebhook({ app_id: appId, event_name: 'follow', follower: { id: '1' }, timestamp: '1767225600000' }, appId, oaSecretKey);
    const res = await t.app.inject({ method: 'POST', url: '/webhooks/listening/zalo-p12', headers: follow.headers, payload: follow.body });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ added: 0 });
  });

  it('Facebook Page: the GET handshake answers the challenge only with the verify token', async () => {
    await createSource(ctx, 'system', { name: 'fb-hs', kind: 'facebook_page', label: 'Trang', settings: { pageId: '100200300', pageAccessToken: 'x'.repeat(24), appSecret: 'app-secret', verifyToken: 'xac-minh' }, intervalSeconds: 600, enabled: true });
    const ok = await t.app.inject({ method: 'GET', url: '/webhooks/listening/fb-hs?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=xac-minh' });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toBe('1158201444');
    const no = await t.app.inject({ method: 'GET', url: '/webhooks/listening/fb-hs?hub.mode=subscribe&hub.challenge=1&hub.verify_token=sai' });
    expect(no.statusCode).toBe(403);
  });
});

describe('settings forms', () => {
  it.each([
    ['facebook_page', ['s.pageId', 's.pageAccessToken', 's.appSecret', 's.verifyToken', 's.graphVersion', 's.watchPosts']],
    ['youtube_channel', ['s.channelId', 's.apiKey', 's.dailyUnits']],
    ['zalo_oa', ['s.appId', 's.oaSecretKey', 's.oaId']],
  ])('%s renders its fields and saves a source; secrets are never shown back', async (kind, fields) => {
    const session = await login(t.app, analystEmail);
    const form = await session.request('GET', `/admin/listening/sources/new?kind=${kind}`);
    expect(form.statusCode).toBe(200);
    for (const name of fields) expect(form.body).toContain(`name="${name}"`);
    const values: Record<string, Record<string, string>> = {
      facebook_page: { 's.pageId': '100200300400', 's.pageAccessToken': 'EAAsecret-token-value-123', 's.appSecret': 'app-secret-value', 's.watchPosts': '5' },
      youtube_channel: { 's.channelId': 'UCabcdefghijklmnopqrstuv', 's.apiKey': 'AIzaSecretKeyValue-123456', 's.dailyUnits': '500' },
      zalo_oa: { 's.appId': '2553928453557884079', 's.oaSecretKey': 'oa-secret-value-xyz' },
    };
    const body = new URLSearchParams({ _csrf: session.csrf, name: `form-${kind.replace('_', '-')}`, kind, label: 'Nguồn thử', intervalSeconds: '900', enabled: 'on', ...values[kind] }).toString();
    const saved = await session.request('POST', '/admin/listening/sources', body, { 'content-type': 'application/x-www-form-urlencoded' });
    expect(saved.statusCode, saved.body.slice(0, 300)).toBe(303);
    const page = await session.request('GET', saved.headers.location as string);
    expect(page.statusCode).toBe(200);
    for (const secret of Object.values(values[kind] ?? {}).filter((v) => /secret|Secret/.test(v))) expect(page.body).not.toContain(secret);
  });
});
