// Publishing network: sites, workflow, public pages, feeds, search, sitemap, cache.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createTestContext, type TestContext } from './context.ts';
import { buildUser, seedUnits } from './factories.ts';
import { buildTestApp, login, type Session, type TestApp } from './http.ts';
import { publishing } from '../src/sites/directory.ts';
import { multipart } from './sites-helpers.ts';

let ctx: TestContext;
let t: TestApp;
let editor: Session;
let approver: Session;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedUnits(ctx);
  t = await buildTestApp(ctx);
  editor = await login(t.app, (await buildUser(ctx, { role: 'editor', unit: 'phuong-12' })).email);
  approver = await login(t.app, (await buildUser(ctx, { role: 'approver', unit: 'phuong-12' })).email);
});
afterAll(async () => {
  await t?.app.close();
  await ctx?.cleanup();
});

describe('smoke', () => {
  it('serves the portal, a site and the admin list', async () => {
    const portal = await t.app.inject({ method: 'GET', url: '/' });
    expect(portal.statusCode, portal.body.slice(0, 500)).toBe(200);
    expect(portal.body).toContain('Phường 12');
    const site = await t.app.inject({ method: 'GET', url: '/phuong-12' });
    expect(site.statusCode, site.body.slice(0, 500)).toBe(200);
    const list = await editor.request('GET', '/admin/sites');
    expect(list.statusCode, list.body.slice(0, 500)).toBe(200);
    const idx = await publishing(ctx).sites.current();
    expect(idx.all().length).toBe(91);
  });

  it('editor writes with a cover image, approver publishes, it shows everywhere', async () => {
    const idx = await publishing(ctx).sites.current();
    const site = idx.bySiteSlug('phuong-12')!;
    const news = site.sections.find((s) => s.slug === 'tin-tuc')!;
    const png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#3366aa' } }).png().toBuffer();
    const form = multipart({ _csrf: editor.csrf, kind: 'article', sectionId: String(news.id), title: 'Ngập nước đường Thành Thái sau mưa lớn', sapo: 'Phường 12 ra quân khơi thông cống rãnh.', body: '<p>Nội dung <script>alert(1)</script>bài viết.</p>', tags: 'ngập nước, môi trường', field: 'van_hoa_xa_hoi' }, [{ name: 'cover', filename: 'anh.png', bytes: png, type: 'image/png' }]);
    const created = await t.app.inject({ method: 'POST', url: '/admin/sites/phuong-12/items', payload: form.body, headers: { ...form.headers, cookie: editor.cookie } });
    expect(created.statusCode, created.body.slice(0, 800)).toBe(303);
    const id = /\/admin\/items\/(\d+)/.exec(created.headers.location as string)![1];
    const submit = await editor.request('POST', `/admin/items/${id}/transition`, { action: 'submit' });
    expect(submit.statusCode, submit.body.slice(0, 300)).toBe(303);
    const publish = await approver.request('POST', `/admin/items/${id}/transition`, { action: 'publish' });
    expect(publish.statusCode, publish.body.slice(0, 300)).toBe(303);
    const page = await t.app.inject({ method: 'GET', url: '/phuong-12/tin-tuc/ngap-nuoc-duong-thanh-thai-sau-mua-lon' });
    expect(page.statusCode, page.body.slice(0, 500)).toBe(200);
    expect(page.body).not.toContain('<script>alert');
    expect(page.body).toContain('"@type":"NewsArticle"');
    const portal = await t.app.inject({ method: 'GET', url: '/' });
    expect(portal.body).toContain('Ngập nước đường Thành Thái');
    const rss = await t.app.inject({ method: 'GET', url: '/phuong-12/rss.xml' });
    expect(rss.body).toContain('Ngập nước đường Thành Thái');
    const search = await t.app.inject({ method: 'GET', url: '/tim-kiem?q=ngap+nuoc' });
    expect(search.body).toContain('Ngập nước đường Thành Thái');
  });
});
