// Org in the app: the units pages.
import type { Feature } from '../app/feature.ts';
import { auditTargets } from './audit-targets.ts';
import { orgRoutes } from './routes.tsx';

export const feature: Feature = { name: 'org', routes: [orgRoutes], auditTargets };
