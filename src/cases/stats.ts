// Case figures, for the statistics page, the weekly brief and anyone else who needs them. Every function
// reads; months are Vietnam calendar months ('YYYY-MM'); a case counts for the unit that owns it now.
//
// On-time rate, as HCMC's 1022 portal reports it: of the cases whose handling was due in a month,
// the share answered by the deadline. Here: cases first answered in the month (on time when the first
// answer came before the deadline) plus cases still unanswered whose deadline passed in the month (late).
import type { Database } from '../db/client.ts';

const VN_MONTH = (col: string) => `to_char((${col} AT TIME ZONE 'UTC') + interval '7 hours', 'YYYY-MM')`;
const OPEN = `('new','assigned','in_progress','reopened')`;

export interface UnitMonthRow {
  unitId: number;
  /** 'YYYY-MM', Vietnam time. */
  month: string;
  /** Cases received in the month. */
  opened: number;
  /** Cases first answered in the month, and how many of those by their deadline. */
  answered: number;
  answeredOnTime: number;
  /** Cases not answered whose deadline passed in the month (up to now). */
  overdueOpen: number;
  /** answeredOnTime / (answered + overdueOpen), or null when both are 0. */
  onTimeRate: number | null;
  /** Times cases were re-opened in the month (by citizens or staff). */
  reopened: number;
  /** Mean citizen rating (1–5) of ratings given in the month, and how many there were. */
  avgRating: number | null;
  ratings: number;
}

export interface StatsRange {
  /** Inclusive start and exclusive end. */
  from: Date;
  to: Date;
  /** Only these owner units (null: every unit). */
  unitIds?: number[] | null;
}

/** Per owner unit and month: opened, answered (on time), overdue, on-time rate, re-opened, satisfaction. */
export async function unitMonthStats(database: Database, range: StatsRange): Promise<UnitMonthRow[]> {
  const params: unknown[] = [range.from.toISOString(), range.to.toISOString()];
  const scope = range.unitIds ? (params.push(range.unitIds.length ? range.unitIds : [-1]), `AND c.unit_id = ANY($3)`) : '';
  const rows = await database.query<{ unit_id: number; month: string; kind: string; n: number; s: number | null }>(
    `SELECT c.unit_id, ${VN_MONTH('c.created_at')} AS month, 'opened' AS kind, count(*)::int AS n, NULL::float8 AS s
       FROM cases c WHERE c.created_at >= $1 AND c.created_at < $2 ${scope} GROUP BY 1, 2
     UNION ALL
     SELECT c.unit_id, ${VN_MONTH('c.first_answered_at')}, 'answered', count(*)::int, count(*) FILTER (WHERE c.first_answer_on_time)::float8
       FROM cases c WHERE c.first_answered_at >= $1 AND c.first_answered_at < $2 ${scope} GROUP BY 1, 2
     UNION ALL
     SELECT c.unit_id, ${VN_MONTH('c.due_at')}, 'overdue', count(*)::int, NULL
       FROM cases c WHERE c.status IN ${OPEN} AND c.first_answered_at IS NULL AND c.due_at >= $1 AND c.due_at < $2 AND c.due_at < now() ${scope} GROUP BY 1, 2
     UNION ALL
     SELECT c.unit_id, ${VN_MONTH('e.at')}, 'reopened', count(*)::int, NULL
       FROM case_events e JOIN cases c ON c.id = e.case_id
      WHERE e.kind = 'status' AND e.to_status = 'reopened' AND e.at >= $1 AND e.at < $2 ${scope} GROUP BY 1, 2
     UNION ALL
     SELECT c.unit_id, ${VN_MONTH('c.rated_at')}, 'rated', count(*)::int, avg(c.rating)::float8
       FROM cases c WHERE c.rated_at >= $1 AND c.rated_at < $2 ${scope} GROUP BY 1, 2`,
    params,
  );
  const out = new Map<string, UnitMonthRow>();
  for (const r of rows) {
    const key = `${r.unit_id}|${r.month}`;
    let row = out.get(key);
    if (!row) out.set(key, (row = { unitId: Number(r.unit_id), month: r.month, opened: 0, answered: 0, answeredOnTime: 0, overdueOpen: 0, onTimeRate: null, reopened: 0, avgRating: null, ratings: 0 }));
    const n = Number(r.n);
    if (r.kind === 'opened') row.opened = n;
    else if (r.kind === 'answered') (row.answered = n), (row.answeredOnTime = Number(r.s));
    else if (r.kind === 'overdue') row.overdueOpen = n;
    else if (r.kind === 'reopened') row.reopened = n;
    else if (r.kind === 'rated') (row.ratings = n), (row.avgRating = r.s === null ? null : Number(r.s));
  }
  for (const row of out.values()) row.onTimeRate = rate(row.answeredOnTime, row.answered + row.overdueOpen);
  return [...out.values()].sort((a, b) => b.month.localeCompare(a.month) || a.unitId - b.unitId);
}

/** Adds rows up (e.g. all units of a month, or a unit over months); the rate is recomputed, not averaged. */
export function sumRows(rows: readonly UnitMonthRow[], unitId: number, month: string): UnitMonthRow {
  const total: UnitMonthRow = { unitId, month, opened: 0, answered: 0, answeredOnTime: 0, overdueOpen: 0, onTimeRate: null, reopened: 0, avgRating: null, ratings: 0 };
  let ratingSum = 0;
  for (const r of rows) {
    total.opened += r.opened;
    total.answered += r.answered;
    total.answeredOnTime += r.answeredOnTime;
    total.overdueOpen += r.overdueOpen;
    total.reopened += r.reopened;
    total.ratings += r.ratings;
    ratingSum += (r.avgRating ?? 0) * r.ratings;
  }
  total.onTimeRate = rate(total.answeredOnTime, total.answered + total.overdueOpen);
  total.avgRating = total.ratings ? ratingSum / total.ratings : null;
  return total;
}

const rate = (num: number, den: number): number | null => (den ? num / den : null);

export interface PeriodSummary {
  opened: number;
  /** Cases answered for the first time in the period, and how many of those by their deadline. */
  answered: number;
  answeredOnTime: number;
  /** Cases waiting for an answer past their deadline at the end of the period (or now, if earlier). */
  overdue: number;
  reopened: number;
  /** The overdue cases, oldest deadline first (at most 20), for the brief to link. */
  overdueCases: Array<{ id: number; title: string; unitId: number; dueAt: Date }>;
}

/** Cases opened, answered and re-opened in [from, to), and overdue at its end: the weekly brief's lines. */
export async function periodSummary(database: Database, from: Date, to: Date): Promise<PeriodSummary> {
  const end = new Date(Math.min(to.getTime(), Date.now()));
  const p = [from.toISOString(), to.toISOString()];
  const [counts] = await database.query<{ opened: number; answered: number; on_time: number; reopened: number }>(
    `SELECT (SELECT count(*) FROM cases WHERE created_at >= $1 AND created_at < $2)::int AS opened,
            (SELECT count(*) FROM cases WHERE first_answered_at >= $1 AND first_answered_at < $2)::int AS answered,
            (SELECT count(*) FROM cases WHERE first_answered_at >= $1 AND first_answered_at < $2 AND first_answer_on_time)::int AS on_time,
            (SELECT count(*) FROM case_events WHERE kind = 'status' AND to_status = 'reopened' AND at >= $1 AND at < $2)::int AS reopened`,
    p,
  );
  // Overdue at the end of the period: still waiting for an answer and past the deadline. (A case's
  // past states are in its history; for a brief of the last week, "still" means now.)
  const overdueWhere = `status IN ${OPEN} AND due_at < $1`;
  const [{ n }] = await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM cases WHERE ${overdueWhere}`, [end.toISOString()]);
  const list = await database.query<{ id: number; title: string; unit_id: number; due_at: Date | string }>(`SELECT id, title, unit_id, due_at FROM cases WHERE ${overdueWhere} ORDER BY due_at, id LIMIT 20`, [end.toISOString()]);
  return {
    opened: Number(counts.opened),
    answered: Number(counts.answered),
    answeredOnTime: Number(counts.on_time),
    overdue: Number(n),
    reopened: Number(counts.reopened),
    overdueCases: list.map((r) => ({ id: Number(r.id), title: r.title, unitId: Number(r.unit_id), dueAt: new Date(r.due_at) })),
  };
}

export interface OpinionWindow {
  /** Posts about the issue in the window. */
  posts: number;
  /** Mean frustration of those posts (0–1), or null without posts. */
  frustration: number | null;
}

export interface LoopEffect {
  caseId: number;
  issueId: number;
  answeredAt: Date;
  days: number;
  before: OpinionWindow;
  after: OpinionWindow;
  /** The "after" window has fully passed. */
  complete: boolean;
}

/**
 * Closing the loop: for a case made from a listening issue and answered, the issue's volume and mean
 * frustration in the `days` before and after the (first) answer. Null when the case has no issue or
 * answer, or the listening desk's hourly table is not there.
 */
export async function loopEffect(database: Database, c: { id: number; issueId: number | null; firstAnsweredAt: Date | null }, days = 7): Promise<LoopEffect | null> {
  if (c.issueId === null || !c.firstAnsweredAt) return null;
  if (!(await hasListening(database))) return null;
  const at = c.firstAnsweredAt;
  const span = days * 86_400_000;
  const rows = await database.query<{ after: boolean; n: number; f: number }>(
    `SELECT hour >= $2 AS after, coalesce(sum(n), 0)::int AS n, coalesce(sum(frustration_sum), 0)::float8 AS f
       FROM listening_issue_hourly WHERE issue_id = $1 AND hour >= $3 AND hour < $4 GROUP BY 1`,
    [c.issueId, at.toISOString(), new Date(at.getTime() - span).toISOString(), new Date(at.getTime() + span).toISOString()],
  );
  const win = (after: boolean): OpinionWindow => {
    const r = rows.find((x) => Boolean(x.after) === after);
    const posts = r ? Number(r.n) : 0;
    return { posts, frustration: posts ? Number(r?.f) / posts : null };
  };
  return { caseId: c.id, issueId: c.issueId, answeredAt: at, days, before: win(false), after: win(true), complete: Date.now() >= at.getTime() + span };
}

/** Loop effects of every case from an issue first answered in [from, to), for the brief. */
export async function loopEffects(database: Database, from: Date, to: Date, days = 7): Promise<LoopEffect[]> {
  const rows = await database.query<{ id: number; issue_id: number; first_answered_at: Date | string }>(
    `SELECT id, issue_id, first_answered_at FROM cases WHERE issue_id IS NOT NULL AND first_answered_at >= $1 AND first_answered_at < $2 ORDER BY first_answered_at`,
    [from.toISOString(), to.toISOString()],
  );
  const out: LoopEffect[] = [];
  for (const r of rows) {
    const e = await loopEffect(database, { id: Number(r.id), issueId: Number(r.issue_id), firstAnsweredAt: new Date(r.first_answered_at) }, days);
    if (e) out.push(e);
  }
  return out;
}

async function hasListening(database: Database): Promise<boolean> {
  const [r] = await database.query<{ t: string | null }>(`SELECT to_regclass('listening_issue_hourly')::text AS t`);
  return Boolean(r?.t);
}
