// Producing each public page: queries, then one Preact tree rendered to a string (cached by the caller).
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import { translator, type MessageKey } from '../../i18n/catalog.ts';
import type { PublicSite } from '../../web/public-layout.tsx';
import type { SiteIndex, SiteView } from '../directory.ts';
import { contentItems, type Audience, type ContentItem, type SiteSection } from '../schema.ts';
import { mediaUrl, originOf, siteUrl } from '../urls.ts';
import { itemJsonLd } from './jsonld.ts';
import { ItemPage, PortalPage, SearchPage, SectionPage, SiteHomePage, UnitsDirectoryPage, type Listing } from './pages.tsx';
import { linksFor, siteChrome, type Links } from './parts.tsx';
import { listPublished, mediaById, publishedBySlug, upcomingEvents, type Card } from './queries.ts';
import { searchPublished } from './search.ts';
import { renderPublic } from './send.ts';

const t = translator('vi');
export const PAGE_SIZE = 12;

/** Links of a card from any site, by path. */
export function cardHref(index: SiteIndex, own?: { site: SiteView; links: Links }) {
  return (c: Card): string => {
    const site = index.get(c.siteId);
    const section = index.section(c.sectionId);
    if (!site || !section) return '/';
    const links = own && own.site.unitId === site.unitId ? own.links : linksFor(site, false);
    return links.to(`/${section.slug}/${c.slug}`);
  };
}

export function portalChrome(index: SiteIndex): PublicSite {
  const district = index.active().find((s) => s.unit.parentId === null);
  const base: PublicSite = district ? siteChrome(district, linksFor(district, false), t) : { base: '', name: t('pub.portal'), menu: [] };
  return {
    ...base,
    base: '',
    name: district?.name ? `Cổng thông tin điện tử ${district.unit.shortName ?? district.name}` : t('pub.portal'),
    tagline: district?.tagline ?? undefined,
    menu: [{ href: '/', label: t('pub.home') }, ...(district ? district.sections.filter((s) => s.inMenu && s.kind !== 'page').map((s) => ({ href: `/${district.slug}/${s.slug}`, label: s.name })) : []), { href: '/don-vi', label: t('pub.units') }, { href: '/phan-anh', label: t('pub.reports') }],
    searchAction: '/tim-kiem',
    feeds: [
      { href: '/rss.xml', type: 'application/rss+xml', title: 'RSS' },
      { href: '/atom.xml', type: 'application/atom+xml', title: 'Atom' },
    ],
    featureMenu: false,
  };
}

const GROUP_ORDER = ['district', 'ward', 'school', 'mass_org'] as const;

export function unitGroups(index: SiteIndex, tree: { flatten(): Array<{ unit: { id: number; kind: string } }> }) {
  const order = new Map(tree.flatten().map(({ unit }, i) => [unit.id, i]));
  const sites = index.active().sort((a, b) => (order.get(a.unitId) ?? 0) - (order.get(b.unitId) ?? 0));
  return GROUP_ORDER.map((kind) => ({
    label: t(`pub.kindGroup.${kind}` as MessageKey),
    sites: sites.filter((s) => (kind === 'ward' ? s.unit.kind === 'ward' || s.unit.kind === 'party_cell' : s.unit.kind === kind)),
  })).filter((g) => g.sites.length);
}

export async function renderPortal(ctx: AppContext, req: FastifyRequest, index: SiteIndex): Promise<string> {
  const siteIds = index.active().map((s) => s.unitId);
  const [latest, profiles, events] = await Promise.all([
    listPublished(ctx.db, { siteIds, originalsOnly: true, kind: 'article', limit: 12 }),
    listPublished(ctx.db, { siteIds, originalsOnly: true, kind: 'profile', limit: 4 }),
    upcomingEvents(ctx.db, { siteIds, originalsOnly: true, limit: 4 }),
  ]);
  const href = cardHref(index);
  const siteName = (c: Card) => index.get(c.siteId)?.name;
  const listing = (cards: Card[]): Listing => ({ cards, href, siteName });
  const groups = unitGroups(index, await ctx.units.current());
  return renderPublic(req, <PortalPage chrome={portalChrome(index)} latest={listing(latest)} profiles={listing(profiles)} events={listing(events)} groups={groups} />);
}

export async function renderUnits(ctx: AppContext, req: FastifyRequest, index: SiteIndex): Promise<string> {
  return renderPublic(req, <UnitsDirectoryPage chrome={portalChrome(index)} groups={unitGroups(index, await ctx.units.current())} />);
}

export async function renderSiteHome(ctx: AppContext, req: FastifyRequest, index: SiteIndex, site: SiteView, links: Links, audience?: Audience): Promise<string> {
  const own = { site, links };
  const listed = site.sections.filter((s) => s.kind !== 'article' && s.kind !== 'page' && (!audience || !s.audiences.length || s.audiences.includes(audience)));
  const [latest, ...perSection] = await Promise.all([
    listPublished(ctx.db, { siteId: site.unitId, kind: 'article', audience, limit: 9 }),
    ...listed.map((s) => (s.kind === 'event' ? upcomingEvents(ctx.db, { sectionId: s.id, audience, limit: 3 }) : listPublished(ctx.db, { sectionId: s.id, audience, limit: 3 }))),
  ]);
  const href = cardHref(index, own);
  return renderPublic(
    req,
    <SiteHomePage site={site} chrome={siteChrome(site, links, t)} links={links} audience={audience} latest={{ cards: latest, href }} bySection={listed.map((section, i) => ({ section, listing: { cards: perSection[i], href } }))} />,
  );
}

export async function renderSection(ctx: AppContext, req: FastifyRequest, index: SiteIndex, site: SiteView, section: SiteSection, links: Links, page: number, audience?: Audience): Promise<string> {
  const cards = await listPublished(ctx.db, { sectionId: section.id, audience, limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE });
  const href = cardHref(index, { site, links });
  return renderPublic(req, <SectionPage site={site} section={section} chrome={siteChrome(site, links, t)} links={links} page={page} hasMore={cards.length > PAGE_SIZE} audience={audience} listing={{ cards: cards.slice(0, PAGE_SIZE), href }} />);
}

/** Null when there is no such published item. */
export async function renderItem(ctx: AppContext, req: FastifyRequest, index: SiteIndex, site: SiteView, section: SiteSection, slug: string, links: Links): Promise<string | null> {
  const item = await publishedBySlug(ctx.db, site.unitId, slug);
  if (!item || item.sectionId !== section.id) return null;
  return renderItemView(ctx, req, index, site, section, item, links);
}

/** The public page of an item as it stands (also drafts, for the office's preview). */
export async function renderItemView(ctx: AppContext, req: FastifyRequest, index: SiteIndex, site: SiteView, section: SiteSection, item: ContentItem, links: Links, preview = false): Promise<string> {
  const media = await mediaById(ctx.db, [item.coverMediaId, item.details.fileMediaId, item.details.videoMediaId]);
  const cover = item.coverMediaId ? (media.get(item.coverMediaId) ?? null) : null;
  const origin = originOf(ctx, req);
  const canonical = siteUrl(ctx, site, `/${section.slug}/${item.slug}`, req);
  const related = (await listPublished(ctx.db, { sectionId: section.id, limit: 5 })).filter((c) => c.id !== item.id).slice(0, 4);
  let source: { name: string; href: string } | undefined;
  if (item.sourceItemId) {
    const [src] = await ctx.db.select().from(contentItems).where(eq(contentItems.id, item.sourceItemId));
    const srcSite = src && src.status === 'published' ? index.get(src.siteId) : undefined;
    const srcSection = src ? index.section(src.sectionId) : undefined;
    if (src && srcSite && srcSection) source = { name: srcSite.name, href: siteUrl(ctx, srcSite, `/${srcSection.slug}/${src.slug}`, req) };
  }
  const image = cover ? `${origin}${mediaUrl(cover, 1600, 'jpeg')}` : undefined;
  const view = {
    item,
    cover,
    file: item.details.fileMediaId ? (media.get(item.details.fileMediaId) ?? null) : null,
    video: item.details.videoMediaId ? (media.get(item.details.videoMediaId) ?? null) : null,
    source,
    related: { cards: related, href: cardHref(index, { site, links }) },
    canonical,
    origin,
  };
  return renderPublic(req, <ItemPage site={site} section={section} chrome={siteChrome(site, links, t)} links={links} view={view} jsonLd={itemJsonLd(item, site, canonical, origin, image)} preview={preview} />);
}

export async function renderSearch(ctx: AppContext, req: FastifyRequest, index: SiteIndex, q: string, page: number, scope?: { site: SiteView; links: Links }): Promise<string> {
  const { total, items } = await searchPublished(ctx.db, q, { siteId: scope?.site.unitId, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const chrome = scope ? siteChrome(scope.site, scope.links, t) : portalChrome(index);
  const action = scope ? scope.links.to('/tim-kiem') : '/tim-kiem';
  const listing: Listing = { cards: items, href: cardHref(index, scope), siteName: scope ? undefined : (c) => index.get(c.siteId)?.name };
  return renderPublic(req, <SearchPage chrome={chrome} action={action} q={q} total={total} listing={listing} siteLabel={scope?.site.name} page={page} hasMore={page * PAGE_SIZE < total} />);
}
