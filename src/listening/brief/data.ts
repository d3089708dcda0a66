// Everything the weekly brief says, gathered in one plain object: every number, the query that
// produced it (SQL text, parameters $1 = period start, $2 = period end, Vietnam midnights) and the
// dashboard view that shows it. The renderers (pdf.ts, docx.ts) only lay this out.
// Issues, not people: figures are about issues, topics and places; a place is shown only when at least
// MIN_PLACE_VOICES distinct people posted about it, the rest are summed into one line.
import type { AppContext } from '../../app/context.ts';
import { loopEffects, periodSummary } from '../../cases/stats.ts';
import { translate, type MessageKey } from '../../i18n/catalog.ts';
import { minPlaceVoices, placeSpikeVoices } from '../alerts/evaluate.ts';
import { analyzerFor } from '../analyzer.ts';
import { listIssues } from '../issues.ts';
import { vnDay, type BriefPeriod } from './period.ts';

const DAY = 86_400_000;
const TOP_ISSUES = 10;

/** A number the brief cites: shown in the appendix with its link; `query` names an entry of BriefData.queries. */
export interface Figure {
  id: string;
  label: string;
  value: number;
  /** How to print the value ('percent': 0..1 shown as %). */
  format?: 'count' | 'percent' | 'score';
  link: string;
  query: string;
}

export interface BriefIssue {
  id: number;
  label: string;
  posts: number;
  voices: number;
  frustration: number;
  negative: number;
  spike: boolean;
  link: string;
}

export interface BriefSpike {
  kind: 'issue' | 'topic' | 'place';
  key: string;
  label: string;
  observed: number;
  expected: number;
  score: number;
  /** Length of the spike's window. */
  hours: number;
  at: string;
  link: string;
}

export interface BriefPlace {
  ward: string;
  name: string;
  posts: number;
  frustration: number;
  link: string;
}

export interface BriefTopic {
  topic: string;
  name: string;
  posts: number;
  negative: number;
  frustration: number;
  link: string;
}

export interface BriefCases {
  opened: number;
  answered: number;
  answeredOnTime: number;
  overdue: number;
  reopened: number;
  overdueCases: Array<{ id: number; title: string; dueDay: string; link: string }>;
  effects: Array<{ caseId: number; issueId: number; issueLabel: string; answeredDay: string; days: number; before: { posts: number; frustration: number | null }; after: { posts: number; frustration: number | null }; complete: boolean; link: string }>;
  link: string;
}

export interface BriefData {
  from: string;
  to: string;
  days: number;
  start: string;
  end: string;
  generatedAt: string;
  /** Prefix of every link: the public URL of the app, or '' (relative links) when it is not configured. */
  baseUrl: string;
  organisation: string;
  totals: { posts: number; previousPosts: number; voices: number; issues: number; negative: number; neutral: number; positive: number; frustration: number };
  daily: Array<{ day: string; posts: number; negative: number; frustration: number }>;
  issues: BriefIssue[];
  spikes: BriefSpike[];
  places: { rows: BriefPlace[]; hiddenPlaces: number; hiddenPosts: number; unknownPosts: number; minVoices: number };
  topics: BriefTopic[];
  cases: BriefCases | null;
  figures: Figure[];
  /** SQL of every figure, by name. */
  queries: Record<string, string>;
  links: { overview: string; alerts: string };
}

export const QUERIES = {
  totals: `SELECT coalesce(sum(n), 0)::int AS posts, coalesce(sum(negative), 0)::int AS negative, coalesce(sum(positive), 0)::int AS positive, coalesce(sum(frustration_sum), 0)::float8 AS fsum
FROM listening_topic_hourly WHERE topic = '*' AND hour >= $1 AND hour < $2`,
  voices: `SELECT count(DISTINCT author_hash)::int AS voices FROM listening_posts WHERE posted_at >= $1 AND posted_at < $2 AND author_hash IS NOT NULL`,
  issueCount: `SELECT count(DISTINCT h.issue_id)::int AS issues FROM listening_issue_hourly h JOIN listening_issues i ON i.id = h.issue_id WHERE i.status <> 'merged' AND h.hour >= $1 AND h.hour < $2`,
  daily: `SELECT to_char((hour AT TIME ZONE 'UTC') + interval '7 hours', 'YYYY-MM-DD') AS day, sum(n)::int AS posts, sum(negative)::int AS negative, sum(frustration_sum)::float8 AS fsum
FROM listening_topic_hourly WHERE topic = '*' AND hour >= $1 AND hour < $2 GROUP BY 1 ORDER BY 1`,
  issues: `listIssues(ctx, { from: $1, to: $2 }) — src/listening/issues.ts: listening_issue_hourly summed per issue over the period, ranked by attention = posts × growth × (0.1 + frustration); voices = count(DISTINCT author_hash) of the issue's posts in the period`,
  spikes: `SELECT DISTINCT ON (kind, key) kind, key, window_start, window_end, observed, expected, score FROM listening_spikes s WHERE window_end > $1 AND window_end <= $2
  AND (kind <> 'place' OR ${placeSpikeVoices('s')} >= $3) ORDER BY kind, key, score DESC`,
  places: `SELECT ward, sum(n)::int AS posts, sum(frustration_sum)::float8 AS fsum, (SELECT count(DISTINCT v) FROM listening_topic_hourly x, unnest(x.voices) v WHERE x.ward = h.ward AND x.topic = '*' AND x.hour >= $1 AND x.hour < $2)::int AS voices
FROM listening_topic_hourly h WHERE topic = '*' AND hour >= $1 AND hour < $2 GROUP BY ward`,
  topics: `SELECT topic, sum(n)::int AS posts, sum(negative)::int AS negative, sum(frustration_sum)::float8 AS fsum FROM listening_topic_hourly WHERE topic NOT IN ('*', '') AND hour >= $1 AND hour < $2 GROUP BY topic ORDER BY 2 DESC`,
  cases: `periodSummary(database, $1, $2) — src/cases/stats.ts. opened: cases created in the period (created_at >= $1 AND created_at < $2). answered: cases answered for the first time in the period (first_answered_at >= $1 AND first_answered_at < $2; a later answer to a re-opened case does not count again). on time: of those, the first answer came by the deadline that applied then (first_answer_on_time, recorded with the first answer; a re-open's new deadline does not change it). re-opened: times cases were re-opened in the period (case_events kind 'status' to 'reopened', at in the period). overdue: cases waiting for an answer now (status new, assigned, in_progress or reopened) whose deadline passed before the end of the period, or before now if that is earlier (due_at < least($2, now()))`,
  effects: `loopEffects(database, $1, $2, 7) — src/cases/stats.ts: cases from a listening issue first answered in the period (first_answered_at); the issue's posts and mean frustration (listening_issue_hourly) in the 7 days before and after that first answer`,
} as const;

const vi = (key: string, params?: Record<string, string | number>) => translate('vi', key as MessageKey, params);
const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

export async function gatherBrief(ctx: AppContext, period: BriefPeriod, options: { baseUrl?: string } = {}): Promise<BriefData> {
  const q = async <T>(text: string, params: unknown[] = [period.start.toISOString(), period.end.toISOString()]) => ctx.database.query<T>(text, params);
  const base = options.baseUrl ?? '';
  const range = `from=${period.from}&to=${period.to}`;
  const overview = `/admin/listening?${range}`;
  const figures: Figure[] = [];
  const fig = (id: string, label: string, value: number, link: string, query: keyof typeof QUERIES, format: Figure['format'] = 'count') => {
    figures.push({ id, label, value, link, query, format });
    return value;
  };
  const minVoices = await minPlaceVoices(ctx);

  // Totals, and the period before for comparison.
  const [t] = await q<{ posts: number; negative: number; positive: number; fsum: number }>(QUERIES.totals);
  const span = period.end.getTime() - period.start.getTime();
  const [prev] = await q<{ posts: number }>(QUERIES.totals, [new Date(period.start.getTime() - span).toISOString(), period.start.toISOString()]);
  const [{ voices }] = await q<{ voices: number }>(QUERIES.voices);
  const [{ issues: issueCount }] = await q<{ issues: number }>(QUERIES.issueCount);
  const posts = Number(t.posts);
  const totals = {
    posts: fig('posts', vi('brief.fig.posts'), posts, overview, 'totals'),
    previousPosts: fig('previousPosts', vi('brief.fig.previousPosts'), Number(prev.posts), `/admin/listening?from=${vnDay(new Date(period.start.getTime() - span))}&to=${vnDay(new Date(period.start.getTime() - DAY))}`, 'totals'),
    voices: fig('voices', vi('brief.fig.voices'), Number(voices), overview, 'voices'),
    issues: fig('issues', vi('brief.fig.issues'), Number(issueCount), overview, 'issueCount'),
    negative: fig('negative', vi('brief.fig.negative'), Number(t.negative), overview, 'totals'),
    neutral: fig('neutral', vi('brief.fig.neutral'), posts - Number(t.negative) - Number(t.positive), overview, 'totals'),
    positive: fig('positive', vi('brief.fig.positive'), Number(t.positive), overview, 'totals'),
    frustration: fig('frustration', vi('brief.fig.frustration'), posts ? round(Number(t.fsum) / posts) : 0, overview, 'totals', 'percent'),
  };

  // Every day of the period, including quiet ones.
  const byDay = new Map((await q<{ day: string; posts: number; negative: number; fsum: number }>(QUERIES.daily)).map((d) => [d.day, d]));
  const daily = Array.from({ length: period.days }, (_, k) => {
    const day = vnDay(new Date(period.start.getTime() + k * DAY));
    const d = byDay.get(day);
    const n = d ? Number(d.posts) : 0;
    return { day, posts: n, negative: d ? Number(d.negative) : 0, frustration: n ? round(Number(d?.fsum) / n) : 0 };
  });

  // Top issues, ranked as the dashboard ranks them.
  const listed = await listIssues(ctx, { from: period.start, to: period.end, limit: TOP_ISSUES });
  const issues: BriefIssue[] = listed.map((i, k) => {
    const link = `/admin/listening/issues/${i.id}`;
    fig(`issue${k + 1}.posts`, vi('brief.fig.issuePosts', { label: i.label }), i.count, link, 'issues');
    fig(`issue${k + 1}.voices`, vi('brief.fig.issueVoices', { label: i.label }), i.voices, link, 'issues');
    fig(`issue${k + 1}.frustration`, vi('brief.fig.issueFrustration', { label: i.label }), i.frustration, link, 'issues', 'percent');
    return { id: i.id, label: i.label, posts: i.count, voices: i.voices, frustration: i.frustration, negative: i.sentiment.negative, spike: Boolean(i.spike), link };
  });

  // Spikes that ended in the period, strongest first; places only with enough voices in the spike's window.
  const analyzer = await analyzerFor(ctx);
  const topicName = (id: string) => (id ? vi(`listening.topic.${id}`) : vi('brief.noTopic'));
  const spikes: BriefSpike[] = [];
  const spikeRows = await q<{ kind: BriefSpike['kind']; key: string; window_start: string | Date; window_end: string | Date; observed: number; expected: number; score: number }>(QUERIES.spikes, [
    period.start.toISOString(),
    period.end.toISOString(),
    minVoices,
  ]);
  for (const s of spikeRows) {
    const start = new Date(s.window_start);
    const end = new Date(s.window_end);
    let label: string;
    let link: string;
    if (s.kind === 'issue') {
      const [row] = await ctx.database.query<{ label: string }>(`SELECT coalesce(nullif(custom_label, ''), nullif(label, ''), '#' || id) AS label FROM listening_issues WHERE id = $1`, [Number(s.key)]);
      if (!row) continue;
      label = vi('alerts.subject.issue', { label: row.label });
      link = `/admin/listening/issues/${s.key}`;
    } else if (s.kind === 'topic') {
      label = vi('alerts.subject.topic', { topic: topicName(s.key) });
      link = `/admin/listening?${range}&topic=${encodeURIComponent(s.key)}`;
    } else {
      const [ward, topic] = s.key.split('|');
      label = topic ? vi('alerts.subject.placeTopic', { place: analyzer.placeName(ward), topic: topicName(topic) }) : vi('alerts.subject.place', { place: analyzer.placeName(ward) });
      link = `/admin/listening?${range}&ward=${encodeURIComponent(ward)}${topic ? `&topic=${encodeURIComponent(topic)}` : ''}`;
    }
    spikes.push({ kind: s.kind, key: s.key, label, observed: Number(s.observed), expected: round(Number(s.expected), 1), score: round(Number(s.score), 1), hours: Math.round((end.getTime() - start.getTime()) / 3_600_000), at: end.toISOString(), link });
  }
  spikes.sort((a, b) => b.score - a.score || a.at.localeCompare(b.at));
  spikes.splice(10);
  spikes.forEach((s, k) => fig(`spike${k + 1}`, vi('brief.fig.spike', { label: s.label }), s.observed, s.link, 'spikes'));

  // Places: wards with enough distinct voices; the others only as a sum.
  const placeRows = await q<{ ward: string; posts: number; fsum: number; voices: number }>(QUERIES.places);
  const places: BriefData['places'] = { rows: [], hiddenPlaces: 0, hiddenPosts: 0, unknownPosts: 0, minVoices };
  for (const p of placeRows) {
    const n = Number(p.posts);
    if (!p.ward) places.unknownPosts += n;
    else if (Number(p.voices) < minVoices) {
      places.hiddenPlaces++;
      places.hiddenPosts += n;
    } else places.rows.push({ ward: p.ward, name: analyzer.placeName(p.ward), posts: n, frustration: n ? round(Number(p.fsum) / n) : 0, link: `/admin/listening?${range}&ward=${encodeURIComponent(p.ward)}` });
  }
  places.rows.sort((a, b) => b.posts - a.posts || a.name.localeCompare(b.name, 'vi'));
  places.rows.forEach((p) => fig(`place.${p.ward}`, vi('brief.fig.place', { place: p.name }), p.posts, p.link, 'places'));
  if (places.hiddenPosts) fig('place.hidden', vi('brief.fig.placeHidden', { min: minVoices }), places.hiddenPosts, overview, 'places');

  const topics: BriefTopic[] = (await q<{ topic: string; posts: number; negative: number; fsum: number }>(QUERIES.topics)).map((r) => {
    const n = Number(r.posts);
    return { topic: r.topic, name: topicName(r.topic), posts: n, negative: Number(r.negative), frustration: n ? round(Number(r.fsum) / n) : 0, link: `/admin/listening?${range}&topic=${encodeURIComponent(r.topic)}` };
  });
  topics.forEach((tp) => fig(`topic.${tp.topic}`, vi('brief.fig.topic', { topic: tp.name }), tp.posts, tp.link, 'topics'));

  const cases = await gatherCases(ctx, period, fig);
  const root = (await ctx.units.current()).roots()[0];
  return {
    from: period.from,
    to: period.to,
    days: period.days,
    start: period.start.toISOString(),
    end: period.end.toISOString(),
    generatedAt: new Date().toISOString(),
    baseUrl: base,
    organisation: root?.name ?? '',
    totals,
    daily,
    issues,
    spikes,
    places,
    topics,
    cases,
    figures,
    queries: { ...QUERIES },
    links: { overview, alerts: '/admin/listening/alerts' },
  };
}

type Fig = (id: string, label: string, value: number, link: string, query: keyof typeof QUERIES, format?: Figure['format']) => number;

async function gatherCases(ctx: AppContext, period: BriefPeriod, fig: Fig): Promise<BriefCases | null> {
  const s = await periodSummary(ctx.database, period.start, period.end);
  const effects = await loopEffects(ctx.database, period.start, period.end, 7);
  const statsLink = '/admin/cases/stats';
  const labels = new Map<number, string>();
  if (effects.length) {
    for (const r of await ctx.database.query<{ id: number; label: string }>(`SELECT id, coalesce(nullif(custom_label, ''), nullif(label, ''), '#' || id) AS label FROM listening_issues WHERE id = ANY($1)`, [effects.map((e) => e.issueId)])) labels.set(Number(r.id), r.label);
  }
  const out: BriefCases = {
    opened: fig('cases.opened', vi('brief.fig.casesOpened'), s.opened, '/admin/cases', 'cases'),
    answered: fig('cases.answered', vi('brief.fig.casesAnswered'), s.answered, statsLink, 'cases'),
    answeredOnTime: fig('cases.onTime', vi('brief.fig.casesOnTime'), s.answeredOnTime, statsLink, 'cases'),
    overdue: fig('cases.overdue', vi('brief.fig.casesOverdue'), s.overdue, '/admin/cases?status=overdue', 'cases'),
    reopened: fig('cases.reopened', vi('brief.fig.casesReopened'), s.reopened, statsLink, 'cases'),
    overdueCases: s.overdueCases.slice(0, 10).map((c) => ({ id: c.id, title: c.title, dueDay: vnDay(c.dueAt), link: `/admin/cases/${c.id}` })),
    effects: effects.map((e, k) => {
      const link = `/admin/cases/${e.caseId}`;
      const label = labels.get(e.issueId) ?? `#${e.issueId}`;
      fig(`effect${k + 1}.before`, vi('brief.fig.effectBefore', { label }), e.before.posts, link, 'effects');
      fig(`effect${k + 1}.after`, vi('brief.fig.effectAfter', { label }), e.after.posts, link, 'effects');
      return { caseId: e.caseId, issueId: e.issueId, issueLabel: label, answeredDay: vnDay(e.answeredAt), days: e.days, before: e.before, after: e.after, complete: e.complete, link };
    }),
    link: statsLink,
  };
  return out;
}
