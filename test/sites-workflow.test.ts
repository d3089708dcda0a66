// The editorial workflow through the office routes: who may do what, comments, scheduling, revisions with
// diff and restore, syndication with local edits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestContext, type TestContext } from './context.ts';
import { buildUser, seedUnits } from './factories.ts';
import { buildTestApp, login, type Session, type TestApp } from './http.ts';
import { itemIdOf, postItem } from './sites-helpers.ts';
import { publishing, type SiteView } from '../src/sites/directory.ts';
import { getItem } from '../src/sites/items.ts';
import { contentItems } from '../src/sites/schema.ts';
import { publishDue } from '../src/sites/workflow.ts';

let ctx: TestContext;
let t: TestApp;
let editor: Session;
let approver: Session;
let districtApprover: Session;
let districtEditor: Session;
let otherEditor: Session;
let p12: SiteView;
let district: SiteView;
let n = 0;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedUnits(ctx);
  t = await buildTestApp(ctx);
  const as = async (role: 'editor' | 'approver', unit: string) => login(t.app, (await buildUser(ctx, { role, unit })).email);
  [editor, approver, districtApprover, districtEditor, otherEditor] = await Promise.all([as('editor', 'phuong-12'), as('approver', 'phuong-12'), as('approver', 'quan-10'), as('editor', 'quan-10'), as('editor', 'phuong-1')]);
  const idx = await publishing(ctx).sites.current();
  p12 = idx.bySiteSlug('phuong-12')!;
  district = idx.bySiteSlug('quan-10')!;
});
afterAll(async () => {
  await t?.app.close();
  await ctx?.cleanup();
});

const news = (site: SiteView) => String(site.sections.find((s) => s.kind === 'article')!.id);
async function draft(s: Session, site: SiteView, extra: Record<string, string | string[]> = {}): Promise<number> {
  const res = await postItem(t.app, s, `/admin/sites/${site.slug}/items`, { kind: 'article', sectionId: news(site), title: `Tin thử nghiệm số ${++n}`, sapo: 'Tóm tắt', body: '<p>Đoạn một của bài.</p>', ...extra });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
  return itemIdOf(res.headers.location);
}
const act = (s: Session, id: number, action: string, extra: Record<string, string> = {}) => s.request('POST', `/admin/items/${id}/transition`, { action, ...extra });

describe('workflow', () => {
  it('editors submit, only approvers of the unit or above publish', async () => {
    const id = await draft(editor, p12);
    expect((await act(editor, id, 'publish')).statusCode).toBe(403);
    expect((await act(editor, id, 'submit')).statusCode).toBe(303);
    expect((await getItem(ctx.db, id)).status).toBe('submitted');
    expect((await act(approver, id, 'approve')).statusCode).toBe(303);
    expect((await act(districtApprover, id, 'publish')).statusCode).toBe(303);
    const item = await getItem(ctx.db, id);
    expect(item.status).toBe('published');
    expect(item.publishedAt).toBeInstanceOf(Date);
    // Published: the editor may no longer change it, the approver may; unpublish takes it off the site.
    const edit = await postItem(t.app, editor, `/admin/items/${id}`, { kind: 'article', sectionId: news(p12), title: 'Sửa sau khi đăng' });
    expect(edit.statusCode).toBe(403);
    expect((await act(approver, id, 'unpublish')).statusCode).toBe(303);
    const page = await t.app.inject({ method: 'GET', url: `/phuong-12/tin-tuc/${item.slug}` });
    expect(page.statusCode).toBe(404);
  });

  it('a draft can be previewed in the office, not read by the public', async () => {
    const id = await draft(editor, p12, { title: 'Bản nháp xem trước' });
    const preview = await editor.request('GET', `/admin/items/${id}/preview`);
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['cache-control']).toBe('no-store');
    expect(preview.body).toContain('Bản xem trước');
    expect(preview.body).toContain('<meta name="robots" content="noindex"/>');
    const item = await getItem(ctx.db, id);
    expect((await t.app.inject({ method: 'GET', url: `/phuong-12/tin-tuc/${item.slug}` })).statusCode).toBe(404);
  });

  it('an editor of another ward cannot open or act on the item', async () => {
    const id = await draft(editor, p12);
    expect((await otherEditor.request('GET', `/admin/items/${id}`)).statusCode).toBe(403);
    expect((await act(otherEditor, id, 'submit')).statusCode).toBe(403);
  });

  it('an approver returns a draft with a comment, which the editor reads', async () => {
    const id = await draft(editor, p12);
    await act(editor, id, 'submit');
    expect((await act(approver, id, 'return', { note: 'Bổ sung số liệu người tham gia.' })).statusCode).toBe(303);
    expect((await getItem(ctx.db, id)).status).toBe('draft');
    const page = await editor.request('GET', `/admin/items/${id}`);
    expect(page.body).toContain('Bổ sung số liệu người tham gia.');
  });

  it('a publication time in the future schedules the item; the job publishes it when due', async () => {
    const id = await draft(editor, p12);
    const at = new Date(Date.now() + 3600_000);
    const local = new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 16);
    await act(approver, id, 'publish', { publishAt: local });
    expect((await getItem(ctx.db, id)).status).toBe('scheduled');
    expect(await publishDue(ctx, new Date())).toBe(0);
    expect(await publishDue(ctx, new Date(at.getTime() + 60_000))).toBe(1);
    expect((await getItem(ctx.db, id)).status).toBe('published');
  });

  it('keeps revisions, shows the differences, and restores an earlier version', async () => {
    const id = await draft(editor, p12, { title: 'Phường 12 dọn dẹp kênh rạch', body: '<p>Hơn 100 người tham gia dọn dẹp.</p>' });
    const saved = await postItem(t.app, editor, `/admin/items/${id}`, { kind: 'article', sectionId: news(p12), title: 'Phường 12 làm sạch kênh rạch', body: '<p>Hơn 200 người tham gia làm sạch.</p>' });
    expect(saved.statusCode, saved.body.slice(0, 300)).toBe(303);
    expect((await getItem(ctx.db, id)).version).toBe(2);
    const diff = await editor.request('GET', `/admin/items/${id}/revisions/1`);
    expect(diff.body).toContain('<del>dọn dẹp </del>');
    expect(diff.body).toContain('<ins>làm sạch </ins>');
    expect((await editor.request('POST', `/admin/items/${id}/revisions/1/restore`)).statusCode).toBe(303);
    const restored = await getItem(ctx.db, id);
    expect(restored.title).toBe('Phường 12 dọn dẹp kênh rạch');
    expect(restored.version).toBe(3);
  });

  it('the district publishes one item to several unit sites; a unit edits its copy, later updates keep that edit', async () => {
    const idx = await publishing(ctx).sites.current();
    const p1 = idx.bySiteSlug('phuong-1')!;
    const id = await draft(districtEditor, district, { title: 'Hướng dẫn phòng chống sốt xuất huyết', syndicateTo: [String(p1.unitId), String(p12.unitId)] });
    await act(districtApprover, id, 'publish');
    const copies = await ctx.db.select().from(contentItems).where(eq(contentItems.sourceItemId, id));
    expect(copies.map((c) => [c.siteId, c.status]).sort()).toEqual([[p1.unitId, 'published'], [p12.unitId, 'published']].sort());
    const copy12 = copies.find((c) => c.siteId === p12.unitId)!;
    const page = await t.app.inject({ method: 'GET', url: `/phuong-12/tin-tuc/${copy12.slug}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Nguồn: Quận 10');
    // A local edit by the ward's approver, then a new version from the district.
    await postItem(t.app, approver, `/admin/items/${copy12.id}`, { kind: 'article', sectionId: news(p12), title: 'Phường 12: phòng chống sốt xuất huyết tại khu phố' });
    expect((await getItem(ctx.db, copy12.id)).localEdits).toBe(true);
    await postItem(t.app, districtApprover, `/admin/items/${id}`, { kind: 'article', sectionId: news(district), title: 'Hướng dẫn phòng chống sốt xuất huyết (cập nhật)', syndicateTo: [String(p1.unitId), String(p12.unitId)] });
    await act(districtApprover, id, 'unpublish');
    await act(districtApprover, id, 'publish');
    const after = await ctx.db.select().from(contentItems).where(eq(contentItems.sourceItemId, id));
    expect(after.find((c) => c.siteId === p1.unitId)?.title).toBe('Hướng dẫn phòng chống sốt xuất huyết (cập nhật)');
    expect(after.find((c) => c.siteId === p12.unitId)?.title).toBe('Phường 12: phòng chống sốt xuất huyết tại khu phố');
  });

  it('a ward editor cannot syndicate outside the ward', async () => {
    const idx = await publishing(ctx).sites.current();
    const p1 = idx.bySiteSlug('phuong-1')!;
    const id = await draft(editor, p12, { syndicateTo: [String(p1.unitId)] });
    await act(approver, id, 'publish');
    expect(await ctx.db.select().from(contentItems).where(eq(contentItems.sourceItemId, id))).toHaveLength(0);
  });

  it('the JSON API writes, submits and publishes on the same rules', async () => {
    const created = await editor.request('POST', '/api/sites/phuong-12/items', { kind: 'article', sectionId: Number(news(p12)), title: 'Tin viết qua API', body: '<p>Đoạn<script>x()</script></p>' });
    expect(created.statusCode, created.body).toBe(201);
    const item = created.json();
    expect(item).toMatchObject({ site: 'phuong-12', section: 'tin-tuc', status: 'draft', body: '<p>Đoạn</p>', url: null });
    expect((await editor.request('POST', `/api/items/${item.id}/transition`, { action: 'publish' })).statusCode).toBe(403);
    expect((await editor.request('POST', `/api/items/${item.id}/transition`, { action: 'submit' })).json().status).toBe('submitted');
    const published = await approver.request('POST', `/api/items/${item.id}/transition`, { action: 'publish' });
    expect(published.json()).toMatchObject({ status: 'published', url: '/phuong-12/tin-tuc/tin-viet-qua-api' });
    expect((await editor.request('PATCH', `/api/items/${item.id}`, { title: 'Sửa' })).statusCode).toBe(403);
    expect((await approver.request('PATCH', `/api/items/${item.id}`, { title: 'Tin viết qua API (sửa)' })).json()).toMatchObject({ title: 'Tin viết qua API (sửa)', version: 2 });
    expect((await editor.request('GET', `/api/items/${item.id}/posts`)).json()).toEqual({ posts: [] });
    const list = await editor.request('GET', '/api/sites');
    expect(list.json().sites.map((s: { slug: string }) => s.slug).sort()).toEqual(['phuong-12', 'phuong-12-kp-1', 'phuong-12-kp-2', 'phuong-12-kp-3', 'phuong-12-kp-4']);
  });
});
