// What the public sees of cases: published answers and a report's own status, never personal data.
import { and, desc, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { caseHistory } from '../cases.ts';
import { cases, type Case, type CaseStatus } from '../schema.ts';
import { publicText } from '../text.ts';

export interface PublicAnswer {
  id: number;
  title: string;
  question: string;
  answer: string;
  unitId: number;
  topic: string | null;
  receivedAt: Date;
  answeredAt: Date;
}

export const PAGE_SIZE = 20;

/** Answered cases of these units, newest answer first; question text redacted. */
export async function listAnswers(db: Db, unitIds: number[], page: number): Promise<{ rows: PublicAnswer[]; more: boolean }> {
  const rows = await db
    .select({ id: cases.id, title: cases.title, description: cases.description, publicAnswer: cases.publicAnswer, unitId: cases.unitId, topic: cases.topic, createdAt: cases.createdAt, answeredAt: cases.answeredAt })
    .from(cases)
    .where(and(inArray(cases.unitId, unitIds.length ? unitIds : [-1]), inArray(cases.status, ['answered', 'closed']), isNotNull(cases.publicAnswer), isNotNull(cases.answeredAt)))
    .orderBy(desc(cases.answeredAt), desc(cases.id))
    .limit(PAGE_SIZE + 1)
    .offset((page - 1) * PAGE_SIZE);
  return {
    more: rows.length > PAGE_SIZE,
    rows: rows.slice(0, PAGE_SIZE).map((r) => ({ id: r.id, title: publicText(r.title), question: publicText(r.description), answer: r.publicAnswer as string, unitId: r.unitId, topic: r.topic, receivedAt: r.createdAt, answeredAt: r.answeredAt as Date })),
  };
}

export interface PublicStep {
  at: Date;
  status: CaseStatus;
  unitId?: number;
}

/** The report's public timeline: received, handed to a unit, status changes, answers. */
export async function publicTimeline(db: Db, c: Case): Promise<PublicStep[]> {
  const steps: PublicStep[] = [];
  for (const e of await caseHistory(db, c.id)) {
    if (e.kind === 'created') steps.push({ at: e.at, status: 'new', unitId: c.unitId });
    else if (e.kind === 'assigned') {
      const unit = (e.details?.unitId as [number, number] | undefined)?.[1];
      if (e.toStatus) steps.push({ at: e.at, status: e.toStatus, unitId: unit });
      else if (unit !== undefined && (e.details?.unitId as [number, number])[0] !== unit) steps.push({ at: e.at, status: 'assigned', unitId: unit });
    } else if ((e.kind === 'status' || e.kind === 'answered') && e.toStatus) steps.push({ at: e.at, status: e.toStatus });
  }
  return steps;
}

