// Who may call what. Every route declares an Access (checked in server.tsx before the handler runs); the
// roles and what they cover are src/core/roles.ts.
import type { FastifyRequest } from 'fastify';
import type { Role } from '../core/roles.ts';

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
