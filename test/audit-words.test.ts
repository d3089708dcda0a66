// The audit log page in words: who did what to which record, named and linked by the feature that owns it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../src/audit/index.ts';
import { publishing } from '../src/sites/directory.ts';
import { createTestContext, type TestContext } from './context.ts';
import { buildUser, seedUnits } from './factories.ts';
import { buildTestApp, login, type Session, type TestApp } from './http.ts';

let ctx: TestContext;
let t: TestApp;
let admin: Session;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedUnits(ctx);
  t = await buildTestApp(ctx);
  admin = await login(t.app, (await buildUser(ctx, { role: 'district_admin', unit: 'quan-10', email: 'top@test.vn', displayName: 'Trần Thị Quản Trị' })).email);
});
afterAll(async () => {
  await t?.app.close();
  await ctx?.cleanup();
});

const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');

describe('the audit log page', () => {
  it('says who published which article, by name, with links to both', async () => {
    const editor = await buildUser(ctx, { role: 'editor', unit: 'phuong-12', displayName: 'Lê Văn Biên' });
    const approver = await buildUser(ctx, { role: 'approver', unit: 'phuong-12', displayName: 'Phạm Thị Duyệt' });
    const [e, a] = [await login(t.app, editor.email), await login(t.app, approver.email)];
    const site = (await publishing(ctx).sites.current()).bySiteSlug('phuong-12')!;
    const news = site.sections.find((s) => s.kind === 'article')!;
    const item = (await e.request('POST', '/api/sites/phuong-12/items', { kind: 'article', sectionId: news.id, title: 'Ra quân tổng vệ sinh khu phố', body: '<p>Sáng Chủ nhật.</p>' })).json();
    expect((await e.request('POST', `/api/items/${item.id}/transition`, { action: 'submit' })).statusCode).toBe(200);
    expect((await a.request('POST', `/api/items/${item.id}/transition`, { action: 'publish' })).statusCode).toBe(200);

    const page = await admin.request('GET', '/admin/audit?action=item.published');
    expect(page.statusCode).toBe(200);
    expect(text(page.body)).toContain('Phạm Thị Duyệt đã xuất bản bài “Ra quân tổng vệ sinh khu phố”');
    expect(page.body).toContain(`href="/admin/items/${item.id}"`);
    expect(page.body).toContain(`href="/admin/users/${approver.id}"`);
    expect(text(page.body)).toContain('Phường 12');
    expect(page.body).not.toContain('item.published</code>');
    const all = text((await admin.request('GET', '/admin/audit')).body);
    expect(all).toContain('Lê Văn Biên đã tạo bài “Ra quân tổng vệ sinh khu phố”');
    expect(all).toContain('Lê Văn Biên đã gửi duyệt bài “Ra quân tổng vệ sinh khu phố”');
  });

  it('names people whose accounts changed, the system, records that are gone and actions it does not know', async () => {
    const target = await buildUser(ctx, { role: 'member', unit: 'phuong-12-kp-1', displayName: 'Võ Minh Khôi' });
    await admin.request('POST', `/api/users/${target.id}/roles`, { unit: 'phuong-12', role: 'approver' });
    await audit(ctx.db, 'system', { action: 'case.reminded', targetType: 'case', targetId: 999_999 });
    await audit(ctx.db, 'cli', { action: 'something.new', targetType: 'thing', targetId: 'x1' });
    const page = text((await admin.request('GET', '/admin/audit')).body);
    expect(page).toContain('Trần Thị Quản Trị đã cấp quyền cho Võ Minh Khôi');
    expect(page).toContain('Hệ thống đã nhắc hạn phản ánh #999999 (đã xóa)');
    expect(page).toContain('Quản trị máy chủ (dòng lệnh) đã thực hiện thao tác “something.new” trên #x1');
  });

  it('filters by an action of any spelling the log uses (camelCase included)', async () => {
    expect((await admin.request('GET', '/admin/audit?action=listening.alertRule.create')).statusCode).toBe(200);
  });
});
