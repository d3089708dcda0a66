// The office's list of sites and a site's items.
import { ADMINS, hasRole, SITE_STAFF, unitsInScope, WRITERS } from '../../core/roles.ts';
import { fromParam } from '../../web/access.ts';
import type { AppContext } from '../../app/context.ts';
import { sendPage } from '../../web/render.tsx';
import { queryChoice } from '../../web/schemas.ts';
import { z } from 'zod';
import type { App } from '../../web/types.ts';
import { itemCounts, listSiteItems } from '../items.ts';
import { ITEM_STATUSES } from '../schema.ts';
import { slugParams, type Office } from './office.ts';
import { SiteItemsPage, SitesPage } from './pages.tsx';

export function siteListRoutes(app: App, ctx: AppContext, office: Office): void {
  app.get('/admin/sites', { config: { access: { roles: SITE_STAFF } } }, async (req, reply) => {
    const [idx, t] = await Promise.all([office.sites(), office.tree()]);
    const scope = unitsInScope(req.auth, t, SITE_STAFF);
    const order = new Map(t.flatten().map(({ unit }, i) => [unit.id, i]));
    const list = idx
      .all()
      .filter((s) => scope.has(s.unitId))
      .sort((a, b) => (order.get(a.unitId) ?? 0) - (order.get(b.unitId) ?? 0));
    const counts = await itemCounts(ctx.db, list.map((s) => s.unitId));
    return sendPage(req, reply, <SitesPage sites={list} counts={counts} />);
  });

  app.get('/admin/sites/:slug', { config: { access: { roles: SITE_STAFF, unit: fromParam('slug') } }, schema: { params: slugParams, querystring: z.object({ status: queryChoice(ITEM_STATUSES) }) } }, async (req, reply) => {
    const site = await office.siteOf(req.params.slug);
    const t = await office.tree();
    const status = req.query.status;
    const items = await listSiteItems(ctx.db, site.unitId, status);
    return sendPage(req, reply, <SiteItemsPage site={site} items={items} status={status} canWrite={hasRole(req.auth, t, WRITERS, site.unitId)} canAdmin={hasRole(req.auth, t, ADMINS, site.unitId)} />);
  });
}
