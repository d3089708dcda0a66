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
  admin = await login(t.app, (await buildUser(ctx, { role: 'district_admin', unit: 'quan-10', email: 'top@test.vn' })).email);
  wardAdmin = await login(t.app, (await buildUser(ctx, { role: 'unit_admin', unit: 'phuong-12', email: 'ward12@test.vn' })).email);
  await buildUser(ctx, { role: 'editor', unit: 'phuong-1', email: 'editor1@test.vn' });
  await buildUser(ctx, { role: 'editor', unit: 'phuong-12-kp-1', email: 'editor12@test.vn' });
});
afterAll(async () => {
  await t.app.close();
  await ctx.cleanup();
});

describe('users API', () => {
  it('a ward admin sees only the accounts of the ward; the district admin sees all', async () => {
    const ward = (await wardAdmin.request('GET', '/api/users')).json().users.map((u: { email: string }) => u.email);
    expect(ward.sort()).toEqual(['editor12@test.vn', 'ward12@test.vn']);
    const all = (await admin.request('GET', '/api/users')).json().users.map((u: { email: string }) => u.email);
    expect(all).toEqual(expect.arrayContaining(['top@test.vn', 'ward12@test.vn', 'editor1@test.vn', 'editor12@test.vn']));
  });

  it('creates an account that must change its password, and the new user can log in', async () => {
    const res = await wardAdmin.request('POST', '/api/users', { email: 'Moi.Nguoi@Test.vn', displayName: 'Nguyễn Văn Mới', password: 'tam-thoi-123', roles: [{ unit: 'phuong-12-kp-2', role: 'editor' }] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ email: 'moi.nguoi@test.vn', mustChangePassword: true, roles: [{ unit: 'phuong-12-kp-2', role: 'editor' }] });
    const s = await login(t.app, 'moi.nguoi@test.vn', 'tam-thoi-123');
    const me = await s.request('GET', '/api/me');
    expect(me.json().user.mustChangePassword).toBe(true);
    const page = await s.request('GET', '/admin/units');
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/admin/account?must=1');
  });

  it('a ward admin cannot grant roles outside the ward nor the district admin role', async () => {
    const outside = await wardAdmin.request('POST', '/api/users', { email: 'x1@test.vn', displayName: 'X', password: 'password-123', roles: [{ unit: 'phuong-1', role: 'editor' }] });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.message).toBe('Bạn không thể cấp vai trò này ở đơn vị đã chọn.');
    const top = await wardAdmin.request('POST', '/api/users', { email: 'x2@test.vn', displayName: 'X', password: 'password-123', roles: [{ unit: 'phuong-12', role: 'district_admin' }] });
    expect(top.statusCode).toBe(403);
  });

  it('resets a password: old sessions end, the temporary password works once changed', async () => {
    const target = await buildUser(ctx, { role: 'member', unit: 'phuong-12-kp-3' });
    const old = await login(t.app, target.email);
    const reset = await wardAdmin.request('POST', `/api/users/${target.id}/password-reset`, { password: 'tam-thoi-456' });
    expect(reset.statusCode).toBe(200);
    expect((await old.request('GET', '/api/me')).statusCode).toBe(401);
    const fresh = await login(t.app, target.email, 'tam-thoi-456');
    expect((await fresh.request('GET', '/api/me')).json().user.mustChangePassword).toBe(true);
    expect((await fresh.request('POST', '/api/me/password', { currentPassword: 'tam-thoi-456', newPassword: 'mat-khau-rieng-789' })).statusCode).toBe(200);
    expect((await fresh.request('GET', '/api/me')).json().user.mustChangePassword).toBe(false);
  });

  it('deactivating an account ends its sessions and blocks login; one cannot deactivate oneself', async () => {
    const target = await buildUser(ctx, { role: 'member', unit: 'phuong-12-kp-4' });
    const s = await login(t.app, target.email);
    expect((await wardAdmin.request('PATCH', `/api/users/${target.id}`, { active: false })).statusCode).toBe(200);
    expect((await s.request('GET', '/api/me')).statusCode).toBe(401);
    await expect(login(t.app, target.email)).rejects.toThrow();
    const me = (await wardAdmin.request('GET', '/api/me')).json().user.id;
    expect((await wardAdmin.request('PATCH', `/api/users/${me}`, { active: false })).statusCode).toBe(400);
  });

  it('grants and revokes a role, each in the audit log', async () => {
    const target = await buildUser(ctx, { role: 'member', unit: 'phuong-12-kp-1' });
    const granted = await wardAdmin.request('POST', `/api/users/${target.id}/roles`, { unit: 'phuong-12', role: 'approver' });
    expect(granted.json().roles).toEqual(expect.arrayContaining([{ unit: 'phuong-12', role: 'approver' }]));
    const revoked = await wardAdmin.request('DELETE', `/api/users/${target.id}/roles`, { unit: 'phuong-12', role: 'approver' });
    expect(revoked.json().roles).toEqual([{ unit: 'phuong-12-kp-1', role: 'member' }]);
    const audit = (await admin.request('GET', '/api/audit?limit=2')).json().entries;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['user.revoke', 'user.grant']);
    expect(audit[0]).toMatchObject({ actor: 'ward12@test.vn', targetType: 'user', targetId: String(target.id) });
  });
});
