// The public site a cases page renders in: the publishing desk's branded site of the unit (its menu
// carries the cases entries), or the portal for the district-wide pages and units without a site.
import type { AppContext } from '../../app/context.ts';
import type { Unit } from '../../org/index.ts';
import { publicSiteFor } from '../../sites/web.ts';
import type { PublicSite } from '../../web/public-layout.tsx';

export const siteFor = (ctx: AppContext, unit: Unit | null): Promise<PublicSite> => publicSiteFor(ctx, unit?.slug ?? null);
