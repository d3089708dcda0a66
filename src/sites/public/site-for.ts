// The branded PublicSite of a unit (or the portal), for other features' public pages (cases) to render in.
import type { AppContext } from '../../app/context.ts';
import { translator } from '../../i18n/catalog.ts';
import type { PublicSite } from '../../web/public-layout.tsx';
import { publishing } from '../directory.ts';
import { portalChrome } from './handlers.tsx';
import { linksFor, siteChrome } from './parts.tsx';

/** The site of `slug` with its colours, logo, menu and footer; the portal's when slug is null or unknown. */
export async function publicSiteFor(ctx: AppContext, slug: string | null): Promise<PublicSite> {
  const index = await publishing(ctx).sites.current();
  const site = slug ? index.bySiteSlug(slug) : undefined;
  return site ? siteChrome(site, linksFor(site, false), translator('vi')) : portalChrome(index);
}
