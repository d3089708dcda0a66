// Public routes: the portal at /, unit sites by path (/{site}/…) or on their own host name, feeds,
// sitemaps, search and media files. Pages go through the in-process cache (see send.ts).
import { mkdirSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { HttpError } from '../../web/errors.ts';
import { pageQuery } from '../../web/schemas.ts';
import type { App } from '../../web/types.ts';
import { publishing, type SiteIndex, type SiteView } from '../directory.ts';
import { mediaDir } from '../media.ts';
import type { SiteSection } from '../schema.ts';
import { itemUrlOf, mediaUrl, originOf, siteUrl } from '../urls.ts';
import { atomXml, rssXml, type FeedSpec } from './feeds.ts';
import { renderItem, renderPortal, renderSearch, renderSection, renderSiteHome, renderUnits } from './handlers.tsx';
import { audienceFromParam, linksFor, type Links } from './parts.tsx';
import { lastPublishedChange, listPublished, mediaById, publishedByIds, sitemapEntries } from './queries.ts';
import { cleanQuery } from './search.ts';
import { ATOM, cacheKey, RSS, serveCached, XML } from './send.ts';
import { sitemapIndex, urlSet } from './sitemap.ts';

const pub = { config: { access: 'public' as const } };
const notFound = () => new HttpError(404, 'error.notFound');
const pageOf = (trang: string | undefined) => Math.min(Math.max(Number.parseInt(trang ?? '1', 10) || 1, 1), 500);

// What the public routes read: path segments, the audience and page of lists, the words of a search.
const one = z.object({ a: z.string() });
const two = one.extend({ b: z.string() });
const three = two.extend({ c: z.string() });
const listQuery = pageQuery('doi-tuong', 'trang');
const searchQuery = pageQuery('q', 'trang');
type ListQuery = z.infer<typeof listQuery>;
type SearchQuery = z.infer<typeof searchQuery>;

export function publicRoutes(app: App, ctx: AppContext): void {
  const state = publishing(ctx);
  const dir = mediaDir(ctx);
  mkdirSync(dir, { recursive: true });
  // Media files: names are random and never reused, so they are cached for a year.
  void app.register(async (scoped) => {
    await scoped.register(fastifyStatic, { root: dir, serve: false, decorateReply: true, index: false, list: false, dotfiles: 'deny' });
    mediaRoute(scoped);
  });

  const index = () => state.sites.current();
  const hostSite = (req: FastifyRequest, idx: SiteIndex) => idx.forHost(req.hostname);

  /** A site by path segment, unless the request came on another site's own host. */
  async function siteBySlug(req: FastifyRequest, slug: string): Promise<{ idx: SiteIndex; site: SiteView; links: Links }> {
    const idx = await index();
    const site = idx.bySiteSlug(slug);
    if (!site || hostSite(req, idx)) throw notFound();
    return { idx, site, links: linksFor(site, false) };
  }
  const sectionOf = (site: SiteView, slug: string): SiteSection => {
    const section = site.sections.find((s) => s.slug === slug);
    if (!section) throw notFound();
    return section;
  };

  // Pages by target.
  const home = (req: FastifyRequest, reply: FastifyReply, q: ListQuery, idx: SiteIndex, site: SiteView, links: Links) => {
    const audience = audienceFromParam(q['doi-tuong']);
    return serveCached(state.cache, req, reply, cacheKey(req, `site:${site.unitId}`, { a: audience }), { siteId: site.unitId, produce: () => renderSiteHome(ctx, req, idx, site, links, audience) });
  };
  const section = (req: FastifyRequest, reply: FastifyReply, q: ListQuery, idx: SiteIndex, site: SiteView, s: SiteSection, links: Links) => {
    const audience = audienceFromParam(q['doi-tuong']);
    const page = pageOf(q.trang);
    return serveCached(state.cache, req, reply, cacheKey(req, `section:${s.id}`, { a: audience, p: page }), { siteId: site.unitId, produce: () => renderSection(ctx, req, idx, site, s, links, page, audience) });
  };
  const item = async (req: FastifyRequest, reply: FastifyReply, idx: SiteIndex, site: SiteView, s: SiteSection, slug: string, links: Links) => {
    if (!/^[a-z0-9-]{1,200}$/.test(slug)) throw notFound();
    const key = cacheKey(req, `item:${site.unitId}:${s.id}:${slug}`);
    return serveCached(state.cache, req, reply, key, {
      siteId: site.unitId,
      produce: async () => {
        const html = await renderItem(ctx, req, idx, site, s, slug, links);
        if (html === null) throw notFound();
        return html;
      },
    });
  };
  const search = async (req: FastifyRequest, reply: FastifyReply, query: SearchQuery, idx: SiteIndex, scope?: { site: SiteView; links: Links }) => {
    const q = cleanQuery(query.q ?? '');
    const html = await renderSearch(ctx, req, idx, q, pageOf(query.trang), scope);
    return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'public, max-age=60').send(html);
  };
  const feed = async (req: FastifyRequest, reply: FastifyReply, format: 'rss' | 'atom', idx: SiteIndex, site?: SiteView, s?: SiteSection) => {
    const key = cacheKey(req, `feed:${format}:${site?.unitId ?? 'all'}:${s?.id ?? ''}`);
    return serveCached(state.cache, req, reply, key, {
      siteId: site?.unitId ?? null,
      contentType: format === 'rss' ? RSS : ATOM,
      produce: async () => {
        const spec = await feedSpec(req, idx, site, s);
        return format === 'rss' ? rssXml(spec) : atomXml(spec);
      },
    });
  };

  async function feedSpec(req: FastifyRequest, idx: SiteIndex, site?: SiteView, s?: SiteSection): Promise<FeedSpec> {
    const origin = originOf(ctx, req);
    const cards = await listPublished(ctx.db, site ? { siteId: site.unitId, sectionId: s?.id, limit: 30 } : { siteIds: idx.active().map((x) => x.unitId), originalsOnly: true, limit: 30 });
    const full = await publishedByIds(ctx.db, cards.map((c) => c.id));
    const url = itemUrlOf(ctx, idx, req);
    const covers = await mediaById(ctx.db, full.map((f) => f.coverMediaId));
    const at = (rest: string) => (site ? siteUrl(ctx, site, `${s ? `/${s.slug}` : ''}${rest}`, req) : `${origin}${rest || '/'}`);
    const title = site ? (s ? `${s.name} – ${site.name}` : site.name) : 'Cổng thông tin điện tử Quận 10';
    return {
      title,
      description: s?.description ?? site?.tagline ?? title,
      link: at(''),
      rss: at('/rss.xml'),
      atom: at('/atom.xml'),
      entries: full.map((item) => {
        const cover = item.coverMediaId ? covers.get(item.coverMediaId) : undefined;
        return { item, url: url(item), image: cover ? `${origin}${mediaUrl(cover, 1024, 'jpeg')}` : undefined, author: idx.get(item.siteId)?.name ?? title };
      }),
    };
  }

  // The portal, or a site on its own host.
  app.get('/', { ...pub, schema: { querystring: listQuery } }, async (req, reply) => {
    const idx = await index();
    const own = hostSite(req, idx);
    if (own) return home(req, reply, req.query, idx, own, linksFor(own, true));
    return serveCached(state.cache, req, reply, cacheKey(req, 'portal'), { siteId: null, produce: () => renderPortal(ctx, req, idx) });
  });
  app.get('/don-vi', pub, async (req, reply) => {
    const idx = await index();
    if (hostSite(req, idx)) throw notFound();
    return serveCached(state.cache, req, reply, cacheKey(req, 'units'), { siteId: null, produce: () => renderUnits(ctx, req, idx) });
  });
  // Search is not cached: each reader's query goes to the database, so it is rate-limited per address.
  const searchRoute = { config: { access: 'public' as const, rateLimit: { max: 120, timeWindow: '1 minute' } } };
  app.get('/tim-kiem', { ...searchRoute, schema: { querystring: searchQuery } }, async (req, reply) => {
    const idx = await index();
    const own = hostSite(req, idx);
    return search(req, reply, req.query, idx, own ? { site: own, links: linksFor(own, true) } : undefined);
  });
  for (const format of ['rss', 'atom'] as const) {
    app.get(`/${format}.xml`, pub, async (req, reply) => {
      const idx = await index();
      return feed(req, reply, format, idx, hostSite(req, idx));
    });
    app.get(`/:a/${format}.xml`, { ...pub, schema: { params: one } }, async (req, reply) => {
      const { a } = req.params;
      const idx = await index();
      const own = hostSite(req, idx);
      if (own) return feed(req, reply, format, idx, own, sectionOf(own, a));
      const { site } = await siteBySlug(req, a);
      return feed(req, reply, format, idx, site);
    });
    app.get(`/:a/:b/${format}.xml`, { ...pub, schema: { params: two } }, async (req, reply) => {
      const { a, b } = req.params;
      const { idx, site } = await siteBySlug(req, a);
      return feed(req, reply, format, idx, site, sectionOf(site, b));
    });
  }
  app.get('/:a/tim-kiem', { ...searchRoute, schema: { params: one, querystring: searchQuery } }, async (req, reply) => {
    const { idx, site, links } = await siteBySlug(req, req.params.a);
    return search(req, reply, req.query, idx, { site, links });
  });

  // Sitemaps.
  app.get('/sitemap.xml', pub, async (req, reply) => {
    const idx = await index();
    const own = hostSite(req, idx);
    if (own) return siteSitemap(req, reply, idx, own);
    return serveCached(state.cache, req, reply, cacheKey(req, 'sitemap'), {
      siteId: null,
      contentType: XML,
      produce: async () => {
        const byId = await lastPublishedChange(ctx.db);
        return sitemapIndex(idx.active().map((s) => ({ loc: siteUrl(ctx, s, '/sitemap.xml', req), lastmod: byId.get(s.unitId) ?? null })));
      },
    });
  });
  async function siteSitemap(req: FastifyRequest, reply: FastifyReply, idx: SiteIndex, site: SiteView) {
    return serveCached(state.cache, req, reply, cacheKey(req, `sitemap:${site.unitId}`), {
      siteId: site.unitId,
      contentType: XML,
      produce: async () => {
        const at = (rest: string) => siteUrl(ctx, site, rest, req);
        const rows = await sitemapEntries(ctx.db, site.unitId);
        const sections = new Map(site.sections.map((s) => [s.id, s]));
        return urlSet([
          { loc: at('') },
          ...site.sections.map((s) => ({ loc: at(`/${s.slug}`) })),
          ...rows.filter((r) => sections.has(r.sectionId)).map((r) => ({ loc: at(`/${sections.get(r.sectionId)?.slug}/${r.slug}`), lastmod: r.updatedAt })),
        ]);
      },
    });
  }
  app.get('/:a/sitemap.xml', { ...pub, schema: { params: one } }, async (req, reply) => {
    const { idx, site } = await siteBySlug(req, req.params.a);
    return siteSitemap(req, reply, idx, site);
  });
  app.get('/robots.txt', pub, async (req, reply) => {
    return reply.header('content-type', 'text/plain; charset=utf-8').header('cache-control', 'public, max-age=3600').send(`User-agent: *\nDisallow: /admin\nDisallow: /api\nSitemap: ${originOf(ctx, req)}/sitemap.xml\n`);
  });

  // Sites, sections, items (by path, or on the site's own host one segment shorter).
  app.get('/:a', { ...pub, schema: { params: one, querystring: listQuery } }, async (req, reply) => {
    const { a } = req.params;
    const idx = await index();
    const own = hostSite(req, idx);
    if (own) return section(req, reply, req.query, idx, own, sectionOf(own, a), linksFor(own, true));
    const { site, links } = await siteBySlug(req, a);
    return home(req, reply, req.query, idx, site, links);
  });
  app.get('/:a/:b', { ...pub, schema: { params: two, querystring: listQuery } }, async (req, reply) => {
    const { a, b } = req.params;
    const idx = await index();
    const own = hostSite(req, idx);
    if (own) return item(req, reply, idx, own, sectionOf(own, a), b, linksFor(own, true));
    const { site, links } = await siteBySlug(req, a);
    return section(req, reply, req.query, idx, site, sectionOf(site, b), links);
  });
  app.get('/:a/:b/:c', { ...pub, schema: { params: three } }, async (req, reply) => {
    const { a, b, c } = req.params;
    const { idx, site, links } = await siteBySlug(req, a);
    return item(req, reply, idx, site, sectionOf(site, b), c, links);
  });
}

function mediaRoute(app: App): void {
  app.get('/media/*', { ...pub, schema: { params: z.object({ '*': z.string() }) } }, async (req, reply) => {
    const rest = req.params['*'];
    if (!/^[\w-]+\/[\w.-]+$/.test(rest) || rest.includes('..')) throw notFound();
    // Documents are downloaded, never shown inline on our origin.
    if (!/\.(jpg|webp|png|gif|avif|mp4|webm)$/.test(rest)) reply.header('content-disposition', 'attachment');
    return reply.sendFile(rest, { immutable: true, maxAge: 365 * 86_400_000, dotfiles: 'deny' });
  });
}
