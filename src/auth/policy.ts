// Who may manage whom. Administrators act within their subtree, and never above their own rank.
import type { UnitTree } from '../org/index.ts';
import { ADMINS, DISTRICT_ADMINS, type Grant, hasRole } from '../core/roles.ts';
import type { AuthContext } from './access.ts';
import type { Role } from './schema.ts';

/** A role on a unit may be granted by a unit admin of that subtree, except district_admin, which takes a district admin. */
export function canGrant(auth: AuthContext | null, tree: UnitTree, unitId: number, role: Role): boolean {
  const needed: readonly Role[] = role === 'district_admin' ? DISTRICT_ADMINS : ADMINS;
  return hasRole(auth, tree, needed, unitId);
}

/** An account may be managed by whoever could grant every role it holds; accounts without roles, by district admins. */
export function canManageUser(auth: AuthContext | null, tree: UnitTree, targetGrants: readonly Grant[]): boolean {
  if (targetGrants.length === 0) return hasRole(auth, tree, DISTRICT_ADMINS);
  return targetGrants.every((g) => canGrant(auth, tree, g.unitId, g.role));
}
