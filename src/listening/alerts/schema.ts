// Alerts of the listening desk: rules written by analysts, the alerts they fired (one per rule ×
// subject × window, the dedupe key), and each staff member's in-app notifications. Alerts carry
// figures about issues, topics and places only — never anything about who posted.
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../../auth/schema.ts';

const tz = (name: string) => timestamp(name, { withTimezone: true });

export const ALERT_KINDS = ['spike', 'frustration', 'query'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** What a rule watches; which fields apply depends on the kind (see rules.ts). */
export interface AlertParams {
  /** spike: which spikes count ('any' or one kind), and the lowest score. */
  spikeKind?: 'any' | 'issue' | 'topic' | 'place';
  minScore?: number;
  /** frustration: mean frustration (0–1) of an issue's posts in the window at or above this. */
  threshold?: number;
  /** frustration, query: at least this many posts in the window. */
  minPosts?: number;
  /** query: the topic query (packages/text-vi query language). */
  query?: string;
}

export const listeningAlertRules = pgTable(
  'listening_alert_rules',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    kind: text().$type<AlertKind>().notNull(),
    params: jsonb().$type<AlertParams>().notNull().default(sql`'{}'::jsonb`),
    /** The window in hours: figures are counted over it, and a subject fires at most once per window. */
    windowHours: integer('window_hours').notNull().default(24),
    /** At most this many alerts per hour from this rule; more are recorded as held back. */
    maxPerHour: integer('max_per_hour').notNull().default(5),
    inApp: boolean('in_app').notNull().default(true),
    emails: text().array().notNull().default(sql`'{}'::text[]`),
    webhookUrl: text('webhook_url'),
    enabled: boolean().notNull().default(true),
    lastEvaluatedAt: tz('last_evaluated_at'),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [check('listening_alert_rules_kind_check', sql`${t.kind} in ('spike','frustration','query')`)],
);

export interface AlertFigures {
  posts?: number;
  frustration?: number;
  score?: number;
  observed?: number;
  expected?: number;
  windowStart: string;
  windowEnd: string;
}

/** An alert a rule fired. `dedupeKey` = rule × subject × window bucket: one alert per subject per window. */
export const listeningAlerts = pgTable(
  'listening_alerts',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    ruleId: integer('rule_id')
      .notNull()
      .references(() => listeningAlertRules.id, { onDelete: 'cascade' }),
    /** What it is about: 'issue:12', 'topic:ngap-nuoc', 'place:q10-p12', 'query'. */
    subject: text().notNull(),
    dedupeKey: text('dedupe_key').notNull().unique(),
    /** Vietnamese one-line summary with its figures. */
    title: text().notNull(),
    /** Path of the dashboard view that shows the figures. */
    link: text().notNull(),
    figures: jsonb().$type<AlertFigures>().notNull(),
    /** Over the rule's rate limit: recorded, not delivered. */
    suppressed: boolean().notNull().default(false),
    emailedAt: tz('emailed_at'),
    webhookAt: tz('webhook_at'),
    webhookError: text('webhook_error'),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [index('listening_alerts_rule_idx').on(t.ruleId, t.createdAt)],
);

/** In-app notifications: one row per recipient (analysts and district administrators) and alert. */
export const listeningNotifications = pgTable(
  'listening_notifications',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    alertId: bigint('alert_id', { mode: 'number' })
      .notNull()
      .references(() => listeningAlerts.id, { onDelete: 'cascade' }),
    readAt: tz('read_at'),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [index('listening_notifications_user_idx').on(t.userId, t.createdAt), index('listening_notifications_unread_idx').on(t.userId).where(sql`read_at IS NULL`)],
);

export type AlertRule = typeof listeningAlertRules.$inferSelect;
export type Alert = typeof listeningAlerts.$inferSelect;
