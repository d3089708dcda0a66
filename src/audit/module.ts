// Audit in the app: the audit log page and API, naming the records every feature's entries point at.
import type { Feature } from '../app/feature.ts';
import { auditRoutes } from './routes.tsx';

export const feature: Feature = { name: 'audit', routes: (features) => [auditRoutes(Object.assign({}, ...features.map((f) => f.auditTargets ?? {})))] };
