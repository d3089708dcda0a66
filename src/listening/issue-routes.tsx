// The desk's reading pages (dashboard, topics × wards, one issue) and an analyst's edits of issues and
// labels of posts. A refused edit shows the issue page again with the message.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../web/access.ts';
import type { AppContext } from '../app/context.ts';
import { HttpError, notFound } from '../web/errors.ts';
import { formValues } from '../web/forms.ts';
import { sendPage } from '../web/render.tsx';
import { formBody, readForm } from '../web/schemas.ts';
import type { App } from '../web/types.ts';
import { analyzerFor } from './analyzer.ts';
import { sentimentChart, totalsChart, volumeChart } from './charts.ts';
import { DESK, found, idParams } from './desk.ts';
import { mergeIssue, pinIssue, renameIssue, splitIssue } from './edits.ts';
import { getIssue, issuePlaces, issueTimeline, listIssues } from './issues.ts';
import { setLabel } from './labels.ts';
import { DashboardPage } from './pages/dashboard.tsx';
import { IssuePage } from './pages/issue.tsx';
import { TopicWardPage } from './pages/topics.tsx';
import { deskQuery, filterChoices, periodOf } from './period.ts';
import { representativePosts } from './posts.ts';
import { listingSettings } from './settings.ts';
import { connectorFor } from './sources/registry.ts';
import { hasSyntheticPosts, placeReached, spikeCount, topicWardTable, volume } from './stats.ts';

const renameForm = z.object({ label: z.string().default('') });
const pinForm = z.object({ pinned: z.string().default('1') });
const mergeForm = z.object({ into: z.string().default('') });
const splitFields = formBody(['postIds', 'query']);
const labelForm = z.object({ back: z.string().optional(), sentiment: z.string().optional(), topic: z.string().optional() });

export function issueRoutes(app: App, ctx: AppContext): void {
  app.get('/admin/listening', { config: DESK, schema: { querystring: deskQuery } }, async (req, reply) => {
    const period = await periodOf(ctx, req, req.query);
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

  app.get('/admin/listening/topics', { config: DESK, schema: { querystring: deskQuery } }, async (req, reply) => {
    const period = await periodOf(ctx, req, req.query);
    const analyzer = await analyzerFor(ctx);
    const [table, choices] = await Promise.all([topicWardTable(ctx, period.filter), filterChoices(ctx, req.t)]);
    return sendPage(req, reply, <TopicWardPage values={period.values} {...choices} cells={table.cells} minVoices={table.minVoices} placeName={analyzer.placeName} period={period.label} />);
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

  app.get('/admin/listening/issues/:id', { config: DESK, schema: { params: idParams } }, async (req, reply) => renderIssue(req, reply, found(req.params.id)));

  /** Runs an edit; a refused one shows the issue page again with the message. */
  async function edit(req: FastifyRequest, reply: FastifyReply, id: number, run: () => Promise<number | void>) {
    try {
      const next = await run();
      return reply.redirect(`/admin/listening/issues/${next ?? id}?ok=saved`, 303);
    } catch (e) {
      if (e instanceof HttpError && e.statusCode < 500 && e.statusCode !== 403 && e.statusCode !== 404) return renderIssue(req, reply, id, formValues(req.body), { _form: req.t(e.messageKey, e.params) }, e.statusCode);
      throw e;
    }
  }

  app.post('/admin/listening/issues/:id/rename', { config: DESK, schema: { params: idParams, body: formBody(renameForm) } }, async (req, reply) => {
    const id = found(req.params.id);
    const { label } = readForm(renameForm, req.body);
    return edit(req, reply, id, () => renameIssue(ctx, actorOf(req), id, label));
  });

  app.post('/admin/listening/issues/:id/pin', { config: DESK, schema: { params: idParams, body: formBody(pinForm) } }, async (req, reply) => {
    const id = found(req.params.id);
    const pinned = readForm(pinForm, req.body).pinned !== '0';
    return edit(req, reply, id, () => pinIssue(ctx, actorOf(req), id, pinned));
  });

  app.post('/admin/listening/issues/:id/merge', { config: DESK, schema: { params: idParams, body: formBody(mergeForm) } }, async (req, reply) => {
    const id = found(req.params.id);
    const into = Number(readForm(mergeForm, req.body).into.replace('#', ''));
    return edit(req, reply, id, async () => {
      if (!Number.isInteger(into) || into <= 0 || !(await getIssue(ctx.db, into))) throw new HttpError(400, 'error.notFound');
      await mergeIssue(ctx, actorOf(req), id, into);
      return into;
    });
  });

  app.post('/admin/listening/issues/:id/split', { config: DESK, schema: { params: idParams, body: splitFields } }, async (req, reply) => {
    const id = found(req.params.id);
    // The posts ticked (a list), or else the words of a query.
    const postIds = ([] as string[]).concat(req.body.postIds ?? []).map(Number).filter((n) => Number.isInteger(n) && n > 0);
    const { query } = req.body;
    const words = typeof query === 'string' ? query.trim().slice(0, 500) : '';
    return edit(req, reply, id, () => splitIssue(ctx, actorOf(req), id, postIds.length ? { postIds } : { query: words }));
  });

  app.post('/admin/listening/posts/:id/label', { config: DESK, schema: { params: idParams, body: formBody(labelForm) } }, async (req, reply) => {
    const id = found(req.params.id);
    const form = readForm(labelForm, req.body);
    const back = form.back && /^\/admin\/listening\/[\w/-]*$/.test(form.back) ? form.back : '/admin/listening';
    for (const kind of ['sentiment', 'topic'] as const) {
      const value = form[kind];
      if (value !== undefined) await setLabel(ctx, actorOf(req), id, kind, value || null);
    }
    return reply.redirect(`${back}?ok=label#post-${id}`, 303);
  });
}
