// Roles and what they cover, defined once: a role held on a unit covers its whole subtree, and
// district_admin holds every power of the roles below it. The web layer checks routes with these, the
// views decide what to show with these, and services that act for a person ask the same questions.

export const ROLES = ['district_admin', 'unit_admin', 'editor', 'approver', 'analyst', 'case_handler', 'member'] as const;
export type Role = (typeof ROLES)[number];

/** The groups of roles that routes, views and services ask about (district_admin is implied in each). */
export const DISTRICT_ADMINS: readonly Role[] = ['district_admin'];
export const ADMINS: readonly Role[] = ['district_admin', 'unit_admin'];
/** Who writes content on a site, and who also works on it (a unit's admin). */
export const WRITERS: readonly Role[] = ['editor', 'approver'];
export const APPROVERS: readonly Role[] = ['approver'];
export const SITE_STAFF: readonly Role[] = ['editor', 'approver', 'unit_admin'];
/** Who handles cases: the unit's handlers and its admins. */
export const CASE_HANDLERS: readonly Role[] = ['case_handler', 'unit_admin'];
export const ANALYSTS: readonly Role[] = ['analyst'];
/** Who sees a citizen's contact details: the unit's case handlers (not its admins). */
export const CONTACT_READERS: readonly Role[] = ['case_handler'];

export interface Grant {
  unitId: number;
  role: Role;
}

/** Whoever holds grants: a signed-in person (the AuthContext of auth), or nobody. */
export type Holder = { grants: readonly Grant[] } | null | undefined;

/** The part of the unit tree (src/org) that scopes need. */
export interface UnitScope {
  isWithin(unitId: number, ancestorId: number): boolean;
  subtree(unitId: number): Iterable<{ id: number }>;
  get(unitId: number): { parentId: number | null } | undefined;
}

/** district_admin holds every power of the roles below it in its subtree. */
const implied = (role: Role, wanted: readonly Role[]): boolean => wanted.includes(role) || role === 'district_admin';

/** Holds one of `roles` anywhere (no unit asked). */
export const holdsRole = (auth: Holder, roles: readonly Role[]): boolean => Boolean(auth?.grants.some((g) => implied(g.role, roles)));

/** Holds one of `roles` on the unit or an ancestor of it; anywhere when no unit is given. */
export function hasRole(auth: Holder, tree: UnitScope, roles: readonly Role[], unitId?: number): boolean {
  if (!auth) return false;
  return auth.grants.some((g) => implied(g.role, roles) && (unitId === undefined || tree.isWithin(unitId, g.unitId)));
}

/** Ids of all units where the person holds one of `roles` (grants expanded to their subtrees). */
export function unitsInScope(auth: Holder, tree: UnitScope, roles: readonly Role[]): Set<number> {
  const ids = new Set<number>();
  if (!auth) return ids;
  for (const g of auth.grants) {
    if (!implied(g.role, roles)) continue;
    for (const unit of tree.subtree(g.unitId)) ids.add(unit.id);
  }
  return ids;
}

/** A district admin of a top-level unit sees everything, including accounts that hold no role yet. */
export function isTopAdmin(auth: Holder, tree: UnitScope): boolean {
  return Boolean(auth?.grants.some((g) => g.role === 'district_admin' && tree.get(g.unitId)?.parentId === null));
}
