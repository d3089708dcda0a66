// Server-side rendering with Preact: every value is escaped unless a component opts out explicitly.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { csrfTokenFor } from './csrf.ts';
import { PageCtx, type PageContext } from './page-context.ts';

let secureCookies = false;
export const configureRender = (options: { secureCookies: boolean }): void => {
  secureCookies = options.secureCookies;
};

export function pageContext(req: FastifyRequest, reply: FastifyReply): PageContext {
  const url = new URL(req.url, 'http://x');
  return {
    t: req.t,
    locale: req.locale,
    auth: req.auth,
    csrfToken: csrfTokenFor(req, reply, secureCookies),
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
  };
}

export function renderDocument(ctx: PageContext, node: ComponentChildren): string {
  return `<!DOCTYPE html>${renderToString(<PageCtx.Provider value={ctx}>{node}</PageCtx.Provider>)}`;
}

/** Renders a page and sends it with the security headers every HTML response gets. */
export function sendPage(req: FastifyRequest, reply: FastifyReply, node: ComponentChildren, status = 200): FastifyReply {
  const html = renderDocument(pageContext(req, reply), node);
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(html);
}
