// The listening desk's pages. Analysts (and district administrators) read and edit; the desk's
// privacy settings are for district administrators. The JSON API is in api.ts, webhooks in webhooks.ts.
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../auth/access.ts';
import type { AppContext } from '../app/context.ts';
import { csrfOk } from '../web/csrf.ts';
import { HttpError, notFound } from '../web/errors.ts';
import { parseForm } from '../web/forms.ts';
import { sendPage } from '../web/render.tsx';
import type { App } from '../web/types.ts';
import { analyzerFor } from './analyzer.ts';
import { sentimentChart, totalsChart, volumeChart } from './charts.ts';
import { mergeIssue, pinIssue, renameIssue, splitIssue } from './edits.ts';
import { parseMapping } from './ingest/files.ts';
import { startUploadImport } from './ingest/upload.ts';
import { getIssue, issuePlaces, issueTimeline, listIssues } from './issues.ts';
import { representativePosts } from './posts.ts';
import { labelStats, RETRAIN_JOB, setLabel } from './labels.ts';
import { filterChoices, periodOf, type DeskRequest } from './period.ts';
import { DashboardPage } from './pages/dashboard.tsx';
import { ImportPage, ImportStatusPage } from './pages/imports.tsx';
import { IssuePage } from './pages/issue.tsx';
import { LabelsPage, SettingsPage } from './pages/admin.tsx';
import { SourceFormPage, SourcesPage } from './pages/sources.tsx';
import { TopicWardPage } from './pages/topics.tsx';
import { listeningImports, type ListeningSource } from './schema.ts';
import { listingSettings, listeningSettingsSchema, saveListeningSettings } from './settings.ts';
import { createSource, getSource, listSources, sourceNameSchema, updateSource, visibleSettings } from './sources.ts';
import { allConnectors, connectorFor } from './sources/registry.ts';
import { listConnections, platformOfKind } from '../platforms/index.ts';
import { pollSource } from './sources/scheduler.ts';
import { hasSyntheticPosts, placeReached, spikeCount, topicWardTable, volume } from './stats.ts';
import { desc, eq } from 'drizzle-orm';

export const DESK = { access: { roles: ['analyst'] as const } };
const DISTRICT = { access: { roles: ['district_admin'] as const } };
const MAX_UPLOAD = 512 * 1024 * 1024;

const idParam = (req: FastifyRequest): number => {
  const id = Number((req.params as Record<string, string>).id);
  if (!Number.isInteger(id) || id <= 0 || id > 2 ** 31) throw notFound();
  return id;
};

export function listeningPageRoutes(app: App, ctx: AppContext): void {
  app.get('/admin/listening', { config: DESK }, async (req, reply) => {
    const period = await periodOf(ctx, req as DeskRequest);
    const analyzer = await analyzerFor(ctx);
    const ward = period.filter.ward;
    const [issues, vol, spikes, choices, synthetic, place] = await Promise.all([
      listIssues(ctx, { ...period.filter, limit: 50 }),
      volume(ctx.db, period.filter),
      spikeCount(ctx.db, period.filter),
      filterChoices(ctx, req.t),
      hasSyntheticPosts(ctx.db),
      ward ? placeReached(ctx, { ...period.filter, ward }) : null,
    ]);
    // Filtered by ward, the ward's post count and chart are shown only with enough distinct voices there.
    const hidden = place && !place.reached ? place.minVoices : null;
    const chart = vol.points.length && hidden === null ? await totalsChart(vol.points, vol.step, req.locale, req.t('listening.volumeAll')) : null;
    return sendPage(
      req,
      reply,
      <DashboardPage
        values={period.values}
        {...choices}
        issues={issues}
        totals={{ posts: hidden === null ? vol.total : null, spikes }}
        placeHidden={hidden}
        chart={chart}
        latestNote={period.latestNote}
        synthetic={synthetic}
        period={period.label}
        placeName={analyzer.placeName}
      />,
    );
  });

  async function renderIssue(req: FastifyRequest, reply: FastifyReply, id: number, values: Record<string, string> = {}, errors: Record<string, string> = {}, status = 200) {
    const issue = await getIssue(ctx.db, id);
    if (!issue) throw notFound();
    const analyzer = await analyzerFor(ctx);
    const labels = { negative: req.t('listening.negative'), neutral: req.t('listening.neutral'), positive: req.t('listening.positive') };
    const [timeline, places, posts, settings] = await Promise.all([
      issueTimeline(ctx.db, id),
      issuePlaces(ctx, id),
      representativePosts(ctx.db, id, 8, (kind) => Boolean(connectorFor(kind)?.showLinks)),
      listingSettings(ctx),
    ]);
    const [timelineSvg, sentimentSvg] = await Promise.all([
      timeline.points.length ? volumeChart(timeline.points, timeline.step, req.locale, labels, issue.spikeAt ? Date.parse(issue.spikeAt) : undefined) : null,
      sentimentChart(issue.sentiment, labels),
    ]);
    return sendPage(
      req,
      reply,
      <IssuePage
        issue={issue}
        timeline={timelineSvg}
        sentiment={sentimentSvg}
        places={places}
        minVoices={settings.minVoices}
        posts={posts}
        topics={analyzer.models.taxonomy.topics.map((tp) => tp.id)}
        placeName={analyzer.placeName}
        values={values}
        errors={errors}
      />,
      status,
    );
  }

  app.get('/admin/listening/issues/:id', { config: DESK }, async (req, reply) => renderIssue(req, reply, idParam(req)));

  /** Runs an edit; a refused one shows the issue page again with the message. */
  async function edit(req: FastifyRequest, reply: FastifyReply, id: number, run: () => Promise<number | void>) {
    const values = Object.fromEntries(Object.entries((req.body ?? {}) as Record<string, unknown>).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
    try {
      const next = await run();
      return reply.redirect(`/admin/listening/issues/${next ?? id}?ok=saved`, 303);
    } catch (e) {
      if (e instanceof HttpError && e.statusCode < 500 && e.statusCode !== 403 && e.statusCode !== 404) return renderIssue(req, reply, id, values, { _form: req.t(e.messageKey, e.params) }, e.statusCode);
      throw e;
    }
  }

  app.post('/admin/listening/issues/:id/rename', { config: DESK }, async (req, reply) => {
    const id = idParam(req);
    const label = String((req.body as Record<string, unknown>)?.label ?? '');
    return edit(req, reply, id, () => renameIssue(ctx, actorOf(req), id, label));
  });

  app.post('/admin/listening/issues/:id/pin', { config: DESK }, async (req, reply) => {
    const id = idParam(req);
    const pinned = String((req.body as Record<string, unknown>)?.pinned ?? '1') !== '0';
    return edit(req, reply, id, () => pinIssue(ctx, actorOf(req), id, pinned));
  });

  app.post('/admin/listening/issues/:id/merge', { config: DESK }, async (req, reply) => {
    const id = idParam(req);
    const into = Number(String((req.body as Record<string, unknown>)?.into ?? '').replace('#', ''));
    return edit(req, reply, id, async () => {
      if (!Number.isInteger(into) || into <= 0 || !(await getIssue(ctx.db, into))) throw new HttpError(400, 'error.notFound');
      await mergeIssue(ctx, actorOf(req), id, into);
      return into;
    });
  });

  app.post('/admin/listening/issues/:id/split', { config: DESK }, async (req, reply) => {
    const id = idParam(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const postIds = ([] as unknown[]).concat(body.postIds ?? []).map(Number).filter((n) => Number.isInteger(n) && n > 0);
    const query = typeof body.query === 'string' ? body.query.trim().slice(0, 500) : '';
    return edit(req, reply, id, () => splitIssue(ctx, actorOf(req), id, postIds.length ? { postIds } : { query }));
  });

  app.post('/admin/listening/posts/:id/label', { config: DESK }, async (req, reply) => {
    const id = idParam(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const back = typeof body.back === 'string' && /^\/admin\/listening\/[\w/-]*$/.test(body.back) ? body.back : '/admin/listening';
    for (const kind of ['sentiment', 'topic'] as const) {
      if (typeof body[kind] !== 'string') continue;
      await setLabel(ctx, actorOf(req), id, kind, (body[kind] as string) || null);
    }
    return reply.redirect(`${back}?ok=label#post-${id}`, 303);
  });

  app.get('/admin/listening/topics', { config: DESK }, async (req, reply) => {
    const period = await periodOf(ctx, req as DeskRequest);
    const analyzer = await analyzerFor(ctx);
    const [table, choices] = await Promise.all([topicWardTable(ctx, period.filter), filterChoices(ctx, req.t)]);
    return sendPage(req, reply, <TopicWardPage values={period.values} {...choices} cells={table.cells} minVoices={table.minVoices} placeName={analyzer.placeName} period={period.label} />);
  });

  // Sources.
  app.get('/admin/listening/sources', { config: DESK }, async (req, reply) => sendPage(req, reply, <SourcesPage sources={await listSources(ctx.db)} connectors={allConnectors()} />));

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

  /** The settings object of a source form: fields named s.<name>, coerced by the connector's field types; empty secrets keep the stored value. */
  function settingsFrom(kind: string, form: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const f of connectorFor(kind)?.fields ?? []) {
      const raw = form[`s.${f.name}`];
      const value = typeof raw === 'string' ? raw.trim() : undefined;
      if (f.type === 'checkbox') out[f.name] = value === 'on' || value === 'true';
      else if (f.type === 'number') out[f.name] = value === undefined || value === '' ? undefined : Number(value);
      else if (value !== undefined && value !== '') out[f.name] = value;
    }
    return out;
  }

  const sourceForm = z.object({
    label: z.string().trim().min(1).max(120),
    intervalSeconds: z.coerce.number().int().min(60).max(7 * 24 * 3600),
  });

  app.get('/admin/listening/sources/new', { config: DESK }, async (req, reply) => {
    const kind = String((req.query as Record<string, unknown>).kind ?? allConnectors().find((c) => !c.internal)?.kind ?? 'rss');
    return renderSource(req, reply, undefined, kind, { kind, enabled: 'true' });
  });

  app.post('/admin/listening/sources', { config: DESK }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const kind = String(body.kind ?? '');
    const form = parseForm(sourceForm.extend({ name: sourceNameSchema, kind: z.string() }), body, req.locale);
    if (!form.ok) return renderSource(req, reply, undefined, kind, form.values, form.errors, 400);
    try {
      const s = await createSource(ctx, actorOf(req), { name: form.data.name, kind, label: form.data.label, intervalSeconds: form.data.intervalSeconds, enabled: body.enabled === 'on' || body.enabled === 'true', settings: settingsFrom(kind, body) });
      return reply.redirect(`/admin/listening/sources/${s.id}?ok=saved`, 303);
    } catch (e) {
      if (e instanceof HttpError && e.statusCode < 500) return renderSource(req, reply, undefined, kind, form.values, { _form: req.t(e.messageKey, e.params) }, e.statusCode);
      throw e;
    }
  });

  async function sourceOf(req: FastifyRequest): Promise<ListeningSource> {
    const s = await getSource(ctx.db, idParam(req));
    if (!s) throw notFound();
    return s;
  }

  app.get('/admin/listening/sources/:id', { config: DESK }, async (req, reply) => {
    const s = await sourceOf(req);
    return renderSource(req, reply, s, s.kind, await sourceValues(s));
  });

  app.post('/admin/listening/sources/:id', { config: DESK }, async (req, reply) => {
    const s = await sourceOf(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const form = parseForm(sourceForm, body, req.locale);
    if (!form.ok) return renderSource(req, reply, s, s.kind, form.values, form.errors, 400);
    try {
      await updateSource(ctx, actorOf(req), s, { label: form.data.label, intervalSeconds: form.data.intervalSeconds, enabled: body.enabled === 'on' || body.enabled === 'true', settings: settingsFrom(s.kind, body) });
      return reply.redirect(`/admin/listening/sources/${s.id}?ok=saved`, 303);
    } catch (e) {
      if (e instanceof HttpError && e.statusCode < 500) return renderSource(req, reply, s, s.kind, form.values, { _form: req.t(e.messageKey, e.params) }, e.statusCode);
      throw e;
    }
  });

  app.post('/admin/listening/sources/:id/poll', { config: DESK }, async (req, reply) => {
    const s = await sourceOf(req);
    await pollSource(ctx, s.id);
    return reply.redirect(`/admin/listening/sources/${s.id}?ok=saved`, 303);
  });

  // Imports.
  const importsList = () => ctx.db.select().from(listeningImports).orderBy(desc(listeningImports.id)).limit(20);
  app.get('/admin/listening/import', { config: DESK }, async (req, reply) => sendPage(req, reply, <ImportPage imports={await importsList()} values={{}} errors={{}} />));

  app.register(async (scoped) => {
    if (!scoped.hasContentTypeParser('multipart/form-data')) await scoped.register(multipart, { limits: { fileSize: MAX_UPLOAD, files: 1, fields: 5, fieldSize: 2000, parts: 8 } });
    // The CSRF token is checked once the form's fields are read (multipart bodies are streamed).
    scoped.post('/admin/listening/import', { config: { ...DESK, csrf: false }, bodyLimit: MAX_UPLOAD + 64 * 1024 }, async (req, reply) => {
      const fields: Record<string, string> = {};
      const query = req.query as Record<string, unknown>;
      if (typeof query._csrf === 'string') fields._csrf = query._csrf;
      let started: { importId: number } | undefined;
      let refused: Record<string, string> | undefined;
      if (!req.isMultipart()) throw new HttpError(415, 'error.unsupportedMediaType');
      for await (const part of req.parts()) {
        if (part.type === 'field') {
          fields[part.fieldname] = String(part.value);
          continue;
        }
        (req as { body: unknown }).body = fields;
        if (!csrfOk(req)) {
          part.file.resume();
          throw new HttpError(403, 'error.csrf');
        }
        const source = fields.source?.trim().toLowerCase() || undefined;
        let mapping: Record<string, string> = {};
        try {
          mapping = parseMapping(fields.map);
        } catch (e) {
          refused = { map: (e as Error).message };
        }
        if (source && !sourceNameSchema.safeParse(source).success) refused = { source: req.t('listening.sourceNameInvalid', { name: source }) };
        if (refused || !part.filename) {
          part.file.resume();
          refused ??= { file: req.t('listening.importNoFile') };
          continue;
        }
        started = await startUploadImport(ctx, { stream: part.file, fileName: part.filename, source, mapping, actor: req.auth?.user.email ?? 'web' });
        if (part.file.truncated) throw new HttpError(413, 'error.tooLarge');
      }
      (req as { body: unknown }).body = fields;
      if (!started) {
        if (!csrfOk(req)) throw new HttpError(403, 'error.csrf');
        return sendPage(req, reply, <ImportPage imports={await importsList()} values={fields} errors={refused ?? { file: req.t('listening.importNoFile') }} />, 400);
      }
      return reply.redirect(`/admin/listening/imports/${started.importId}`, 303);
    });
  });

  app.get('/admin/listening/imports/:id', { config: DESK }, async (req, reply) => {
    const [row] = await ctx.db.select().from(listeningImports).where(eq(listeningImports.id, idParam(req)));
    if (!row) throw notFound();
    return sendPage(req, reply, <ImportStatusPage row={row} />);
  });

  // Labels and models.
  app.get('/admin/listening/labels', { config: DESK }, async (req, reply) => sendPage(req, reply, <LabelsPage stats={await labelStats(ctx)} />));
  app.post('/admin/listening/labels/retrain', { config: DESK }, async (req, reply) => {
    await ctx.jobs.enqueue(RETRAIN_JOB, {}, { dedupeKey: RETRAIN_JOB });
    return reply.redirect('/admin/listening/labels?ok=retrain', 303);
  });

  // Settings (privacy: district administrators only).
  app.get('/admin/listening/settings', { config: DISTRICT }, async (req, reply) => {
    const s = await listingSettings(ctx);
    return sendPage(req, reply, <SettingsPage values={{ retentionDays: String(s.retentionDays), minVoices: String(s.minVoices) }} errors={{}} />);
  });
  app.post('/admin/listening/settings', { config: DISTRICT }, async (req, reply) => {
    const form = parseForm(listeningSettingsSchema, req.body, req.locale);
    if (!form.ok) return sendPage(req, reply, <SettingsPage values={form.values} errors={form.errors} />, 400);
    await saveListeningSettings(ctx, actorOf(req), form.data);
    return reply.redirect('/admin/listening/settings?ok=saved', 303);
  });
}
