// The listening desk's pages, in groups: issues (reading and editing), sources, imports, labels and
// settings. Analysts (and district administrators) read and edit; the desk's privacy settings are for
// district administrators. The JSON API is in api.ts, webhooks in webhooks.ts.
import type { AppContext } from '../app/context.ts';
import type { App } from '../web/types.ts';
import { importRoutes } from './import-routes.tsx';
import { issueRoutes } from './issue-routes.tsx';
import { deskSettingsRoutes } from './settings-routes.tsx';
import { sourceRoutes } from './source-routes.tsx';

export function listeningPageRoutes(app: App, ctx: AppContext): void {
  issueRoutes(app, ctx);
  sourceRoutes(app, ctx);
  importRoutes(app, ctx);
  deskSettingsRoutes(app, ctx);
}
