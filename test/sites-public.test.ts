// Public pages: audiences, cache and ETag with invalidation on publish, feeds and sitemaps as valid XML
// with absolute URLs, accent-insensitive search, host-name sites, page structure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xml2js, type Element } from 'xml-js';
import { createTestContext, type TestContext } from './context.ts';
import { seedUnits } from './factories.ts';
import { buildTestApp, type TestApp } from './http.ts';
import { publishing, type SiteView } from '../src/sites/directory.ts';
import { createItem, type ItemInput } from '../src/sites/items.ts';
import type { ContentItem } from '../src/sites/schema.ts';
import { publishNow } from '../src/sites/workflow.ts';
import { updateSite } from '../src/sites/sites.ts';

let ctx: TestContext;
let t: TestApp;
let p12: SiteView;
let p1: SiteView;

beforeAll(async () => {
  ctx = await createTestContext({ NHIPCAU_PUBLIC_URL: 'https://quan10.example.vn' });
  await seedUnits(ctx);
  t = await buildTestApp(ctx);
  const idx = await publishing(ctx).sites.current();
  p12 = idx.bySiteSlug('phuong-12')!;
  p1 = idx.bySiteSlug('phuong-1')!;
});
afterAll(async () => {
  await t?.app.close();
  await ctx?.cleanup();
});

async function publish(site: SiteView, input: Partial<ItemInput> & { title: string }): Promise<ContentItem> {
  const section = site.sections.find((s) => s.kind === (input.kind ?? 'article'))!;
  const item = await createItem(ctx, 'system', site, { kind: 'article', sectionId: section.id, sapo: '', body: '<p>Nội dung.</p>', tags: [], audiences: [], details: {}, channels: [], syndicateTo: [], ...input });
  return publishNow(ctx, 'system', item, null);
}
const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
const elements = (el: Element | undefined, name: string): Element[] => (el?.elements ?? []).filter((e) => e.name === name);
const text = (el: Element | undefined): string => (el?.elements ?? []).map((e) => e.text ?? e.cdata ?? '').join('');

describe('audiences', () => {
  it('filters a site by audience; content without an audience is for everyone', async () => {
    await publish(p12, { title: 'Sinh hoạt chuyên đề cho đảng viên hưu trí', audiences: ['dang_vien_huu_tri'] });
    await publish(p12, { title: 'Giải bóng đá thanh niên khu phố', audiences: ['doan_vien'] });
    await publish(p12, { title: 'Thông báo lịch cắt điện', audiences: [] });
    const retired = await get('/phuong-12?doi-tuong=dang-vien-huu-tri');
    expect(retired.body).toContain('Sinh hoạt chuyên đề cho đảng viên hưu trí');
    expect(retired.body).toContain('Thông báo lịch cắt điện');
    expect(retired.body).not.toContain('Giải bóng đá thanh niên khu phố');
    const all = await get('/phuong-12');
    expect(all.body).toContain('Giải bóng đá thanh niên khu phố');
  });
});

describe('caching', () => {
  it('answers with an ETag and Cache-Control, 304 on revalidation, and drops the page on publish', async () => {
    const first = await get('/phuong-1');
    expect(first.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=300');
    expect(first.headers['set-cookie']).toBeUndefined();
    const etag = first.headers.etag as string;
    expect((await get('/phuong-1', { 'if-none-match': etag })).statusCode).toBe(304);
    const portalBefore = (await get('/')).headers.etag;
    await publish(p1, { title: 'Phường 1 tổ chức ngày hội đại đoàn kết' });
    const after = await get('/phuong-1');
    expect(after.headers.etag).not.toBe(etag);
    expect(after.body).toContain('Phường 1 tổ chức ngày hội đại đoàn kết');
    expect((await get('/phuong-1', { 'if-none-match': etag })).statusCode).toBe(200);
    expect((await get('/')).headers.etag).not.toBe(portalBefore);
  });

  it('a change on one site keeps the other sites cached', async () => {
    await get('/phuong-12');
    const cache = publishing(ctx).cache;
    const hits = cache.hits;
    await publish(p1, { title: 'Một tin khác của phường 1' });
    await get('/phuong-12');
    expect(cache.hits).toBe(hits + 1);
  });
});

describe('feeds and sitemaps', () => {
  it('RSS 2.0 per site and per section: required elements, absolute links, stable guids', async () => {
    const item = await publish(p12, { title: 'Khai giảng lớp tin học cho người cao tuổi <miễn phí> & ấm áp' });
    for (const url of ['/phuong-12/rss.xml', '/phuong-12/tin-tuc/rss.xml', '/rss.xml']) {
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('application/rss+xml');
      const doc = xml2js(res.body) as Element;
      const rss = elements(doc, 'rss')[0];
      expect(rss.attributes?.version).toBe('2.0');
      const channel = elements(rss, 'channel')[0];
      for (const name of ['title', 'link', 'description']) expect(text(elements(channel, name)[0])).not.toBe('');
      const entries = elements(channel, 'item');
      const ours = entries.find((e) => text(elements(e, 'title')[0]).includes('Khai giảng lớp tin học'));
      expect(ours, url).toBeTruthy();
      expect(text(elements(ours, 'title')[0])).toBe('Khai giảng lớp tin học cho người cao tuổi <miễn phí> & ấm áp');
      expect(text(elements(ours, 'link')[0])).toBe(`https://quan10.example.vn/phuong-12/tin-tuc/${item.slug}`);
      expect(text(elements(ours, 'guid')[0])).toBe(`https://quan10.example.vn/phuong-12/tin-tuc/${item.slug}`);
      expect(text(elements(ours, 'pubDate')[0])).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    }
  });

  it('Atom per site: id, title, updated, self link, entries with alternate links', async () => {
    const res = await get('/phuong-12/atom.xml');
    expect(res.headers['content-type']).toContain('application/atom+xml');
    const feed = elements(xml2js(res.body) as Element, 'feed')[0];
    expect(feed.attributes?.xmlns).toBe('http://www.w3.org/2005/Atom');
    for (const name of ['id', 'title', 'updated']) expect(elements(feed, name)).toHaveLength(1);
    expect(elements(feed, 'link').some((l) => l.attributes?.rel === 'self' && l.attributes?.href === 'https://quan10.example.vn/phuong-12/atom.xml')).toBe(true);
    const entry = elements(feed, 'entry')[0];
    for (const name of ['id', 'title', 'updated']) expect(elements(entry, name)).toHaveLength(1);
    expect(String(elements(entry, 'link')[0].attributes?.href)).toMatch(/^https:\/\/quan10\.example\.vn\/phuong-12\//);
  });

  it('the sitemap index lists every site; a site map lists its home, sections and published items', async () => {
    const index = elements(xml2js((await get('/sitemap.xml')).body) as Element, 'sitemapindex')[0];
    const locs = elements(index, 'sitemap').map((s) => text(elements(s, 'loc')[0]));
    expect(locs).toHaveLength(91);
    expect(locs).toContain('https://quan10.example.vn/phuong-12/sitemap.xml');
    const item = await publish(p12, { title: 'Tin cho sơ đồ trang' });
    const set = elements(xml2js((await get('/phuong-12/sitemap.xml')).body) as Element, 'urlset')[0];
    const urls = elements(set, 'url').map((u) => text(elements(u, 'loc')[0]));
    expect(urls).toContain('https://quan10.example.vn/phuong-12');
    expect(urls).toContain('https://quan10.example.vn/phuong-12/guong-dien-hinh');
    expect(urls).toContain(`https://quan10.example.vn/phuong-12/tin-tuc/${item.slug}`);
  });
});

describe('search', () => {
  it('finds without accents, either tone placement and decomposed input; scoped to one site or all', async () => {
    await publish(p12, { title: 'Ngập nước đường Thành Thái sau mưa lớn', sapo: 'Hòa Hảo cũng ngập.' });
    await publish(p1, { title: 'Phường 1 xử lý điểm ngập nước', sapo: '' });
    const all = await get('/tim-kiem?q=ngap+nuoc');
    expect(all.body).toContain('Ngập nước đường Thành Thái sau mưa lớn');
    expect(all.body).toContain('Phường 1 xử lý điểm ngập nước');
    const scoped = await get('/phuong-12/tim-kiem?q=ngap+nuoc');
    expect(scoped.body).toContain('Ngập nước đường Thành Thái sau mưa lớn');
    expect(scoped.body).not.toContain('Phường 1 xử lý điểm ngập nước');
    expect((await get(`/tim-kiem?q=${encodeURIComponent('hoà hảo')}`)).body).toContain('Ngập nước đường Thành Thái');
    expect((await get(`/tim-kiem?q=${encodeURIComponent('Ngập nước'.normalize('NFD'))}`)).body).toContain('Ngập nước đường Thành Thái');
    expect((await get(`/tim-kiem?q=${encodeURIComponent('"); drop table content_items; --')}`)).statusCode).toBe(200);
  });
});

describe('sites', () => {
  it('serves a site on its own host name, with links at the root', async () => {
    await updateSite(ctx, 'system', p12.unitId, { name: p12.name, colour: '#9c2a1f', hostName: 'phuong12.example.vn', contact: {}, menu: [] });
    const home = await get('/', { host: 'phuong12.example.vn' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('<a class="site-name" href="/">');
    expect(home.body).toContain('href="/tin-tuc"');
    const section = await get('/tin-tuc', { host: 'phuong12.example.vn' });
    expect(section.statusCode).toBe(200);
    expect((await get('/phuong-1', { host: 'phuong12.example.vn' })).statusCode).toBe(404);
  });

  it("names a host-name site's pages by that host everywhere: canonical tag, feeds, sitemaps", async () => {
    const item = await publish(p12, { title: 'Địa chỉ chuẩn của bài trên tên miền riêng' });
    const url = `https://phuong12.example.vn/tin-tuc/${item.slug}`;
    for (const headers of [{ host: 'phuong12.example.vn' }, {}] as Record<string, string>[]) {
      const page = await get(headers.host ? `/tin-tuc/${item.slug}` : `/phuong-12/tin-tuc/${item.slug}`, headers);
      expect(page.body).toContain(`<link rel="canonical" href="${url}"/>`);
    }
    const feed = await get('/rss.xml', { host: 'phuong12.example.vn' });
    expect(feed.body).toContain(`<link>${url}</link>`);
    expect(feed.body).toContain('<atom:link href="https://phuong12.example.vn/rss.xml"');
    expect((await get('/sitemap.xml', { host: 'phuong12.example.vn' })).body).toContain(`<loc>${url}</loc>`);
    const index = (await get('/sitemap.xml')).body;
    expect(index).toContain('<loc>https://phuong12.example.vn/sitemap.xml</loc>');
    expect(index).toContain('<loc>https://quan10.example.vn/phuong-1/sitemap.xml</loc>');
    expect((await get('/rss.xml')).body).toContain(`<link>${url}</link>`);
  });

  it('the portal lets a reader browse by unit', async () => {
    const units = await get('/don-vi');
    expect(units.body).toContain('href="/phuong-12"');
    expect(units.body).toContain('Trường Tiểu học Bắc Hải');
    expect((await get('/khong-co-don-vi-nay')).statusCode).toBe(404);
  });

  it('pages have one h1, unique ids, a language, labelled search and alt on every image', async () => {
    const item = await publish(p12, { title: 'Kiểm tra cấu trúc trang' });
    for (const url of ['/', '/phuong-12', '/phuong-12/tin-tuc', `/phuong-12/tin-tuc/${item.slug}`, '/tim-kiem?q=phuong', '/don-vi']) {
      const html = (await get(url)).body;
      expect(html.startsWith('<!DOCTYPE html><html lang="vi">'), url).toBe(true);
      expect(html.match(/<h1[ >]/g)?.length, url).toBe(1);
      const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
      expect(new Set(ids).size, `${url} duplicate ids`).toBe(ids.length);
      for (const img of html.match(/<img [^>]*>/g) ?? []) expect(img, url).toMatch(/ alt="/);
      expect(html).toContain('<main id="main"');
      expect(html).toContain('<label for="site-q"');
    }
  });
});

describe('units and sites', () => {
  it('a renamed unit renames its site path and drops cached pages; a new unit gets a site', async () => {
    const { updateUnit, createUnit } = await import('../src/org/units.ts');
    await get('/phuong-15');
    const tree = await ctx.units.current();
    const unit = tree.getBySlug('phuong-15')!;
    await updateUnit(ctx.db, 'system', tree, unit.id, { slug: 'phuong-15-moi' });
    await ctx.units.changed();
    expect((await get('/phuong-15')).statusCode).toBe(404);
    expect((await get('/phuong-15-moi')).statusCode).toBe(200);
    await createUnit(ctx.db, 'system', { slug: 'truong-thcs-moi', name: 'Trường THCS Mới', kind: 'school', schoolLevel: 'thcs', parentId: tree.getBySlug('quan-10')!.id });
    await ctx.units.changed();
    const page = await get('/truong-thcs-moi');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Trường THCS Mới');
  });
});

describe('events', () => {
  it('the portal and the site list coming events, soonest first; past events drop off', async () => {
    const day = 86_400_000;
    await publish(p1, { kind: 'event', title: 'Hội nghị đã qua', details: { startsAt: new Date(Date.now() - 3 * day).toISOString() } });
    await publish(p1, { kind: 'event', title: 'Sự kiện tháng sau', details: { startsAt: new Date(Date.now() + 30 * day).toISOString() } });
    await publish(p1, { kind: 'event', title: 'Sự kiện tuần này', details: { startsAt: new Date(Date.now() + 2 * day).toISOString(), location: 'Nhà văn hóa' } });
    const home = (await get('/phuong-1')).body;
    expect(home).not.toContain('Hội nghị đã qua');
    expect(home.indexOf('Sự kiện tuần này')).toBeLessThan(home.indexOf('Sự kiện tháng sau'));
    expect((await get('/')).body).toContain('Sự kiện tuần này');
  });
});
