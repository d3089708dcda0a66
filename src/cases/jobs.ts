// Background work of cases: telling the citizen about the answer, due-soon and overdue reminders,
// escalation up the unit tree, and deleting personal data after the retention period. Each handler
// is idempotent (a timestamp column records what was done) and works in batches.
import { and, eq, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { AppContext } from '../app/context.ts';
import { audit } from '../audit/index.ts';
import { translate } from '../i18n/catalog.ts';
import { send } from '../mail/index.ts';
import { formatDateTime } from '../core/time.ts';
import { deleteAttachments } from './attachments.ts';
import { caseEvents, cases, type Case } from './schema.ts';
import { nearestAdmins, personById, type Person } from './people.ts';
import { calendarOf, loadCasesSettings } from './settings.ts';
import { workingDaysBetween } from './sla.ts';
import { isZaloUserId, notifyByZalo } from './zalo.ts';
import { OPEN_STATUSES } from './status.ts';
import { baseUrl } from '../config/env.ts';

const BATCH = 500;
export const JOB_NOTIFY = 'cases.notify-citizen';
export const JOB_SLA = 'cases.sla-check';
export const JOB_RETENTION = 'cases.retention';

/** Queues the message to the citizen about a new answer (sent at least once, at most once per answer). */
export async function notifyCitizenLater(ctx: AppContext, caseId: number): Promise<void> {
  await ctx.jobs.enqueue(JOB_NOTIFY, { caseId }, { dedupeKey: `${JOB_NOTIFY}:${caseId}` });
}

export function registerCaseJobs(ctx: AppContext): void {
  ctx.jobs.register<{ caseId: number }>({ name: JOB_NOTIFY, handler: async ({ caseId }) => void (await notifyCitizen(ctx, caseId)), maxAttempts: 8 });
  ctx.jobs.register({ name: JOB_SLA, handler: async (_p, { log }) => log.info(await checkDeadlines(ctx), 'case deadlines checked') });
  ctx.jobs.register({ name: JOB_RETENTION, handler: async (_p, { log }) => log.info({ purged: await purgeExpiredContacts(ctx) }, 'case retention applied') });
}

export async function scheduleCaseJobs(ctx: AppContext): Promise<void> {
  await ctx.jobs.schedule(JOB_SLA, '*/15 * * * *', JOB_SLA);
  await ctx.jobs.schedule(JOB_RETENTION, '25 2 * * *', JOB_RETENTION);
}

async function event(ctx: AppContext, c: Pick<Case, 'id' | 'unitId'>, kind: 'notified' | 'reminded' | 'escalated' | 'purged', details: Record<string, unknown>): Promise<void> {
  await ctx.db.insert(caseEvents).values({ caseId: c.id, actorLabel: 'system', kind, details });
}

/**
 * Tells the citizen about the answer: by e-mail when they left an address, and on Zalo when they left
 * a Zalo user id and a unit above the case has a connected Official Account. E-mail errors are thrown
 * (the job retries before anything was sent); Zalo, sent after it, is best effort.
 */
export async function notifyCitizen(ctx: AppContext, caseId: number): Promise<'sent' | 'skipped'> {
  const [c] = await ctx.db.select().from(cases).where(eq(cases.id, caseId));
  if (!c || !c.publicAnswer || !c.answeredAt || (c.citizenNotifiedAt && c.citizenNotifiedAt >= c.answeredAt)) return 'skipped';
  if (!c.contactEmail && !isZaloUserId(c.contactZalo)) return 'skipped';
  const unit = (await ctx.units.current()).get(c.unitId);
  const p = { code: c.code, title: c.title, unit: unit?.name ?? '', answer: c.publicAnswer, link: `${baseUrl(ctx.config)}/phan-anh/tra-cuu/${c.code}` };
  const text = translate('vi', 'mail.answer.text', p);
  const channels: string[] = [];
  if (c.contactEmail && (await send(ctx, { to: c.contactEmail, subject: translate('vi', 'mail.answer.subject', p), text }))) channels.push('email');
  try {
    if (await notifyByZalo(ctx, c, text)) channels.push('zalo');
  } catch (e) {
    ctx.log.warn({ err: e, caseId }, 'Zalo message to the citizen failed');
  }
  if (!channels.length) return 'skipped';
  await ctx.db.update(cases).set({ citizenNotifiedAt: new Date() }).where(eq(cases.id, c.id));
  await event(ctx, c, 'notified', { channels });
  return 'sent';
}

async function mailStaff(ctx: AppContext, people: Person[], subject: string, text: string): Promise<void> {
  const to = [...new Set(people.map((p) => p.email))];
  if (!to.length) return;
  try {
    await send(ctx, { to, subject, text });
  } catch (e) {
    ctx.log.warn({ err: e }, 'case reminder mail failed'); // the reminder stays in the history; mail is best effort
  }
}

/** Due-soon and overdue reminders (once each per deadline) and escalation up the unit tree. */
export async function checkDeadlines(ctx: AppContext, now = new Date()): Promise<{ dueSoon: number; overdue: number; escalated: number }> {
  const s = await loadCasesSettings(ctx.db);
  const cal = calendarOf(s);
  const tree = await ctx.units.current();
  const open = inArray(cases.status, [...OPEN_STATUSES]);
  const result = { dueSoon: 0, overdue: 0, escalated: 0 };
  const link = (c: Case) => `${baseUrl(ctx.config)}/admin/cases/${c.id}`;
  const params = (c: Case) => ({ id: c.id, title: c.title, unit: tree.get(c.unitId)?.name ?? '', due: formatDateTime(c.dueAt, 'vi'), link: link(c) });
  const recipients = async (c: Case) => [...((await personById(ctx.db, c.handlerId)) ? [(await personById(ctx.db, c.handlerId)) as Person] : []), ...(await nearestAdmins(ctx.db, tree, c.unitId))];

  // Due soon: not yet late, at most `dueSoonDays` working days left.
  const soon = await ctx.db.select().from(cases).where(and(open, isNull(cases.remindedDueSoonAt), isNotNull(cases.dueAt), sql`${cases.dueAt} >= ${now.toISOString()}`)).limit(BATCH);
  for (const c of soon) {
    if (workingDaysBetween(now, c.dueAt as Date, cal) > s.dueSoonDays) continue;
    const claimed = await ctx.db.update(cases).set({ remindedDueSoonAt: now }).where(and(eq(cases.id, c.id), isNull(cases.remindedDueSoonAt))).returning({ id: cases.id });
    if (!claimed.length) continue;
    await event(ctx, c, 'reminded', { kind: 'dueSoon' });
    await mailStaff(ctx, await recipients(c), translate('vi', 'mail.reminder.dueSoonSubject', params(c)), translate('vi', 'mail.reminder.text', params(c)));
    result.dueSoon++;
  }

  const late = await ctx.db.select().from(cases).where(and(open, isNotNull(cases.dueAt), lt(cases.dueAt, now))).limit(BATCH);
  for (const c of late) {
    if (!c.remindedOverdueAt) {
      const claimed = await ctx.db.update(cases).set({ remindedOverdueAt: now }).where(and(eq(cases.id, c.id), isNull(cases.remindedOverdueAt))).returning({ id: cases.id });
      if (claimed.length) {
        await event(ctx, c, 'reminded', { kind: 'overdue' });
        await mailStaff(ctx, await recipients(c), translate('vi', 'mail.reminder.overdueSubject', params(c)), translate('vi', 'mail.reminder.text', params(c)));
        result.overdue++;
      }
    }
    // One level up on the day it is late, and one more every `escalateEveryDays` working days after.
    const lineage = tree.lineage(c.unitId);
    const wanted = Math.min(lineage.length - 1, 1 + Math.floor(workingDaysBetween(c.dueAt as Date, now, cal) / s.escalateEveryDays));
    if (wanted <= c.escalationLevel) continue;
    const to = lineage[wanted];
    const claimed = await ctx.db.update(cases).set({ escalationLevel: wanted, escalatedAt: now }).where(and(eq(cases.id, c.id), eq(cases.escalationLevel, c.escalationLevel))).returning({ id: cases.id });
    if (!claimed.length) continue;
    await event(ctx, c, 'escalated', { level: wanted, toUnitId: to.id });
    await audit(ctx.db, 'system', { action: 'case.escalated', targetType: 'case', targetId: c.id, unitId: c.unitId, details: { level: wanted, toUnitId: to.id } });
    const p = { ...params(c), to: to.name };
    await mailStaff(ctx, await nearestAdmins(ctx.db, tree, to.id), translate('vi', 'mail.escalated.subject', p), translate('vi', 'mail.escalated.text', p));
    result.escalated++;
  }
  return result;
}

/** Contact details and files of cases closed longer than the retention period are deleted. */
export async function purgeExpiredContacts(ctx: AppContext, now = new Date()): Promise<number> {
  const s = await loadCasesSettings(ctx.db);
  const cutoff = new Date(now.getTime() - s.retentionDays * 86_400_000);
  const due = await ctx.db
    .select({ id: cases.id, unitId: cases.unitId })
    .from(cases)
    .where(and(eq(cases.status, 'closed'), lt(cases.closedAt, cutoff), isNull(cases.contactPurgedAt)))
    .limit(BATCH);
  for (const c of due) {
    const files = await deleteAttachments(ctx.db, ctx.config.dataDir, c.id);
    await ctx.db.transaction(async (tx) => {
      await tx.update(cases).set({ contactName: null, contactEmail: null, contactPhone: null, contactZalo: null, contactPurgedAt: now }).where(eq(cases.id, c.id));
      await tx.insert(caseEvents).values({ caseId: c.id, actorLabel: 'system', kind: 'purged', details: { files, retentionDays: s.retentionDays } });
      await audit(tx, 'system', { action: 'case.purged', targetType: 'case', targetId: c.id, unitId: c.unitId, details: { files } });
    });
  }
  return due.length;
}
