// Every kind of page is valid HTML with the accessibility rules html-validate knows (labels, alt text,
// headings, landmarks, unique ids). Pages are fetched as the people who use them.
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './context.ts';
import { buildUser, seedUnits } from './factories.ts';
import { buildTestApp, login, type Session, type TestApp } from './http.ts';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended', 'html-validate:a11y'],
  rules: {
    // Preact writes void elements as <br/>; both forms are valid HTML.
    'void-style': 'off',
    'no-trailing-whitespace': 'off',
    // Long Vietnamese labels wrap naturally; inline style is used only for CSS variables (tree depth, site colour).
    'no-inline-style': 'off',
    'no-redundant-role': 'off',
  },
});

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

async function validate(body: string): Promise<string[]> {
  const report = await validator.validateString(body);
  return report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} line ${m.line}: ${m.message}`));
}

describe('valid, accessible HTML', () => {
  it.each(['/admin/login'])('anonymous page %s', async (url) => {
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(await validate(res.body)).toEqual([]);
  });

  it.each(['/admin', '/admin/units', '/admin/units/phuong-12', '/admin/units/new', '/admin/users', '/admin/users/new', '/admin/audit', '/admin/account', '/admin/jobs'])('office page %s', async (url) => {
    const res = await admin.request('GET', url);
    expect(res.statusCode).toBe(200);
    expect(await validate(res.body)).toEqual([]);
  });

  it('the error page', async () => {
    const res = await admin.request('GET', '/admin/khong-co', undefined, { accept: 'text/html' });
    expect(res.statusCode).toBe(404);
    expect(await validate(res.body)).toEqual([]);
  });
});
