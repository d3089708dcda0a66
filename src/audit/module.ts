// Audit in the app: the audit log page and API.
import type { Feature } from '../app/feature.ts';
import { auditRoutes } from './routes.tsx';

export const feature: Feature = { name: 'audit', routes: [auditRoutes] };
