import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { units } from '../org/schema.ts';
import { ROLES, type Role } from '../core/roles.ts';

export { ROLES, type Role };

export const users = pgTable(
  'users',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** Stored lower-cased; unique. */
    email: text().notNull().unique(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    locale: text().notNull().default('vi'),
    active: boolean().notNull().default(true),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('users_locale_check', sql`${t.locale} in ('vi','en')`)],
);

/** A role held on a unit applies to that unit and its whole subtree. */
export const roleGrants = pgTable(
  'role_grants',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id').notNull().references(() => units.id, { onDelete: 'cascade' }),
    role: text().$type<Role>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('role_grants_unique').on(t.userId, t.unitId, t.role),
    index('role_grants_unit_idx').on(t.unitId),
    check('role_grants_role_check', sql`${t.role} in ('district_admin','unit_admin','editor','approver','analyst','case_handler','member')`),
  ],
);

/** Server-side sessions. The cookie carries a random token; only its SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: text().primaryKey(),
    userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

export type User = typeof users.$inferSelect;
export type RoleGrant = typeof roleGrants.$inferSelect;
export type Session = typeof sessions.$inferSelect;

/**
 * Failed logins counted per caller (the login throttle, src/auth/throttle.ts): the key is an HMAC of
 * the address, or of the address and the account typed, so the table names nobody.
 */
export const loginAttempts = pgTable('login_attempts', {
  key: text().primaryKey(),
  points: integer().notNull().default(0),
  expire: timestamp({ withTimezone: true }),
});
