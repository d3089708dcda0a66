// Cases in the app: office pages, the citizen channel under every site, Open311, the reminders and the
// home card.
import type { Feature } from '../app/feature.ts';
import { auditTargets } from './audit-targets.ts';
import { casesHomeCard } from './home.tsx';
import { registerCaseJobs, scheduleCaseJobs } from './jobs.ts';
import { open311Routes } from './open311/routes.ts';
import { casePublicRoutes } from './public/routes.tsx';
import { caseAdminRoutes } from './routes-admin.tsx';
import { caseRoutes } from './routes.tsx';

export const feature: Feature = {
  name: 'cases',
  routes: [caseRoutes, caseAdminRoutes, casePublicRoutes, open311Routes],
  jobs: { register: registerCaseJobs, schedule: scheduleCaseJobs },
  homeCard: casesHomeCard,
  auditTargets,
};
