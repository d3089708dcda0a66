// Hostile and malformed requests: always a clear 4xx in the user's language, never a 500 or internals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './context.ts';
import { buildUser, seedUnits } from './factories.ts';
import { buildServer } from '../src/web/server.tsx';
import { buildTestApp, login, type Session, type TestApp } from './http.ts';

let ctx: TestContext;
let t: TestApp;
let admin: Session;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedUnits(ctx);
  t = await buildTestApp(ctx);
  admin = await login(t.app, (await buildUser(ctx, { role: 'district_admin', unit: 'quan-10' })).email);
});
afterAll(async () => {
  await t.app.close();
  await ctx.cleanup();
});

const LEAKS = /at \w+ \(|node_modules|\/work\/|SELECT |INSERT |duplicate key|stack/i;

describe('bad input', () => {
  it.each([
    ['malformed JSON', '{"email": "a@b.vn", ', 'Nội dung JSON không hợp lệ.', 400],
    ['an empty JSON body', '', 'Nội dung JSON không hợp lệ.', 400],
    ['wrong types', JSON.stringify({ email: 42, password: ['x'] }), 'Dữ liệu không hợp lệ', 400],
    ['missing fields', JSON.stringify({}), 'Dữ liệu không hợp lệ', 400],
  ])('login with %s → 400 with a Vietnamese message', async (_name, payload, message, status) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload });
    expect(res.statusCode).toBe(status);
    expect(res.json().error.message).toContain(message);
    expect(res.body).not.toMatch(LEAKS);
  });

  it('answers in English when the browser asks for it', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json', 'accept-language': 'en-GB,en;q=0.9' }, payload: '{' });
    expect(res.json().error.message).toBe('The JSON body is malformed.');
  });

  it('refuses a body over the limit with 413', async () => {
    const res = await admin.request('PATCH', '/api/units/phuong-1', { description: 'x'.repeat(1_100_000) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toBe('Nội dung gửi lên quá lớn.');
  });

  it('refuses an unsupported content type with 415', async () => {
    const res = await admin.request('PATCH', '/api/units/phuong-1', '<unit/>', { 'content-type': 'application/xml' });
    expect(res.statusCode).toBe(415);
  });

  it('unknown routes: JSON 404 under /api, an HTML page elsewhere', async () => {
    const api = await t.app.inject({ method: 'GET', url: '/api/khong-co' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.message).toBe('Không tìm thấy trang hoặc dữ liệu yêu cầu.');
    const page = await t.app.inject({ method: 'GET', url: '/admin/khong-co', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Không tìm thấy trang hoặc dữ liệu yêu cầu.');
  });

  it('path parameters of the wrong shape are a 400 or 404, never a 500', async () => {
    for (const url of ['/api/users/abc', '/api/users/-1', '/api/users/99999999999999', '/api/units/%00', `/api/units/${'a'.repeat(300)}`, '/admin/users/1e9']) {
      const res = await admin.request('GET', url);
      expect([400, 404, 414], url).toContain(res.statusCode);
      expect(res.body).not.toMatch(LEAKS);
    }
  });

  it('script in input is stored as text and escaped on every page', async () => {
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    expect((await admin.request('PATCH', '/api/units/phuong-2', { description: evil })).statusCode).toBe(200);
    const page = await admin.request('GET', '/admin/units/phuong-2');
    expect(page.body).not.toContain('<script>alert(1)');
    expect(page.body).not.toContain('<img src=x');
    expect(page.body).toContain('&lt;script>alert(1)&lt;/script>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('a failure inside a handler answers 500 with a generic message only', async () => {
    const { app } = await buildServer(ctx, {
      modules: [
        (a) => {
          a.get('/api/test-crash', { config: { access: 'public' } }, async () => {
            throw new Error('SELECT secret FROM internals at /work/main/src/x.ts');
          });
        },
      ],
    });
    const res = await app.inject({ method: 'GET', url: '/api/test-crash' });
    await app.close();
    expect(res.statusCode).toBe(500);
    expect(res.json().error.message).toBe('Lỗi máy chủ. Sự cố đã được ghi lại; vui lòng thử lại sau.');
    expect(res.body).not.toMatch(LEAKS);
  });
});
