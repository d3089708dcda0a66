// Everything the weekly brief says, gathered in one plain object; the renderers (pdf.ts, docx.ts) only
// lay it out, through the sentences of statements.ts and the proposals of proposals.ts.
// Issues, not people: figures are about issues, topics and places; a place is named only when at least
// the minimum of distinct voices posted about it there, the rest are summed into one line; quotes are the
// stored (redacted) text, shortened. Links are kept as app paths; the renderers print them only when the
// installation's public URL is known (baseUrl), and then absolute to it.
import type { AppContext } from '../app/context.ts';
import { listRules, periodSummary, suggestOwner } from '../cases/index.ts';
import { translate, type MessageKey } from '../i18n/catalog.ts';
import { analyzerFor, type IssueSummary, listIssues, minPlaceVoices, placeSpikeVoices, representativePosts } from '../listening/index.ts';
import { vnDay } from '../core/time.ts';
import type { BriefPeriod } from './period.ts';
import { quote } from './quote.ts';

const DAY = 86_400_000;
/** Issues read for the brief: the key ones (at most KEY_MAX) are detailed, a few more listed. */
const LISTED = 10;
const KEY_MIN = 3;
const KEY_MAX = 5;
const QUOTES = 2;
const OPEN = ['new', 'assigned', 'in_progress', 'reopened'];

export type Trend = 'new' | 'growing' | 'easing' | 'steady';

export interface BriefCase {
  id: number;
  title: string;
  unit: string;
  status: string;
  open: boolean;
  overdue: boolean;
  dueDay: string | null;
  answeredDay: string | null;
  onTime: boolean | null;
  link: string;
}

export interface BriefIssue {
  id: number;
  title: string;
  posts: number;
  voices: number;
  previous: { posts: number; voices: number };
  trend: Trend;
  frustration: number;
  sentiment: { negative: number; neutral: number; positive: number };
  spike: { at: string; observed: number; expected: number } | null;
  topics: string[];
  /** Wards of the period with at least the minimum of voices, busiest first. */
  wards: Array<{ name: string; posts: number }>;
  /** Posts in wards below the minimum, or without a ward. */
  otherPosts: number;
  /** Other named places (streets, markets, schools…), shown only when the issue has the minimum of voices. */
  places: string[];
  /** Posts per day of the period. */
  daily: number[];
  quotes: string[];
  cases: BriefCase[];
  /** Who a proposal would give the issue to: a unit of the routing rules or the ward, or null (no clear owner). */
  owner: string | null;
  link: string;
}

export interface BriefSpike {
  kind: 'issue' | 'topic' | 'place';
  label: string;
  observed: number;
  expected: number;
  hours: number;
  at: string;
}

export interface BriefData {
  from: string;
  to: string;
  days: number;
  start: string;
  end: string;
  generatedAt: string;
  /** The public URL of the installation, or '' when it is not configured (then no link is printed). */
  baseUrl: string;
  /** The root unit: full name and the short one used in headings and the date line. */
  organisation: string;
  organisationShort: string;
  minVoices: number;
  totals: { posts: number; previousPosts: number; voices: number; previousVoices: number; issues: number; negative: number; neutral: number; positive: number; frustration: number };
  daily: Array<{ day: string; posts: number; negative: number; frustration: number }>;
  /** The issues that matter this week (3 to 5 when there are that many), detailed. */
  key: BriefIssue[];
  /** The next ones, listed briefly. */
  others: BriefIssue[];
  spikes: BriefSpike[];
  places: { rows: Array<{ name: string; posts: number; frustration: number }>; hiddenPlaces: number; hiddenPosts: number; unknownPosts: number };
  topics: Array<{ name: string; posts: number }>;
  /** Posts of the period by kind of source (facebook_page, zalo_oa, citizen…), and whether any is synthetic. */
  sources: Array<{ kind: string; posts: number }>;
  synthetic: boolean;
  cases: {
    opened: number;
    answered: number;
    answeredOnTime: number;
    overdue: number;
    reopened: number;
    overdueCases: Array<BriefCase & { issueId: number | null }>;
  };
  links: { overview: string; cases: string };
}

const vi = (key: string, params?: Record<string, string | number>) => translate('vi', key as MessageKey, params);
const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
const iso = (d: Date) => d.toISOString();

/** What changed against the period before: new (nothing before), growing or easing by a clear margin, or steady. */
export function trendOf(posts: number, previous: number, firstSeen: string, start: string): Trend {
  if (previous === 0 && firstSeen >= start) return 'new';
  if (posts >= previous * 1.3 && posts - previous >= 3) return 'growing';
  if (posts <= previous * 0.7 && previous - posts >= 3) return 'easing';
  return 'steady';
}

/** The key issues: the first three of the attention ranking, then up to five while they still weigh (a spike, an overdue case, or at least a fifth of the first one's posts). */
export function pickKey<T extends { posts: number; spike: unknown; cases: Array<{ overdue: boolean }> }>(ranked: T[]): number {
  let k = Math.min(KEY_MIN, ranked.length);
  const first = ranked[0]?.posts ?? 0;
  while (k < Math.min(KEY_MAX, ranked.length)) {
    const i = ranked[k];
    if (!(i.spike || i.cases.some((c) => c.overdue) || i.posts * 5 >= first)) break;
    k++;
  }
  return k;
}

export async function gatherBrief(ctx: AppContext, period: BriefPeriod, options: { baseUrl?: string; now?: Date } = {}): Promise<BriefData> {
  const now = options.now ?? new Date();
  const q = async <T>(text: string, params: unknown[] = [iso(period.start), iso(period.end)]) => ctx.database.query<T>(text, params);
  const span = period.end.getTime() - period.start.getTime();
  const prevStart = new Date(period.start.getTime() - span);
  const range = `from=${period.from}&to=${period.to}`;
  const overview = `/admin/listening?${range}`;
  const minVoices = await minPlaceVoices(ctx);
  const analyzer = await analyzerFor(ctx);
  const tree = await ctx.units.current();
  const topicName = (id: string) => (id ? vi(`listening.topic.${id}`) : vi('brief.noTopic'));

  // Totals of this period and the one before, from the hourly aggregates; voices from the posts.
  const totalsSql = `SELECT coalesce(sum(n), 0)::int AS posts, coalesce(sum(negative), 0)::int AS negative, coalesce(sum(positive), 0)::int AS positive, coalesce(sum(frustration_sum), 0)::float8 AS fsum
    FROM listening_topic_hourly WHERE topic = '*' AND hour >= $1 AND hour < $2`;
  const voicesSql = `SELECT count(DISTINCT author_hash)::int AS voices FROM listening_posts WHERE posted_at >= $1 AND posted_at < $2 AND author_hash IS NOT NULL`;
  const [t] = await q<{ posts: number; negative: number; positive: number; fsum: number }>(totalsSql);
  const [prev] = await q<{ posts: number }>(totalsSql, [iso(prevStart), iso(period.start)]);
  const [{ voices }] = await q<{ voices: number }>(voicesSql);
  const [{ voices: prevVoices }] = await q<{ voices: number }>(voicesSql, [iso(prevStart), iso(period.start)]);
  const [{ issues: issueCount }] = await q<{ issues: number }>(
    `SELECT count(DISTINCT h.issue_id)::int AS issues FROM listening_issue_hourly h JOIN listening_issues i ON i.id = h.issue_id WHERE i.status <> 'merged' AND h.hour >= $1 AND h.hour < $2`,
  );
  const posts = Number(t.posts);
  const totals = {
    posts,
    previousPosts: Number(prev.posts),
    voices: Number(voices),
    previousVoices: Number(prevVoices),
    issues: Number(issueCount),
    negative: Number(t.negative),
    neutral: posts - Number(t.negative) - Number(t.positive),
    positive: Number(t.positive),
    frustration: posts ? round(Number(t.fsum) / posts) : 0,
  };

  // Every day of the period, including quiet ones.
  const dayOf = `to_char((hour AT TIME ZONE 'UTC') + interval '7 hours', 'YYYY-MM-DD')`;
  const byDay = new Map((await q<{ day: string; posts: number; negative: number; fsum: number }>(`SELECT ${dayOf} AS day, sum(n)::int AS posts, sum(negative)::int AS negative, sum(frustration_sum)::float8 AS fsum
    FROM listening_topic_hourly WHERE topic = '*' AND hour >= $1 AND hour < $2 GROUP BY 1 ORDER BY 1`)).map((d) => [d.day, d]));
  const days = Array.from({ length: period.days }, (_, k) => vnDay(new Date(period.start.getTime() + k * DAY)));
  const daily = days.map((day) => {
    const d = byDay.get(day);
    const n = d ? Number(d.posts) : 0;
    return { day, posts: n, negative: d ? Number(d.negative) : 0, frustration: n ? round(Number(d?.fsum) / n) : 0 };
  });

  // The issues, ranked as the dashboard ranks them, with what the brief adds to each.
  const listed = await listIssues(ctx, { from: period.start, to: period.end, limit: LISTED });
  const issues = await describeIssues(ctx, listed, { period, prevStart, days, minVoices, analyzer, tree, topicName, now });
  const k = pickKey(issues);

  // Spikes that ended in the period, strongest first; a place only with enough voices in the spike's window.
  const spikes: BriefSpike[] = [];
  const spikeRows = await q<{ kind: BriefSpike['kind']; key: string; window_start: string | Date; window_end: string | Date; observed: number; expected: number; score: number }>(
    `SELECT DISTINCT ON (kind, key) kind, key, window_start, window_end, observed, expected, score FROM listening_spikes s WHERE window_end > $1 AND window_end <= $2
      AND (kind <> 'place' OR ${placeSpikeVoices('s')} >= $3) ORDER BY kind, key, score DESC`,
    [iso(period.start), iso(period.end), minVoices],
  );
  const titles = new Map(issues.map((i) => [String(i.id), i.title]));
  for (const s of [...spikeRows].sort((a, b) => Number(b.score) - Number(a.score))) {
    let label: string;
    if (s.kind === 'issue') {
      const title = titles.get(s.key) ?? (await issueTitle(ctx, Number(s.key)));
      if (!title) continue;
      label = vi('brief.spike.issue', { title });
    } else if (s.kind === 'topic') label = vi('brief.spike.topic', { topic: topicName(s.key) });
    else {
      const [ward, topic] = s.key.split('|');
      label = topic ? vi('brief.spike.placeTopic', { place: analyzer.placeName(ward), topic: topicName(topic) }) : vi('brief.spike.place', { place: analyzer.placeName(ward) });
    }
    const start = new Date(s.window_start).getTime();
    const end = new Date(s.window_end);
    spikes.push({ kind: s.kind, label, observed: Number(s.observed), expected: round(Number(s.expected), 1), hours: Math.round((end.getTime() - start) / 3_600_000), at: end.toISOString() });
    if (spikes.length >= 6) break;
  }

  // Places: wards with enough distinct voices; the others only as a sum.
  const placeRows = await q<{ ward: string; posts: number; fsum: number; voices: number }>(`SELECT ward, sum(n)::int AS posts, sum(frustration_sum)::float8 AS fsum,
      (SELECT count(DISTINCT v) FROM listening_topic_hourly x, unnest(x.voices) v WHERE x.ward = h.ward AND x.topic = '*' AND x.hour >= $1 AND x.hour < $2)::int AS voices
    FROM listening_topic_hourly h WHERE topic = '*' AND hour >= $1 AND hour < $2 GROUP BY ward`);
  const places: BriefData['places'] = { rows: [], hiddenPlaces: 0, hiddenPosts: 0, unknownPosts: 0 };
  for (const p of placeRows) {
    const n = Number(p.posts);
    if (!p.ward) places.unknownPosts += n;
    else if (Number(p.voices) < minVoices) {
      places.hiddenPlaces++;
      places.hiddenPosts += n;
    } else places.rows.push({ name: analyzer.placeName(p.ward), posts: n, frustration: n ? round(Number(p.fsum) / n) : 0 });
  }
  places.rows.sort((a, b) => b.posts - a.posts || a.name.localeCompare(b.name, 'vi'));

  const topics = (await q<{ topic: string; posts: number }>(`SELECT topic, sum(n)::int AS posts FROM listening_topic_hourly WHERE topic NOT IN ('*', '') AND hour >= $1 AND hour < $2 GROUP BY topic ORDER BY 2 DESC, 1`)).map((r) => ({
    name: topicName(r.topic),
    posts: Number(r.posts),
  }));
  const sourceRows = await q<{ kind: string; synthetic: boolean; posts: number }>(`SELECT s.kind, bool_or(s.synthetic) AS synthetic, count(*)::int AS posts FROM listening_posts p JOIN listening_sources s ON s.id = p.source_id
    WHERE p.posted_at >= $1 AND p.posted_at < $2 GROUP BY s.kind ORDER BY 3 DESC, 1`);

  // Cases: the period's figures, and the overdue ones with their unit and issue.
  const s = await periodSummary(ctx.database, period.start, period.end);
  const overdueIssues = new Map<number, number | null>();
  if (s.overdueCases.length) {
    for (const r of await q<{ id: number; issue_id: number | null }>(`SELECT id, issue_id FROM cases WHERE id = ANY($1)`, [s.overdueCases.map((c) => c.id)])) overdueIssues.set(Number(r.id), r.issue_id === null ? null : Number(r.issue_id));
  }
  const unitName = (id: number) => tree.get(id)?.shortName || tree.get(id)?.name || '';
  const cases: BriefData['cases'] = {
    opened: s.opened,
    answered: s.answered,
    answeredOnTime: s.answeredOnTime,
    overdue: s.overdue,
    reopened: s.reopened,
    overdueCases: s.overdueCases.slice(0, 10).map((c) => ({
      id: c.id,
      title: c.title,
      unit: unitName(c.unitId),
      status: 'overdue',
      open: true,
      overdue: true,
      dueDay: vnDay(c.dueAt),
      answeredDay: null,
      onTime: null,
      link: `/admin/cases/${c.id}`,
      issueId: overdueIssues.get(c.id) ?? null,
    })),
  };

  const root = tree.roots()[0];
  return {
    from: period.from,
    to: period.to,
    days: period.days,
    start: iso(period.start),
    end: iso(period.end),
    generatedAt: now.toISOString(),
    baseUrl: options.baseUrl ?? '',
    organisation: root?.name ?? '',
    organisationShort: root?.shortName || root?.name || '',
    minVoices,
    totals,
    daily,
    key: issues.slice(0, k),
    others: issues.slice(k),
    spikes,
    places,
    topics,
    sources: sourceRows.map((r) => ({ kind: r.kind, posts: Number(r.posts) })),
    synthetic: sourceRows.some((r) => r.synthetic),
    cases,
    links: { overview, cases: '/admin/cases/stats' },
  };
}

async function issueTitle(ctx: AppContext, id: number): Promise<string | null> {
  const [row] = await ctx.database.query<{ label: string }>(`SELECT coalesce(nullif(custom_label, ''), nullif(label, ''), '#' || id) AS label FROM listening_issues WHERE id = $1 AND status <> 'merged'`, [id]);
  return row?.label ?? null;
}

interface Context {
  period: BriefPeriod;
  prevStart: Date;
  days: string[];
  minVoices: number;
  analyzer: Awaited<ReturnType<typeof analyzerFor>>;
  tree: Awaited<ReturnType<AppContext['units']['current']>>;
  topicName: (id: string) => string;
  now: Date;
}

async function describeIssues(ctx: AppContext, listed: IssueSummary[], c: Context): Promise<BriefIssue[]> {
  if (!listed.length) return [];
  const ids = listed.map((i) => i.id);
  const q = <T>(text: string, params: unknown[]) => ctx.database.query<T>(text, params);
  const [start, end, prevStart] = [iso(c.period.start), iso(c.period.end), iso(c.prevStart)];
  const [previous, prevVoices, perDay, perWard, caseRows, rules] = await Promise.all([
    q<{ issue_id: number; n: number }>(`SELECT issue_id, sum(n)::int AS n FROM listening_issue_hourly WHERE issue_id = ANY($1) AND hour >= $2 AND hour < $3 GROUP BY issue_id`, [ids, prevStart, start]),
    q<{ issue_id: number; voices: number }>(`SELECT issue_id, count(DISTINCT author_hash)::int AS voices FROM listening_posts WHERE issue_id = ANY($1) AND posted_at >= $2 AND posted_at < $3 GROUP BY issue_id`, [ids, prevStart, start]),
    q<{ issue_id: number; day: string; n: number }>(
      `SELECT issue_id, to_char((hour AT TIME ZONE 'UTC') + interval '7 hours', 'YYYY-MM-DD') AS day, sum(n)::int AS n FROM listening_issue_hourly WHERE issue_id = ANY($1) AND hour >= $2 AND hour < $3 GROUP BY 1, 2`,
      [ids, start, end],
    ),
    // Per ward: posts and distinct voices (from the hourly voice sketches) in the period.
    q<{ issue_id: number; ward: string; n: number; voices: number }>(
      `SELECT issue_id, ward, sum(n)::int AS n, (SELECT count(DISTINCT v) FROM listening_issue_hourly x, unnest(x.voices) v WHERE x.issue_id = h.issue_id AND x.ward = h.ward AND x.hour >= $2 AND x.hour < $3)::int AS voices
       FROM listening_issue_hourly h WHERE issue_id = ANY($1) AND hour >= $2 AND hour < $3 GROUP BY issue_id, ward`,
      [ids, start, end],
    ),
    q<{ id: number; issue_id: number; title: string; unit_id: number; status: string; due_at: string | Date | null; first_answered_at: string | Date | null; first_answer_on_time: boolean | null }>(
      `SELECT id, issue_id, title, unit_id, status, due_at, first_answered_at, first_answer_on_time FROM cases WHERE issue_id = ANY($1) AND created_at < $2 ORDER BY created_at, id`,
      [ids, end],
    ),
    listRules(ctx.db),
  ]);
  const cutoff = Math.min(c.period.end.getTime(), c.now.getTime());
  const unitOf = (id: number) => c.tree.get(id);
  const wardUnits = new Map(c.tree.all().filter((u) => u.kind === 'ward' && u.code).map((u) => [u.code as string, u.id]));
  const gazetteer = c.analyzer.models.gazetteer.places;
  const out: BriefIssue[] = [];
  for (const i of listed) {
    const prevPosts = Number(previous.find((r) => Number(r.issue_id) === i.id)?.n ?? 0);
    const daily = c.days.map((d) => Number(perDay.find((r) => Number(r.issue_id) === i.id && r.day === d)?.n ?? 0));
    const wardCells = perWard.filter((r) => Number(r.issue_id) === i.id && r.ward).sort((a, b) => Number(b.n) - Number(a.n));
    const shown = wardCells.filter((r) => Number(r.voices) >= c.minVoices);
    const wards = shown.map((r) => ({ id: r.ward, name: c.analyzer.placeName(r.ward), posts: Number(r.n) }));
    const cases: BriefCase[] = caseRows
      .filter((r) => Number(r.issue_id) === i.id)
      .map((r) => {
        const due = r.due_at ? new Date(r.due_at) : null;
        const open = OPEN.includes(r.status);
        return {
          id: Number(r.id),
          title: r.title,
          unit: unitOf(Number(r.unit_id))?.shortName || unitOf(Number(r.unit_id))?.name || '',
          status: r.status,
          open,
          overdue: open && due !== null && due.getTime() < cutoff,
          dueDay: due ? vnDay(due) : null,
          answeredDay: r.first_answered_at ? vnDay(new Date(r.first_answered_at)) : null,
          onTime: r.first_answer_on_time,
          link: `/admin/cases/${r.id}`,
        };
      });
    // Who would handle it: the routing rules of the cases desk on the issue's topic and busiest ward.
    const topWard = wards[0]?.id;
    const gso = topWard ? gazetteer.get(topWard)?.gso : undefined;
    const wardId = gso ? (wardUnits.get(gso) ?? null) : null;
    const placeId = i.places.find((p) => gazetteer.get(p)?.type !== 'ward' && gazetteer.get(p)?.type !== 'district') ?? null;
    let owner: string | null = null;
    try {
      const s = suggestOwner(c.tree, rules, { topic: i.topics[0] ?? null, wardId, placeId });
      if (s.rule || s.unitId === wardId) owner = unitOf(s.unitId)?.shortName || unitOf(s.unitId)?.name || null;
    } catch {
      owner = null;
    }
    // Quotes: only from an issue heard from the minimum of voices (fewer people could be recognised by
    // their words, and their ward named); representative posts that share the issue's topic first (a
    // stray post in a forming issue is not what it is about), each once.
    const reps = i.voices >= c.minVoices ? await representativePosts(ctx.db, i.id, 6) : [];
    const onTopic = (p: (typeof reps)[number]) => !i.topics.length || p.topics.some((t) => i.topics.includes(t));
    const ordered = [...reps.filter(onTopic), ...reps.filter((p) => !onTopic(p))];
    const quotes = [...new Set(ordered.map((p) => (p.text ? quote(p.text) : '')).filter((t) => t.length >= 12))].slice(0, QUOTES);
    out.push({
      id: i.id,
      title: i.label,
      posts: i.count,
      voices: i.voices,
      previous: { posts: prevPosts, voices: Number(prevVoices.find((r) => Number(r.issue_id) === i.id)?.voices ?? 0) },
      trend: trendOf(i.count, prevPosts, i.firstSeen, start),
      frustration: i.frustration,
      sentiment: i.sentiment,
      spike: i.spike ? { at: i.spike.at, observed: i.spike.observed, expected: i.spike.expected } : null,
      topics: i.topics.map(c.topicName),
      wards: wards.map(({ name, posts }) => ({ name, posts })),
      otherPosts: i.count - wards.reduce((a, w) => a + w.posts, 0),
      places: i.places.filter((p) => gazetteer.get(p)?.type !== 'ward' && gazetteer.get(p)?.type !== 'district').map((p) => c.analyzer.placeName(p)),
      daily,
      quotes,
      cases,
      owner,
      link: `/admin/listening/issues/${i.id}`,
    });
  }
  return out;
}
