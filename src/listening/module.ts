// The listening desk's routes: pages, JSON API, webhooks.
import type { AppContext } from '../app/context.ts';
import type { App } from '../web/types.ts';
import { listeningApiRoutes } from './api.ts';
import { listeningPageRoutes } from './routes.tsx';
import { listeningWebhookRoutes } from './webhooks.ts';

export function listeningRoutes(app: App, ctx: AppContext): void {
  listeningPageRoutes(app, ctx);
  listeningApiRoutes(app, ctx);
  listeningWebhookRoutes(app, ctx);
}
