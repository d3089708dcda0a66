// Units: the JSON API and the office pages. Reading is open to every signed-in user (the tree is public
// knowledge); editing needs an administrator of the unit, and of the new parent when a unit moves.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ADMINS, DISTRICT_ADMINS, hasRole, unitsInScope } from '../core/roles.ts';
import { actorOf, fromBody, fromParam } from '../web/access.ts';
import type { AppContext } from '../app/context.ts';
import { DomainError, forbidden, HttpError } from '../web/errors.ts';
import { checkbox, parseForm, type FormValues } from '../web/forms.ts';
import { formBody, pageQuery } from '../web/schemas.ts';
import { sendPage } from '../web/render.tsx';
import type { App } from '../web/types.ts';
import { UnitFormPage, UnitsPage, unitToValues } from './pages.tsx';
import { SCHOOL_LEVELS, UNIT_KINDS, type Unit } from './schema.ts';
import type { UnitTree } from './tree.ts';
import { createUnit, slugSchema, unitInputSchema, unitPatchSchema, updateUnit, type UnitInput } from './units.ts';

const unitOut = z.object({
  id: z.number(),
  slug: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.enum(UNIT_KINDS),
  schoolLevel: z.enum(SCHOOL_LEVELS).nullable(),
  parent: z.string().nullable(),
  code: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  description: z.string().nullable(),
  sortOrder: z.number(),
  active: z.boolean(),
});

const toOut = (tree: UnitTree, u: Unit): z.infer<typeof unitOut> => ({
  id: u.id,
  slug: u.slug,
  name: u.name,
  shortName: u.shortName,
  kind: u.kind,
  schoolLevel: u.schoolLevel,
  parent: u.parentId === null ? null : (tree.get(u.parentId)?.slug ?? null),
  code: u.code,
  address: u.address,
  phone: u.phone,
  email: u.email,
  description: u.description,
  sortOrder: u.sortOrder,
  active: u.active,
});

/** API input names the parent by slug. */
const apiUnitInput = unitInputSchema.omit({ parentId: true }).extend({ parent: slugSchema.nullish() });
const apiUnitPatch = unitPatchSchema.omit({ parentId: true }).extend({ parent: slugSchema.nullish() });

/** HTML forms send strings; coerce them to the API's types, then validate with the same schema. */
const formUnitInput = z.preprocess((f: FormValues) => {
  return {
    ...f,
    schoolLevel: f.schoolLevel || null,
    parentId: f.parentId ? Number(f.parentId) : null,
    sortOrder: f.sortOrder ? Number(f.sortOrder) : 0,
    active: checkbox(f.active),
  };
}, unitInputSchema);
const unitFields = formBody(unitInputSchema);
const slugParams = z.object({ slug: z.string() });

export function orgRoutes(app: App, ctx: AppContext): void {
  const tree = () => ctx.units.current();

  /** Attaching under a parent needs admin rights on it; only district admins create or move to the top level. */
  async function checkParent(req: FastifyRequest, parentId: number | null | undefined): Promise<void> {
    if (parentId === undefined) return;
    const t = await tree();
    if (parentId === null) {
      if (!hasRole(req.auth, t, DISTRICT_ADMINS)) throw forbidden();
      return;
    }
    if (!t.get(parentId)) throw new HttpError(400, 'org.invalidParent');
    if (!hasRole(req.auth, t, ADMINS, parentId)) throw forbidden();
  }

  async function parentIdFromSlug(slug: string | null | undefined): Promise<number | null | undefined> {
    if (slug === undefined || slug === null) return slug;
    const parent = (await tree()).getBySlug(slug);
    if (!parent) throw new HttpError(400, 'org.invalidParent');
    return parent.id;
  }

  async function create(req: FastifyRequest, input: UnitInput): Promise<Unit> {
    await checkParent(req, input.parentId ?? null);
    const unit = await createUnit(ctx.db, actorOf(req), input);
    await ctx.units.changed();
    return unit;
  }

  async function update(req: FastifyRequest, unit: Unit, patch: z.infer<typeof unitPatchSchema>): Promise<Unit> {
    if (patch.parentId !== undefined && patch.parentId !== unit.parentId) await checkParent(req, patch.parentId);
    const updated = await updateUnit(ctx.db, actorOf(req), await tree(), unit.id, patch);
    await ctx.units.changed();
    return updated;
  }

  // JSON API.
  app.get('/api/units', { config: { access: 'authenticated' }, schema: { tags: ['units'], summary: 'All units, depth-first', response: { 200: z.object({ units: z.array(unitOut.extend({ depth: z.number() })) }) } } }, async () => {
    const t = await tree();
    return { units: t.flatten().map(({ unit, depth }) => ({ ...toOut(t, unit), depth })) };
  });

  app.get(
    '/api/units/:slug',
    { config: { access: 'authenticated' }, schema: { tags: ['units'], params: z.object({ slug: z.string().max(100) }), response: { 200: unitOut.extend({ children: z.array(z.string()) }) } } },
    async (req) => {
      const t = await tree();
      const unit = t.getBySlug(req.params.slug);
      if (!unit) throw new HttpError(404, 'error.notFound');
      return { ...toOut(t, unit), children: t.children(unit.id).map((c) => c.slug) };
    },
  );

  app.post(
    '/api/units',
    { config: { access: { roles: ADMINS, unit: fromBody('parent') } }, schema: { tags: ['units'], summary: 'Create a unit under a parent you administer', body: apiUnitInput, response: { 201: unitOut } } },
    async (req, reply) => {
      const { parent, ...rest } = req.body;
      const unit = await create(req, { ...rest, parentId: await parentIdFromSlug(parent ?? null) });
      return reply.status(201).send(toOut(await tree(), unit));
    },
  );

  app.patch(
    '/api/units/:slug',
    { config: { access: { roles: ADMINS, unit: fromParam('slug') } }, schema: { tags: ['units'], summary: 'Edit a unit you administer', params: z.object({ slug: z.string().max(100) }), body: apiUnitPatch, response: { 200: unitOut } } },
    async (req) => {
      const { parent, ...rest } = req.body;
      const unit = await update(req, req.unit as Unit, { ...rest, ...(parent !== undefined ? { parentId: await parentIdFromSlug(parent) } : {}) });
      return toOut(await tree(), unit);
    },
  );

  // Pages.
  const renderForm = async (req: FastifyRequest, reply: FastifyReply, unit: Unit | undefined, values: Record<string, string>, errors: Record<string, string> = {}, status = 200) => {
    const t = await tree();
    const scope = unitsInScope(req.auth, t, ADMINS);
    const editable = unit ? hasRole(req.auth, t, ADMINS, unit.id) : scope.size > 0;
    const parentChoices = t.all().filter((u) => scope.has(u.id));
    return sendPage(req, reply, <UnitFormPage tree={t} unit={unit} values={values} errors={errors} editable={editable} parentChoices={parentChoices} />, status);
  };

  app.get('/admin/units', { config: { access: 'authenticated' }, schema: { querystring: pageQuery('q') } }, async (req, reply) => {
    const t = await tree();
    const q = (req.query.q ?? '').slice(0, 100);
    return sendPage(req, reply, <UnitsPage tree={t} q={q} canCreate={unitsInScope(req.auth, t, ADMINS).size > 0} />);
  });

  app.get('/admin/units/new', { config: { access: { roles: ADMINS } }, schema: { querystring: pageQuery('parent') } }, async (req, reply) => {
    const parent = req.query.parent ?? '';
    return renderForm(req, reply, undefined, { kind: 'party_cell', parentId: parent, active: 'true' });
  });

  app.post('/admin/units', { config: { access: { roles: ADMINS } }, schema: { body: unitFields } }, async (req, reply) => {
    const form = parseForm(formUnitInput, req.body, req.locale);
    if (!form.ok) return renderForm(req, reply, undefined, form.values, form.errors, 400);
    try {
      const unit = await create(req, form.data);
      return reply.redirect(`/admin/units/${unit.slug}?ok=saved`, 303);
    } catch (e) {
      if (e instanceof DomainError && e.statusCode < 500 && e.statusCode !== 403) return renderForm(req, reply, undefined, form.values, { _form: req.t(e.messageKey, e.params) }, e.statusCode);
      throw e;
    }
  });

  app.get('/admin/units/:slug', { config: { access: 'authenticated' }, schema: { params: slugParams } }, async (req, reply) => {
    const unit = (await tree()).getBySlug(req.params.slug);
    if (!unit) throw new HttpError(404, 'error.notFound');
    return renderForm(req, reply, unit, unitToValues(unit));
  });

  app.post('/admin/units/:slug', { config: { access: { roles: ADMINS, unit: fromParam('slug') } }, schema: { params: slugParams, body: unitFields } }, async (req, reply) => {
    const unit = req.unit as Unit;
    const form = parseForm(formUnitInput, req.body, req.locale);
    if (!form.ok) return renderForm(req, reply, unit, form.values, form.errors, 400);
    try {
      const updated = await update(req, unit, form.data);
      return reply.redirect(`/admin/units/${updated.slug}?ok=saved`, 303);
    } catch (e) {
      if (e instanceof DomainError && e.statusCode < 500 && e.statusCode !== 403) return renderForm(req, reply, unit, form.values, { _form: req.t(e.messageKey, e.params) }, e.statusCode);
      throw e;
    }
  });
}
