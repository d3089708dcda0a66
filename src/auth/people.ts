// The people behind the grants: who holds which role where, for features that assign work to someone
// or tell someone about it (cases: handlers and the nearest administrators).
import { and, eq, inArray } from 'drizzle-orm';
import type { Role } from '../core/roles.ts';
import type { Db } from '../db/client.ts';
import { roleGrants, users } from './schema.ts';

export interface Person {
  id: number;
  email: string;
  displayName: string;
}

/** Active users holding one of `roles` (district admins included) on one of the units, once per grant. */
export async function roleHolders(db: Db, unitIds: number[], roles: readonly Role[]): Promise<Array<Person & { unitId: number }>> {
  if (!unitIds.length) return [];
  return db
    .select({ id: users.id, email: users.email, displayName: users.displayName, unitId: roleGrants.unitId })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(inArray(roleGrants.unitId, unitIds), inArray(roleGrants.role, [...roles, 'district_admin']), eq(users.active, true)));
}

export async function personById(db: Db, id: number | null): Promise<Person | undefined> {
  if (!id) return undefined;
  const [p] = await db.select({ id: users.id, email: users.email, displayName: users.displayName }).from(users).where(eq(users.id, id));
  return p;
}
