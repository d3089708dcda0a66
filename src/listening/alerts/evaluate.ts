// Evaluation of the alert rules: each enabled rule finds its subjects (a spike, an issue whose
// frustration is over the threshold, a topic query over a volume), and each subject fires at most once
// per window: the alert's dedupe key is rule × subject × window bucket (windows of the rule's length,
// aligned on Vietnam midnight), inserted with ON CONFLICT DO NOTHING so repeated or concurrent runs
// fire nothing twice. Past the rule's hourly limit, alerts are recorded as held back, not delivered.
// Figures are aggregates about issues, topics and places; a place needs 3 distinct voices.
import { compileQuery, matchQuery, parseQuery, prepareDocument, type QueryAst } from '@nhipcau/text-vi';
import type { AppContext } from '../../app/context.ts';
import { translate, type MessageKey } from '../../i18n/catalog.ts';
import { analyzerFor } from '../analyzer.ts';
import { listingSettings } from '../settings.ts';
import { pgArray, rows, sql } from '../store/sql.ts';
import { deliverAlert } from './deliver.ts';
import type { AlertFigures, AlertRule } from './schema.ts';
import { HOUR_MS as HOUR, VN_OFFSET_MS } from '../../core/time.ts';

/** Distinct voices a place needs before figures are shown for it (the desk's setting may ask for more). */
export const MIN_PLACE_VOICES = 3;
export const minPlaceVoices = async (ctx: AppContext): Promise<number> => Math.max(MIN_PLACE_VOICES, (await listingSettings(ctx)).minVoices);
/** Posts a query rule reads at most per run (the newest). */
const QUERY_SCAN_LIMIT = 20_000;

export interface Candidate {
  subject: string;
  /** Any time inside the window the alert belongs to. */
  at: number;
  title: string;
  link: string;
  figures: AlertFigures;
}

export interface EvaluationResult {
  fired: number;
  suppressed: number;
}

/** The window bucket of a time: windows of `hours`, aligned on Vietnam midnight. */
export const windowBucket = (at: number, hours: number): number => Math.floor((at + VN_OFFSET_MS) / (hours * HOUR));

export const dedupeKeyOf = (ruleId: number, subject: string, at: number, hours: number): string => `${ruleId}|${subject}|${hours}h|${windowBucket(at, hours)}`;

const iso = (ms: number) => new Date(ms).toISOString();
const pct = (x: number) => `${Math.round(x * 100)}%`;
const vi = (key: string, params?: Record<string, string | number>) => translate('vi', key as MessageKey, params);

/** Evaluates every enabled rule (or the given ones) at `now`. */
export async function evaluateAlerts(ctx: AppContext, options: { now?: Date; ruleIds?: number[] } = {}): Promise<EvaluationResult> {
  const now = (options.now ?? new Date()).getTime();
  const rules = await rows<Record<string, unknown>>(
    ctx.db,
    options.ruleIds
      ? sql`SELECT * FROM listening_alert_rules WHERE enabled AND id = ANY(${pgArray(options.ruleIds)}::int[]) ORDER BY id`
      : sql`SELECT * FROM listening_alert_rules WHERE enabled ORDER BY id`,
  );
  const total: EvaluationResult = { fired: 0, suppressed: 0 };
  for (const raw of rules) {
    const rule = toRule(raw);
    const candidates = await candidatesFor(ctx, rule, now);
    const r = await fire(ctx, rule, candidates, now);
    total.fired += r.fired;
    total.suppressed += r.suppressed;
    await ctx.db.execute(sql`UPDATE listening_alert_rules SET last_evaluated_at = ${iso(now)}::timestamptz WHERE id = ${rule.id}`);
  }
  return total;
}

function toRule(r: Record<string, unknown>): AlertRule {
  return {
    id: Number(r.id),
    name: String(r.name),
    kind: r.kind as AlertRule['kind'],
    params: (typeof r.params === 'string' ? JSON.parse(r.params) : r.params) as AlertRule['params'],
    windowHours: Number(r.window_hours),
    maxPerHour: Number(r.max_per_hour),
    inApp: Boolean(r.in_app),
    emails: (r.emails as string[] | null) ?? [],
    webhookUrl: (r.webhook_url as string | null) ?? null,
    enabled: Boolean(r.enabled),
    lastEvaluatedAt: r.last_evaluated_at ? new Date(r.last_evaluated_at as string) : null,
    createdAt: new Date(r.created_at as string),
    updatedAt: new Date(r.updated_at as string),
  };
}

export async function candidatesFor(ctx: AppContext, rule: AlertRule, now: number): Promise<Candidate[]> {
  if (rule.kind === 'spike') return spikeCandidates(ctx, rule, now);
  if (rule.kind === 'frustration') return frustrationCandidates(ctx, rule, now);
  return queryCandidates(ctx, rule, now);
}

async function spikeCandidates(ctx: AppContext, rule: AlertRule, now: number): Promise<Candidate[]> {
  const kind = rule.params.spikeKind ?? 'any';
  const minScore = rule.params.minScore ?? 3;
  const since = now - rule.windowHours * HOUR;
  const minVoices = await minPlaceVoices(ctx);
  // The strongest spike of each subject in the lookback; the alert belongs to the window of its end. A
  // place's spike counts only when enough distinct people posted there in its window.
  const list = await rows<{ kind: string; key: string; window_start: string; window_end: string; observed: number; expected: number; score: number }>(
    ctx.db,
    sql`SELECT DISTINCT ON (kind, key) kind, key, window_start, window_end, observed, expected, score FROM listening_spikes s
        WHERE window_end > ${iso(since)}::timestamptz AND window_end <= ${iso(now)}::timestamptz AND score >= ${minScore}::float8
          AND (${kind} = 'any' OR kind = ${kind}) AND (kind <> 'place' OR ${sql.raw(placeSpikeVoices('s'))} >= ${minVoices})
        ORDER BY kind, key, score DESC, window_end DESC`,
  );
  const out: Candidate[] = [];
  const analyzer = list.some((s) => s.kind === 'place') ? await analyzerFor(ctx) : null;
  for (const s of list) {
    const start = Date.parse(new Date(s.window_start).toISOString());
    const end = Date.parse(new Date(s.window_end).toISOString());
    const figures: AlertFigures = { observed: Number(s.observed), expected: Math.round(Number(s.expected) * 10) / 10, score: Math.round(Number(s.score) * 10) / 10, windowStart: iso(start), windowEnd: iso(end) };
    let name: string;
    let link: string;
    if (s.kind === 'issue') {
      const [issue] = await rows<{ label: string }>(ctx.db, sql`SELECT coalesce(nullif(custom_label, ''), nullif(label, ''), '#' || id) AS label FROM listening_issues WHERE id = ${Number(s.key)}`);
      if (!issue) continue;
      name = vi('alerts.subject.issue', { label: issue.label });
      link = `/admin/listening/issues/${s.key}`;
    } else if (s.kind === 'topic') {
      name = vi('alerts.subject.topic', { topic: vi(`listening.topic.${s.key}`) });
      link = `/admin/listening?topic=${encodeURIComponent(s.key)}`;
    } else {
      const [ward, topic] = s.key.split('|');
      const place = analyzer?.placeName(ward) ?? ward;
      name = topic ? vi('alerts.subject.placeTopic', { place, topic: vi(`listening.topic.${topic}`) }) : vi('alerts.subject.place', { place });
      link = `/admin/listening?ward=${encodeURIComponent(ward)}${topic ? `&topic=${encodeURIComponent(topic)}` : ''}`;
    }
    out.push({
      subject: `${s.kind}:${s.key}`,
      at: end,
      title: vi('alerts.title.spike', { subject: name, observed: figures.observed ?? 0, expected: figures.expected ?? 0, hours: Math.round((end - start) / HOUR) }),
      link,
      figures,
    });
  }
  return out;
}

/**
 * SQL: distinct voices in the window of a place spike (row alias `s`: key "ward" or "ward|topic"), from
 * the hourly voice sketches — the same count as placeVoices(), for filtering spikes in one statement.
 */
export const placeSpikeVoices = (s: string): string =>
  `(SELECT count(DISTINCT v) FROM listening_topic_hourly h, unnest(h.voices) AS v WHERE h.ward = split_part(${s}.key, '|', 1)
    AND h.topic = coalesce(nullif(split_part(${s}.key, '|', 2), ''), '*') AND h.hour >= ${s}.window_start AND h.hour < ${s}.window_end)`;

/** Whether a topic query names a place (place:…): its count is then a count about that place. */
export function namesPlace(ast: QueryAst): boolean {
  if (ast.kind === 'field') return ast.field === 'place';
  if (ast.kind === 'and' || ast.kind === 'or') return ast.items.some(namesPlace);
  if (ast.kind === 'not') return namesPlace(ast.item);
  return false;
}

/** Distinct voices in a ward (and topic, '*' for all) over [from, to), from the hourly voice sketches. */
export async function placeVoices(ctx: AppContext, ward: string, topic: string, from: number, to: number): Promise<number> {
  const [r] = await rows<{ n: number }>(
    ctx.db,
    sql`SELECT count(DISTINCT v)::int AS n FROM listening_topic_hourly h, unnest(h.voices) AS v
        WHERE h.ward = ${ward} AND h.topic = ${topic} AND h.hour >= ${iso(from)}::timestamptz AND h.hour < ${iso(to)}::timestamptz`,
  );
  return Number(r?.n ?? 0);
}

async function frustrationCandidates(ctx: AppContext, rule: AlertRule, now: number): Promise<Candidate[]> {
  const threshold = rule.params.threshold ?? 0.6;
  const minPosts = rule.params.minPosts ?? 10;
  const start = now - rule.windowHours * HOUR;
  const list = await rows<{ id: number; label: string; n: number; f: number }>(
    ctx.db,
    sql`SELECT i.id, coalesce(nullif(i.custom_label, ''), nullif(i.label, ''), '#' || i.id) AS label, sum(h.n)::int AS n, sum(h.frustration_sum)::float8 AS f
        FROM listening_issue_hourly h JOIN listening_issues i ON i.id = h.issue_id
        WHERE i.status = 'active' AND h.hour >= ${iso(start)}::timestamptz AND h.hour < ${iso(now)}::timestamptz
        GROUP BY i.id HAVING sum(h.n) >= ${minPosts} AND sum(h.frustration_sum) >= ${threshold}::float8 * sum(h.n)
        ORDER BY i.id`,
  );
  return list.map((r) => {
    const n = Number(r.n);
    const mean = Number(r.f) / n;
    return {
      subject: `issue:${r.id}`,
      at: now,
      title: vi('alerts.title.frustration', { label: r.label, frustration: pct(mean), posts: n, hours: rule.windowHours }),
      link: `/admin/listening/issues/${r.id}`,
      figures: { posts: n, frustration: Math.round(mean * 1000) / 1000, windowStart: iso(start), windowEnd: iso(now) },
    };
  });
}

async function queryCandidates(ctx: AppContext, rule: AlertRule, now: number): Promise<Candidate[]> {
  const q = rule.params.query ?? '';
  if (!q) return [];
  const ast = parseQuery(q);
  const compiled = compileQuery(ast);
  const minPosts = rule.params.minPosts ?? 10;
  const start = now - rule.windowHours * HOUR;
  const posts = await rows<{ text: string; kind: string; places: string[] | null; author_hash: string | null }>(
    ctx.db,
    sql`SELECT p.text, s.kind, p.places, p.author_hash FROM listening_posts p JOIN listening_sources s ON s.id = p.source_id
        WHERE p.posted_at >= ${iso(start)}::timestamptz AND p.posted_at < ${iso(now)}::timestamptz AND p.text IS NOT NULL
        ORDER BY p.posted_at DESC LIMIT ${QUERY_SCAN_LIMIT}`,
  );
  let n = 0;
  const voices = new Set<string>();
  for (const p of posts) {
    if (!matchQuery(compiled, { text: prepareDocument(p.text), source: p.kind, places: p.places ?? [] })) continue;
    n++;
    if (p.author_hash) voices.add(p.author_hash);
  }
  if (n < minPosts) return [];
  // A query about a place gives a count about that place: it needs the minimum of distinct voices.
  if (namesPlace(ast) && voices.size < (await minPlaceVoices(ctx))) return [];
  return [
    {
      subject: 'query',
      at: now,
      title: vi('alerts.title.query', { query: q, posts: n, hours: rule.windowHours }),
      link: `/admin/listening?q=${encodeURIComponent(q)}`,
      figures: { posts: n, windowStart: iso(start), windowEnd: iso(now) },
    },
  ];
}

/** Inserts the alerts that are new for their window, holding back those over the hourly limit, and delivers the rest. */
export async function fire(ctx: AppContext, rule: AlertRule, candidates: Candidate[], now: number): Promise<EvaluationResult> {
  const result: EvaluationResult = { fired: 0, suppressed: 0 };
  for (const c of candidates) {
    const [{ recent }] = await rows<{ recent: number }>(
      ctx.db,
      sql`SELECT count(*)::int AS recent FROM listening_alerts WHERE rule_id = ${rule.id} AND NOT suppressed AND created_at > ${iso(now - HOUR)}::timestamptz`,
    );
    const suppressed = Number(recent) >= rule.maxPerHour;
    const inserted = await rows<{ id: number }>(
      ctx.db,
      sql`INSERT INTO listening_alerts (rule_id, subject, dedupe_key, title, link, figures, suppressed, created_at)
          VALUES (${rule.id}, ${c.subject}, ${dedupeKeyOf(rule.id, c.subject, c.at, rule.windowHours)}, ${c.title}, ${c.link}, ${JSON.stringify(c.figures)}::jsonb, ${suppressed}, ${iso(now)}::timestamptz)
          ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    );
    if (!inserted.length) continue;
    if (suppressed) {
      result.suppressed++;
      continue;
    }
    result.fired++;
    await deliverAlert(ctx, rule, Number(inserted[0].id));
  }
  return result;
}
