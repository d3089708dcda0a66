// What a feature plugs into the app. Each feature's module.ts exports one Feature; src/app/modules.ts
// lists them, and nothing else imports a module.ts.
import type { HomeCard } from '../web/home.tsx';
import type { App } from '../web/types.ts';
import type { AppContext } from './context.ts';

export type RouteModule = (app: App, ctx: AppContext) => void | Promise<void>;

export interface Feature {
  name: string;
  /** Route modules, registered in this order. */
  routes?: readonly RouteModule[];
  /** Registers the feature's job handlers (every process that runs jobs), and its cron schedules (once, at start). */
  jobs?: { register(ctx: AppContext): void; schedule(ctx: AppContext): Promise<void> };
  /** A card on the office home page. */
  homeCard?: HomeCard;
}
