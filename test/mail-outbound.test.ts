// The SMTP server is an address a person types in: like feeds and webhooks, it may not be the server's
// own network unless NHIPCAU_OUTBOUND_PRIVATE is on.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadMailSettings, send } from '../src/mail/mailer.ts';
import { settings } from '../src/db/settings-schema.ts';
import { createTestContext, type TestContext } from './context.ts';
import { buildUser, seedUnits } from './factories.ts';
import { buildTestApp, login, type Session, type TestApp } from './http.ts';

let ctx: TestContext;
let t: TestApp;
let admin: Session;

beforeAll(async () => {
  ctx = await createTestContext({ NHIPCAU_OUTBOUND_PRIVATE: '0' });
  await seedUnits(ctx);
  t = await buildTestApp(ctx);
  admin = await login(t.app, (await buildUser(ctx, { role: 'district_admin', unit: 'quan-10' })).email);
});
afterAll(async () => {
  await t.app.close();
  await ctx.cleanup();
});

const save = (host: string) =>
  admin.request('POST', '/admin/settings/mail', new URLSearchParams({ _csrf: admin.csrf, host, port: '25', from: 'ban@quan10.vn', user: '', password: '' }).toString(), { 'content-type': 'application/x-www-form-urlencoded' });

it.each(['127.0.0.1', 'localhost', '10.1.2.3', '169.254.169.254', '[::1]'])('refuses %s as the SMTP server', async (host) => {
  const res = await save(host);
  expect(res.statusCode).toBe(400);
  expect(res.body).toContain('mạng nội bộ');
  expect(await loadMailSettings(ctx.db)).toBeNull();
});

it('does not send to a private server stored before the rule', async () => {
  await ctx.db.insert(settings).values({ key: 'mail.smtp', value: { host: '127.0.0.1', port: 2525, secure: false, from: 'ban@quan10.vn' } });
  await expect(send(ctx, { to: 'a@quan10.vn', subject: 's', text: 't' })).rejects.toThrow(/private network/);
});
