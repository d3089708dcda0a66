// The publishing network in the app: the office pages, the public sites (they own `/`), digests and the
// jobs that publish, cross-post and send.
import type { AppContext } from '../app/context.ts';
import type { Feature } from '../app/feature.ts';
import { auditTargets } from './audit-targets.ts';
import { registerSiteMenuEntry } from '../web/public-layout.tsx';
import type { App } from '../web/types.ts';
import { adminRoutes } from './admin/routes.tsx';
import { sitesApi } from './api.ts';
import { digestRoutes } from './digest-routes.tsx';
import { publishing } from './directory.ts';
import { registerSiteJobs, registerSiteSchedules } from './jobs.ts';
import { publicRoutes } from './public/routes.tsx';
import { setListeningOrigin } from './urls.ts';

async function sitesRoutes(app: App, ctx: AppContext): Promise<void> {
  // The citizen channel (cases) lives under every site.
  registerSiteMenuEntry({ segment: 'hoi-dap', label: 'pub.answers', order: 10 });
  registerSiteMenuEntry({ segment: 'phan-anh', label: 'pub.reports', order: 20 });
  adminRoutes(app, ctx);
  sitesApi(app, ctx);
  digestRoutes(app, ctx);
  publicRoutes(app, ctx);
  app.addHook('onListen', async () => {
    const address = app.server.address();
    if (address && typeof address === 'object') setListeningOrigin(`http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`);
  });
  const unsubscribe = await publishing(ctx).subscribe(ctx.database);
  app.addHook('onClose', async () => unsubscribe());
}

export const feature: Feature = { name: 'sites', routes: [sitesRoutes], jobs: { register: registerSiteJobs, schedule: registerSiteSchedules }, auditTargets };
