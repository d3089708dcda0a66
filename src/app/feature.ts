// What a feature plugs into the app. Each feature's module.ts exports one Feature; src/app/modules.ts
// lists them, and nothing else imports a module.ts.
import type { HomeCard } from '../web/home.tsx';
import type { App } from '../web/types.ts';
import type { AppContext } from './context.ts';

export type RouteModule = (app: App, ctx: AppContext) => void | Promise<void>;

/** What the audit log shows for a record a change was made to: its name, and its page. */
export interface AuditTarget {
  label: string;
  href?: string;
}
/** Names the records of one target type of the audit log (ids as the log keeps them); unknown ids are left out. */
export type AuditTargetResolver = (ctx: AppContext, ids: readonly string[]) => Promise<Map<string, AuditTarget>>;

export interface Feature {
  name: string;
  /** Route modules, registered in this order; a function when they are built from what the other features contribute. */
  routes?: readonly RouteModule[] | ((features: readonly Feature[]) => readonly RouteModule[]);
  /** Registers the feature's job handlers (every process that runs jobs), and its cron schedules (once, at start). */
  jobs?: { register(ctx: AppContext): void; schedule(ctx: AppContext): Promise<void> };
  /** A card on the office home page. */
  homeCard?: HomeCard;
  /** The records its audit entries point at, by target type ('item', 'case'…): the log names them and links to them. */
  auditTargets?: Readonly<Record<string, AuditTargetResolver>>;
}
