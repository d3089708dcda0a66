// Writes the audit trail. Call it in the same transaction as the change it records.
import { and, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditLog, type AuditEntry } from './schema.ts';

export type Actor = { id: number; email: string } | 'cli' | 'system';

export interface AuditRecord {
  action: string;
  targetType: string;
  targetId?: string | number | null;
  unitId?: number | null;
  details?: Record<string, unknown>;
}

export async function audit(db: Db, actor: Actor, record: AuditRecord): Promise<void> {
  await db.insert(auditLog).values({
    actorId: typeof actor === 'string' ? null : actor.id,
    actorLabel: typeof actor === 'string' ? actor : actor.email,
    action: record.action,
    targetType: record.targetType,
    targetId: record.targetId === undefined || record.targetId === null ? null : String(record.targetId),
    unitId: record.unitId ?? null,
    details: record.details ?? null,
  });
}

export interface AuditQuery {
  before?: number;
  action?: string;
  targetType?: string;
  targetId?: string;
  /** Only the changes made on these units. */
  unitIds?: number[];
  limit?: number;
}

/** Newest first, keyset-paginated by id. */
export async function listAudit(db: Db, q: AuditQuery = {}): Promise<AuditEntry[]> {
  const conds: SQL[] = [];
  if (q.before) conds.push(lt(auditLog.id, q.before));
  if (q.action) conds.push(eq(auditLog.action, q.action));
  if (q.targetType) conds.push(eq(auditLog.targetType, q.targetType));
  if (q.targetId) conds.push(eq(auditLog.targetId, q.targetId));
  if (q.unitIds) conds.push(inArray(auditLog.unitId, q.unitIds.concat(-1)));
  return db
    .select()
    .from(auditLog)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(Math.min(Math.max(q.limit ?? 50, 1), 200));
}

/** Only the changed fields, as {field: [before, after]}. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const [key, value] of Object.entries(after)) {
    if (value !== undefined && before[key] !== value) out[key] = [before[key], value];
  }
  return out;
}
