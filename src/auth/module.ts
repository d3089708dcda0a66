// Auth in the app: login, account and users pages, and the sessions purge.
import type { Feature } from '../app/feature.ts';
import { auditTargets } from './audit-targets.ts';
import { registerAuthJobs, scheduleAuthJobs } from './jobs.ts';
import { authRoutes } from './routes.tsx';
import { userRoutes } from './users-routes.tsx';

export const feature: Feature = { name: 'auth', routes: [authRoutes, userRoutes], jobs: { register: registerAuthJobs, schedule: scheduleAuthJobs }, auditTargets };
