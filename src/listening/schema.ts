// The listening desk's tables: sources, posts (redacted, authors hashed), issues, pre-aggregated
// hourly counts for the dashboards, spikes, analysts' labels and models, imports, and state.
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, customType, doublePrecision, index, integer, jsonb, pgTable, primaryKey, real, smallint, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { users } from '../auth/schema.ts';
import { platformConnections } from '../platforms/schema.ts';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });
const tz = (name: string) => timestamp(name, { withTimezone: true });

export const SOURCE_STATUSES = ['idle', 'ok', 'unhealthy'] as const;
export type SourceStatus = (typeof SOURCE_STATUSES)[number];

/** Where posts come from: one row per configured feed, page, channel, file import name… */
export const listeningSources = pgTable(
  'listening_sources',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** Stable name used by the CLI (`--source NAME`) and in URLs. */
    name: text().notNull().unique(),
    /** What reads it: a platform's listen capability (src/platforms) or a built-in kind (see sources/registry.ts). */
    kind: text().notNull(),
    label: text().notNull(),
    /** The source's own settings; the platform account's fields and secrets are kept with its connection. */
    settings: jsonb().$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    /** The platform account read (a Page, a channel, an OA), shared with publishing and messages. */
    connectionId: integer('connection_id').references(() => platformConnections.id),
    /** Connector-defined position in the stream (last item seen, ETag, page token…). */
    cursor: jsonb().$type<unknown>(),
    enabled: boolean().notNull().default(true),
    /** Synthetic data (the demo stream): always marked as such on screen. */
    synthetic: boolean().notNull().default(false),
    intervalSeconds: integer('interval_seconds').notNull().default(900),
    status: text().$type<SourceStatus>().notNull().default('idle'),
    lastError: text('last_error'),
    lastErrorAt: tz('last_error_at'),
    failures: integer().notNull().default(0),
    nextPollAt: tz('next_poll_at'),
    lastPolledAt: tz('last_polled_at'),
    lastSuccessAt: tz('last_success_at'),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [check('listening_sources_status_check', sql`${t.status} in ('idle','ok','unhealthy')`), check('listening_sources_name_check', sql`${t.name} ~ '^[a-z0-9][a-z0-9._-]{0,62}$'`)],
);

export const ISSUE_STATUSES = ['active', 'merged', 'archived'] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

/** A concern the public raises: a cluster of posts, kept up to date as posts arrive. */
export const listeningIssues = pgTable(
  'listening_issues',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** Generated from the key phrases; follows the posts. */
    label: text().notNull().default(''),
    /** An analyst's name for the issue; shown instead of `label` and never overwritten by clustering. */
    customLabel: text('custom_label'),
    status: text().$type<IssueStatus>().notNull().default('active'),
    mergedInto: integer('merged_into'),
    pinned: boolean().notNull().default(false),
    /** Key phrases with weights, best first: [[phrase, weight], …]. */
    keyPhrases: jsonb('key_phrases').$type<Array<[string, number]>>().notNull().default(sql`'[]'::jsonb`),
    topics: text().array().notNull().default(sql`'{}'::text[]`),
    places: text().array().notNull().default(sql`'{}'::text[]`),
    postCount: integer('post_count').notNull().default(0),
    voices: integer().notNull().default(0),
    frustrationSum: doublePrecision('frustration_sum').notNull().default(0),
    negative: integer().notNull().default(0),
    neutral: integer().notNull().default(0),
    positive: integer().notNull().default(0),
    firstSeen: tz('first_seen').notNull(),
    lastSeen: tz('last_seen').notNull(),
    /** Clustering state: the time-decayed centroid, topic and place counts (see clustering/state.ts). */
    centroid: jsonb().$type<unknown>().notNull().default(sql`'{}'::jsonb`),
    /** Ids of issues an analyst split from this one: never merged back automatically. */
    apart: integer().array().notNull().default(sql`'{}'::integer[]`),
    /** Posts that show the issue best (closest to the centroid). */
    representative: bigint({ mode: 'number' }).array().notNull().default(sql`'{}'::bigint[]`),
    spikeAt: tz('spike_at'),
    spikeScore: real('spike_score'),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('listening_issues_last_seen_idx').on(t.lastSeen),
    check('listening_issues_status_check', sql`${t.status} in ('active','merged','archived')`),
  ],
);

/** Posts, stored redacted with authors replaced by a keyed hash. `text` is emptied after the retention time. */
export const listeningPosts = pgTable(
  'listening_posts',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    sourceId: integer('source_id')
      .notNull()
      .references(() => listeningSources.id, { onDelete: 'cascade' }),
    externalId: text('external_id').notNull(),
    parentExternalId: text('parent_external_id'),
    /** HMAC of the author id (or name) with the installation's author-hash key; null when unknown. */
    authorHash: text('author_hash'),
    postedAt: tz('posted_at').notNull(),
    ingestedAt: tz('ingested_at').notNull().defaultNow(),
    url: text(),
    /** Redacted text; null once purged. */
    text: text(),
    /** 0 stored, waiting for analysis and clustering; 1 done. */
    status: smallint().notNull().default(0),
    /** -1 negative, 0 neutral, 1 positive. */
    sentiment: smallint(),
    sentimentScore: real('sentiment_score'),
    frustration: real(),
    toxicity: real(),
    topics: text().array(),
    places: text().array(),
    /** The ward the post is about (a gazetteer id), '' when none. */
    ward: text().notNull().default(''),
    /** MinHash signature (64 × 16 bits) for near-duplicates; null once purged. */
    signature: bytea(),
    issueId: integer('issue_id').references(() => listeningIssues.id, { onDelete: 'set null' }),
    /** An analyst placed the post in its issue: clustering never moves it. */
    issueLocked: boolean('issue_locked').notNull().default(false),
    purgedAt: tz('purged_at'),
  },
  (t) => [
    unique('listening_posts_source_external_key').on(t.sourceId, t.externalId),
    index('listening_posts_issue_idx').on(t.issueId, t.postedAt),
    index('listening_posts_pending_idx').on(t.id).where(sql`status = 0`),
    index('listening_posts_posted_idx').on(t.postedAt),
  ],
);

/** Distinct voices per issue (exact), so that merges and splits recount correctly. */
export const listeningIssueVoices = pgTable(
  'listening_issue_voices',
  {
    issueId: integer('issue_id')
      .notNull()
      .references(() => listeningIssues.id, { onDelete: 'cascade' }),
    authorHash: text('author_hash').notNull(),
    /** The voice's latest post in the issue: the voices of a period reaching the issue's last post are those heard since its start. */
    lastSeen: timestamp('last_seen', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.issueId, t.authorHash] }), index('listening_issue_voices_recent_idx').on(t.issueId, t.lastSeen)],
);

// Pre-aggregated counts per hour (posted time, UTC hour). `voices` holds up to VOICE_SKETCH distinct
// author keys: a union of such capped sets says exactly whether a cell reaches the minimum voices.
const hourlyMeasures = {
  n: integer().notNull().default(0),
  negative: integer().notNull().default(0),
  positive: integer().notNull().default(0),
  frustrationSum: doublePrecision('frustration_sum').notNull().default(0),
  voices: integer().array().notNull().default(sql`'{}'::integer[]`),
};

export const listeningIssueHourly = pgTable(
  'listening_issue_hourly',
  {
    issueId: integer('issue_id')
      .notNull()
      .references(() => listeningIssues.id, { onDelete: 'cascade' }),
    hour: tz('hour').notNull(),
    sourceId: integer('source_id').notNull(),
    ward: text().notNull(),
    ...hourlyMeasures,
  },
  (t) => [primaryKey({ columns: [t.issueId, t.hour, t.sourceId, t.ward] }), index('listening_issue_hourly_hour_idx').on(t.hour)],
);

/**
 * The same counts per Vietnam calendar day (`day` is the Vietnam midnight starting it), written with the
 * hourly rows: a period's whole days are read from here, only its first and last hours from the hourly
 * table, so the attention list reads ~24× fewer rows. `voices` is the union of the day's hourly sketches
 * (capped the same way, so it still tells exactly whether a cell reaches the minimum of voices).
 */
export const listeningIssueDaily = pgTable(
  'listening_issue_daily',
  {
    issueId: integer('issue_id')
      .notNull()
      .references(() => listeningIssues.id, { onDelete: 'cascade' }),
    day: tz('day').notNull(),
    sourceId: integer('source_id').notNull(),
    ward: text().notNull(),
    ...hourlyMeasures,
  },
  (t) => [primaryKey({ columns: [t.issueId, t.day, t.sourceId, t.ward] }), index('listening_issue_daily_day_idx').on(t.day)],
);

/** Per topic ('*' = every post once, '' = no topic) × ward × source × hour. */
export const listeningTopicHourly = pgTable(
  'listening_topic_hourly',
  {
    hour: tz('hour').notNull(),
    topic: text().notNull(),
    ward: text().notNull(),
    sourceId: integer('source_id').notNull(),
    ...hourlyMeasures,
  },
  (t) => [primaryKey({ columns: [t.hour, t.topic, t.ward, t.sourceId] })],
);

export const SPIKE_KINDS = ['issue', 'topic', 'place'] as const;
export type SpikeKind = (typeof SPIKE_KINDS)[number];

/** Spikes found by the trends job: more posts in a window than the seasonal baseline expects. */
export const listeningSpikes = pgTable(
  'listening_spikes',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    kind: text().$type<SpikeKind>().notNull(),
    /** Issue id, topic id or ward id. */
    key: text().notNull(),
    windowStart: tz('window_start').notNull(),
    windowEnd: tz('window_end').notNull(),
    observed: integer().notNull(),
    expected: doublePrecision().notNull(),
    /** (observed − expected) / √expected */
    score: doublePrecision().notNull(),
    /** Poisson upper-tail probability of observing this many or more. */
    pValue: doublePrecision('p_value').notNull(),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [unique('listening_spikes_key').on(t.kind, t.key, t.windowEnd), index('listening_spikes_end_idx').on(t.windowEnd), check('listening_spikes_kind_check', sql`${t.kind} in ('issue','topic','place')`)],
);

export const LABEL_KINDS = ['sentiment', 'topic'] as const;
export type LabelKind = (typeof LABEL_KINDS)[number];

/** Analysts' labels on posts, the training data of the installation's own classifiers. */
export const listeningLabels = pgTable(
  'listening_labels',
  {
    postId: bigint('post_id', { mode: 'number' })
      .notNull()
      .references(() => listeningPosts.id, { onDelete: 'cascade' }),
    kind: text().$type<LabelKind>().notNull(),
    value: text().notNull(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.kind] }), check('listening_labels_kind_check', sql`${t.kind} in ('sentiment','topic')`)],
);

/** The installation's classifiers trained from the labels (serialised text-vi models). */
export const listeningModels = pgTable('listening_models', {
  kind: text().$type<LabelKind>().primaryKey(),
  model: bytea().notNull(),
  examples: integer().notNull(),
  metrics: jsonb().$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  trainedAt: tz('trained_at').notNull().defaultNow(),
});

/** One row per import run (CLI or upload), with its summary and the first rejected lines. */
export const listeningImports = pgTable('listening_imports', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  sourceName: text('source_name').notNull(),
  fileName: text('file_name').notNull(),
  format: text().notNull(),
  /** 'interrupted': its process died while it ran (found at the next start); running the file again resumes it. */
  status: text().$type<ImportStatus>().notNull().default('running'),
  read: integer().notNull().default(0),
  added: integer().notNull().default(0),
  duplicates: integer().notNull().default(0),
  rejected: integer().notNull().default(0),
  /** [{line, reason}] for the first rejected lines. */
  errors: jsonb().$type<Array<{ line: number; reason: string }>>().notNull().default(sql`'[]'::jsonb`),
  error: text(),
  actor: text().notNull(),
  startedAt: tz('started_at').notNull().defaultNow(),
  finishedAt: tz('finished_at'),
  /** The process running it (host name and pid), and when it last reported: a dead owner means interrupted. */
  owner: text(),
  heartbeatAt: tz('heartbeat_at'),
  /** An upload's copy in the data folder, kept until the import finishes (so an interrupted one can resume). */
  storedFile: text('stored_file'),
});

export type ImportStatus = 'running' | 'done' | 'failed' | 'interrupted';

/** Small named state of the desk: clustering statistics, the trends watermark, the demo stream. */
export const listeningState = pgTable('listening_state', {
  key: text().primaryKey(),
  value: jsonb().$type<unknown>().notNull().default(sql`'{}'::jsonb`),
  data: bytea(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

export type ListeningSource = typeof listeningSources.$inferSelect;
export type ListeningPost = typeof listeningPosts.$inferSelect;
export type ListeningIssue = typeof listeningIssues.$inferSelect;
export type ListeningImport = typeof listeningImports.$inferSelect;
