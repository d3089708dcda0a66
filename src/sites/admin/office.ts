// What the office's route groups of the publishing network share: the site and item a request names,
// the unit rule of an item's routes, the roles, the path schemas.
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { fromRecord, type UnitResolver } from '../../web/access.ts';
import { notFound } from '../../web/errors.ts';
import type { App } from '../../web/types.ts';
import { withMultipart } from '../../web/uploads.ts';
import { idOf, pathId } from '../../web/schemas.ts';
import { publishing, type SiteView } from '../directory.ts';
import { getItem, siteIdOfItem } from '../items.ts';
import { LIMITS } from '../media.ts';
import type { ContentItem } from '../schema.ts';


export const slugParams = z.object({ slug: z.string() });
export const itemParams = z.object({ id: pathId });

export type Office = ReturnType<typeof office>;

export function office(ctx: AppContext) {
  const state = publishing(ctx);
  const sites = () => state.sites.current();
  return {
    sites,
    tree: () => ctx.units.current(),
    /** The site named in the path (any site, active or not). */
    async siteOf(slug: string): Promise<SiteView> {
      const site = (await sites()).anyBySlug(slug);
      if (!site) throw notFound();
      return site;
    },
    async loadItem(id: number | null): Promise<ContentItem> {
      if (id === null) throw notFound();
      return getItem(ctx.db, id);
    },
    async siteOfItem(item: ContentItem): Promise<SiteView> {
      const site = (await sites()).get(item.siteId);
      if (!site) throw notFound();
      return site;
    },
    /** The site an item belongs to, for the access rule (an unknown item names no unit that exists: 404). */
    itemUnit: fromRecord('id', async (raw) => {
      const id = idOf(raw);
      return id ? ((await siteIdOfItem(ctx.db, id)) ?? -1) : -1;
    }) satisfies UnitResolver,
  };
}

/** Registers routes that take an item's or a site's uploads (readMultipart reads them). */
export function withUploads(app: App, routes: (scoped: App) => void): void {
  withMultipart(app, { fileSize: LIMITS.video, files: 4, fields: 300, fieldSize: 1_100_000, parts: 310 }, routes);
}
