// Managing accounts: administrators see and manage the users of their subtree, never above their rank.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../app/context.ts';
import type { UnitTree } from '../org/index.ts';
import { DomainError, forbidden, HttpError, notFound } from '../web/errors.ts';
import { parseForm } from '../web/forms.ts';
import { formBody, pageQuery, readForm } from '../web/schemas.ts';
import { sendPage } from '../web/render.tsx';
import type { App } from '../web/types.ts';
import { ADMINS, DISTRICT_ADMINS, hasRole, isTopAdmin, unitsInScope } from '../core/roles.ts';
import { actorOf } from '../web/access.ts';
import { MIN_PASSWORD_LENGTH } from './passwords.ts';
import { canGrant, canManageUser } from './policy.ts';
import { ROLES, type Role } from './schema.ts';
import { NewUserPage, UserPage, UsersPage, type UnitOption } from './users-pages.tsx';
import { createUser, displayNameSchema, emailSchema, getUser, grantRole, listUsers, passwordSchema, resetPassword, revokeRole, roleSchema, updateUser, type PublicUser } from './users.ts';

const grantOut = z.object({ unit: z.string(), role: z.enum(ROLES) });
const userOut = z.object({
  id: z.number(),
  email: z.string(),
  displayName: z.string(),
  locale: z.string(),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.date().nullable(),
  createdAt: z.date(),
  roles: z.array(grantOut),
});
const grantIn = z.object({ unit: z.string().max(100), role: roleSchema });
const newUserIn = z.object({ email: emailSchema, displayName: displayNameSchema, password: passwordSchema, locale: z.enum(['vi', 'en']).optional(), roles: z.array(grantIn).max(50).default([]) });
const patchUserIn = z.object({ displayName: displayNameSchema.optional(), locale: z.enum(['vi', 'en']).optional(), active: z.boolean().optional() });
const idParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

export function userRoutes(app: App, ctx: AppContext): void {
  const tree = () => ctx.units.current();
  const admins = { access: { roles: ADMINS } } as const;

  const toOut = (t: UnitTree, u: PublicUser): z.infer<typeof userOut> => ({
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    locale: u.locale,
    active: u.active,
    mustChangePassword: u.mustChangePassword,
    lastLoginAt: u.lastLoginAt,
    createdAt: u.createdAt,
    roles: u.grants.map((g) => ({ unit: t.get(g.unitId)?.slug ?? String(g.unitId), role: g.role })),
  });

  /** Loads a user the caller may manage, or fails with 404/403. */
  async function manageable(req: FastifyRequest, id: number): Promise<PublicUser> {
    const user = await getUser(ctx.db, id);
    if (!user) throw notFound();
    if (!canManageUser(req.auth, await tree(), user.grants)) throw forbidden();
    return user;
  }

  async function scopedUsers(req: FastifyRequest): Promise<PublicUser[]> {
    const t = await tree();
    return listUsers(ctx.db, isTopAdmin(req.auth, t) ? null : [...unitsInScope(req.auth, t, ADMINS)]);
  }

  async function resolveGrant(req: FastifyRequest, unitRef: string | number, role: Role): Promise<{ unitId: number; role: Role }> {
    const t = await tree();
    const unit = typeof unitRef === 'number' || /^\d+$/.test(unitRef) ? t.get(Number(unitRef)) : t.getBySlug(unitRef);
    if (!unit) throw new HttpError(400, 'error.notFound');
    if (!canGrant(req.auth, t, unit.id, role)) throw new HttpError(403, 'users.cannotGrant');
    return { unitId: unit.id, role };
  }

  // JSON API.
  app.get('/api/users', { config: admins, schema: { tags: ['users'], summary: 'Users of the units you administer', response: { 200: z.object({ users: z.array(userOut) }) } } }, async (req) => {
    const t = await tree();
    return { users: (await scopedUsers(req)).map((u) => toOut(t, u)) };
  });

  app.get('/api/users/:id', { config: admins, schema: { tags: ['users'], params: idParams, response: { 200: userOut } } }, async (req) => toOut(await tree(), await manageable(req, req.params.id)));

  app.post('/api/users', { config: admins, schema: { tags: ['users'], summary: 'Create an account (the user must change the password at first login)', body: newUserIn, response: { 201: userOut } } }, async (req, reply) => {
    const grants = [];
    for (const g of req.body.roles) grants.push(await resolveGrant(req, g.unit, g.role));
    if (!grants.length && !hasRole(req.auth, await tree(), DISTRICT_ADMINS)) throw forbidden();
    const user = await createUser(ctx.db, actorOf(req), { ...req.body, grants, mustChangePassword: true });
    return reply.status(201).send(toOut(await tree(), user));
  });

  app.patch('/api/users/:id', { config: admins, schema: { tags: ['users'], params: idParams, body: patchUserIn, response: { 200: userOut } } }, async (req) => {
    await manageable(req, req.params.id);
    if (req.body.active === false && req.params.id === req.auth?.user.id) throw new HttpError(400, 'users.notYourself');
    return toOut(await tree(), await updateUser(ctx.db, actorOf(req), req.params.id, req.body));
  });

  app.post('/api/users/:id/roles', { config: admins, schema: { tags: ['users'], summary: 'Grant a role on a unit', params: idParams, body: grantIn, response: { 200: userOut } } }, async (req) => {
    await manageable(req, req.params.id);
    const g = await resolveGrant(req, req.body.unit, req.body.role);
    await grantRole(ctx.db, actorOf(req), req.params.id, g.unitId, g.role);
    return toOut(await tree(), (await getUser(ctx.db, req.params.id)) as PublicUser);
  });

  app.delete('/api/users/:id/roles', { config: admins, schema: { tags: ['users'], summary: 'Revoke a role on a unit', params: idParams, body: grantIn, response: { 200: userOut } } }, async (req) => {
    await manageable(req, req.params.id);
    const g = await resolveGrant(req, req.body.unit, req.body.role);
    await revokeRole(ctx.db, actorOf(req), req.params.id, g.unitId, g.role);
    return toOut(await tree(), (await getUser(ctx.db, req.params.id)) as PublicUser);
  });

  app.post('/api/users/:id/password-reset', { config: admins, schema: { tags: ['users'], summary: 'Set a temporary password; ends the user’s sessions', params: idParams, body: z.object({ password: passwordSchema }) } }, async (req) => {
    await manageable(req, req.params.id);
    await resetPassword(ctx.db, actorOf(req), req.params.id, req.body.password);
    return { ok: true };
  });

  // Pages.
  async function unitOptions(req: FastifyRequest): Promise<UnitOption[]> {
    const t = await tree();
    const scope = unitsInScope(req.auth, t, ADMINS);
    return t
      .flatten()
      .filter(({ unit }) => scope.has(unit.id))
      .map(({ unit, depth }) => ({ value: String(unit.id), label: unit.name, depth }));
  }

  const showUser = async (req: FastifyRequest, reply: FastifyReply, user: PublicUser, errors: Record<string, string> = {}, status = 200, q: { ok?: string } = {}) => {
    const notice = q.ok === 'reset' ? req.t('users.resetDone') : q.ok === 'saved' ? req.t('common.saved') : undefined;
    return sendPage(req, reply, <UserPage user={user} tree={await tree()} units={await unitOptions(req)} errors={errors} notice={notice} />, status);
  };

  app.get('/admin/users', { config: admins }, async (req, reply) => sendPage(req, reply, <UsersPage users={await scopedUsers(req)} tree={await tree()} />));

  app.get('/admin/users/new', { config: admins }, async (req, reply) => sendPage(req, reply, <NewUserPage units={await unitOptions(req)} values={{}} errors={{}} />));

  const newUserForm = z.object({ displayName: displayNameSchema, email: emailSchema, password: passwordSchema, role: roleSchema, unitId: z.string().regex(/^\d+$/) });
  app.post('/admin/users', { config: admins, schema: { body: formBody(newUserForm) } }, async (req, reply) => {
    const form = parseForm(newUserForm, req.body, req.locale);
    const fail = async (errors: Record<string, string>, status = 400) => sendPage(req, reply, <NewUserPage units={await unitOptions(req)} values={form.values} errors={errors} />, status);
    if (!form.ok) return fail(form.errors);
    try {
      const grant = await resolveGrant(req, form.data.unitId, form.data.role);
      const user = await createUser(ctx.db, actorOf(req), { ...form.data, grants: [grant], mustChangePassword: true });
      return reply.redirect(`/admin/users/${user.id}?ok=saved`, 303);
    } catch (e) {
      if (e instanceof DomainError && e.statusCode < 500) return fail({ _form: req.t(e.messageKey, e.params) }, e.statusCode);
      throw e;
    }
  });

  app.get('/admin/users/:id', { config: admins, schema: { params: idParams, querystring: pageQuery('ok') } }, async (req, reply) => showUser(req, reply, await manageable(req, req.params.id), {}, 200, req.query));

  const grantForm = z.object({ role: roleSchema, unitId: z.string().regex(/^\d+$/) });
  const resetForm = z.object({ password: passwordSchema });
  const activeForm = z.object({ active: z.string().optional() });
  for (const [suffix, apply] of [
    ['grants', grantRole],
    ['grants/delete', revokeRole],
  ] as const) {
    app.post(`/admin/users/:id/${suffix}`, { config: admins, schema: { params: idParams, body: formBody(grantForm) } }, async (req, reply) => {
      const user = await manageable(req, req.params.id);
      const form = parseForm(grantForm, req.body, req.locale);
      if (!form.ok) return showUser(req, reply, user, form.errors, 400);
      try {
        const g = await resolveGrant(req, form.data.unitId, form.data.role);
        await apply(ctx.db, actorOf(req), user.id, g.unitId, g.role);
      } catch (e) {
        if (e instanceof DomainError && e.statusCode < 500) return showUser(req, reply, user, { _form: req.t(e.messageKey, e.params) }, e.statusCode);
        throw e;
      }
      return reply.redirect(`/admin/users/${user.id}?ok=saved`, 303);
    });
  }

  app.post('/admin/users/:id/password', { config: admins, schema: { params: idParams, body: formBody(resetForm) } }, async (req, reply) => {
    const user = await manageable(req, req.params.id);
    const form = parseForm(resetForm, req.body, req.locale);
    if (!form.ok) return showUser(req, reply, user, { password: req.t('auth.password.tooShort', { min: MIN_PASSWORD_LENGTH }) }, 400);
    await resetPassword(ctx.db, actorOf(req), user.id, form.data.password);
    return reply.redirect(`/admin/users/${user.id}?ok=reset`, 303);
  });

  app.post('/admin/users/:id/active', { config: admins, schema: { params: idParams, body: formBody(activeForm) } }, async (req, reply) => {
    const user = await manageable(req, req.params.id);
    const active = readForm(activeForm, req.body).active === 'true';
    if (!active && user.id === req.auth?.user.id) return showUser(req, reply, user, { _form: req.t('users.notYourself') }, 400);
    await updateUser(ctx.db, actorOf(req), user.id, { active });
    return reply.redirect(`/admin/users/${user.id}?ok=saved`, 303);
  });
}
