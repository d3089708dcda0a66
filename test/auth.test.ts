import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { sessions, users } from '../src/auth/schema.ts';
import { auditLog } from '../src/audit/schema.ts';
import { ADDRESS_TRIES, FREE_TRIES } from '../src/auth/throttle.ts';
import { createTestContext, type TestContext } from './context.ts';
import { buildUser, seedUnits, TEST_PASSWORD } from './factories.ts';
import { buildTestApp, login, type TestApp } from './http.ts';

let ctx: TestContext;
let t: TestApp;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedUnits(ctx);
  t = await buildTestApp(ctx);
});
afterAll(async () => {
  await t.app.close();
  await ctx.cleanup();
});

describe('login', () => {
  it('returns the user and a CSRF token, and sets an httpOnly SameSite session cookie', async () => {
    const user = await buildUser(ctx, { role: 'editor', unit: 'phuong-12' });
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email.toUpperCase(), password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user: { email: user.email }, csrfToken: expect.any(String) });
    const cookie = res.cookies.find((c) => c.name === 'nc_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = await t.app.inject({ method: 'GET', url: '/api/me', cookies: { nc_session: cookie!.value } });
    expect(me.json()).toMatchObject({ user: { email: user.email }, roles: [{ role: 'editor', unit: 'phuong-12' }] });
  });

  it('rejects a wrong password with the same message as an unknown account', async () => {
    const user = await buildUser(ctx);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: 'nope-nope-nope' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'ghost@test.vn', password: 'nope-nope-nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe('Sai thư điện tử hoặc mật khẩu.');
    expect(unknown.json().error.message).toBe(wrong.json().error.message);
  });

  it('a stranger\'s wrong passwords never keep the owner out, an admin\'s account included', async () => {
    const user = await buildUser(ctx, { role: 'district_admin', unit: 'quan-10' });
    for (let i = 0; i < 12; i++) {
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: `wrong-${i}-password` }, remoteAddress: '10.0.0.66' });
    }
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: TEST_PASSWORD }, remoteAddress: '10.0.1.1' });
    expect(res.statusCode).toBe(200);
  });

  it('slows one address guessing one account, with the same answer for an unknown account', async () => {
    const user = await buildUser(ctx);
    const tries = async (email: string, ip: string) => {
      const out: Array<{ status: number; message: string }> = [];
      for (let i = 0; i < FREE_TRIES + 2; i++) {
        const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: `wrong-${i}-password` }, remoteAddress: ip });
        out.push({ status: res.statusCode, message: res.json().error.message.replace(/\d+/g, 'N') });
      }
      return out;
    };
    const known = await tries(user.email, '10.0.2.1');
    const unknown = await tries('khong-co-ai@test.vn', '10.0.2.2');
    expect(known.slice(0, FREE_TRIES + 1).every((r) => r.status === 401)).toBe(true);
    expect(known.at(-1)?.status).toBe(429);
    expect(unknown).toEqual(known);
    // Even the right password waits its turn from that address; another address is not slowed.
    const right = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: TEST_PASSWORD }, remoteAddress: '10.0.2.1' });
    expect(right.statusCode).toBe(429);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    const elsewhere = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: TEST_PASSWORD }, remoteAddress: '10.0.2.3' });
    expect(elsewhere.statusCode).toBe(200);
  });

  it('one throttle for the JSON login and the login form', async () => {
    const user = await buildUser(ctx);
    for (let i = 0; i < FREE_TRIES + 1; i++) {
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: `wrong-${i}-password` }, remoteAddress: '10.0.3.1' });
    }
    const page = await t.app.inject({ method: 'GET', url: '/admin/login', remoteAddress: '10.0.3.1' });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const res = await t.app.inject({ method: 'POST', url: '/admin/login', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: csrf, email: user.email, password: TEST_PASSWORD }).toString(), remoteAddress: '10.0.3.1' });
    expect(res.statusCode).toBe(429);
    expect(res.body).toContain('thử lại sau');
  });

  it('limits failures of one address over many accounts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < ADDRESS_TRIES + 2; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: `x${i}@test.vn`, password: 'whatever-1' }, remoteAddress: '10.9.9.9' });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, ADDRESS_TRIES).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('the login form posts with the anonymous CSRF cookie and redirects home', async () => {
    const user = await buildUser(ctx, { role: 'member', unit: 'phuong-1' });
    const page = await t.app.inject({ method: 'GET', url: '/admin/login' });
    expect(page.statusCode).toBe(200);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    const csrfCookie = page.cookies.find((c) => c.name === 'nc_csrf')?.value;
    expect(token).toBe(csrfCookie);
    const form = `_csrf=${token}&email=${encodeURIComponent(user.email)}&password=${TEST_PASSWORD}`;
    const noCookie = await t.app.inject({ method: 'POST', url: '/admin/login', payload: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(noCookie.statusCode).toBe(403);
    const ok = await t.app.inject({ method: 'POST', url: '/admin/login', payload: form, headers: { 'content-type': 'application/x-www-form-urlencoded' }, cookies: { nc_csrf: csrfCookie! } });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/admin');
  });
});

describe('sessions and CSRF', () => {
  it('refuses a state-changing request without the CSRF token', async () => {
    const user = await buildUser(ctx, { role: 'district_admin' });
    const s = await login(t.app, user.email);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf');
    const ok = await s.request('POST', '/api/auth/logout');
    expect(ok.statusCode).toBe(200);
    const after = await s.request('GET', '/api/me');
    expect(after.statusCode).toBe(401);
  });

  it('an expired session answers 401 with a session-expired message', async () => {
    const user = await buildUser(ctx, { role: 'member', unit: 'phuong-1' });
    const s = await login(t.app, user.email);
    await ctx.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(sql`${sessions.userId} = ${user.id}`);
    const res = await s.request('GET', '/api/me', undefined, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe('Your session has expired. Please log in again.');
    const page = await t.app.inject({ method: 'GET', url: '/admin/units', headers: { cookie: s.cookie } });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/admin/login?next=%2Fadmin%2Funits&expired=1');
  });

  it('changing the password ends the other sessions but keeps the current one', async () => {
    const user = await buildUser(ctx, { role: 'member', unit: 'phuong-1' });
    const a = await login(t.app, user.email);
    const b = await login(t.app, user.email);
    const wrong = await a.request('POST', '/api/me/password', { currentPassword: 'not-it-at-all', newPassword: 'a-brand-new-pass' });
    expect(wrong.statusCode).toBe(400);
    const res = await a.request('POST', '/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'a-brand-new-pass' });
    expect(res.statusCode).toBe(200);
    expect((await a.request('GET', '/api/me')).statusCode).toBe(200);
    expect((await b.request('GET', '/api/me')).statusCode).toBe(401);
    await expect(login(t.app, user.email)).rejects.toThrow();
    await expect(login(t.app, user.email, 'a-brand-new-pass')).resolves.toBeTruthy();
  });

  it('stores only a hash of the session token and an argon2id password hash', async () => {
    const user = await buildUser(ctx, { role: 'member', unit: 'phuong-1' });
    const s = await login(t.app, user.email);
    const token = s.cookie.split('=')[1];
    const rows = await ctx.db.select().from(sessions).where(sql`${sessions.userId} = ${user.id}`);
    expect(rows[0].id).not.toBe(token);
    expect(rows[0].id).toMatch(/^[0-9a-f]{64}$/);
    const [row] = await ctx.db.select({ hash: users.passwordHash }).from(users).where(sql`${users.id} = ${user.id}`);
    expect(row.hash).toMatch(/^\$argon2id\$/);
  });
});
