// Cases: creating, editing, assigning, moving through the status machine, answering. Every change
// writes a history row (who, when, what) and, in the same transaction, the audit log.
import { randomInt } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import { type Actor, audit } from '../audit/index.ts';
import type { Db } from '../db/client.ts';
import { conflict, invalid, isUniqueViolation, notFound } from '../core/errors.ts';
import { caseEvents, cases, type Case, type CaseEvent, type CaseEventKind, type CaseSource, type CaseStatus, type NewCase } from './schema.ts';
import { calendarOf, loadCasesSettings, serviceDays, type CasesSettings } from './settings.ts';
import { addWorkingDays } from './sla.ts';
import { assertMove, OPEN_STATUSES } from './status.ts';
import { textSignature } from './text.ts';

/** A person, the CLI, the system, or the citizen who sent the report. */
export type CaseActor = Actor | 'citizen';
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

// Tracking codes: 10 characters from 31 that cannot be confused (no 0/O, 1/I/L): about 8·10^14 codes.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_PATTERN = /^[2-9A-HJKMNP-Z]{10}$/;
export const newCode = (): string => Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
/** Codes are typed by people: spaces, dashes and lower case are forgiven. */
export const normalizeCode = (s: string): string => s.replace(/[\s-]/g, '').toUpperCase().slice(0, 20);

export interface Contact {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  zalo?: string | null;
}

export interface CaseInput {
  source: CaseSource;
  title: string;
  description: string;
  topic?: string | null;
  wardId?: number | null;
  placeId?: string | null;
  address?: string | null;
  lat?: number | null;
  long?: number | null;
  unitId: number;
  handlerId?: number | null;
  plan?: string | null;
  dueAt?: Date | null;
  issueId?: number | null;
  contact?: Contact;
  open311KeyId?: number | null;
  mediaUrl?: string | null;
}

const labelOf = (actor: CaseActor): { actorId: number | null; actorLabel: string } => (typeof actor === 'string' ? { actorId: null, actorLabel: actor } : { actorId: actor.id, actorLabel: actor.email });
const auditActor = (actor: CaseActor): Actor => (actor === 'citizen' ? 'system' : actor);

async function record(tx: Tx, actor: CaseActor, c: Pick<Case, 'id' | 'unitId'>, kind: CaseEventKind, e: { from?: CaseStatus; to?: CaseStatus; note?: string | null; details?: Record<string, unknown> } = {}): Promise<void> {
  await tx.insert(caseEvents).values({ caseId: c.id, ...labelOf(actor), kind, fromStatus: e.from ?? null, toStatus: e.to ?? null, note: e.note ?? null, details: e.details ?? null });
  // Notes stay in the case history; the audit log records that one was written, not its text.
  await audit(tx, auditActor(actor), { action: `case.${kind}`, targetType: 'case', targetId: c.id, unitId: c.unitId, details: { ...(e.from ? { from: e.from } : {}), ...(e.to ? { to: e.to } : {}), ...(e.details ?? {}) } });
}

/** `within` runs in the same transaction once the case row exists (e.g. to add its files). */
export async function createCase(db: Db, actor: CaseActor, input: CaseInput, settings?: CasesSettings, within?: (tx: Tx, c: Case) => Promise<unknown>): Promise<Case> {
  const s = settings ?? (await loadCasesSettings(db));
  const now = new Date();
  const values: NewCase = {
    code: newCode(),
    source: input.source,
    title: input.title,
    description: input.description,
    topic: input.topic ?? null,
    wardId: input.wardId ?? null,
    placeId: input.placeId ?? null,
    address: input.address ?? null,
    lat: input.lat ?? null,
    long: input.long ?? null,
    unitId: input.unitId,
    handlerId: input.handlerId ?? null,
    plan: input.plan ?? null,
    dueAt: input.dueAt ?? addWorkingDays(now, serviceDays(s, input.topic), calendarOf(s)),
    status: input.handlerId ? 'assigned' : 'new',
    issueId: input.issueId ?? null,
    signature: textSignature(input.title, input.description),
    contactName: input.contact?.name ?? null,
    contactEmail: input.contact?.email ?? null,
    contactPhone: input.contact?.phone ?? null,
    contactZalo: input.contact?.zalo ?? null,
    open311KeyId: input.open311KeyId ?? null,
    mediaUrl: input.mediaUrl ?? null,
    createdBy: typeof actor === 'object' ? actor.id : null,
    createdAt: now,
    updatedAt: now,
  };
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        const [c] = await tx.insert(cases).values(values).returning();
        await record(tx, actor, c, 'created', { to: c.status, details: { source: c.source, topic: c.topic, unitId: c.unitId, handlerId: c.handlerId, dueAt: c.dueAt?.toISOString() ?? null, issueId: c.issueId } });
        await within?.(tx, c);
        return c;
      });
    } catch (e) {
      if (!isUniqueViolation(e) || attempt > 3) throw e;
      values.code = newCode(); // a tracking code collision: astronomically rare, but cheap to retry
    }
  }
}

export async function getCase(db: Db, id: number): Promise<Case | undefined> {
  const [c] = await db.select().from(cases).where(eq(cases.id, id));
  return c;
}

export async function getCaseByCode(db: Db, code: string): Promise<Case | undefined> {
  const normal = normalizeCode(code);
  if (!CODE_PATTERN.test(normal)) return undefined;
  const [c] = await db.select().from(cases).where(eq(cases.code, normal));
  return c;
}

/** Runs `change` on the case row locked for update; 404 when it does not exist. */
async function withCase<T>(db: Db, id: number, change: (tx: Tx, c: Case) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const [c] = await tx.select().from(cases).where(eq(cases.id, id)).for('update');
    if (!c) throw notFound();
    return change(tx, c);
  });
}

async function save(tx: Tx, id: number, set: Partial<NewCase>): Promise<Case> {
  const [c] = await tx.update(cases).set({ ...set, updatedAt: new Date() }).where(eq(cases.id, id)).returning();
  return c;
}

export type CasePatch = Partial<Pick<Case, 'title' | 'description' | 'topic' | 'wardId' | 'placeId' | 'address' | 'plan' | 'dueAt'>>;

export async function updateCase(db: Db, actor: CaseActor, id: number, patch: CasePatch): Promise<Case> {
  return withCase(db, id, async (tx, before) => {
    const changes: Record<string, [unknown, unknown]> = {};
    for (const [k, v] of Object.entries(patch) as Array<[keyof CasePatch, unknown]>) {
      if (v === undefined) continue;
      const old = before[k];
      const same = old instanceof Date && v instanceof Date ? old.getTime() === v.getTime() : old === v;
      if (!same) changes[k] = [old instanceof Date ? old.toISOString() : old, v instanceof Date ? v.toISOString() : v];
    }
    if (!Object.keys(changes).length) return before;
    const set: Partial<NewCase> = { ...patch };
    if (patch.title !== undefined || patch.description !== undefined) set.signature = textSignature(patch.title ?? before.title, patch.description ?? before.description);
    // A new deadline gets fresh reminders.
    if (changes.dueAt) Object.assign(set, { remindedDueSoonAt: null, remindedOverdueAt: null, escalationLevel: 0, escalatedAt: null });
    const c = await save(tx, id, set);
    await record(tx, actor, c, 'edited', { details: { changes: redactLong(changes) } });
    return c;
  });
}

/** Hands the case to a unit and (optionally) a handler; a new or re-opened case becomes "assigned". */
export async function assignCase(db: Db, actor: CaseActor, id: number, to: { unitId: number; handlerId: number | null }): Promise<Case> {
  return withCase(db, id, async (tx, before) => {
    if (before.unitId === to.unitId && before.handlerId === to.handlerId) return before;
    const status: CaseStatus = (before.status === 'new' || before.status === 'reopened') && to.handlerId ? 'assigned' : before.status;
    const moved = before.unitId !== to.unitId;
    const c = await save(tx, id, { unitId: to.unitId, handlerId: to.handlerId, status, ...(moved ? { escalationLevel: 0, escalatedAt: null } : {}) });
    await record(tx, actor, c, 'assigned', { ...(status !== before.status ? { from: before.status, to: status } : {}), details: { unitId: [before.unitId, to.unitId], handlerId: [before.handlerId, to.handlerId] } });
    return c;
  });
}

/** Moves the case to another status; answering goes through answerCase. */
export async function moveCase(db: Db, actor: CaseActor, id: number, to: Exclude<CaseStatus, 'answered'>, note?: string | null, settings?: CasesSettings): Promise<Case> {
  const s = to === 'reopened' ? (settings ?? (await loadCasesSettings(db))) : undefined;
  return withCase(db, id, async (tx, before) => {
    assertMove(before.status, to);
    const now = new Date();
    const set: Partial<NewCase> = { status: to };
    if (to === 'closed') set.closedAt = now;
    if (to === 'reopened' && s) {
      // A re-opened case gets a new deadline and a clean slate of reminders.
      Object.assign(set, { closedAt: null, reopenCount: before.reopenCount + 1, dueAt: addWorkingDays(now, serviceDays(s, before.topic), calendarOf(s)), remindedDueSoonAt: null, remindedOverdueAt: null, escalationLevel: 0, escalatedAt: null });
    }
    const c = await save(tx, id, set);
    await record(tx, actor, c, 'status', { from: before.status, to, note });
    return c;
  });
}

/** Publishes the answer: the case becomes "answered" and the citizen will be told. */
export async function answerCase(db: Db, actor: CaseActor, id: number, answer: string): Promise<Case> {
  const text = answer.trim();
  if (!text) throw invalid('cases.answerRequired');
  return withCase(db, id, async (tx, before) => {
    assertMove(before.status, 'answered');
    const now = new Date();
    const first = before.firstAnsweredAt === null;
    const c = await save(tx, id, { status: 'answered', publicAnswer: text, answeredAt: now, citizenNotifiedAt: null, ...(first ? { firstAnsweredAt: now, firstAnswerOnTime: !before.dueAt || now.getTime() <= before.dueAt.getTime() } : {}) });
    await record(tx, actor, c, 'answered', { from: before.status, to: 'answered', details: { length: text.length } });
    return c;
  });
}

export async function addNote(db: Db, actor: CaseActor, id: number, note: string): Promise<void> {
  const text = note.trim();
  if (!text) throw invalid('cases.noteRequired');
  await withCase(db, id, async (tx, c) => {
    await tx.insert(caseEvents).values({ caseId: c.id, ...labelOf(actor), kind: 'note', note: text });
    await audit(tx, auditActor(actor), { action: 'case.note', targetType: 'case', targetId: c.id, unitId: c.unitId });
    await save(tx, id, {});
  });
}

/** The citizen's verdict on the answer, within the re-open window. */
export async function rateCase(db: Db, id: number, rating: number, settings: CasesSettings): Promise<Case> {
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) throw invalid('cases.badRating');
  return withCase(db, id, async (tx, before) => {
    if (!citizenWindowOpen(before, settings)) throw conflict('cases.windowClosed');
    const c = await save(tx, id, { rating, ratedAt: new Date() });
    await record(tx, 'citizen', c, 'rated', { details: { rating, previous: before.rating } });
    return c;
  });
}

/** The citizen re-opens an answered case within the window when the problem is not fixed. */
export async function citizenReopen(db: Db, id: number, reason: string, settings: CasesSettings): Promise<Case> {
  const c = await getCase(db, id);
  if (!c) throw notFound();
  if (!citizenWindowOpen(c, settings)) throw conflict('cases.windowClosed');
  return moveCase(db, 'citizen', id, 'reopened', reason.trim() || null, settings);
}

/** Rating and re-opening are open for `reopenDays` after the latest answer. */
export function citizenWindowOpen(c: Pick<Case, 'status' | 'answeredAt'>, s: Pick<CasesSettings, 'reopenDays'>, now = new Date()): boolean {
  if (c.status !== 'answered' && c.status !== 'closed') return false;
  return Boolean(c.answeredAt && now.getTime() - c.answeredAt.getTime() <= s.reopenDays * 86_400_000);
}

export async function caseHistory(db: Db, id: number): Promise<CaseEvent[]> {
  return db.select().from(caseEvents).where(eq(caseEvents.caseId, id)).orderBy(asc(caseEvents.at), asc(caseEvents.id));
}

export interface CaseFilter {
  /** Only cases owned by these units (null: all). */
  unitIds: number[] | null;
  status?: CaseStatus | 'open' | 'overdue';
  handlerId?: number;
  before?: number;
  limit?: number;
}

export async function listCases(db: Db, f: CaseFilter): Promise<Case[]> {
  const conds: SQL[] = [];
  if (f.unitIds) conds.push(inArray(cases.unitId, f.unitIds.length ? f.unitIds : [-1]));
  if (f.status === 'open') conds.push(inArray(cases.status, [...OPEN_STATUSES]));
  else if (f.status === 'overdue') conds.push(inArray(cases.status, [...OPEN_STATUSES]), isNotNull(cases.dueAt), lt(cases.dueAt, new Date()));
  else if (f.status) conds.push(eq(cases.status, f.status));
  if (f.handlerId) conds.push(eq(cases.handlerId, f.handlerId));
  if (f.before) conds.push(lt(cases.id, f.before));
  return db
    .select()
    .from(cases)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(cases.id))
    .limit(Math.min(Math.max(f.limit ?? 50, 1), 200));
}

/** Recent open cases with a signature, for duplicate suggestions. */
export async function recentOpenSignatures(db: Db, days = 30, limit = 2000): Promise<Array<Pick<Case, 'id' | 'code' | 'title' | 'status' | 'signature' | 'createdAt' | 'unitId' | 'topic'>>> {
  return db
    .select({ id: cases.id, code: cases.code, title: cases.title, status: cases.status, signature: cases.signature, createdAt: cases.createdAt, unitId: cases.unitId, topic: cases.topic })
    .from(cases)
    .where(and(inArray(cases.status, [...OPEN_STATUSES, 'answered']), isNotNull(cases.signature), sql`${cases.createdAt} > now() - (${days}::int * interval '1 day')`))
    .orderBy(desc(cases.id))
    .limit(limit);
}

const redactLong = (changes: Record<string, [unknown, unknown]>): Record<string, [unknown, unknown]> =>
  Object.fromEntries(Object.entries(changes).map(([k, [a, b]]) => [k, k === 'description' ? ['…', '…'] : [a, b]]));
