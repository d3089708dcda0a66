// The rumour desk: claims (one checkable statement that circulates) and their links to posts and
// questions. Statements, never people: no author is stored here, a post is named by its id only.
import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../auth/schema.ts';
import { units } from '../org/schema.ts';

export const CLAIM_STATUSES = ['moi', 'dang_xac_minh', 'da_ket_luan', 'da_cong_bo'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export const CLAIM_VERDICTS = ['sai', 'sai_mot_phan', 'gay_hieu_lam', 'chua_co_can_cu', 'dung'] as const;
export type ClaimVerdict = (typeof CLAIM_VERDICTS)[number];
export const CLAIM_SOURCES = ['manual', 'issue', 'question', 'import'] as const;
export type ClaimSource = (typeof CLAIM_SOURCES)[number];
export const LINK_LEVELS = ['suggested', 'confirmed'] as const;
export type LinkLevel = (typeof LINK_LEVELS)[number];
export const LINK_DECISIONS = ['confirmed', 'rejected'] as const;
export type LinkDecision = (typeof LINK_DECISIONS)[number];

export const claims = pgTable(
  'claims',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** The office's own id for a claim brought from past work (import), unique. */
    externalId: text('external_id').unique(),
    statement: text().notNull(),
    status: text().$type<ClaimStatus>().notNull().default('moi'),
    verdict: text().$type<ClaimVerdict>(),
    unitId: integer('unit_id').notNull().references(() => units.id, { onDelete: 'restrict' }),
    handlerId: integer('handler_id').references(() => users.id, { onDelete: 'set null' }),
    /** Working days from creation, as cases count them. */
    dueAt: timestamp('due_at', { withTimezone: true }),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull().defaultNow(),
    createdFrom: text('created_from').$type<ClaimSource>().notNull(),
    /** The listening issue or question it was made from, as the source's own id. */
    createdFromRef: text('created_from_ref'),
    /** The correction brought by an import, kept until the sites' correction type publishes it. */
    correctionTitle: text('correction_title'),
    correctionBody: text('correction_body'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('claims_status_idx').on(t.status),
    check('claims_status_check', sql`${t.status} in ('moi', 'dang_xac_minh', 'da_ket_luan', 'da_cong_bo')`),
    check('claims_verdict_check', sql`${t.verdict} is null or ${t.verdict} in ('sai', 'sai_mot_phan', 'gay_hieu_lam', 'chua_co_can_cu', 'dung')`),
  ],
);

export const claimLinks = pgTable(
  'claim_links',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    claimId: integer('claim_id').notNull().references(() => claims.id, { onDelete: 'cascade' }),
    /** A listening post's id, or a citizen question's reference ("case:12"). */
    subject: text().notNull(),
    /** The text matched, kept so that decisions can teach the matcher again after a restart. */
    text: text().notNull(),
    level: text().$type<LinkLevel>().notNull(),
    score: doublePrecision().notNull(),
    decision: text().$type<LinkDecision>(),
    decidedBy: integer('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('claim_links_claim_subject_idx').on(t.claimId, t.subject),
    check('claim_links_level_check', sql`${t.level} in ('suggested', 'confirmed')`),
    check('claim_links_decision_check', sql`${t.decision} is null or ${t.decision} in ('confirmed', 'rejected')`),
  ],
);
