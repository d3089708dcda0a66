// Accounts: creation, roles, passwords and the login check, each change audited.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Actor, audit, diff } from '../audit/index.ts';
import type { Db } from '../db/client.ts';
import { conflict, invalid, isUniqueViolation, notFound } from '../core/errors.ts';
import { burnPasswordCheck, hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.ts';
import { ROLES, roleGrants, users, type Role, type User } from './schema.ts';
import { destroyUserSessions } from './sessions.ts';
import type { Grant } from '../core/roles.ts';


export const emailSchema = z.string().trim().toLowerCase().max(254).email();
export const passwordSchema = z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH);
export const roleSchema = z.enum(ROLES);
export const displayNameSchema = z.string().trim().min(1).max(120);

export interface NewUserInput {
  email: string;
  displayName: string;
  password: string;
  locale?: 'vi' | 'en';
  mustChangePassword?: boolean;
  grants?: Grant[];
}

export type PublicUser = Omit<User, 'passwordHash' | 'failedLogins' | 'lockedUntil'> & { grants: Grant[] };

export async function createUser(db: Db, actor: Actor, input: NewUserInput): Promise<PublicUser> {
  const email = emailSchema.parse(input.email);
  const passwordHash = await hashPassword(passwordSchema.parse(input.password));
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ email, displayName: input.displayName.trim(), passwordHash, locale: input.locale ?? 'vi', mustChangePassword: input.mustChangePassword ?? false })
        .returning();
      const grants = input.grants ?? [];
      if (grants.length) await tx.insert(roleGrants).values(grants.map((g) => ({ userId: user.id, unitId: g.unitId, role: g.role })));
      await audit(tx, actor, { action: 'user.create', targetType: 'user', targetId: user.id, unitId: grants[0]?.unitId, details: { email, grants } });
      return toPublic(user, grants);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('auth.emailTaken', { email });
    throw e;
  }
}

export async function getUser(db: Db, id: number): Promise<PublicUser | undefined> {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  if (!user) return undefined;
  return toPublic(user, await grantsOf(db, id));
}

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  return user;
}

export async function grantsOf(db: Db, userId: number): Promise<Grant[]> {
  return db.select({ unitId: roleGrants.unitId, role: roleGrants.role }).from(roleGrants).where(eq(roleGrants.userId, userId)).orderBy(asc(roleGrants.id));
}

/** Users holding a role somewhere in `unitIds`, or all users when `unitIds` is null. */
export async function listUsers(db: Db, unitIds: number[] | null): Promise<PublicUser[]> {
  const grants = await db
    .select({ userId: roleGrants.userId, unitId: roleGrants.unitId, role: roleGrants.role })
    .from(roleGrants)
    .where(unitIds ? inArray(roleGrants.unitId, unitIds.length ? unitIds : [-1]) : undefined);
  const byUser = new Map<number, Grant[]>();
  for (const g of grants) byUser.set(g.userId, [...(byUser.get(g.userId) ?? []), { unitId: g.unitId, role: g.role }]);
  const rows = unitIds
    ? byUser.size
      ? await db.select().from(users).where(inArray(users.id, [...byUser.keys()])).orderBy(asc(users.email))
      : []
    : await db.select().from(users).orderBy(asc(users.email));
  if (!unitIds) return rows.map((u) => toPublic(u, byUser.get(u.id) ?? []));
  // Within a scope, show each listed user's full set of grants.
  const all = await db.select({ userId: roleGrants.userId, unitId: roleGrants.unitId, role: roleGrants.role }).from(roleGrants).where(inArray(roleGrants.userId, rows.map((r) => r.id).concat(-1)));
  const full = new Map<number, Grant[]>();
  for (const g of all) full.set(g.userId, [...(full.get(g.userId) ?? []), { unitId: g.unitId, role: g.role }]);
  return rows.map((u) => toPublic(u, full.get(u.id) ?? []));
}

export interface UserPatch {
  displayName?: string;
  locale?: 'vi' | 'en';
  active?: boolean;
}

export async function updateUser(db: Db, actor: Actor, id: number, patch: UserPatch): Promise<PublicUser> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, id));
    if (!before) throw notFound();
    const changes = diff(before, patch);
    if (Object.keys(changes).length) {
      await tx.update(users).set({ ...patch, updatedAt: new Date() }).where(eq(users.id, id));
      if (patch.active === false) await destroyUserSessions(tx, id);
      await audit(tx, actor, { action: 'user.update', targetType: 'user', targetId: id, details: changes });
    }
    const [after] = await tx.select().from(users).where(eq(users.id, id));
    return toPublic(after, await grantsOf(tx, id));
  });
}

export async function grantRole(db: Db, actor: Actor, userId: number, unitId: number, role: Role): Promise<void> {
  await db.transaction(async (tx) => {
    const inserted = await tx.insert(roleGrants).values({ userId, unitId, role }).onConflictDoNothing().returning({ id: roleGrants.id });
    if (inserted.length) await audit(tx, actor, { action: 'user.grant', targetType: 'user', targetId: userId, unitId, details: { role } });
  });
}

export async function revokeRole(db: Db, actor: Actor, userId: number, unitId: number, role: Role): Promise<void> {
  await db.transaction(async (tx) => {
    const deleted = await tx
      .delete(roleGrants)
      .where(and(eq(roleGrants.userId, userId), eq(roleGrants.unitId, unitId), eq(roleGrants.role, role)))
      .returning({ id: roleGrants.id });
    if (deleted.length) await audit(tx, actor, { action: 'user.revoke', targetType: 'user', targetId: userId, unitId, details: { role } });
  });
}

/** An administrator sets a temporary password; the user must change it at next login. */
export async function resetPassword(db: Db, actor: Actor, userId: number, newPassword: string): Promise<void> {
  const passwordHash = await hashPassword(passwordSchema.parse(newPassword));
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null, passwordChangedAt: new Date(), updatedAt: new Date() })
      .where(eq(users.id, userId))
      .returning({ id: users.id });
    if (!updated.length) throw notFound();
    await destroyUserSessions(tx, userId);
    await audit(tx, actor, { action: 'user.password_reset', targetType: 'user', targetId: userId });
  });
}

export async function changePassword(db: Db, userId: number, currentPassword: string, newPassword: string, keepSessionId?: string): Promise<void> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw notFound();
  if (!(await verifyPassword(user.passwordHash, currentPassword))) throw invalid('auth.wrongCurrentPassword');
  if (currentPassword === newPassword) throw invalid('auth.samePassword');
  const passwordHash = await hashPassword(passwordSchema.parse(newPassword));
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: false, passwordChangedAt: new Date(), updatedAt: new Date() }).where(eq(users.id, userId));
    await destroyUserSessions(tx, userId, keepSessionId);
    await audit(tx, { id: user.id, email: user.email }, { action: 'user.password_change', targetType: 'user', targetId: userId });
  });
}

export type LoginResult = { ok: true; user: User } | { ok: false; reason: 'invalid' };

/**
 * Checks credentials. Unknown and inactive accounts cost the same password check as known ones. Guessing
 * is slowed by the login throttle (throttle.ts) per address, never by locking the account: a lock
 * would let anyone keep its owner out, and would tell that the account exists.
 */
export async function authenticate(db: Db, email: string, password: string, now = new Date()): Promise<LoginResult> {
  const user = await findUserByEmail(db, email);
  if (!user || !user.active) {
    await burnPasswordCheck(password);
    return { ok: false, reason: 'invalid' };
  }
  if (!(await verifyPassword(user.passwordHash, password))) return { ok: false, reason: 'invalid' };
  await db.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, user.id));
  return { ok: true, user };
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return Number(row?.n ?? 0);
}

function toPublic(user: User, grants: Grant[]): PublicUser {
  const { passwordHash: _h, failedLogins: _f, lockedUntil: _l, ...rest } = user;
  return { ...rest, grants };
}
