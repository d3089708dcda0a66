// A unit named in a request is checked against the caller's roles: a ward's case handler cannot file
// or hand cases to other units, and sees a listening issue's words only if they may read issues.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase } from '../src/cases/cases.ts';
import type { Unit } from '../src/org/schema.ts';
import { createTestContext, type TestContext } from './context.ts';
import { buildUser, seedUnits } from './factories.ts';
import { buildTestApp, login, type Session, type TestApp } from './http.ts';

let ctx: TestContext;
let t: TestApp;
let units: Map<string, Unit>;
let ward: Session;
let wardAdmin: Session;
let both: Session;
const id = (slug: string) => units.get(slug)!.id;

beforeAll(async () => {
  ctx = await createTestContext();
  units = await seedUnits(ctx);
  t = await buildTestApp(ctx);
  ward = await login(t.app, (await buildUser(ctx, { role: 'case_handler', unit: 'phuong-12' })).email);
  wardAdmin = await login(t.app, (await buildUser(ctx, { role: 'unit_admin', unit: 'phuong-12' })).email);
  both = await login(t.app, (await buildUser(ctx, { grants: [{ role: 'case_handler', unit: 'phuong-12' }, { role: 'analyst', unit: 'phuong-12' }] })).email);
});
afterAll(async () => {
  await t.app.close();
  await ctx.cleanup();
});

describe('units named in cases', () => {
  it('a ward handler files a case for their ward, not for another ward or the district', async () => {
    expect((await ward.request('POST', '/api/cases', { title: 'Ngập', description: 'Nước ngập sâu', unitId: id('phuong-12') })).statusCode).toBe(201);
    expect((await ward.request('POST', '/api/cases', { title: 'Ngập', description: 'Nước ngập sâu', unitId: id('phuong-1') })).statusCode).toBe(403);
    expect((await ward.request('POST', '/api/cases', { title: 'Ngập', description: 'Nước ngập sâu', unitId: id('quan-10') })).statusCode).toBe(403);
    const form = await ward.request('POST', '/admin/cases', new URLSearchParams({ _csrf: ward.csrf, title: 'Ngập', description: 'Nước ngập sâu', unitId: String(id('phuong-1')) }).toString(), { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.statusCode).toBe(403);
  });

  it('without a unit, the case stays in the caller’s units', async () => {
    const res = await ward.request('POST', '/api/cases', { title: 'Rác', description: 'Rác thải ùn ứ' });
    expect(res.statusCode).toBe(201);
    expect(res.json().unitId).toBe(id('phuong-12'));
  });

  it('a ward admin cannot hand a case to another ward', async () => {
    const c = await createCase(ctx.db, 'system', { source: 'manual', title: 'Đèn hỏng', description: 'x', unitId: id('phuong-12') });
    const res = await wardAdmin.request('POST', `/admin/cases/${c.id}/assign`, new URLSearchParams({ _csrf: wardAdmin.csrf, unitId: String(id('phuong-1')) }).toString(), { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.statusCode).toBe(403);
  });

  it('the new-case page shows an issue’s summary only to those who may read issues', async () => {
    const [issue] = await ctx.database.query<{ id: number }>(`INSERT INTO listening_issues (label, first_seen, last_seen) VALUES ('ngập nước bí mật Thành Thái', now(), now()) RETURNING id`);
    expect((await ward.request('GET', '/api/issues')).statusCode).toBe(403);
    const page = await ward.request('GET', `/admin/cases/new?issue=${issue.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('bí mật');
    const analyst = await both.request('GET', `/admin/cases/new?issue=${issue.id}`);
    expect(analyst.body).toContain('bí mật');
  });
});
