// Sends public responses through the page cache: ETag (hash of the body), 304 on If-None-Match,
// Cache-Control for shared caches, and no cookies, so a cached page is the same for everyone.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { translator } from '../../i18n/catalog.ts';
import type { PageContext } from '../../web/page-context.ts';
import { renderDocument } from '../../web/render.tsx';
import { CACHE_CONTROL, type CachedPage, type PageCache } from '../cache.ts';

export const HTML = 'text/html; charset=utf-8';
export const RSS = 'application/rss+xml; charset=utf-8';
export const ATOM = 'application/atom+xml; charset=utf-8';
export const XML = 'application/xml; charset=utf-8';

/** Public pages are rendered in Vietnamese for everyone (the content is Vietnamese), without a session. */
export function publicContext(req: FastifyRequest): PageContext {
  const url = new URL(req.url, 'http://x');
  return { t: translator('vi'), locale: 'vi', auth: null, csrfToken: '', path: url.pathname, query: Object.fromEntries(url.searchParams) };
}

export const renderPublic = (req: FastifyRequest, node: ComponentChildren): string => renderDocument(publicContext(req), node);

export function cacheKey(req: FastifyRequest, path: string, params: Record<string, string | number | undefined> = {}): string {
  const extra = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '' && v !== 1)
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  return `${String(req.headers.host ?? '').toLowerCase()}|${path}|${extra}`;
}

export function sendCached(req: FastifyRequest, reply: FastifyReply, page: CachedPage, status = 200): FastifyReply {
  reply.header('etag', page.etag).header('cache-control', CACHE_CONTROL).header('content-type', page.contentType);
  if (req.headers['if-none-match'] === page.etag) return reply.status(304).send();
  return reply.status(status).send(page.body);
}

export interface Producer {
  siteId: number | null;
  aggregate?: boolean;
  contentType?: string;
  produce(): Promise<string>;
}

/** A cached page if there is one; otherwise produce, store and send it. */
export async function serveCached(cache: PageCache, req: FastifyRequest, reply: FastifyReply, key: string, producer: Producer): Promise<FastifyReply> {
  const hit = cache.get(key);
  if (hit) return sendCached(req, reply, hit);
  const body = await producer.produce();
  const page = cache.set(key, { body, contentType: producer.contentType ?? HTML, siteId: producer.siteId, aggregate: producer.aggregate ?? producer.siteId === null });
  return sendCached(req, reply, page);
}
