import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './context.ts';
import { buildUser, seedUnits } from './factories.ts';
import { buildTestApp, login, type Session, type TestApp } from './http.ts';

let ctx: TestContext;
let t: TestApp;
let admin: Session;
let wardAdmin: Session;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedUnits(ctx);
  t = await buildTestApp(ctx);
  admin = await login(t.app, (await buildUser(ctx, { role: 'district_admin', unit: 'quan-10' })).email);
  wardAdmin = await login(t.app, (await buildUser(ctx, { role: 'unit_admin', unit: 'phuong-12' })).email);
});
afterAll(async () => {
  await t.app.close();
  await ctx.cleanup();
});

describe('units API', () => {
  it('lists the demo tree depth-first: the district, 11 wards, their cells, schools and mass organisations', async () => {
    const res = await admin.request('GET', '/api/units');
    const units = res.json().units as Array<{ slug: string; kind: string; depth: number; parent: string | null }>;
    expect(units).toHaveLength(91);
    expect(units[0]).toMatchObject({ slug: 'quan-10', kind: 'district', depth: 0, parent: null });
    expect(units.filter((u) => u.kind === 'ward').map((u) => u.slug)).toEqual(['phuong-1', 'phuong-2', 'phuong-4', 'phuong-6', 'phuong-8', 'phuong-9', 'phuong-10', 'phuong-12', 'phuong-13', 'phuong-14', 'phuong-15']);
    expect(units.find((u) => u.slug === 'phuong-12-kp-1')).toMatchObject({ parent: 'phuong-12', depth: 2 });
    expect(units.filter((u) => u.kind === 'school')).toHaveLength(30);
  });

  it('a ward admin creates a cell under the ward, edits it, and both changes are audited', async () => {
    const created = await wardAdmin.request('POST', '/api/units', { slug: 'phuong-12-kp-5', name: 'Chi bộ Khu phố 5, Phường 12', kind: 'party_cell', parent: 'phuong-12' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ slug: 'phuong-12-kp-5', parent: 'phuong-12', schoolLevel: null });
    const edited = await wardAdmin.request('PATCH', '/api/units/phuong-12-kp-5', { phone: '028 3865 1234', description: 'Sinh hoạt ngày 3 hằng tháng' });
    expect(edited.json()).toMatchObject({ phone: '028 3865 1234' });
    const audit = (await admin.request('GET', '/api/audit?limit=5')).json().entries as Array<{ action: string; unit: string; details: Record<string, unknown> }>;
    expect(audit[0]).toMatchObject({ action: 'unit.update', unit: 'phuong-12-kp-5', details: { phone: [null, '028 3865 1234'] } });
    expect(audit[1]).toMatchObject({ action: 'unit.create', unit: 'phuong-12-kp-5' });
  });

  it('refuses to move a unit under its own descendant, or a ward admin moving a unit out of their ward', async () => {
    const cycle = await admin.request('PATCH', '/api/units/phuong-12', { parent: 'phuong-12-kp-1' });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.message).toContain('Đơn vị cấp trên không hợp lệ');
    const away = await wardAdmin.request('PATCH', '/api/units/phuong-12-kp-2', { parent: 'phuong-1' });
    expect(away.statusCode).toBe(403);
  });

  it('rejects duplicate and reserved slugs and schools without a level, with readable messages', async () => {
    const dup = await admin.request('POST', '/api/units', { slug: 'phuong-1', name: 'Trùng', kind: 'ward', parent: 'quan-10' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toBe('Mã đường dẫn "phuong-1" đã được dùng.');
    const reserved = await admin.request('POST', '/api/units', { slug: 'admin', name: 'Lạ', kind: 'ward', parent: 'quan-10' });
    expect(reserved.statusCode).toBe(400);
    const school = await admin.request('POST', '/api/units', { slug: 'truong-moi', name: 'Trường mới', kind: 'school', parent: 'quan-10' });
    expect(school.statusCode).toBe(400);
    expect(school.json().error.message).toBe('Trường học cần có cấp học.');
    const bad = await admin.request('POST', '/api/units', { slug: 'Không Hợp Lệ', name: 'x', kind: 'planet' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path).sort()).toEqual(['kind', 'name', 'slug']);
  });

  it('edits a unit through the HTML form and shows the saved value', async () => {
    const page = await admin.request('GET', '/admin/units/phuong-4');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Phường 4, Quận 10');
    const tree = await ctx.units.current();
    const form = new URLSearchParams({ _csrf: admin.csrf, name: 'Phường 4, Quận 10', slug: 'phuong-4', kind: 'ward', parentId: String(tree.getBySlug('quan-10')!.id), address: '<b>12 Nguyễn Tri Phương</b>', sortOrder: '3', active: 'on' });
    const res = await admin.request('POST', '/admin/units/phuong-4', form.toString(), { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.statusCode).toBe(303);
    const after = await admin.request('GET', '/admin/units/phuong-4?ok=saved');
    expect(after.body).toContain('Đã lưu thay đổi.');
    expect(after.body).toContain('value="&lt;b>12 Nguyễn Tri Phương&lt;/b>"');
    expect(after.body).not.toContain('<b>12 Nguyễn Tri Phương</b>');
  });

  it('shows a form with the errors and the typed values when the input is invalid', async () => {
    const tree = await ctx.units.current();
    const form = new URLSearchParams({ _csrf: admin.csrf, name: 'X', slug: 'bad slug', kind: 'party_cell', parentId: String(tree.getBySlug('phuong-1')!.id) });
    const res = await admin.request('POST', '/admin/units', form.toString(), { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('value="bad slug"');
    expect(res.body).toContain('role="alert"');
  });
});
