// Every feature's routes, in the order they register.
import { auditRoutes } from '../audit/routes.tsx';
import { authRoutes } from '../auth/routes.tsx';
import { userRoutes } from '../auth/users-routes.tsx';
import { jobRoutes } from '../jobs/routes.tsx';
import { orgRoutes } from '../org/routes.tsx';
import { homeRoutes } from '../web/home.tsx';
import { sitesRoutes } from '../sites/module.ts';
import { caseModules } from '../cases/module.ts';
import { mailRoutes } from '../mail/routes.tsx';
import { alertRoutes } from '../listening/alerts/routes.tsx';
import { briefRoutes } from '../listening/brief/routes.tsx';
import { listeningRoutes } from '../listening/module.ts';
import type { ServerOptions } from '../web/server.tsx';

export const MODULES: ServerOptions['modules'] = [homeRoutes, authRoutes, userRoutes, orgRoutes, auditRoutes, jobRoutes, mailRoutes, ...caseModules, sitesRoutes, alertRoutes, briefRoutes, listeningRoutes];
