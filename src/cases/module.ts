// The route modules of cases, in registration order (listed once in src/app/modules.ts).
import { caseAdminRoutes } from './routes-admin.tsx';
import { caseRoutes } from './routes.tsx';
import { casePublicRoutes } from './public/routes.tsx';
import { open311Routes } from './open311/routes.ts';

export const caseModules = [caseRoutes, caseAdminRoutes, casePublicRoutes, open311Routes];
