// The listening desk's JSON API, on the same functions as the pages. No response ever carries an
// author, and posts are only ever listed by issue.
import { z } from 'zod';
import { actorOf } from '../web/access.ts';
import type { AppContext } from '../app/context.ts';
import { HttpError, notFound } from '../web/errors.ts';
import type { App } from '../web/types.ts';
import { mergeIssue, pinIssue, renameIssue, splitIssue } from './edits.ts';
import { parsePostDate } from './ingest/dates.ts';
import { getIssue, issuePlaces, issueTimeline, listIssues } from './issues.ts';
import { representativePosts } from './posts.ts';
import { setLabel } from './labels.ts';
import { DESK } from './desk.ts';
import { getSource, listSources, visibleSettings } from './sources.ts';
import { connectorFor } from './sources/registry.ts';
import { topicWardTable } from './stats.ts';

const FAR = () => Date.now() + 10 * 365 * 24 * 3600_000;
const dateParam = (name: string) =>
  z
    .string()
    .max(64)
    .optional()
    .transform((v, c) => {
      if (!v) return undefined;
      const r = parsePostDate(v, FAR());
      if (!r.ok) {
        c.addIssue({ code: 'custom', message: `${name}: ${r.reason}` });
        return z.NEVER;
      }
      return r.date;
    });

const listQuery = z.object({
  from: dateParam('from'),
  to: dateParam('to'),
  source: z.string().max(63).optional(),
  topic: z.string().max(60).optional().describe('a topic id of the taxonomy, or "none" for issues without a topic'),
  ward: z.string().max(60).optional(),
  q: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

const issueOut = z.object({
  id: z.number(),
  label: z.string(),
  topics: z.array(z.string()),
  places: z.array(z.string()),
  post_ids: z.array(z.number()),
  /** The ids the posts were imported with, in the order of post_ids. */
  external_ids: z.array(z.string()),
  count: z.number(),
  voices: z.number(),
  frustration: z.number(),
  sentiment: z.object({ negative: z.number(), neutral: z.number(), positive: z.number() }),
  spike: z.object({ at: z.string(), score: z.number(), observed: z.number(), expected: z.number() }).nullable(),
  first_seen: z.string(),
  last_seen: z.string(),
});

const idParams = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) });
const tags = ['listening'];

export function listeningApiRoutes(app: App, ctx: AppContext): void {
  async function sourceIds(name?: string): Promise<number[] | undefined> {
    if (!name) return undefined;
    const s = await getSource(ctx.db, name);
    return [s?.id ?? -1];
  }

  app.get(
    '/api/issues',
    { config: DESK, schema: { tags, summary: 'Issues of a period, most pressing first (all time by default)', querystring: listQuery, response: { 200: z.array(issueOut) } } },
    async (req) => {
      const q = req.query;
      const list = await listIssues(ctx, {
        from: q.from ?? new Date('2000-01-01T00:00:00Z'),
        to: q.to ?? new Date(Date.now() + 60_000),
        sources: await sourceIds(q.source),
        topic: q.topic,
        ward: q.ward,
        q: q.q,
        limit: q.limit,
        postIds: true,
      });
      return list.map((i) => ({ id: i.id, label: i.label, topics: i.topics, places: i.places, post_ids: i.postIds ?? [], external_ids: i.externalIds ?? [], count: i.count, voices: i.voices, frustration: i.frustration, sentiment: i.sentiment, spike: i.spike, first_seen: i.firstSeen, last_seen: i.lastSeen }));
    },
  );

  app.get('/api/issues/:id', { config: DESK, schema: { tags, summary: 'One issue: counts, timeline, places (small cells hidden), representative posts (redacted)', params: idParams } }, async (req) => {
    const issue = await getIssue(ctx.db, req.params.id);
    if (!issue) throw notFound();
    const [timeline, places, posts] = await Promise.all([issueTimeline(ctx.db, issue.id), issuePlaces(ctx, issue.id), representativePosts(ctx.db, issue.id, 8, (k) => Boolean(connectorFor(k)?.showLinks))]);
    return {
      ...issue,
      timeline: { step: timeline.step, points: timeline.points.map((p) => ({ t: new Date(p.t).toISOString(), n: p.n, negative: p.negative, positive: p.positive })) },
      places: places.map((p) => (p.hidden ? { ward: p.ward, hidden: true } : { ward: p.ward, count: p.n })),
      posts: posts.map((p) => ({ id: p.id, text: p.text, posted_at: p.postedAt, source: p.sourceLabel, synthetic: p.synthetic, url: p.url, sentiment: p.sentiment, frustration: p.frustration, topics: p.topics, labels: p.labels })),
    };
  });

  app.patch(
    '/api/issues/:id',
    { config: DESK, schema: { tags, summary: 'Rename (label; null for the generated one) or pin an issue', params: idParams, body: z.object({ label: z.string().max(200).nullable().optional(), pinned: z.boolean().optional() }) } },
    async (req) => {
      const { id } = req.params;
      if (req.body.label !== undefined) await renameIssue(ctx, actorOf(req), id, req.body.label);
      if (req.body.pinned !== undefined) await pinIssue(ctx, actorOf(req), id, req.body.pinned);
      return getIssue(ctx.db, id);
    },
  );

  app.post('/api/issues/:id/merge', { config: DESK, schema: { tags, summary: 'Merge this issue into another', params: idParams, body: z.object({ into: z.number().int().positive() }) } }, async (req) => {
    if (!(await getIssue(ctx.db, req.body.into))) throw new HttpError(400, 'error.notFound');
    await mergeIssue(ctx, actorOf(req), req.params.id, req.body.into);
    return getIssue(ctx.db, req.body.into);
  });

  app.post(
    '/api/issues/:id/split',
    { config: DESK, schema: { tags, summary: 'Split posts (by id, or matching a query) into a new issue', params: idParams, body: z.union([z.object({ postIds: z.array(z.number().int().positive()).min(1).max(10_000) }), z.object({ query: z.string().min(1).max(500) })]) } },
    async (req, reply) => {
      const id = await splitIssue(ctx, actorOf(req), req.params.id, req.body);
      return reply.status(201).send(await getIssue(ctx.db, id));
    },
  );

  app.get('/api/listening/topics-wards', { config: DESK, schema: { tags, summary: 'Posts per topic × ward of a period; cells under the minimum of voices are hidden', querystring: listQuery.pick({ from: true, to: true, source: true }) } }, async (req) => {
    const to = req.query.to ?? new Date();
    const from = req.query.from ?? new Date(to.getTime() - 7 * 24 * 3600_000);
    const table = await topicWardTable(ctx, { from, to, sources: await sourceIds(req.query.source) });
    return { from: from.toISOString(), to: to.toISOString(), minVoices: table.minVoices, cells: table.cells.map((c) => (c.hidden && c.ward ? { topic: c.topic, ward: c.ward, hidden: true } : { topic: c.topic, ward: c.ward, count: c.n })) };
  });

  app.post(
    '/api/listening/posts/:id/labels',
    { config: DESK, schema: { tags, summary: "An analyst's label on a post (null removes it)", params: idParams, body: z.object({ kind: z.enum(['sentiment', 'topic']), value: z.string().max(60).nullable() }) } },
    async (req) => {
      await setLabel(ctx, actorOf(req), req.params.id, req.body.kind, req.body.value);
      return { ok: true };
    },
  );

  app.get('/api/listening/sources', { config: DESK, schema: { tags, summary: 'Sources with their health (secret settings left out)' } }, async () => {
    const list = await listSources(ctx.db);
    return Promise.all(
      list.map(async (s) => ({
        id: s.id,
        name: s.name,
        kind: s.kind,
        label: s.label,
        enabled: s.enabled,
        synthetic: s.synthetic,
        status: s.status,
        last_error: s.lastError,
        next_poll_at: s.nextPollAt,
        last_success_at: s.lastSuccessAt,
        posts: s.posts,
        settings: await visibleSettings(ctx, s),
      })),
    );
  });
}
