// The public site a cases page renders in. Until the publishing desk's site data covers every unit,
// a site is built from the unit itself: its name, base /{slug} (the portal has base ''), and a menu
// with the cases entries.
import type { Translate } from '../../i18n/catalog.ts';
import type { Unit } from '../../org/schema.ts';
import type { PublicSite } from '../../web/public-layout.tsx';

export function siteOf(unit: Unit | null, t: Translate, portalName: string): PublicSite {
  const base = unit ? `/${unit.slug}` : '';
  return {
    base,
    name: unit?.name ?? portalName,
    menu: [
      ...(unit ? [{ href: `${base}/hoi-dap`, label: t('public.menu.answers') }] : []),
      { href: `${base}/phan-anh`, label: t('public.menu.report') },
      { href: '/phan-anh/tra-cuu', label: t('public.menu.track') },
    ],
    featureMenu: false,
  } as PublicSite;
}
