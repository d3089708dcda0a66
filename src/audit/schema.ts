import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../auth/schema.ts';

/** Who changed what, when. Rows are only ever inserted. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** The actor's e-mail (or "cli", "system") at the time, kept when the account is deleted. */
    actorLabel: text('actor_label').notNull(),
    action: text().notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    unitId: integer('unit_id'),
    details: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_target_idx').on(t.targetType, t.targetId)],
);

export type AuditEntry = typeof auditLog.$inferSelect;
