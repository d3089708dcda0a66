// Publishing: one site per unit, its sections, content items with revisions and comments, media files,
// the platform accounts each site posts with and one cross-post record per (item, channel), and digest subscribers.
import { sql, type SQL } from 'drizzle-orm';
import { boolean, check, customType, index, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../auth/schema.ts';
import { units } from '../org/schema.ts';
import { platformConnections, type PlatformConnection } from '../platforms/schema.ts';

export const ITEM_KINDS = ['article', 'profile', 'document', 'event', 'page'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export const ITEM_STATUSES = ['draft', 'submitted', 'approved', 'scheduled', 'published', 'unpublished'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
/** The three fields of propaganda work. */
export const CONTENT_FIELDS = ['kinh_te_chinh_tri', 'van_hoa_xa_hoi', 'quoc_phong_an_ninh'] as const;
export type ContentField = (typeof CONTENT_FIELDS)[number];
/** "Nội dung nào, đối tượng đó": who a piece of content is for. Empty means everyone. */
export const AUDIENCES = ['dang_vien_duong_chuc', 'dang_vien_huu_tri', 'doan_vien', 'hoi_vien', 'hoc_sinh_phu_huynh', 'nhan_dan'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const MEDIA_KINDS = ['image', 'file', 'video'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];
export const CHANNEL_POST_STATUSES = ['pending', 'posting', 'posted', 'failed', 'unconfirmed', 'skipped'] as const;
export type ChannelPostStatus = (typeof CHANNEL_POST_STATUSES)[number];

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const inList = (col: SQL, values: readonly string[]) => sql`${col} in (${sql.raw(values.map((v) => `'${v}'`).join(','))})`;

export interface SiteContact {
  address?: string;
  phone?: string;
  email?: string;
  hours?: string;
}
export interface MenuEntry {
  label: string;
  href: string;
}

/** A unit's website; the unit's slug is the site's path (`/phuong-12/…`). */
export const sites = pgTable(
  'sites',
  {
    unitId: integer('unit_id')
      .primaryKey()
      .references(() => units.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    tagline: text(),
    /** Optional host name that serves this site at its root (phuong5.example.vn). */
    hostName: text('host_name').unique(),
    logoMediaId: integer('logo_media_id'),
    colour: text().notNull().default('#b3261e'),
    contact: jsonb().$type<SiteContact>().notNull().default(sql`'{}'::jsonb`),
    /** Extra menu entries after the sections. */
    menu: jsonb().$type<MenuEntry[]>().notNull().default(sql`'[]'::jsonb`),
    active: boolean().notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('sites_colour_check', sql`${t.colour} ~ '^#[0-9a-f]{6}$'`), check('sites_host_check', sql`${t.hostName} is null or ${t.hostName} ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$'`)],
);

/** A part of a site (chuyên mục, chuyên trang): news, exemplary profiles, documents, events, pages. */
export const siteSections = pgTable(
  'site_sections',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.unitId, { onDelete: 'cascade' }),
    slug: text().notNull(),
    name: text().notNull(),
    description: text(),
    /** The kind of item the section lists. */
    kind: text().$type<ItemKind>().notNull(),
    audiences: text().array().$type<Audience[]>().notNull().default(sql`'{}'::text[]`),
    sortOrder: integer('sort_order').notNull().default(0),
    inMenu: boolean('in_menu').notNull().default(true),
  },
  (t) => [unique('site_sections_site_slug_unique').on(t.siteId, t.slug), check('site_sections_kind_check', inList(sql`${t.kind}`, ITEM_KINDS)), check('site_sections_slug_check', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)],
);

export interface ProfileDetails {
  subjectType?: 'person' | 'collective';
  subjectName?: string;
  unitName?: string;
  achievement?: string;
}
export interface DocumentDetails {
  number?: string;
  issuedOn?: string;
  issuer?: string;
  fileMediaId?: number;
}
export interface EventDetails {
  startsAt?: string;
  endsAt?: string;
  location?: string;
}
export interface ItemDetails extends ProfileDetails, DocumentDetails, EventDetails {
  /** A video file, for items cross-posted as videos. */
  videoMediaId?: number;
}

export const contentItems = pgTable(
  'content_items',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.unitId, { onDelete: 'cascade' }),
    sectionId: integer('section_id')
      .notNull()
      .references(() => siteSections.id, { onDelete: 'restrict' }),
    kind: text().$type<ItemKind>().notNull(),
    slug: text().notNull(),
    status: text().$type<ItemStatus>().notNull().default('draft'),
    title: text().notNull(),
    sapo: text().notNull().default(''),
    /** Sanitised HTML. */
    body: text().notNull().default(''),
    coverMediaId: integer('cover_media_id'),
    coverAlt: text('cover_alt'),
    tags: text().array().notNull().default(sql`'{}'::text[]`),
    field: text().$type<ContentField>(),
    audiences: text().array().$type<Audience[]>().notNull().default(sql`'{}'::text[]`),
    details: jsonb().$type<ItemDetails>().notNull().default(sql`'{}'::jsonb`),
    /** Channels to cross-post to on publication. */
    channels: text().array().notNull().default(sql`'{}'::text[]`),
    /** Unit sites that receive a copy on publication (syndication). */
    syndicateTo: integer('syndicate_to').array().notNull().default(sql`'{}'::integer[]`),
    /** The item this one was syndicated from; `localEdits` once its own site changed it. */
    sourceItemId: integer('source_item_id'),
    localEdits: boolean('local_edits').notNull().default(false),
    version: integer().notNull().default(1),
    publishAt: timestamp('publish_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
    approvedById: integer('approved_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    search: tsvector().generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('vi_unaccent', coalesce(title, '')), 'A') || setweight(to_tsvector('vi_unaccent', coalesce(sapo, '')), 'B') || setweight(to_tsvector('vi_unaccent', regexp_replace(coalesce(body, ''), '<[^>]*>', ' ', 'g')), 'C')`,
    ),
  },
  (t) => [
    unique('content_items_site_slug_unique').on(t.siteId, t.slug),
    index('content_items_site_published_idx').on(t.siteId, t.status, t.publishedAt.desc()),
    index('content_items_section_published_idx').on(t.sectionId, t.status, t.publishedAt.desc()),
    index('content_items_published_idx').on(t.status, t.publishedAt.desc()),
    index('content_items_source_idx').on(t.sourceItemId),
    index('content_items_search_idx').using('gin', t.search),
    index('content_items_title_trgm_idx').using('gin', sql`f_unaccent(lower(${t.title})) gin_trgm_ops`),
    check('content_items_kind_check', inList(sql`${t.kind}`, ITEM_KINDS)),
    check('content_items_status_check', inList(sql`${t.status}`, ITEM_STATUSES)),
    check('content_items_field_check', sql`${t.field} is null or ${inList(sql`${t.field}`, CONTENT_FIELDS)}`),
    check('content_items_slug_check', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
  ],
);

/** Every saved version of an item's content, for history, diff and restore. */
export const contentRevisions = pgTable(
  'content_revisions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    itemId: integer('item_id')
      .notNull()
      .references(() => contentItems.id, { onDelete: 'cascade' }),
    version: integer().notNull(),
    title: text().notNull(),
    sapo: text().notNull(),
    body: text().notNull(),
    /** The other content fields at the time (tags, field, audiences, details, cover). */
    snapshot: jsonb().$type<Record<string, unknown>>().notNull(),
    authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorLabel: text('author_label').notNull(),
    note: text(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('content_revisions_version_unique').on(t.itemId, t.version)],
);

/** Editorial comments on a draft (never public). */
export const contentComments = pgTable(
  'content_comments',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    itemId: integer('item_id')
      .notNull()
      .references(() => contentItems.id, { onDelete: 'cascade' }),
    authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorLabel: text('author_label').notNull(),
    body: text().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('content_comments_item_idx').on(t.itemId)],
);

export interface MediaVariant {
  width: number;
  height: number;
  format: 'webp' | 'jpeg';
  file: string;
  bytes: number;
}

/** Uploaded files; images are stored as resized variants without metadata. */
export const mediaFiles = pgTable(
  'media_files',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    siteId: integer('site_id').references(() => sites.unitId, { onDelete: 'set null' }),
    kind: text().$type<MediaKind>().notNull(),
    /** Sniffed from the bytes, never from the name. */
    mime: text().notNull(),
    originalName: text('original_name').notNull(),
    /** Main file (largest JPEG variant for images), relative to the media folder. */
    file: text().notNull(),
    bytes: integer().notNull(),
    width: integer(),
    height: integer(),
    sha256: text().notNull(),
    variants: jsonb().$type<MediaVariant[]>().notNull().default(sql`'[]'::jsonb`),
    alt: text(),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('media_files_site_idx').on(t.siteId), check('media_files_kind_check', inList(sql`${t.kind}`, MEDIA_KINDS))],
);

/** A site's account on an outside channel; tokens are sealed with AES-256-GCM. */
export const channelAccounts = pgTable(
  'channel_accounts',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.unitId, { onDelete: 'cascade' }),
    channel: text().notNull(),
    /** The platform account the site posts with (one account may also serve listening and messages). */
    connectionId: integer('connection_id').references(() => platformConnections.id),
    enabled: boolean().notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    // The account as it was kept before platform connections: moved into platform_connections and
    // emptied at start-up (src/db/upgrades/), never read otherwise; a later migration drops them.
    legacyExternalId: text('external_id'),
    legacyName: text('name'),
    legacySealed: text('sealed'),
    legacyTokenExpiresAt: timestamp('token_expires_at', { withTimezone: true }),
    legacyTokenInvalidAt: timestamp('token_invalid_at', { withTimezone: true }),
    legacyLastError: text('last_error'),
  },
  (t) => [unique('channel_accounts_site_channel_unique').on(t.siteId, t.channel)],
);

/** The idempotency record of one cross-post: at most one per (item, channel), claimed before posting. */
export const channelPosts = pgTable(
  'channel_posts',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    itemId: integer('item_id')
      .notNull()
      .references(() => contentItems.id, { onDelete: 'cascade' }),
    channel: text().notNull(),
    status: text().$type<ChannelPostStatus>().notNull().default('pending'),
    externalId: text('external_id'),
    url: text(),
    attempts: integer().notNull().default(0),
    errorKind: text('error_kind'),
    lastError: text('last_error'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    postedAt: timestamp('posted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('channel_posts_item_channel_unique').on(t.itemId, t.channel), check('channel_posts_status_check', inList(sql`${t.status}`, CHANNEL_POST_STATUSES))],
);

/** People who asked for the e-mail digest of one audience (optionally of one site). */
export const digestSubscribers = pgTable(
  'digest_subscribers',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    email: text().notNull(),
    audience: text().$type<Audience>().notNull(),
    siteId: integer('site_id').references(() => sites.unitId, { onDelete: 'cascade' }),
    token: text().notNull().unique(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    lastSentAt: timestamp('last_sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('digest_subscribers_unique').on(t.email, t.audience, sql`coalesce(${t.siteId}, 0)`), check('digest_subscribers_audience_check', inList(sql`${t.audience}`, AUDIENCES))],
);

export type Site = typeof sites.$inferSelect;
export type SiteSection = typeof siteSections.$inferSelect;
export type ContentItem = typeof contentItems.$inferSelect;
export type NewContentItem = typeof contentItems.$inferInsert;
export type ContentRevision = typeof contentRevisions.$inferSelect;
export type ContentComment = typeof contentComments.$inferSelect;
export type MediaFile = typeof mediaFiles.$inferSelect;
/** A site's channel as used and shown: its row with its platform account (secrets still sealed). */
export type ChannelAccount = Pick<typeof channelAccounts.$inferSelect, 'id' | 'siteId' | 'channel' | 'enabled'> & { connectionId: number } & Pick<PlatformConnection, 'externalId' | 'name' | 'settings' | 'sealed' | 'tokenExpiresAt' | 'tokenInvalidAt' | 'lastError'>;
export type ChannelPost = typeof channelPosts.$inferSelect;
export type DigestSubscriber = typeof digestSubscribers.$inferSelect;
