// Connected platform accounts: one row per account on a platform (a Facebook Page, a YouTube channel,
// a Zalo OA), whatever uses it — listening sources, a site's channels, messages to citizens. Its secrets
// are one sealed JSON (AES-256-GCM, key derived from the installation secret), never logged and never
// sent back to a browser; its plain settings (an app id, an API version) are kept beside them.
import { sql } from 'drizzle-orm';
import { jsonb, integer, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';

export const platformConnections = pgTable(
  'platform_connections',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** The platform definition's id: 'facebook', 'youtube', 'zalo'. */
    platform: text().notNull(),
    /** Page id, channel id or OA id on the platform. */
    externalId: text('external_id').notNull(),
    name: text().notNull(),
    /** The account's fields that are not secret. */
    settings: jsonb().$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    /** Sealed JSON of the secret fields. */
    sealed: text().notNull(),
    tokenExpiresAt: timestamp('token_expires_at', { withTimezone: true }),
    /** Set when the platform refused the token. */
    tokenInvalidAt: timestamp('token_invalid_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('platform_connections_platform_external_unique').on(t.platform, t.externalId)],
);

export type PlatformConnection = typeof platformConnections.$inferSelect;
