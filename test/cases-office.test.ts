// The office side of cases through HTTP: who sees what (contact details only for handlers), assignment
// rules, private attachments, routing-rule rights, settings, and the mail settings' sealed password.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase, getCase } from '../src/cases/cases.ts';
import { createRule } from '../src/cases/routing.ts';
import { loadCasesSettings } from '../src/cases/settings.ts';
import { loadMailSettings } from '../src/mail/mailer.ts';
import type { Unit } from '../src/org/schema.ts';
import { createTestContext, type TestContext } from './context.ts';
import { buildUser, seedUnits } from './factories.ts';
import { buildTestApp, login, type Session, type TestApp } from './http.ts';

let ctx: TestContext;
let t: TestApp;
let units: Map<string, Unit>;
let handler: Session;
let wardAdmin: Session;
let otherHandler: Session;
let district: Session;
let handlerId: number;
let caseId: number;
const id = (slug: string) => units.get(slug)?.id as number;
const form = (s: Session, url: string, body: Record<string, string>) => s.request('POST', url, new URLSearchParams({ _csrf: s.csrf, ...body }).toString(), { 'content-type': 'application/x-www-form-urlencoded' });

beforeAll(async () => {
  ctx = await createTestContext({ NHIPCAU_DATA_DIR: `${process.env.TMPDIR ?? '/tmp'}/nhipcau-cases-office-${process.pid}` });
  units = await seedUnits(ctx);
  t = await buildTestApp(ctx);
  const h = await buildUser(ctx, { role: 'case_handler', unit: 'phuong-12', displayName: 'Cán bộ Phường 12' });
  handlerId = h.id;
  handler = await login(t.app, h.email);
  wardAdmin = await login(t.app, (await buildUser(ctx, { role: 'unit_admin', unit: 'phuong-12' })).email);
  otherHandler = await login(t.app, (await buildUser(ctx, { role: 'case_handler', unit: 'phuong-1' })).email);
  district = await login(t.app, (await buildUser(ctx, { role: 'district_admin', unit: 'quan-10' })).email);
  caseId = (await createCase(ctx.db, 'citizen', { source: 'report', title: 'Nước cống tràn', description: 'Nước cống tràn ra đường Thành Thái', unitId: id('phuong-12'), contact: { email: 'nguoidan@example.vn', phone: '0912 000 111' } })).id;
});
afterAll(async () => {
  await t?.app.close();
  await ctx?.cleanup();
});

describe('who sees what', () => {
  it('shows contact details to handlers only, and the case only within the unit subtree', async () => {
    const asHandler = await handler.request('GET', `/admin/cases/${caseId}`, undefined, { accept: 'text/html' });
    expect(asHandler.statusCode).toBe(200);
    expect(asHandler.body).toContain('nguoidan@example.vn');
    const asAdmin = await wardAdmin.request('GET', `/admin/cases/${caseId}`, undefined, { accept: 'text/html' });
    expect(asAdmin.statusCode).toBe(200);
    expect(asAdmin.body).not.toContain('nguoidan@example.vn');
    expect((await otherHandler.request('GET', `/admin/cases/${caseId}`)).statusCode).toBe(403);
    const api = (await wardAdmin.request('GET', `/api/cases/${caseId}`)).json() as Record<string, unknown>;
    expect(api).not.toHaveProperty('contact');
    expect(((await handler.request('GET', `/api/cases/${caseId}`)).json() as { contact: { email: string } }).contact.email).toBe('nguoidan@example.vn');
    const list = (await otherHandler.request('GET', '/api/cases')).json() as { cases: Array<{ id: number }> };
    expect(list.cases.map((c) => c.id)).not.toContain(caseId);
    expect((await handler.request('GET', '/admin/cases/999999')).statusCode).toBe(404);
  });
});

describe('assignment', () => {
  it('takes only handlers of the owner unit, and records the change', async () => {
    const other = await buildUser(ctx, { role: 'case_handler', unit: 'phuong-1' });
    const refused = await form(wardAdmin, `/admin/cases/${caseId}/assign`, { unitId: String(id('phuong-12')), handlerId: String(other.id) });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Người xử lý phải có vai trò xử lý phản ánh tại đơn vị chủ trì.');
    const ok = await form(wardAdmin, `/admin/cases/${caseId}/assign`, { unitId: String(id('phuong-12')), handlerId: String(handlerId) });
    expect(ok.statusCode).toBe(303);
    expect(await getCase(ctx.db, caseId)).toMatchObject({ handlerId, status: 'assigned' });
    expect((await form(handler, `/admin/cases/${caseId}/assign`, { unitId: String(id('phuong-12')), handlerId: '' })).statusCode).toBe(403);
  });

  it('refuses impossible moves with the reason on the page', async () => {
    const res = await form(handler, `/admin/cases/${caseId}/status`, { to: 'reopened' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Không thể chuyển vụ việc');
  });
});

describe('attachments', () => {
  function multipart(fields: Record<string, string>, file?: { data: Buffer; filename: string; type: string }) {
    const b = `----nc${Date.now()}`;
    const parts: Buffer[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
    if (file) parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.data, Buffer.from('\r\n'));
    parts.push(Buffer.from(`--${b}--\r\n`));
    return { payload: Buffer.concat(parts), type: `multipart/form-data; boundary=${b}` };
  }

  it('stores a photo privately, serves it to handlers, and refuses bad tokens and non-images', async () => {
    const png = await sharp({ create: { width: 50, height: 40, channels: 3, background: '#ff0000' } }).png().toBuffer();
    const body = multipart({ _csrf: handler.csrf }, { data: png, filename: 'hien-truong.png', type: 'image/png' });
    const res = await t.app.inject({ method: 'POST', url: `/admin/cases/${caseId}/attachments`, headers: { cookie: handler.cookie, 'content-type': body.type }, payload: body.payload });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    const page = await handler.request('GET', `/admin/cases/${caseId}`, undefined, { accept: 'text/html' });
    const href = /href="(\/admin\/cases\/\d+\/attachments\/\d+)"/.exec(page.body)?.[1] as string;
    expect(href).toBeDefined();
    const file = await handler.request('GET', href);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect((await otherHandler.request('GET', href)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: href })).headers.location).toContain('/admin/login');
    const forged = multipart({ _csrf: 'not-the-token' }, { data: png, filename: 'a.png', type: 'image/png' });
    expect((await t.app.inject({ method: 'POST', url: `/admin/cases/${caseId}/attachments`, headers: { cookie: handler.cookie, 'content-type': forged.type }, payload: forged.payload })).statusCode).toBe(403);
    const text = multipart({ _csrf: handler.csrf }, { data: Buffer.from('<html><script>alert(1)</script>'), filename: 'x.html', type: 'text/html' });
    expect((await t.app.inject({ method: 'POST', url: `/admin/cases/${caseId}/attachments`, headers: { cookie: handler.cookie, 'content-type': text.type }, payload: text.payload })).statusCode).toBe(415);
  });
});

describe('new cases and listening issues', () => {
  it('routes a new case by the rules, and refuses an unknown listening issue', async () => {
    await createRule(ctx.db, await ctx.units.current(), 'system', { topic: 'an-ninh-trat-tu', wardId: id('phuong-12'), placeId: null, unitId: id('phuong-12-kp-2'), note: null });
    const res = await form(handler, '/admin/cases', { title: 'Trộm cắp xe máy', description: 'Nhiều vụ trộm xe máy trong hẻm', topic: 'an-ninh-trat-tu', wardId: String(id('phuong-12')) });
    expect(res.statusCode).toBe(303);
    const newId = Number(/\/admin\/cases\/(\d+)/.exec(res.headers.location as string)?.[1]);
    expect((await getCase(ctx.db, newId))?.unitId).toBe(id('phuong-12-kp-2'));
    const unknown = await form(handler, '/admin/cases', { title: 'Từ vấn đề', description: 'Không có vấn đề này', issueId: '987654' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('Không có vấn đề dư luận này.');
  });
});

describe('administration', () => {
  it('lets a ward admin delete rules of the ward only', async () => {
    const tree = await ctx.units.current();
    const mine = await createRule(ctx.db, tree, 'system', { topic: 'y-te', wardId: null, placeId: null, unitId: id('phuong-12'), note: null });
    const theirs = await createRule(ctx.db, tree, 'system', { topic: 'y-te', wardId: null, placeId: null, unitId: id('phuong-1'), note: null });
    expect((await form(wardAdmin, `/admin/cases/routing/${theirs.id}/delete`, {})).statusCode).toBe(403);
    expect((await form(wardAdmin, `/admin/cases/routing/${mine.id}/delete`, {})).statusCode).toBe(303);
    expect((await form(wardAdmin, '/admin/cases/routing', { topic: 'y-te', unitId: String(id('phuong-1')) })).statusCode).toBe(403);
  });

  it('saves the settings, refusing impossible values', async () => {
    const bad = await form(district, '/admin/settings/cases', { defaultDays: '0', dueSoonDays: '1', escalateEveryDays: '2', reopenDays: '7', retentionDays: '365', extraHolidays: '2027-13-45x' });
    expect(bad.statusCode).toBe(400);
    const ok = await form(district, '/admin/settings/cases', { defaultDays: '7', dueSoonDays: '1', escalateEveryDays: '3', reopenDays: '10', retentionDays: '180', days_y_te: '', 'days_giao-thong': '3', extraHolidays: '2027-02-12\n2027-02-15', extraWorkdays: '2027-02-20', jurisdictionId: 'quan-10' });
    expect(ok.statusCode).toBe(303);
    expect(await loadCasesSettings(ctx.db)).toMatchObject({ defaultDays: 7, escalateEveryDays: 3, reopenDays: 10, retentionDays: 180, topicDays: { 'giao-thong': 3 }, extraHolidays: ['2027-02-12', '2027-02-15'], extraWorkdays: ['2027-02-20'], jurisdictionId: 'quan-10' });
  });

  it('keeps the SMTP password sealed and never shows it back', async () => {
    expect((await form(district, '/admin/settings/mail', { host: 'smtp.example.vn', port: '587', user: 'bot', password: 'mat-khau-smtp', from: 'Quận 10 <bot@example.vn>' })).statusCode).toBe(303);
    const s = await loadMailSettings(ctx.db);
    expect(s?.passwordSealed).toMatch(/^v1\./);
    expect(JSON.stringify(s)).not.toContain('mat-khau-smtp');
    const page = await district.request('GET', '/admin/settings/mail', undefined, { accept: 'text/html' });
    expect(page.body).not.toContain('mat-khau-smtp');
    expect((await form(district, '/admin/settings/mail', { host: 'smtp.example.vn', port: '587', user: 'bot', password: '', from: 'Quận 10 <bot@example.vn>' })).statusCode).toBe(303);
    expect((await loadMailSettings(ctx.db))?.passwordSealed).toBe(s?.passwordSealed);
  });
});

describe('the office home', () => {
  it('shows handlers what waits, what is late and what is theirs', async () => {
    const home = await handler.request('GET', '/admin', undefined, { accept: 'text/html' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('href="/admin/cases?status=overdue"');
    const member = await login(t.app, (await buildUser(ctx, { role: 'member', unit: 'phuong-12' })).email);
    expect((await member.request('GET', '/admin', undefined, { accept: 'text/html' })).body).not.toContain('/admin/cases?status=overdue');
  });
});
