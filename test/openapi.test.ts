import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './context.ts';
import { buildTestApp, type TestApp } from './http.ts';

let ctx: TestContext;
let t: TestApp;
beforeAll(async () => {
  ctx = await createTestContext();
  t = await buildTestApp(ctx);
});
afterAll(async () => {
  await t.app.close();
  await ctx.cleanup();
});

it('describes the JSON API at /api/openapi.json, with request schemas', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  const doc = res.json();
  expect(doc.openapi).toMatch(/^3\./);
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/me', '/api/units', '/api/units/{slug}', '/api/users', '/api/audit']));
  const login = doc.paths['/api/auth/login'].post;
  expect(login.requestBody.content['application/json'].schema.required).toEqual(['email', 'password']);
  expect(Object.keys(doc.paths).some((p: string) => p.startsWith('/admin'))).toBe(false);
});

it('answers /healthz with the database kind', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/healthz' });
  expect(res.json()).toEqual({ status: 'ok', db: process.env.DATABASE_URL ? 'postgres' : 'pglite' });
});
