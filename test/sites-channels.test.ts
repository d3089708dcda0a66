// Cross-posting through the generic channel layer against the local Facebook and Zalo fakes: posts once,
// follow-up steps once, typed failures (expired token, throttling, unknown outcome), token refresh, sealing.
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { FacebookFake } from './fakes/facebook.ts';
import { ZaloFake } from './fakes/zalo.ts';
import { YouTubeFake } from './fakes/youtube.ts';
import { createTestContext, type TestContext } from './context.ts';
import { seedUnits } from './factories.ts';
import { configurePlatforms } from '../src/platforms/index.ts';
import { getAccount, saveAccount } from '../src/sites/channels/accounts.ts';
import { platformConnections, refreshExpiringTokens, tokenState } from '../src/platforms/index.ts';
import { CROSSPOST_JOB, retryCrossPost, runCrossPost } from '../src/sites/channels/posts.ts';
import { publishing, type SiteView } from '../src/sites/directory.ts';
import { createItem } from '../src/sites/items.ts';
import { storeUpload } from '../src/sites/media.ts';
import { channelPosts, type ContentItem } from '../src/sites/schema.ts';
import { publishNow } from '../src/sites/workflow.ts';
import { auditLog } from '../src/audit/schema.ts';

let ctx: TestContext;
let fb: FacebookFake;
let zalo: ZaloFake;
let yt: YouTubeFake;
let site: SiteView;
let page: { id: string; token: string };
let zaloTokens: { accessToken: string; refreshToken: string };
let coverId: number;
let n = 0;

beforeAll(async () => {
  ctx = await createTestContext({ NHIPCAU_PUBLIC_URL: 'https://quan10.example.vn' });
  await seedUnits(ctx);
  [fb, zalo, yt] = await Promise.all([FacebookFake.start(), ZaloFake.start(), YouTubeFake.start()]);
  configurePlatforms({ baseUrls: { facebook: fb.url, zalo: zalo.url, 'zalo-oauth': zalo.url, youtube: yt.apiBase, 'youtube-upload': yt.uploadBase }, timeoutMs: 5000 });
  site = (await publishing(ctx).sites.current()).bySiteSlug('phuong-12')!;
  page = fb.addPage({ name: 'Phường 12 Quận 10' });
  zaloTokens = zalo.issueTokens();
  await saveAccount(ctx, 'system', site.unitId, 'facebook', { externalId: page.id, name: 'Phường 12', credentials: { accessToken: page.token }, enabled: true });
  await saveAccount(ctx, 'system', site.unitId, 'zalo', { externalId: zalo.oaId, name: 'OA Phường 12', credentials: { accessToken: zaloTokens.accessToken, refreshToken: zaloTokens.refreshToken, appId: zalo.appId, appSecret: zalo.secretKey }, enabled: true });
  const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#aa3322' } }).jpeg().toBuffer();
  coverId = (await storeUpload(ctx, 'system', site.unitId, { bytes: jpeg, filename: 'anh-bia.jpg' })).id;
});
afterAll(async () => {
  await Promise.all([fb?.close(), zalo?.close(), yt?.close()]);
  await ctx?.cleanup();
});
beforeEach(() => {
  fb.server.clearInjections?.();
  zalo.server.clearInjections?.();
  yt.server.clearInjections?.();
});

async function published(channels: string[], videoMediaId?: number): Promise<ContentItem> {
  const news = site.sections.find((s) => s.slug === 'tin-tuc')!;
  const item = await createItem(ctx, 'system', site, { kind: 'article', sectionId: news.id, title: `Phường 12 ra quân làm sạch kênh Nhiêu Lộc ${++n}`, sapo: 'Hơn 200 đoàn viên tham gia.', body: '<p>Sáng chủ nhật, hơn 200 đoàn viên thanh niên đã ra quân.</p>', coverMediaId: coverId, tags: [], audiences: [], details: videoMediaId ? { videoMediaId } : {}, channels, syndicateTo: [] });
  return publishNow(ctx, 'system', item, null);
}
const postsOf = (itemId: number) => ctx.db.select().from(channelPosts).where(eq(channelPosts.itemId, itemId)).orderBy(channelPosts.channel);

describe('cross-posting', () => {
  it('posts a published item to the Facebook Page (link) and as a Zalo OA article, then broadcasts it', async () => {
    const item = await published(['facebook', 'zalo']);
    await ctx.jobs.drain();
    const rows = await postsOf(item.id);
    expect(rows.map((r) => [r.channel, r.status])).toEqual([
      ['facebook', 'posted'],
      ['zalo', 'posted'],
      ['zalo.broadcast', 'posted'],
    ]);
    const fbPost = fb.posts.find((p) => p.viaApi && p.message?.includes(`kênh Nhiêu Lộc ${n}`));
    expect(fbPost?.link).toBe(`https://quan10.example.vn/phuong-12/tin-tuc/phuong-12-ra-quan-lam-sach-kenh-nhieu-loc-${n}`);
    expect(rows[0].url).toBe(fbPost?.permalink_url);
    const article = zalo.articles.find((a) => a.id === rows[1].externalId);
    expect(article).toBeTruthy();
    expect(zalo.broadcasts.filter((b) => JSON.stringify(b).includes(rows[1].externalId!))).toHaveLength(1);
  });

  it('never posts twice: a repeated job, a concurrent job and a re-publication do nothing more', async () => {
    const item = await published(['facebook']);
    const [row] = await postsOf(item.id);
    const results = await Promise.all([runCrossPost(ctx, row.id), runCrossPost(ctx, row.id)]);
    expect(results.filter((r) => r === 'posted')).toHaveLength(1);
    expect(await runCrossPost(ctx, row.id)).toBe('not-claimed');
    await ctx.jobs.enqueue(CROSSPOST_JOB, { postId: row.id });
    await ctx.jobs.drain();
    await publishNow(ctx, 'system', { ...item, status: 'unpublished' } as ContentItem, null).catch(() => undefined);
    await ctx.jobs.drain();
    expect(fb.posts.filter((p) => p.viaApi && p.message?.includes(`kênh Nhiêu Lộc ${n}`))).toHaveLength(1);
  });

  it('an expired Page token fails the post, marks the account for reconnection, and a retry after reconnecting posts', async () => {
    fb.expireToken(page.token);
    const item = await published(['facebook']);
    await ctx.jobs.drain();
    const [row] = await postsOf(item.id);
    expect(row.status).toBe('failed');
    expect(row.errorKind).toBe('unauthorized');
    const account = (await getAccount(ctx, site.unitId, 'facebook'))!;
    expect(tokenState(account)).toBe('refused');
    expect(row.lastError).not.toContain(page.token);
    const fresh = fb.addPage({ id: page.id, name: 'Phường 12 Quận 10', token: `EAAnew${Date.now()}` });
    page = fresh;
    await saveAccount(ctx, 'system', site.unitId, 'facebook', { externalId: page.id, name: 'Phường 12', credentials: { accessToken: fresh.token }, enabled: true });
    expect(tokenState((await getAccount(ctx, site.unitId, 'facebook'))!)).toBe('ok');
    expect(await retryCrossPost(ctx, row.id)).toBe(true);
    await ctx.jobs.drain();
    expect((await postsOf(item.id))[0].status).toBe('posted');
  });

  it('throttling schedules a later attempt at the time the platform asked for', async () => {
    fb.fail({ http429: true, retryAfter: '120' }, { method: 'POST' });
    const item = await published(['facebook']);
    await ctx.jobs.drain();
    const [row] = await postsOf(item.id);
    expect(row.status).toBe('failed');
    expect(row.errorKind).toBe('rate_limited');
    const [job] = await ctx.database.query<{ run_at: Date }>(`SELECT run_at FROM jobs WHERE name = $1 AND status = 'queued' AND payload->>'postId' = $2`, [CROSSPOST_JOB, String(row.id)]);
    expect(new Date(job.run_at).getTime() - Date.now()).toBeGreaterThan(100_000);
  });

  it('a request that hangs (the post may exist) is marked unconfirmed, not retried', async () => {
    fb.fail('hang', { method: 'POST' });
    configurePlatforms({ timeoutMs: 300 });
    const item = await published(['facebook']);
    await ctx.jobs.drain();
    configurePlatforms({ timeoutMs: 5000 });
    const [row] = await postsOf(item.id);
    expect(row.status).toBe('unconfirmed');
  });

  it('refreshes an expired Zalo access token with the refresh token and stores the new pair sealed', async () => {
    zalo.expireToken(zaloTokens.accessToken);
    const item = await published(['zalo']);
    await ctx.jobs.drain();
    expect((await postsOf(item.id)).map((r) => r.status)).toEqual(['posted', 'posted']);
    const account = (await getAccount(ctx, site.unitId, 'zalo'))!;
    expect(account.tokenExpiresAt!.getTime()).toBeGreaterThan(Date.now());
    expect(account.sealed).not.toContain('zalo-');
  });

  it('refreshes a token that expires within a day ahead of time; a page token without refresh shows as expiring', async () => {
    const soon = new Date(Date.now() + 3600_000);
    await ctx.db.update(platformConnections).set({ tokenExpiresAt: soon });
    expect(tokenState((await getAccount(ctx, site.unitId, 'facebook'))!)).toBe('expiring');
    expect(await refreshExpiringTokens(ctx)).toEqual({ refreshed: 1, failed: 0 });
    expect((await getAccount(ctx, site.unitId, 'zalo'))!.tokenExpiresAt!.getTime()).toBeGreaterThan(soon.getTime() + 3600_000);
    expect(tokenState((await getAccount(ctx, site.unitId, 'facebook'))!)).toBe('expiring');
  });

  it('keeps tokens out of the database in clear and out of the audit log', async () => {
    const rows = await ctx.db.select().from(platformConnections);
    for (const r of rows) expect(r.sealed).toMatch(/^v1\./);
    const audits = JSON.stringify(await ctx.db.select().from(auditLog));
    expect(audits).not.toContain(page.token);
    expect(audits).not.toContain(zalo.secretKey);
  });
});

describe('video items', () => {
  it('uploads a video item to the YouTube channel; items without a video are not taken', async () => {
    const channel = yt.addChannel({ title: 'Phường 12 Quận 10' });
    await saveAccount(ctx, 'system', site.unitId, 'youtube', { externalId: channel.id, name: 'Kênh Phường 12', credentials: { accessToken: channel.token }, enabled: true });
    const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42'), Buffer.alloc(300_000, 7)]);
    const video = await storeUpload(ctx, 'system', site.unitId, { bytes: mp4, filename: 'le-khanh-thanh.mp4' }, ['video']);
    expect(video.mime).toBe('video/mp4');
    const item = await published(['youtube'], video.id);
    await ctx.jobs.drain();
    const [row] = await postsOf(item.id);
    expect(row).toMatchObject({ channel: 'youtube', status: 'posted' });
    expect(row.url).toContain(row.externalId);
    const uploaded = yt.uploads().find((v) => v.id === row.externalId);
    expect(uploaded?.upload?.bytes.equals(mp4)).toBe(true);
    expect(uploaded?.title).toContain('Phường 12 ra quân');
    const plain = await published(['youtube']);
    await ctx.jobs.drain();
    expect(await postsOf(plain.id)).toEqual([]);
  });

  it('a spent daily quota waits for the reset', async () => {
    yt.fail('quotaExceeded', { method: 'POST' });
    const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(1000, 1)]);
    const video = await storeUpload(ctx, 'system', site.unitId, { bytes: mp4, filename: 'b.mp4' }, ['video']);
    const item = await published(['youtube'], video.id);
    await ctx.jobs.drain();
    const [row] = await postsOf(item.id);
    expect(row).toMatchObject({ status: 'failed', errorKind: 'quota_exceeded' });
    const [job] = await ctx.database.query<{ run_at: Date }>(`SELECT run_at FROM jobs WHERE name = $1 AND status = 'queued' AND payload->>'postId' = $2`, [CROSSPOST_JOB, String(row.id)]);
    expect(new Date(job.run_at).getTime() - Date.now()).toBeGreaterThan(60_000);
  });
});
