// Cases: a concern with an owner unit, a handler, a plan, a deadline and a public answer; its history;
// its attachments; the routing rules (place × topic → unit); and the API keys of Open311 client apps.
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, doublePrecision, index, integer, jsonb, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../auth/schema.ts';
import { listeningIssues } from '../listening/schema.ts';
import { units } from '../org/schema.ts';

export const CASE_STATUSES = ['new', 'assigned', 'in_progress', 'answered', 'closed', 'reopened'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_SOURCES = ['manual', 'issue', 'report', 'open311'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

export const cases = pgTable(
  'cases',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** The citizen's tracking code: unguessable, shown only to whoever submitted the report. */
    code: text().notNull().unique(),
    source: text().$type<CaseSource>().notNull(),
    title: text().notNull(),
    description: text().notNull(),
    /** Topic id of the taxonomy (packages/text-vi data/topics.json); null when unclassified. */
    topic: text(),
    /** The ward the concern is in (a unit of kind ward), when known. */
    wardId: integer('ward_id').references(() => units.id, { onDelete: 'set null' }),
    /** A gazetteer place id (street, market, hospital…), when known. */
    placeId: text('place_id'),
    address: text(),
    lat: doublePrecision(),
    long: doublePrecision(),
    /** The owner unit, answerable for the case. */
    unitId: integer('unit_id').notNull().references(() => units.id, { onDelete: 'restrict' }),
    handlerId: integer('handler_id').references(() => users.id, { onDelete: 'set null' }),
    plan: text(),
    dueAt: timestamp('due_at', { withTimezone: true }),
    status: text().$type<CaseStatus>().notNull().default('new'),
    publicAnswer: text('public_answer'),
    /** The latest answer, and the first (on-time rate counts the first). */
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    firstAnsweredAt: timestamp('first_answered_at', { withTimezone: true }),
    /** Whether the first answer came by the deadline that applied then (a re-open sets a new deadline). */
    firstAnswerOnTime: boolean('first_answer_on_time'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    reopenCount: integer('reopen_count').notNull().default(0),
    /** 0 = with the owner unit; n = raised n levels up the unit tree after the deadline passed. */
    escalationLevel: smallint('escalation_level').notNull().default(0),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    remindedDueSoonAt: timestamp('reminded_due_soon_at', { withTimezone: true }),
    remindedOverdueAt: timestamp('reminded_overdue_at', { withTimezone: true }),
    /** The citizen's rating of the answer, 1–5. */
    rating: smallint(),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    /** MinHash signature of title + description, for "a similar report exists". */
    signature: text(),
    /** The listening issue it came from. */
    issueId: integer('issue_id').references(() => listeningIssues.id, { onDelete: 'set null' }),
    /** Personal data: seen only by the handler, never published, purged after the retention period. */
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    contactZalo: text('contact_zalo'),
    contactPurgedAt: timestamp('contact_purged_at', { withTimezone: true }),
    citizenNotifiedAt: timestamp('citizen_notified_at', { withTimezone: true }),
    /** A photo URL an Open311 app sent (never fetched by us). */
    mediaUrl: text('media_url'),
    open311KeyId: integer('open311_key_id').references(() => open311Keys.id, { onDelete: 'set null' }),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('cases_unit_status_idx').on(t.unitId, t.status),
    index('cases_due_idx').on(t.dueAt),
    index('cases_created_idx').on(t.createdAt),
    index('cases_issue_idx').on(t.issueId),
    check('cases_status_check', sql`${t.status} in ('new','assigned','in_progress','answered','closed','reopened')`),
    check('cases_source_check', sql`${t.source} in ('manual','issue','report','open311')`),
    check('cases_rating_check', sql`${t.rating} is null or ${t.rating} between 1 and 5`),
    check('cases_lat_check', sql`${t.lat} is null or ${t.lat} between -90 and 90`),
    check('cases_long_check', sql`${t.long} is null or ${t.long} between -180 and 180`),
  ],
);

export const CASE_EVENT_KINDS = ['created', 'edited', 'assigned', 'status', 'answered', 'note', 'attachment', 'escalated', 'reminded', 'rated', 'notified', 'purged'] as const;
export type CaseEventKind = (typeof CASE_EVENT_KINDS)[number];

/** The case history: every change, who made it and when. Rows are only ever inserted. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** The actor's e-mail, "citizen", "system" or "cli" at the time. */
    actorLabel: text('actor_label').notNull(),
    kind: text().$type<CaseEventKind>().notNull(),
    fromStatus: text('from_status').$type<CaseStatus>(),
    toStatus: text('to_status').$type<CaseStatus>(),
    /** Internal notes and details; never shown to the public. */
    note: text(),
    details: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.at), index('case_events_kind_at_idx').on(t.kind, t.at)],
);

/** Photos and files. Citizen photos are resized and stripped of metadata before they are stored. */
export const caseAttachments = pgTable(
  'case_attachments',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    /** Relative to the data folder. */
    path: text().notNull(),
    fileName: text('file_name').notNull(),
    mime: text().notNull(),
    size: integer().notNull(),
    /** Sent by the citizen (vs. added by staff). */
    fromCitizen: boolean('from_citizen').notNull().default(false),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_attachments_case_idx').on(t.caseId)],
);

/** Routing: a case matching the place (ward and/or gazetteer place) and topic goes to the unit. Empty = any. */
export const caseRoutingRules = pgTable(
  'case_routing_rules',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    topic: text(),
    wardId: integer('ward_id').references(() => units.id, { onDelete: 'cascade' }),
    placeId: text('place_id'),
    unitId: integer('unit_id').notNull().references(() => units.id, { onDelete: 'cascade' }),
    note: text(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_routing_rules_unit_idx').on(t.unitId)],
);

/** API keys of Open311 client apps; only the SHA-256 of a key is stored. */
export const open311Keys = pgTable('open311_keys', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  name: text().notNull(),
  keyHash: text('key_hash').notNull().unique(),
  /** The first characters of the key, to recognise it in lists. */
  prefix: text().notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

export type Case = typeof cases.$inferSelect;
export type NewCase = typeof cases.$inferInsert;
export type CaseEvent = typeof caseEvents.$inferSelect;
export type CaseAttachment = typeof caseAttachments.$inferSelect;
export type RoutingRule = typeof caseRoutingRules.$inferSelect;
export type Open311Key = typeof open311Keys.$inferSelect;
