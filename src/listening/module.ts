// The listening desk in the app: alert rules, pages, JSON API, webhooks, its jobs and the home card.
import type { AppContext } from '../app/context.ts';
import type { Feature } from '../app/feature.ts';
import { auditTargets } from './audit-targets.ts';
import { alertRoutes } from './alerts/routes.tsx';
import { registerAlertJobs, scheduleAlertJobs } from './alerts/jobs.ts';
import { listeningHomeCard } from './home.tsx';
import { registerListeningJobs, registerListeningSchedules } from './jobs.ts';
import type { App } from '../web/types.ts';
import { listeningApiRoutes } from './api.ts';
import { listeningPageRoutes } from './routes.tsx';
import { listeningWebhookRoutes } from './webhooks.ts';

function listeningRoutes(app: App, ctx: AppContext): void {
  listeningPageRoutes(app, ctx);
  listeningApiRoutes(app, ctx);
  listeningWebhookRoutes(app, ctx);
}

export const feature: Feature = {
  name: 'listening',
  routes: [alertRoutes, listeningRoutes],
  jobs: {
    register(ctx) {
      registerAlertJobs(ctx);
      registerListeningJobs(ctx);
    },
    async schedule(ctx) {
      await scheduleAlertJobs(ctx);
      await registerListeningSchedules(ctx);
    },
  },
  homeCard: listeningHomeCard,
  auditTargets,
};
