// Where things live: public paths of sites, sections, items and media files, and absolute URLs.
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../app/context.ts';
import type { SiteIndex, SiteView } from './directory.ts';
import type { ContentItem, MediaFile, SiteSection } from './schema.ts';

export const sitePath = (site: Pick<SiteView, 'slug'>, rest = ''): string => `/${site.slug}${rest}`;
export const sectionPath = (site: Pick<SiteView, 'slug'>, section: Pick<SiteSection, 'slug'>): string => `/${site.slug}/${section.slug}`;
export const itemPath = (site: Pick<SiteView, 'slug'>, section: Pick<SiteSection, 'slug'>, item: Pick<ContentItem, 'slug'>): string => `/${site.slug}/${section.slug}/${item.slug}`;

let listening: string | undefined;
/** Where this process listens (set once the server is up), for absolute links made outside a request. */
export const setListeningOrigin = (origin: string): void => {
  listening = origin;
};

/** The origin for absolute links: the configured public URL, else the request's own host, else where we listen. */
export function originOf(ctx: AppContext, req?: FastifyRequest): string {
  if (ctx.config.publicUrl) return ctx.config.publicUrl;
  if (!req && listening) return listening;
  if (req) {
    const host = String(req.headers.host ?? `${ctx.config.host}:${ctx.config.port}`).replace(/[^\w.:[\]-]/g, '');
    return `${req.protocol}://${host}`;
  }
  return `http://${ctx.config.host.includes(':') ? `[${ctx.config.host}]` : ctx.config.host}:${ctx.config.port}`;
}

/** The absolute address of a page of a site (`rest` starts with "/" or is empty). A site with its own
 * host name is addressed there (with the public URL's scheme) — also when the page is reached by path on
 * the portal, so that links, feeds, sitemaps and canonical tags name one address per page; other sites
 * live under /{slug}. */
export function siteUrl(ctx: AppContext, site: Pick<SiteView, 'slug' | 'hostName'>, rest = '', req?: FastifyRequest): string {
  if (!site.hostName) return `${originOf(ctx, req)}/${site.slug}${rest}`;
  const protocol = ctx.config.publicUrl ? new URL(ctx.config.publicUrl).protocol.slice(0, -1) : (req?.protocol ?? 'http');
  return `${protocol}://${site.hostName}${rest || '/'}`;
}

export const MEDIA_PREFIX = '/media/';

/** The variant closest to `width` in `format` (images), or the file itself. */
export function mediaUrl(file: Pick<MediaFile, 'file' | 'variants'>, width = 1024, format: 'webp' | 'jpeg' = 'jpeg'): string {
  const candidates = file.variants.filter((v) => v.format === format);
  if (!candidates.length) return `${MEDIA_PREFIX}${file.file}`;
  const fit = candidates.filter((v) => v.width >= width).sort((a, b) => a.width - b.width)[0] ?? candidates.sort((a, b) => b.width - a.width)[0];
  return `${MEDIA_PREFIX}${fit.file}`;
}

export function srcset(file: Pick<MediaFile, 'variants'>, format: 'webp' | 'jpeg'): string {
  return file.variants
    .filter((v) => v.format === format)
    .sort((a, b) => a.width - b.width)
    .map((v) => `${MEDIA_PREFIX}${v.file} ${v.width}w`)
    .join(', ');
}

/** The absolute address of a published item, on its site's own address (see siteUrl). */
export function itemUrlOf(ctx: AppContext, index: SiteIndex, req?: FastifyRequest) {
  return (c: Pick<ContentItem, 'siteId' | 'sectionId' | 'slug'>): string => {
    const site = index.get(c.siteId);
    const section = index.section(c.sectionId);
    return site && section ? siteUrl(ctx, site, `/${section.slug}/${c.slug}`, req) : `${originOf(ctx, req)}/`;
  };
}
