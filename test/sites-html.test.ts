// The publishing pages, public and office, are valid HTML under html-validate's recommended and a11y rules.
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './context.ts';
import { buildUser, seedUnits } from './factories.ts';
import { buildTestApp, login, type Session, type TestApp } from './http.ts';
import { seedSitesDemo } from '../src/sites/demo.ts';
import { contentItems } from '../src/sites/schema.ts';
import { publishing } from '../src/sites/directory.ts';
import { and, eq } from 'drizzle-orm';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended', 'html-validate:a11y'],
  rules: {
    'void-style': 'off',
    'no-trailing-whitespace': 'off',
    'no-inline-style': 'off',
    'no-redundant-role': 'off',
    // A group of checkboxes shares one name (audiences, channels, target sites): standard HTML forms.
    'form-dup-name': ['error', { shared: ['radio', 'button', 'reset', 'submit', 'checkbox'] }],
  },
});
/** Office pages are not indexed by search engines: their titles are the content's own, however long. */
const office = new HtmlValidate({
  extends: ['html-validate:recommended', 'html-validate:a11y'],
  rules: { 'void-style': 'off', 'no-trailing-whitespace': 'off', 'no-inline-style': 'off', 'no-redundant-role': 'off', 'form-dup-name': ['error', { shared: ['radio', 'button', 'reset', 'submit', 'checkbox'] }], 'long-title': 'off' },
});

let ctx: TestContext;
let t: TestApp;
let admin: Session;
const urls: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestContext();
  await seedUnits(ctx);
  await seedSitesDemo(ctx);
  t = await buildTestApp(ctx);
  admin = await login(t.app, (await buildUser(ctx, { role: 'district_admin', unit: 'quan-10' })).email);
  const site = (await publishing(ctx).sites.current()).bySiteSlug('phuong-12')!;
  for (const kind of ['article', 'profile', 'document', 'event', 'page'] as const) {
    const [item] = await ctx.db.select().from(contentItems).where(and(eq(contentItems.siteId, site.unitId), eq(contentItems.kind, kind))).limit(1);
    const section = site.sections.find((s) => s.id === item.sectionId)!;
    urls[kind] = `/phuong-12/${section.slug}/${item.slug}`;
    urls[`admin-${kind}`] = `/admin/items/${item.id}`;
  }
}, 120_000);
afterAll(async () => {
  await t?.app.close();
  await ctx?.cleanup();
});

async function validate(body: string, v: HtmlValidate = validator): Promise<string[]> {
  const report = await v.validateString(body);
  return report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} line ${m.line}: ${m.message}`));
}

describe('valid, accessible HTML', () => {
  it.each(['/', '/don-vi', '/phuong-12', '/phuong-12/tin-tuc', '/phuong-12/guong-dien-hinh', '/tim-kiem?q=ngap+nuoc', '/phuong-12/tim-kiem?q=an+ninh', '/nhan-tin', 'article', 'profile', 'document', 'event', 'page'])('public page %s', async (key) => {
    const res = await t.app.inject({ method: 'GET', url: urls[key] ?? key });
    expect(res.statusCode).toBe(200);
    expect(await validate(res.body)).toEqual([]);
  });

  it.each(['/admin/sites', '/admin/sites/phuong-12', '/admin/sites/phuong-12/items/new?kind=article', '/admin/sites/phuong-12/items/new?kind=profile', '/admin/sites/phuong-12/items/new?kind=document', '/admin/sites/phuong-12/items/new?kind=event', '/admin/sites/phuong-12/settings', '/admin/sites/phuong-12/channels', 'admin-article', 'admin-event', 'admin-document'])('office page %s', async (key) => {
    const res = await admin.request('GET', urls[key] ?? key);
    expect(res.statusCode).toBe(200);
    expect(await validate(res.body, office)).toEqual([]);
  });
});
