// The desk's sources: the list, a new source of a kind, one source's settings (secrets never sent back), a poll now.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../web/access.ts';
import type { AppContext } from '../app/context.ts';
import { HttpError, notFound } from '../web/errors.ts';
import { parseForm } from '../web/forms.ts';
import { sendPage } from '../web/render.tsx';
import { formBody, pageQuery } from '../web/schemas.ts';
import type { App } from '../web/types.ts';
import { DESK, found, idParams } from './desk.ts';
import { SourceFormPage, SourcesPage } from './pages/sources.tsx';
import type { ListeningSource } from './schema.ts';
import { createSource, getSource, listSources, sourceNameSchema, updateSource, visibleSettings } from './sources.ts';
import { allConnectors, connectorFor } from './sources/registry.ts';
import { pollSource } from './sources/scheduler.ts';
import { listConnections, platformOfKind } from '../platforms/index.ts';

const sourceForm = z.object({
  label: z.string().trim().min(1).max(120),
  intervalSeconds: z.coerce.number().int().min(60).max(7 * 24 * 3600),
  enabled: z.string().optional(),
});
const newSourceForm = sourceForm.extend({ name: sourceNameSchema, kind: z.string() });
/** The connector's settings are fields named s.<name>. */
const sourceFields = formBody(newSourceForm);
type SourceFields = z.infer<typeof sourceFields>;
const ticked = (value: unknown) => value === 'on' || value === 'true';


/** The settings object of a source form, coerced by the connector's field types; empty secrets keep the stored value. */
function settingsFrom(kind: string, form: SourceFields): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of connectorFor(kind)?.fields ?? []) {
    const raw = form[`s.${f.name}`];
    const value = typeof raw === 'string' ? raw.trim() : undefined;
    if (f.type === 'checkbox') out[f.name] = ticked(value);
    else if (f.type === 'number') out[f.name] = value === undefined || value === '' ? undefined : Number(value);
    else if (value !== undefined && value !== '') out[f.name] = value;
  }
  return out;
}

export function sourceRoutes(app: App, ctx: AppContext): void {
  const sourceValues = async (s: ListeningSource): Promise<Record<string, string>> => ({
    label: s.label,
    intervalSeconds: String(s.intervalSeconds),
    enabled: String(s.enabled),
    // Secrets are never sent back to the browser.
    ...Object.fromEntries(Object.entries(await visibleSettings(ctx, s)).map(([k, v]) => [`s.${k}`, v === null || v === undefined ? '' : String(v)])),
  });
  const webhookUrl = (req: FastifyRequest, s: ListeningSource) => (connectorFor(s.kind)?.webhook ? `${ctx.config.publicUrl ?? `${req.protocol}://${req.host}`}/webhooks/listening/${s.name}` : undefined);

  async function renderSource(req: FastifyRequest, reply: FastifyReply, source: ListeningSource | undefined, kind: string, values: Record<string, string>, errors: Record<string, string> = {}, status = 200) {
    const platformId = source ? undefined : platformOfKind(kind)?.id;
    const accounts = platformId ? (await listConnections(ctx.db, platformId)).map((c) => ({ externalId: c.externalId, name: c.name })) : [];
    return sendPage(req, reply, <SourceFormPage source={source} connector={connectorFor(kind)} connectors={allConnectors()} values={values} errors={errors} webhookUrl={source ? webhookUrl(req, source) : undefined} accounts={accounts} />, status);
  }

  async function sourceOf(id: number | null): Promise<ListeningSource> {
    const s = await getSource(ctx.db, found(id));
    if (!s) throw notFound();
    return s;
  }

  app.get('/admin/listening/sources', { config: DESK }, async (req, reply) => sendPage(req, reply, <SourcesPage sources={await listSources(ctx.db)} connectors={allConnectors()} />));

  app.get('/admin/listening/sources/new', { config: DESK, schema: { querystring: pageQuery('kind') } }, async (req, reply) => {
    const kind = req.query.kind ?? allConnectors().find((c) => !c.internal)?.kind ?? 'rss';
    return renderSource(req, reply, undefined, kind, { kind, enabled: 'true' });
  });

  app.post('/admin/listening/sources', { config: DESK, schema: { body: sourceFields } }, async (req, reply) => {
    const form = parseForm(newSourceForm, req.body, req.locale);
    const kind = typeof req.body.kind === 'string' ? req.body.kind : '';
    if (!form.ok) return renderSource(req, reply, undefined, kind, form.values, form.errors, 400);
    try {
      const s = await createSource(ctx, actorOf(req), { name: form.data.name, kind, label: form.data.label, intervalSeconds: form.data.intervalSeconds, enabled: ticked(form.data.enabled), settings: settingsFrom(kind, req.body) });
      return reply.redirect(`/admin/listening/sources/${s.id}?ok=saved`, 303);
    } catch (e) {
      if (e instanceof HttpError && e.statusCode < 500) return renderSource(req, reply, undefined, kind, form.values, { _form: req.t(e.messageKey, e.params) }, e.statusCode);
      throw e;
    }
  });

  app.get('/admin/listening/sources/:id', { config: DESK, schema: { params: idParams } }, async (req, reply) => {
    const s = await sourceOf(req.params.id);
    return renderSource(req, reply, s, s.kind, await sourceValues(s));
  });

  app.post('/admin/listening/sources/:id', { config: DESK, schema: { params: idParams, body: sourceFields } }, async (req, reply) => {
    const s = await sourceOf(req.params.id);
    const form = parseForm(sourceForm, req.body, req.locale);
    if (!form.ok) return renderSource(req, reply, s, s.kind, form.values, form.errors, 400);
    try {
      await updateSource(ctx, actorOf(req), s, { label: form.data.label, intervalSeconds: form.data.intervalSeconds, enabled: ticked(form.data.enabled), settings: settingsFrom(s.kind, req.body) });
      return reply.redirect(`/admin/listening/sources/${s.id}?ok=saved`, 303);
    } catch (e) {
      if (e instanceof HttpError && e.statusCode < 500) return renderSource(req, reply, s, s.kind, form.values, { _form: req.t(e.messageKey, e.params) }, e.statusCode);
      throw e;
    }
  });

  app.post('/admin/listening/sources/:id/poll', { config: DESK, schema: { params: idParams } }, async (req, reply) => {
    const s = await sourceOf(req.params.id);
    await pollSource(ctx, s.id);
    return reply.redirect(`/admin/listening/sources/${s.id}?ok=saved`, 303);
  });
}
