// API keys of Open311 client apps. A key is shown once; only its SHA-256 is stored, so a leaked
// database does not leak keys. Keys are long random strings, so a plain hash is enough (no salt).
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { type Actor, audit } from '../../audit/index.ts';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../core/errors.ts';
import { open311Keys, type Open311Key } from '../schema.ts';

export const KEY_PREFIX = 'nc311_';
const hash = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

export async function createKey(db: Db, actor: Actor, name: string): Promise<{ key: string; row: Open311Key }> {
  const key = `${KEY_PREFIX}${randomBytes(24).toString('base64url')}`;
  const label = typeof actor === 'string' ? actor : actor.email;
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(open311Keys).values({ name: name.trim().slice(0, 100), keyHash: hash(key), prefix: key.slice(0, KEY_PREFIX.length + 4), createdBy: label }).returning();
    await audit(tx, actor, { action: 'open311.key.create', targetType: 'open311_key', targetId: row.id, details: { name: row.name, prefix: row.prefix } });
    return { key, row };
  });
}

/** The active key matching `key`, marking it used; undefined for unknown or revoked keys. */
export async function checkKey(db: Db, key: string): Promise<Open311Key | undefined> {
  if (!key.startsWith(KEY_PREFIX) || key.length > 200) return undefined;
  const [row] = await db.update(open311Keys).set({ lastUsedAt: new Date() }).where(and(eq(open311Keys.keyHash, hash(key)), isNull(open311Keys.revokedAt))).returning();
  return row;
}

export const listKeys = (db: Db): Promise<Open311Key[]> => db.select().from(open311Keys).orderBy(asc(open311Keys.id));

export async function revokeKey(db: Db, actor: Actor, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.update(open311Keys).set({ revokedAt: new Date() }).where(and(eq(open311Keys.id, id), isNull(open311Keys.revokedAt))).returning();
    if (!row) throw notFound();
    await audit(tx, actor, { action: 'open311.key.revoke', targetType: 'open311_key', targetId: id, details: { name: row.name } });
  });
}
