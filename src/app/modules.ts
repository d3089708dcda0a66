// The composition root: which features the app has, in one list. Their routes, jobs and home cards are
// read from this list and from nowhere else (each feature's module.ts; see docs/ARCHITECTURE.md).
import type { Config } from '../config/env.ts';
import { feature as audit } from '../audit/module.ts';
import { feature as backup } from '../backup/module.ts';
import { feature as auth } from '../auth/module.ts';
import { feature as brief } from '../brief/module.ts';
import { feature as cases } from '../cases/module.ts';
import { feature as claims } from '../claims/module.ts';
import { feature as jobs } from '../jobs/module.ts';
import { feature as listening } from '../listening/module.ts';
import { feature as mail } from '../mail/module.ts';
import { feature as org } from '../org/module.ts';
import { feature as sites } from '../sites/module.ts';
import { homeRoutes } from '../web/home.tsx';
import { openContext, type AppContext, type ContextOptions } from './context.ts';
import type { Feature, RouteModule } from './feature.ts';

export const FEATURES: readonly Feature[] = [auth, org, audit, jobs, mail, cases, sites, listening, brief, claims, backup];

/** Every route module, in the order they register: the home page first, then each feature's. */
export const MODULES: RouteModule[] = [
  homeRoutes(FEATURES.flatMap((f) => (f.homeCard ? [f.homeCard] : []))),
  ...FEATURES.flatMap((f) => (typeof f.routes === 'function' ? f.routes(FEATURES) : (f.routes ?? []))),
];

export function registerJobs(ctx: AppContext): void {
  for (const f of FEATURES) f.jobs?.register(ctx);
}

export async function registerSchedules(ctx: AppContext): Promise<void> {
  for (const f of FEATURES) await f.jobs?.schedule(ctx);
}

/** The context of a process, with every feature's jobs registered on its queue. */
export async function createContext(config: Config, options: ContextOptions = {}): Promise<AppContext> {
  const ctx = await openContext(config, options);
  registerJobs(ctx);
  return ctx;
}
