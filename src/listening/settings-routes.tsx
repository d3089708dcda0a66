// The desk's labels and models (analysts), and its privacy settings (district administrators).
import { actorOf } from '../web/access.ts';
import type { AppContext } from '../app/context.ts';
import { parseForm } from '../web/forms.ts';
import { sendPage } from '../web/render.tsx';
import { formBody } from '../web/schemas.ts';
import type { App } from '../web/types.ts';
import { DESK, DISTRICT } from './desk.ts';
import { labelStats, RETRAIN_JOB } from './labels.ts';
import { LabelsPage, SettingsPage } from './pages/admin.tsx';
import { listeningSettingsSchema, listingSettings, saveListeningSettings } from './settings.ts';

export function deskSettingsRoutes(app: App, ctx: AppContext): void {
  app.get('/admin/listening/labels', { config: DESK }, async (req, reply) => sendPage(req, reply, <LabelsPage stats={await labelStats(ctx)} />));
  app.post('/admin/listening/labels/retrain', { config: DESK }, async (_req, reply) => {
    await ctx.jobs.enqueue(RETRAIN_JOB, {}, { dedupeKey: RETRAIN_JOB });
    return reply.redirect('/admin/listening/labels?ok=retrain', 303);
  });

  app.get('/admin/listening/settings', { config: DISTRICT }, async (req, reply) => {
    const s = await listingSettings(ctx);
    return sendPage(req, reply, <SettingsPage values={{ retentionDays: String(s.retentionDays), minVoices: String(s.minVoices) }} errors={{}} />);
  });
  app.post('/admin/listening/settings', { config: DISTRICT, schema: { body: formBody(listeningSettingsSchema) } }, async (req, reply) => {
    const form = parseForm(listeningSettingsSchema, req.body, req.locale);
    if (!form.ok) return sendPage(req, reply, <SettingsPage values={form.values} errors={form.errors} />, 400);
    await saveListeningSettings(ctx, actorOf(req), form.data);
    return reply.redirect('/admin/listening/settings?ok=saved', 303);
  });
}
