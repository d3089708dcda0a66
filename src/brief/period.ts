// The brief's period: whole days of Vietnam time (Asia/Ho_Chi_Minh, UTC+7 all year), from and to
// inclusive, at most a year; by default the last full week, Monday to Sunday.
import { DAY_MS as DAY, vnDay, vnMidnight, vnWeekday } from '../core/time.ts';

export const MAX_DAYS = 366;

export interface BriefPeriod {
  /** 'YYYY-MM-DD', inclusive. */
  from: string;
  to: string;
  /** Vietnam midnight starting `from`, and Vietnam midnight after `to` (exclusive). */
  start: Date;
  end: Date;
  days: number;
}

export type PeriodError = 'format' | 'order' | 'span';

export function parsePeriod(from: string, to: string): { ok: true; period: BriefPeriod } | { ok: false; error: PeriodError } {
  const start = vnMidnight(from);
  const last = vnMidnight(to);
  if (!start || !last) return { ok: false, error: 'format' };
  if (last < start) return { ok: false, error: 'order' };
  const days = Math.round((last.getTime() - start.getTime()) / DAY) + 1;
  if (days > MAX_DAYS) return { ok: false, error: 'span' };
  return { ok: true, period: { from, to, start, end: new Date(last.getTime() + DAY), days } };
}

/** The last full week (Monday–Sunday, Vietnam time) before `now`. */
export function lastWeek(now = new Date()): { from: string; to: string } {
  const today = vnMidnight(vnDay(now)) as Date;
  const weekday = vnWeekday(today); // Monday = 0
  const monday = new Date(today.getTime() - (weekday + 7) * DAY);
  return { from: vnDay(monday), to: vnDay(new Date(monday.getTime() + 6 * DAY)) };
}
