// Cases in the background: the citizen's e-mail about the answer (through a local SMTP server),
// due-soon and overdue reminders, escalation up the tree, retention of personal data; and the figures.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { casesDir } from '../src/cases/attachments.ts';
import { answerCase, caseHistory, createCase, getCase, moveCase } from '../src/cases/cases.ts';
import { checkDeadlines, notifyCitizen, notifyCitizenLater, purgeExpiredContacts } from '../src/cases/jobs.ts';
import { caseAttachments } from '../src/cases/schema.ts';
import { loopEffect, periodSummary, sumRows, unitMonthStats } from '../src/cases/stats.ts';
import { saveMailSettings } from '../src/mail/mailer.ts';
import type { Unit } from '../src/org/schema.ts';
import { createTestContext, type TestContext } from './context.ts';
import { buildUser, seedUnits } from './factories.ts';
import { bodyText, startSmtp, subjectOf } from './smtp.ts';
import { ZaloFake } from './fakes/zalo.ts';
import { configurePlatforms } from '../src/platforms/index.ts';
import { saveAccount } from '../src/sites/channels/accounts.ts';
import { publishing } from '../src/sites/directory.ts';

let ctx: TestContext;
let units: Map<string, Unit>;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
const id = (slug: string) => units.get(slug)?.id as number;

beforeAll(async () => {
  ctx = await createTestContext({ NHIPCAU_DATA_DIR: `${process.env.TMPDIR ?? '/tmp'}/nhipcau-cases-jobs-${process.pid}`, NHIPCAU_PUBLIC_URL: 'https://quan10.example.vn' });
  units = await seedUnits(ctx);
  smtp = await startSmtp();
  await saveMailSettings(ctx, 'system', { host: '127.0.0.1', port: smtp.port, secure: false, user: null, password: null, from: 'Quận 10 <noreply@quan10.example.vn>' });
});
afterAll(async () => {
  await smtp?.close();
  await ctx?.cleanup();
});

describe('the citizen hears about the answer', () => {
  it('sends one e-mail per answer, through the job queue, with the tracking link', async () => {
    const c = await createCase(ctx.db, 'citizen', { source: 'report', title: 'Ổ gà đường Vĩnh Viễn', description: 'Ổ gà lớn trước số 200 Vĩnh Viễn', unitId: id('phuong-4'), contact: { email: 'congdan@example.vn' } });
    await answerCase(ctx.db, 'system', c.id, 'Đã vá ổ gà ngày 25/11.');
    await notifyCitizenLater(ctx, c.id);
    await ctx.jobs.drain();
    expect(smtp.messages).toHaveLength(1);
    const [m] = smtp.messages;
    expect(m.to).toEqual(['congdan@example.vn']);
    expect(subjectOf(m.raw)).toContain(c.code);
    expect(bodyText(m.raw)).toContain('Đã vá ổ gà ngày 25/11.');
    expect(bodyText(m.raw)).toContain(`https://quan10.example.vn/phan-anh/tra-cuu/${c.code}`);
    expect(await notifyCitizen(ctx, c.id)).toBe('skipped');
    expect((await caseHistory(ctx.db, c.id)).map((e) => e.kind)).toContain('notified');
  });
});

describe('the citizen hears on Zalo', () => {
  it('sends a consultation message from the OA of the nearest site to a Zalo user id, besides the e-mail', async () => {
    const zalo = await ZaloFake.start();
    try {
      configurePlatforms({ baseUrls: { zalo: zalo.url, 'zalo-oauth': zalo.url }, timeoutMs: 2000 });
      const tokens = zalo.issueTokens();
      const site = (await publishing(ctx).sites.current()).bySiteSlug('phuong-10');
      expect(site).toBeDefined();
      await saveAccount(ctx, 'system', site?.unitId as number, 'zalo', { externalId: zalo.oaId, name: 'OA Phường 10', credentials: { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, appId: zalo.appId, appSecret: zalo.secretKey }, enabled: true });
      const userId = zalo.addFollower();
      const c = await createCase(ctx.db, 'citizen', { source: 'report', title: 'Cây đổ', description: 'Cây đổ trong hẻm', unitId: id('phuong-10-kp-3'), contact: { zalo: userId, email: 'cay@example.vn' } });
      await answerCase(ctx.db, 'system', c.id, 'Đã dọn cây đổ.');
      smtp.messages.length = 0;
      expect(await notifyCitizen(ctx, c.id)).toBe('sent');
      expect(zalo.messages).toHaveLength(1);
      expect(zalo.messages[0]).toMatchObject({ userId });
      expect(zalo.messages[0].text).toContain('Đã dọn cây đổ.');
      expect(smtp.messages).toHaveLength(1);
      const notified = (await caseHistory(ctx.db, c.id)).find((e) => e.kind === 'notified');
      expect(notified?.details).toEqual({ channels: ['email', 'zalo'] });
      // A phone number in the Zalo field is for staff to call, not an id to message.
      const phone = await createCase(ctx.db, 'citizen', { source: 'report', title: 'Điện', description: 'Mất điện', unitId: id('phuong-10'), contact: { zalo: '0909123456' } });
      await answerCase(ctx.db, 'system', phone.id, 'Đã báo điện lực.');
      expect(await notifyCitizen(ctx, phone.id)).toBe('skipped');
      expect(zalo.messages).toHaveLength(1);
    } finally {
      await zalo.close();
    }
  });
});

describe('deadlines', () => {
  it('reminds once when due soon, once when overdue, and escalates one level per period', async () => {
    const handler = await buildUser(ctx, { role: 'case_handler', unit: 'phuong-8', email: 'xuly.p8@example.vn' });
    await buildUser(ctx, { role: 'unit_admin', unit: 'phuong-8', email: 'admin.p8@example.vn' });
    await buildUser(ctx, { role: 'unit_admin', unit: 'quan-10', email: 'admin.q10@example.vn' });
    const now = new Date('2026-11-26T03:00:00Z'); // Thursday
    const soon = await createCase(ctx.db, 'system', { source: 'manual', title: 'Sắp đến hạn', description: 'x', unitId: id('phuong-8'), handlerId: handler.id, dueAt: new Date('2026-11-27T16:59:59.999Z') });
    const late = await createCase(ctx.db, 'system', { source: 'manual', title: 'Quá hạn', description: 'x', unitId: id('phuong-8-kp-1'), handlerId: handler.id, dueAt: new Date('2026-11-20T16:59:59.999Z') });
    smtp.messages.length = 0;
    const first = await checkDeadlines(ctx, now);
    expect(first.dueSoon).toBeGreaterThanOrEqual(1);
    expect(first.overdue).toBeGreaterThanOrEqual(1);
    const subjects = smtp.messages.map((m) => subjectOf(m.raw));
    expect(subjects.some((s) => s.includes(`Sắp đến hạn: vụ việc #${soon.id}`))).toBe(true);
    expect(subjects.some((s) => s.includes(`Quá hạn: vụ việc #${late.id}`))).toBe(true);
    expect(smtp.messages.find((m) => subjectOf(m.raw).includes(`#${late.id}`))?.to).toEqual(expect.arrayContaining(['xuly.p8@example.vn', 'admin.p8@example.vn']));
    // 4 working days late (Fri 20 → Thu 26) with a step of 2: up to the top (cell → ward → district).
    expect((await getCase(ctx.db, late.id))?.escalationLevel).toBe(2);
    expect(smtp.messages.some((m) => subjectOf(m.raw).includes('chuyển lên') && m.to.includes('admin.q10@example.vn'))).toBe(true);
    const again = await checkDeadlines(ctx, now);
    expect(again).toEqual({ dueSoon: 0, overdue: 0, escalated: 0 });
    const kinds = (await caseHistory(ctx.db, late.id)).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'reminded')).toHaveLength(1);
    expect(kinds).toContain('escalated');
  });
});

describe('retention', () => {
  it('deletes contact details and files of cases closed longer than the retention period', async () => {
    const c = await createCase(ctx.db, 'citizen', { source: 'report', title: 'Cũ', description: 'Phản ánh cũ', unitId: id('phuong-1'), contact: { name: 'Trần Thị B', phone: '0909000000', email: 'b@example.vn' } });
    await mkdir(path.join(casesDir(ctx.config.dataDir), '2025-01'), { recursive: true });
    await writeFile(path.join(casesDir(ctx.config.dataDir), '2025-01/old.jpg'), 'x');
    await ctx.db.insert(caseAttachments).values({ caseId: c.id, path: '2025-01/old.jpg', fileName: 'old.jpg', mime: 'image/jpeg', size: 1, fromCitizen: true });
    await moveCase(ctx.db, 'system', c.id, 'closed');
    const fresh = await createCase(ctx.db, 'citizen', { source: 'report', title: 'Mới', description: 'Phản ánh mới', unitId: id('phuong-1'), contact: { email: 'moi@example.vn' } });
    await moveCase(ctx.db, 'system', fresh.id, 'closed');
    await ctx.database.query(`UPDATE cases SET closed_at = now() - interval '400 days' WHERE id = $1`, [c.id]);
    expect(await purgeExpiredContacts(ctx)).toBe(1);
    const after = await getCase(ctx.db, c.id);
    expect(after).toMatchObject({ contactName: null, contactPhone: null, contactEmail: null });
    expect(after?.contactPurgedAt).not.toBeNull();
    expect((await getCase(ctx.db, fresh.id))?.contactEmail).toBe('moi@example.vn');
    expect(await ctx.db.select().from(caseAttachments)).toEqual([]);
    expect(await purgeExpiredContacts(ctx)).toBe(0);
  });
});

describe('figures', () => {
  it('counts opened, answered on time, overdue, re-opened and ratings per unit and month', async () => {
    const unit = id('phuong-15');
    const onTime = await createCase(ctx.db, 'system', { source: 'manual', title: 'Đúng hạn', description: 'x', unitId: unit });
    await answerCase(ctx.db, 'system', onTime.id, 'Xong');
    const late = await createCase(ctx.db, 'system', { source: 'manual', title: 'Trễ', description: 'x', unitId: unit, dueAt: new Date(Date.now() - 86_400_000) });
    await answerCase(ctx.db, 'system', late.id, 'Xong muộn');
    await moveCase(ctx.db, 'system', late.id, 'reopened');
    await createCase(ctx.db, 'system', { source: 'manual', title: 'Quá hạn', description: 'x', unitId: unit, dueAt: new Date(Date.now() - 3_600_000) });
    const now = new Date();
    const rows = await unitMonthStats(ctx.database, { from: new Date(now.getTime() - 40 * 86_400_000), to: new Date(now.getTime() + 86_400_000), unitIds: [unit] });
    const total = sumRows(rows, unit, 'all');
    expect(total).toMatchObject({ opened: 3, answered: 2, answeredOnTime: 1, overdueOpen: 1, reopened: 1 });
    expect(total.onTimeRate).toBeCloseTo(1 / 3);
    const week = await periodSummary(ctx.database, new Date(now.getTime() - 7 * 86_400_000), new Date(now.getTime() + 60_000));
    expect(week.opened).toBeGreaterThanOrEqual(3);
    expect(week.overdueCases.some((c) => c.title === 'Quá hạn')).toBe(true);
  });

  it('measures the loop: an issue’s volume and frustration in the week before and after the answer', async () => {
    const [issue] = await ctx.database.query<{ id: number }>(`INSERT INTO listening_issues (label, first_seen, last_seen) VALUES ('ngập nước Thành Thái', now(), now()) RETURNING id`);
    const answeredAt = new Date(Date.now() - 10 * 86_400_000);
    const hour = (days: number) => new Date(answeredAt.getTime() + days * 86_400_000).toISOString();
    const [source] = await ctx.database.query<{ id: number }>(`INSERT INTO listening_sources (name, kind, label) VALUES ('test-rss', 'rss', 'RSS') RETURNING id`);
    for (const [d, n, f] of [[-3, 40, 28], [-1, 20, 14], [2, 6, 2], [5, 4, 1]] as const) {
      await ctx.database.query(`INSERT INTO listening_issue_hourly (issue_id, hour, source_id, ward, n, frustration_sum) VALUES ($1, $2, $3, '', $4, $5)`, [issue.id, hour(d), source.id, n, f]);
    }
    const c = await createCase(ctx.db, 'system', { source: 'issue', title: 'Ngập', description: 'x', unitId: id('phuong-12'), issueId: issue.id });
    await ctx.database.query(`UPDATE cases SET first_answered_at = $2 WHERE id = $1`, [c.id, answeredAt.toISOString()]);
    const effect = await loopEffect(ctx.database, { id: c.id, issueId: issue.id, firstAnsweredAt: answeredAt });
    expect(effect).toMatchObject({ issueId: issue.id, before: { posts: 60 }, after: { posts: 10 }, complete: true });
    expect(effect?.before.frustration).toBeCloseTo(42 / 60);
    expect(effect?.after.frustration).toBeCloseTo(0.3);
  });
});

describe('the demo', () => {
  it('seeds cases in every state, dated back, with figures to show', async () => {
    const { seedCasesDemo } = await import('../src/cases/demo.ts');
    expect(await seedCasesDemo(ctx)).toBeGreaterThan(5);
    const statuses = await ctx.database.query<{ status: string }>(`SELECT DISTINCT status FROM cases WHERE title LIKE 'Đèn tín hiệu%' OR title LIKE 'Công trình%' OR title LIKE 'Chờ cấp%' OR title LIKE 'Thanh niên%'`);
    expect(statuses.map((s) => s.status).sort()).toEqual(['closed', 'in_progress', 'new', 'reopened']);
    const rows = await unitMonthStats(ctx.database, { from: new Date(Date.now() - 90 * 86_400_000), to: new Date(Date.now() + 86_400_000) });
    expect(new Set(rows.map((r) => r.month)).size).toBeGreaterThanOrEqual(2);
    expect(rows.some((r) => r.answered > 0 && r.onTimeRate !== null && r.onTimeRate < 1)).toBe(true);
  });
});
