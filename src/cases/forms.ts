// Input schemas shared by the office pages and the JSON API (forms send strings; the API sends types).
import { z } from 'zod';
import { CASE_STATUSES } from './schema.ts';
import { endOfVnDay } from '../core/time.ts';
import { isPlace, isTopic } from './text.ts';

const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((s) => (s ? s : null));
const optionalId = z.preprocess((v) => (v === '' || v === null || v === undefined ? null : typeof v === 'string' ? Number(v) : v), z.number().int().positive().max(2_147_483_647).nullable());

export const topicField = optional(60).refine((t) => t === null || isTopic(t), { message: 'unknown topic' });
export const placeField = optional(80).refine((p) => p === null || isPlace(p), { message: 'unknown place' });
const dueField = z
  .string()
  .trim()
  .nullish()
  .refine((s) => !s || /^\d{4}-\d{2}-\d{2}$/.test(s), { message: 'YYYY-MM-DD' })
  .transform((s) => (s ? endOfVnDay(s) : null));

export const caseFields = {
  title: text(3, 200),
  description: text(3, 5000),
  topic: topicField,
  wardId: optionalId,
  placeId: placeField,
  address: optional(300),
  plan: optional(3000),
  dueDate: dueField,
};

export const newCaseSchema = z.object({ ...caseFields, unitId: optionalId, issueId: optionalId });
export type NewCaseForm = z.infer<typeof newCaseSchema>;
export const editCaseSchema = z.object(caseFields);
export const assignSchema = z.object({ unitId: optionalId.refine((n) => n !== null), handlerId: optionalId });
export const statusSchema = z.object({ to: z.enum(['assigned', 'in_progress', 'closed', 'reopened']), note: optional(3000) });
export const answerSchema = z.object({ answer: text(1, 5000) });
export const noteSchema = z.object({ note: text(1, 3000) });
export const listQuery = z.object({
  status: z.enum([...CASE_STATUSES, 'open', 'overdue']).optional().catch(undefined),
  mine: z.string().max(5).optional(),
  before: z.coerce.number().int().positive().optional().catch(undefined),
  limit: z.coerce.number().int().min(1).max(200).default(50).catch(50),
});
