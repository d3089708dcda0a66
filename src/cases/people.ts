// Who can handle a unit's cases, and whom to tell about them (the people are auth's: src/auth/people.ts).
import { personById, roleHolders, type Person } from '../auth/index.ts';
import { ADMINS, CASE_HANDLERS } from '../core/roles.ts';
import type { Db } from '../db/client.ts';
import type { UnitTree } from '../org/index.ts';

export { personById, type Person };

const unique = <T extends { id: number }>(rows: T[]): T[] => [...new Map(rows.map((r) => [r.id, r])).values()];

/** People who may be made the handler of a case of this unit. */
export async function handlersFor(db: Db, tree: UnitTree, unitId: number): Promise<Person[]> {
  const rows = await roleHolders(db, tree.lineage(unitId).map((u) => u.id), CASE_HANDLERS);
  return unique(rows).sort((a, b) => a.displayName.localeCompare(b.displayName, 'vi'));
}

/** The administrators nearest to the unit: its own, or else those of the closest ancestor that has some. */
export async function nearestAdmins(db: Db, tree: UnitTree, unitId: number): Promise<Person[]> {
  for (const u of tree.lineage(unitId)) {
    const rows = await roleHolders(db, [u.id], ADMINS);
    if (rows.length) return unique(rows.map(({ id, email, displayName }) => ({ id, email, displayName })));
  }
  return [];
}
