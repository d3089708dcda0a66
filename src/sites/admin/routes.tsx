// Office routes of the publishing network, in groups: the sites and their items, writing items, the
// workflow, a site's settings. Pages post forms and redirect; uploads are multipart with the CSRF token as a field.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AppContext } from '../../app/context.ts';
import type { App } from '../../web/types.ts';
import { editorRoutes } from './editor-routes.tsx';
import { office } from './office.ts';
import { siteSettingsRoutes } from './settings-routes.tsx';
import { siteListRoutes } from './site-routes.tsx';
import { workflowRoutes } from './workflow-routes.tsx';

const require = createRequire(import.meta.url);
const TRIX_DIR = path.dirname(require.resolve('trix/dist/trix.umd.min.js'));

export function adminRoutes(app: App, ctx: AppContext): void {
  const shared = office(ctx);
  trixRoutes(app);
  siteListRoutes(app, ctx, shared);
  editorRoutes(app, ctx, shared);
  workflowRoutes(app, ctx, shared);
  siteSettingsRoutes(app, ctx, shared);
}

/** Trix, the rich-text editor, served from its package (no CDN; the page works without it). */
function trixRoutes(app: App): void {
  const vendor = { js: readFileSync(path.join(TRIX_DIR, 'trix.umd.min.js')), css: readFileSync(path.join(TRIX_DIR, 'trix.css')) };
  const daily = 'public, max-age=86400';
  app.get('/static/vendor/trix.js', { config: { access: 'public' } }, async (_req, reply) => reply.header('content-type', 'text/javascript; charset=utf-8').header('cache-control', daily).send(vendor.js));
  app.get('/static/vendor/trix.css', { config: { access: 'public' } }, async (_req, reply) => reply.header('content-type', 'text/css; charset=utf-8').header('cache-control', daily).send(vendor.css));
}
