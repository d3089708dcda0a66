// The rumour desk in the app: no pages yet (the CLI reaches it through its face); the audit log names its claims.
import type { Feature } from '../app/feature.ts';
import { auditTargets } from './audit-targets.ts';

export const feature: Feature = { name: 'claims', auditTargets };
