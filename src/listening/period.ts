// The period and filters of a desk page, from its query string: dates are days in Vietnam time (the
// "to" day included); by default the last 7 days, or the 7 days up to the latest data when nothing
// is newer (an import of last month's posts shows last month).
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { AppContext } from '../app/context.ts';
import type { Translate } from '../i18n/catalog.ts';
import type { Locale } from '../i18n/define.ts';
import { pageQuery } from '../web/schemas.ts';
import { DAY_MS as DAY, formatDateTime, vnDay as vnDate, vnDayStart } from '../core/time.ts';
import { analyzerFor } from './analyzer.ts';
import { NO_TOPIC, type IssueFilter } from './issues.ts';
import type { Choice, FilterValues } from './pages/common.tsx';
import { topicName } from './pages/common.tsx';
import { listSources } from './sources.ts';
import { latestPostHour } from './stats.ts';

/** The query string of a desk page. */
export const deskQuery = pageQuery('from', 'to', 'source', 'topic', 'ward', 'q');
export type DeskQuery = z.infer<typeof deskQuery>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface Period {
  filter: IssueFilter;
  values: FilterValues;
  latestNote: string | null;
  label: { from: string; to: string };
}

export async function periodOf(ctx: AppContext, req: FastifyRequest, q: DeskQuery): Promise<Period> {
  const str = (k: keyof DeskQuery, max = 100) => (q[k] ?? '').trim().slice(0, max);
  const now = Date.now();
  let to = DATE.test(str('to')) && !Number.isNaN(vnDayStart(str('to'))) ? vnDayStart(str('to')) + DAY : now;
  let from = DATE.test(str('from')) && !Number.isNaN(vnDayStart(str('from'))) ? vnDayStart(str('from')) : to - 7 * DAY;
  let latestNote: string | null = null;
  if (!str('from') && !str('to')) {
    const latest = await latestPostHour(ctx.db);
    if (latest !== null && latest < now - 7 * DAY) {
      to = latest + 3600_000;
      from = to - 7 * DAY;
      latestNote = req.t('listening.latestData', { date: formatDateTime(new Date(latest), req.locale, false) });
    }
  }
  if (from >= to) from = to - DAY;
  const sourceName = str('source', 63);
  const sources = sourceName ? (await listSources(ctx.db)).filter((s) => s.name === sourceName).map((s) => s.id) : undefined;
  const filter: IssueFilter = {
    from: new Date(from),
    to: new Date(to),
    sources: sources && sources.length ? sources : sourceName ? [-1] : undefined,
    topic: str('topic', 60) || undefined,
    ward: str('ward', 60) || undefined,
    q: str('q') || undefined,
  };
  return {
    filter,
    values: { from: vnDate(from), to: vnDate(to - 1), source: sourceName, topic: str('topic', 60), ward: str('ward', 60), q: str('q') },
    latestNote,
    label: { from: label(from, req.locale), to: label(to - 1, req.locale) },
  };
}

const label = (ms: number, locale: Locale) => formatDateTime(new Date(ms), locale, false);

export async function filterChoices(ctx: AppContext, t: Translate): Promise<{ sources: Choice[]; topics: Choice[]; wards: Choice[] }> {
  const analyzer = await analyzerFor(ctx);
  const sources = (await listSources(ctx.db)).map((s) => ({ value: s.name, label: s.label }));
  const topics = [...analyzer.models.taxonomy.topics.map((tp) => tp.id), NO_TOPIC].map((id) => ({ value: id, label: topicName(t, id) }));
  const wards = [...analyzer.models.gazetteer.places.values()]
    .filter((p) => p.type === 'ward')
    .map((p) => ({ value: p.id, label: p.name + (p.validUntil ? ` (${t('listening.wardBefore2025')})` : '') }));
  return { sources, topics, wards };
}
