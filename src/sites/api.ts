// The publishing JSON API, on the same service functions as the office pages.
import { z } from 'zod';
import type { AppContext } from '../app/context.ts';
import { SITE_STAFF, unitsInScope, WRITERS } from '../core/roles.ts';
import { actorOf, fromParam } from '../web/access.ts';
import type { Role } from '../core/roles.ts';
import { HttpError, notFound } from '../web/errors.ts';
import type { App } from '../web/types.ts';
import { postsOfItem } from './channels/posts.ts';
import { publishing } from './directory.ts';
import { createItem, getItem, inputOf, itemInputSchema, listSiteItems, updateItem } from './items.ts';
import { office } from './admin/office.ts';
import { ITEM_STATUSES, type ContentItem } from './schema.ts';
import { itemPath } from './urls.ts';
import { canEdit, transition, TRANSITIONS } from './workflow.ts';

const tags = ['sites'];

const itemOut = z.object({
  id: z.number(),
  site: z.string(),
  kind: z.string(),
  section: z.string(),
  slug: z.string(),
  status: z.enum(ITEM_STATUSES),
  title: z.string(),
  sapo: z.string(),
  body: z.string(),
  tags: z.array(z.string()),
  field: z.string().nullable(),
  audiences: z.array(z.string()),
  channels: z.array(z.string()),
  version: z.number(),
  publishedAt: z.string().nullable(),
  url: z.string().nullable(),
});

export function sitesApi(app: App, ctx: AppContext): void {
  const index = () => publishing(ctx).sites.current();
  const { itemUnit } = office(ctx);
  const out = async (item: ContentItem): Promise<z.infer<typeof itemOut>> => {
    const idx = await index();
    const site = idx.get(item.siteId);
    const section = idx.section(item.sectionId);
    return {
      id: item.id,
      site: site?.slug ?? '',
      kind: item.kind,
      section: section?.slug ?? '',
      slug: item.slug,
      status: item.status,
      title: item.title,
      sapo: item.sapo,
      body: item.body,
      tags: item.tags,
      field: item.field,
      audiences: item.audiences,
      channels: item.channels,
      version: item.version,
      publishedAt: item.publishedAt?.toISOString() ?? null,
      url: item.status === 'published' && site && section ? itemPath(site, section, item) : null,
    };
  };
  const siteOf = async (slug: string) => {
    const site = (await index()).anyBySlug(slug);
    if (!site) throw notFound();
    return site;
  };

  app.get('/api/sites', { config: { access: { roles: SITE_STAFF } }, schema: { tags, summary: 'Sites you write for or administer, with their sections' } }, async (req) => {
    const [idx, tree] = await Promise.all([index(), ctx.units.current()]);
    const scope = unitsInScope(req.auth, tree, SITE_STAFF);
    return {
      sites: idx
        .all()
        .filter((s) => scope.has(s.unitId))
        .map((s) => ({ slug: s.slug, name: s.name, hostName: s.hostName, active: s.active, sections: s.sections.map((x) => ({ id: x.id, slug: x.slug, name: x.name, kind: x.kind })) })),
    };
  });

  app.get(
    '/api/sites/:slug/items',
    { config: { access: { roles: SITE_STAFF, unit: fromParam('slug') } }, schema: { tags, summary: 'A site’s items, newest first', params: z.object({ slug: z.string().max(100) }), querystring: z.object({ status: z.enum(ITEM_STATUSES).optional() }) } },
    async (req) => {
      const site = await siteOf(req.params.slug);
      const rows = await listSiteItems(ctx.db, site.unitId, req.query.status);
      return { items: await Promise.all(rows.map(out)) };
    },
  );

  app.post(
    '/api/sites/:slug/items',
    { config: { access: { roles: WRITERS, unit: fromParam('slug') } }, schema: { tags, summary: 'Write a draft (body is sanitised HTML)', params: z.object({ slug: z.string().max(100) }), body: itemInputSchema, response: { 201: itemOut } } },
    async (req, reply) => {
      const site = await siteOf(req.params.slug);
      return reply.status(201).send(await out(await createItem(ctx, actorOf(req), site, req.body)));
    },
  );

  const idParams = z.object({ id: z.coerce.number().int().positive() });
  app.get('/api/items/:id', { config: { access: { roles: WRITERS, unit: itemUnit } }, schema: { tags, params: idParams, response: { 200: itemOut } } }, async (req) => out(await getItem(ctx.db, req.params.id)));

  app.patch(
    '/api/items/:id',
    { config: { access: { roles: WRITERS, unit: itemUnit } }, schema: { tags, summary: 'Change an item (only the fields given)', params: idParams, body: itemInputSchema.partial() } },
    async (req) => {
      const item = await getItem(ctx.db, req.params.id);
      if (!canEdit(req.auth, await ctx.units.current(), item)) throw new HttpError(403, 'error.forbidden');
      const site = (await index()).get(item.siteId);
      if (!site) throw notFound();
      return out(await updateItem(ctx, actorOf(req), site, item, { ...inputOf(item), ...req.body, kind: item.kind }));
    },
  );

  app.post(
    '/api/items/:id/transition',
    { config: { access: { roles: WRITERS, unit: itemUnit } }, schema: { tags, summary: 'submit | return | approve | publish (publishAt schedules) | unpublish', params: idParams, body: z.object({ action: z.enum(TRANSITIONS), publishAt: z.string().datetime({ offset: true }).optional(), note: z.string().max(4000).optional() }) } },
    async (req) => {
      const item = await getItem(ctx.db, req.params.id);
      const updated = await transition(ctx, req.auth as NonNullable<typeof req.auth>, item, req.body.action, { publishAt: req.body.publishAt ? new Date(req.body.publishAt) : null, note: req.body.note });
      return out(updated);
    },
  );

  app.get('/api/items/:id/posts', { config: { access: { roles: WRITERS, unit: itemUnit } }, schema: { tags, summary: 'Cross-posts of an item and their status', params: idParams } }, async (req) => {
    const posts = await postsOfItem(ctx, req.params.id);
    return { posts: posts.map((p) => ({ channel: p.channel, status: p.status, externalId: p.externalId, url: p.url, attempts: p.attempts, error: p.lastError, postedAt: p.postedAt?.toISOString() ?? null })) };
  });
}
