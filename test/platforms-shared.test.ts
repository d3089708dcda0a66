// One platform account for every use: a Page a ward connects for publishing is offered on the
// listening desk's source form and read with the stored token (the analyst types only its id); a site
// that does not hold an account's token cannot post with it; disconnecting the site keeps the account
// while listening still reads it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSource } from '../src/listening/sources.ts';
import { pollSource } from '../src/listening/sources/scheduler.ts';
import { configurePlatforms, getConnection, resetPlatforms } from '../src/platforms/index.ts';
import { disconnectAccount, getAccount, saveAccount } from '../src/sites/channels/accounts.ts';
import { publishing } from '../src/sites/directory.ts';
import { HttpError } from '../src/web/errors.ts';
import { createTestContext, type TestContext } from './context.ts';
import { buildUser, seedUnits } from './factories.ts';
import { FacebookFake } from './fakes/facebook.ts';
import { buildTestApp, login, type TestApp } from './http.ts';

let ctx: TestContext;
let t: TestApp;
let fb: FacebookFake;
let analystEmail = '';
let page: { id: string; token: string };
let site12 = 0;
let site10 = 0;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedUnits(ctx);
  analystEmail = (await buildUser(ctx, { role: 'analyst', unit: 'quan-10' })).email;
  t = await buildTestApp(ctx);
  fb = await FacebookFake.start({ seed: 71 });
  configurePlatforms({ baseUrls: { facebook: fb.url } });
  const sites = await publishing(ctx).sites.current();
  site12 = sites.bySiteSlug('phuong-12')!.unitId;
  site10 = sites.bySiteSlug('phuong-10')!.unitId;
  page = fb.addPage({ name: 'UBND Phường 12' });
  await saveAccount(ctx, 'system', site12, 'facebook', { externalId: page.id, name: 'Phường 12', credentials: { accessToken: page.token }, enabled: true });
});
afterAll(async () => {
  resetPlatforms();
  await fb?.close();
  await t?.app.close();
  await ctx?.cleanup();
});

describe('a Page connected once', () => {
  it('is offered on the source form, and a source naming it reads with the stored token', async () => {
    const session = await login(t.app, analystEmail);
    const form = await session.request('GET', '/admin/listening/sources/new?kind=facebook_page');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<datalist id="connected-accounts">');
    expect(form.body).toContain(`value="${page.id}"`);
    expect(form.body).not.toContain(page.token);
    expect(form.body).not.toMatch(/name="s\.pageAccessToken"[^>]*required/);

    const post = fb.seedPost(page.id, { message: 'Lịch tiêm chủng tháng này', createdAt: new Date(Date.now() - 3600_000) });
    fb.seedComment(post.id, { message: 'Trạm y tế mở cửa mấy giờ?', from: { id: '9001', name: 'D' }, createdAt: new Date(Date.now() - 1800_000) });
    const body = new URLSearchParams({ _csrf: session.csrf, name: 'fb-chung', kind: 'facebook_page', label: 'Trang Phường 12', intervalSeconds: '600', enabled: 'on', 's.pageId': page.id }).toString();
    const saved = await session.request('POST', '/admin/listening/sources', body, { 'content-type': 'application/x-www-form-urlencoded' });
    expect(saved.statusCode, saved.body.slice(0, 300)).toBe(303);
    const source = (await getSource(ctx.db, 'fb-chung'))!;
    expect(source.connectionId).toBe((await getAccount(ctx, site12, 'facebook'))!.connectionId);
    expect(await pollSource(ctx, source.id)).toMatchObject({ ok: true, received: 2 });
  });

  it('a source naming an account not connected still needs its token', async () => {
    const session = await login(t.app, analystEmail);
    const body = new URLSearchParams({ _csrf: session.csrf, name: 'fb-khac', kind: 'facebook_page', label: 'Trang khác', intervalSeconds: '600', enabled: 'on', 's.pageId': '999888777666' }).toString();
    const refused = await session.request('POST', '/admin/listening/sources', body, { 'content-type': 'application/x-www-form-urlencoded' });
    expect(refused.statusCode).toBe(400);
    expect(await getSource(ctx.db, 'fb-khac')).toBeUndefined();
  });

  it('another site cannot post with it without holding its token', async () => {
    const attempt = saveAccount(ctx, 'system', site10, 'facebook', { externalId: page.id, name: 'Không phải của mình', credentials: {}, enabled: true });
    await expect(attempt).rejects.toBeInstanceOf(HttpError);
    await expect(attempt).rejects.toMatchObject({ messageKey: 'sites.channelMissing' });
    expect(await getAccount(ctx, site10, 'facebook')).toBeUndefined();
  });

  it('disconnecting the site keeps the account while listening reads it', async () => {
    const { connectionId } = (await getAccount(ctx, site12, 'facebook'))!;
    await disconnectAccount(ctx, 'system', site12, 'facebook');
    expect(await getAccount(ctx, site12, 'facebook')).toBeUndefined();
    expect(await getConnection(ctx.db, connectionId)).toMatchObject({ externalId: page.id });
    const source = (await getSource(ctx.db, 'fb-chung'))!;
    expect(await pollSource(ctx, source.id)).toMatchObject({ ok: true });
  });
});
