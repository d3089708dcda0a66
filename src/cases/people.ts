// Who can handle a unit's cases, and whom to tell about them.
import { and, eq, inArray } from 'drizzle-orm';
import { roleGrants, users, type Role } from '../auth/schema.ts';
import type { Db } from '../db/client.ts';
import type { UnitTree } from '../org/tree.ts';
import { ADMINS, CASE_HANDLERS } from '../core/roles.ts';


export interface Person {
  id: number;
  email: string;
  displayName: string;
}

/** Active users holding `roles` on the unit or one of its ancestors (district admins included). */
async function holders(db: Db, unitIds: number[], roles: readonly Role[]): Promise<Array<Person & { unitId: number }>> {
  if (!unitIds.length) return [];
  const rows = await db
    .select({ id: users.id, email: users.email, displayName: users.displayName, unitId: roleGrants.unitId })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(inArray(roleGrants.unitId, unitIds), inArray(roleGrants.role, [...roles, 'district_admin']), eq(users.active, true)));
  return rows;
}

const unique = <T extends { id: number }>(rows: T[]): T[] => [...new Map(rows.map((r) => [r.id, r])).values()];

/** People who may be made the handler of a case of this unit. */
export async function handlersFor(db: Db, tree: UnitTree, unitId: number): Promise<Person[]> {
  const rows = await holders(db, tree.lineage(unitId).map((u) => u.id), CASE_HANDLERS);
  return unique(rows).sort((a, b) => a.displayName.localeCompare(b.displayName, 'vi'));
}

/** The administrators nearest to the unit: its own, or else those of the closest ancestor that has some. */
export async function nearestAdmins(db: Db, tree: UnitTree, unitId: number): Promise<Person[]> {
  for (const u of tree.lineage(unitId)) {
    const rows = await db
      .select({ id: users.id, email: users.email, displayName: users.displayName })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .where(and(eq(roleGrants.unitId, u.id), inArray(roleGrants.role, [...ADMINS]), eq(users.active, true)));
    if (rows.length) return unique(rows);
  }
  return [];
}

export async function personById(db: Db, id: number | null): Promise<Person | undefined> {
  if (!id) return undefined;
  const [p] = await db.select({ id: users.id, email: users.email, displayName: users.displayName }).from(users).where(eq(users.id, id));
  return p;
}
