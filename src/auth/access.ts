// The person behind a request: who they are and the roles they hold (set by sessions.ts on every request).
// What a role covers is src/core/roles.ts; what a route asks for is src/web/access.ts.
import type { Grant } from '../core/roles.ts';

export interface AuthUser {
  id: number;
  email: string;
  displayName: string;
  locale: 'vi' | 'en';
  mustChangePassword: boolean;
}

export interface AuthContext {
  user: AuthUser;
  grants: Grant[];
  sessionId: string;
  csrfToken: string;
}

/** Resolves the unit a request acts on (a slug or an id), or null when the route is not unit-bound. */
export type UnitResolver = (req: FastifyRequest) => string | number | null | undefined | Promise<string | number | null | undefined>;

export type Access =
  | 'public'
  | 'authenticated'
  | {
      roles: readonly Role[];
      /** When given, the role must be held on this unit or an ancestor; otherwise anywhere. */
      unit?: UnitResolver;
    };

export const ALL_ROLES: readonly Role[] = ['district_admin', 'unit_admin', 'editor', 'approver', 'analyst', 'case_handler', 'member'];
export const ADMINS: readonly Role[] = ['district_admin', 'unit_admin'];

/** district_admin holds every power of the roles below it in its subtree. */
const implied = (role: Role, wanted: readonly Role[]): boolean => wanted.includes(role) || role === 'district_admin';

export function hasRole(auth: AuthContext | null, tree: UnitTree, roles: readonly Role[], unitId?: number): boolean {
  if (!auth) return false;
  return auth.grants.some((g) => implied(g.role, roles) && (unitId === undefined || tree.isWithin(unitId, g.unitId)));
}

/** Ids of all units where the user holds one of `roles` (grants expanded to their subtrees). */
export function unitsInScope(auth: AuthContext | null, tree: UnitTree, roles: readonly Role[]): Set<number> {
  const ids = new Set<number>();
  if (!auth) return ids;
  for (const g of auth.grants) {
    if (!implied(g.role, roles)) continue;
    for (const unit of tree.subtree(g.unitId)) ids.add(unit.id);
  }
  return ids;
}

/** A district admin of a top-level unit sees everything, including accounts that hold no role yet. */
export function isTopAdmin(auth: AuthContext | null, tree: UnitTree): boolean {
  return Boolean(auth?.grants.some((g) => g.role === 'district_admin' && tree.get(g.unitId)?.parentId === null));
}

/** The audit actor of an authenticated request. */
export function actorOf(req: FastifyRequest): { id: number; email: string } {
  if (!req.auth) throw new Error('actorOf() on an anonymous request');
  return { id: req.auth.user.id, email: req.auth.user.email };
}

export const fromParam =
  (name: string): UnitResolver =>
  (req) => (req.params as Record<string, string | undefined>)[name];

export const fromQuery =
  (name: string): UnitResolver =>
  (req) => (req.query as Record<string, string | undefined>)[name];

export const fromBody =
  (name: string): UnitResolver =>
  (req) => {
    const body = req.body as Record<string, unknown> | undefined;
    const value = body?.[name];
    return typeof value === 'string' || typeof value === 'number' ? value : undefined;
  };

/** The unit of the record a path parameter names, looked up from the parameter's raw text (rules run before validation). */
export const fromRecord =
  (name: string, unitOf: (raw: string) => Promise<string | number | null | undefined>): UnitResolver =>
  async (req) => {
    const raw = (req.params as Record<string, string | undefined>)[name];
    return raw === undefined ? undefined : unitOf(raw);
  };
