// Server-side sessions: the browser holds a random token, the database holds its SHA-256.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { roleGrants, sessions, users } from './schema.ts';
import type { Grant } from '../core/roles.ts';
import type { AuthContext } from './access.ts';

export const SESSION_COOKIE = 'nc_session';
/** Idle sessions end after this long; activity slides the expiry. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** No session lives longer than this, active or not. */
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000;
const TOUCH_EVERY_MS = 60 * 1000;

export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');
const digest = (token: string): string => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Db, userId: number, now = new Date()): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
  await db.insert(sessions).values({ id: digest(token), userId, csrfToken, createdAt: now, lastSeenAt: now, expiresAt });
  return { token, csrfToken, expiresAt };
}

export type SessionLookup = { status: 'none' } | { status: 'expired' } | { status: 'ok'; auth: AuthContext };

export async function loadSession(db: Db, token: string | undefined, now = new Date()): Promise<SessionLookup> {
  if (!token || token.length > 100) return { status: 'none' };
  const id = digest(token);
  const [row] = await db
    .select({
      sessionId: sessions.id,
      csrfToken: sessions.csrfToken,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      userId: users.id,
      email: users.email,
      displayName: users.displayName,
      locale: users.locale,
      active: users.active,
      mustChangePassword: users.mustChangePassword,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id));
  if (!row) return { status: 'expired' };
  const tooOld = now.getTime() - row.createdAt.getTime() > SESSION_MAX_MS;
  if (!row.active || row.expiresAt <= now || tooOld) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return { status: 'expired' };
  }
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_IDLE_MS) }).where(eq(sessions.id, id));
  }
  const grants: Grant[] = await db.select({ unitId: roleGrants.unitId, role: roleGrants.role }).from(roleGrants).where(eq(roleGrants.userId, row.userId));
  return {
    status: 'ok',
    auth: {
      sessionId: id,
      csrfToken: row.csrfToken,
      grants,
      user: {
        id: row.userId,
        email: row.email,
        displayName: row.displayName,
        locale: row.locale === 'en' ? 'en' : 'vi',
        mustChangePassword: row.mustChangePassword,
      },
    },
  };
}

export async function destroySession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user except, optionally, the current one (after a password change). */
export async function destroyUserSessions(db: Db, userId: number, exceptSessionId?: string): Promise<void> {
  const cond = exceptSessionId ? and(eq(sessions.userId, userId), sql`${sessions.id} <> ${exceptSessionId}`) : eq(sessions.userId, userId);
  await db.delete(sessions).where(cond);
}

export async function purgeExpiredSessions(db: Db, now = new Date()): Promise<number> {
  const deleted = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id });
  return deleted.length;
}
