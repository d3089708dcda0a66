// Characters that cannot be stored are refused once, at the door, with a 400 that names the field; a
// failure never leaves a request's data (an e-mail typed at login, SQL parameters) in the log.
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './context.ts';
import { buildUser, seedUnits } from './factories.ts';
import { buildTestApp, login, type Session, type TestApp } from './http.ts';
import { safeError } from '../src/web/log-safety.ts';

let ctx: TestContext;
let t: TestApp;
let admin: Session;
const lines: string[] = [];

beforeAll(async () => {
  const base = await createTestContext();
  const sink = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
  ctx = { ...base, log: pino({ level: 'info' }, sink) };
  await seedUnits(ctx);
  t = await buildTestApp(ctx);
  admin = await login(t.app, (await buildUser(ctx, { role: 'district_admin', unit: 'quan-10' })).email);
});
afterAll(async () => {
  await t.app.close();
  await ctx.cleanup();
});

describe('invalid characters', () => {
  it.each([
    ['NUL', 'ai\u0000@x.vn'],
    ['a control character', 'ai\u0007@x.vn'],
    ['a lone surrogate', 'ai\ud800@x.vn'],
  ])('%s in the anonymous login → 400 naming the field', async (_what, email) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalidCharacters');
    expect(res.json().error.message).toContain('email');
  });

  it('NUL in a body field, a query and a path of signed-in requests → 400', async () => {
    expect((await admin.request('POST', '/api/users', { email: 'moi@x.vn', displayName: 'Tên\u0000', password: 'mat-khau-dai-du-12' })).statusCode).toBe(400);
    expect((await admin.request('GET', '/api/audit?action=a%00b')).statusCode).toBe(400);
    expect((await admin.request('GET', '/api/units/phuong%001')).statusCode).toBe(400);
    expect((await admin.request('PATCH', '/api/units/phuong-1', { description: 'a\ud800b' })).json().error.code).toBe('invalidCharacters');
  });

  it('keeps tabs, line breaks and emoji', async () => {
    const res = await admin.request('PATCH', '/api/units/phuong-1', { description: 'Dòng 1\n\tDòng 2\r\n👍' });
    expect(res.statusCode).toBe(200);
  });

  it('huge and non-numeric ids never reach SQL', async () => {
    for (const id of ['2147483648', '9223372036854775808', '1e400', 'abc', '-1', '0']) {
      const res = await admin.request('GET', `/api/users/${id}`);
      expect([400, 404]).toContain(res.statusCode);
    }
  });
});

describe('the log', () => {
  it('holds no e-mail typed at login, nor a request body', async () => {
    lines.length = 0;
    await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nguoi.dung@vi-du.vn', password: 'sai-mat-khau' } });
    await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nguoi.dung@vi-du.vn\u0000', password: 'sai-mat-khau' } });
    await t.app.inject({ method: 'GET', url: '/admin/users?q=nguoi.dung%40vi-du.vn' });
    const log = lines.join('');
    expect(log).toContain('request'); // something was logged
    expect(log).not.toContain('nguoi.dung');
    expect(log).not.toContain('sai-mat-khau');
  });

  it('keeps a failed query\'s statement kind and code, not its parameters', () => {
    const cause = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021', detail: 'Key (email)=(a@b.vn)' });
    const err = Object.assign(new Error('Failed query: select "id" from "users" where "email" = $1\nparams: nguoi.dung@vi-du.vn'), { query: 'select …', params: ['nguoi.dung@vi-du.vn'], cause });
    const safe = JSON.stringify(safeError(err));
    expect(safe).toContain('22021');
    expect(safe).toContain('Failed query: select');
    expect(safe).not.toContain('vi-du.vn');
    expect(safe).not.toContain('a@b.vn');
  });
});
