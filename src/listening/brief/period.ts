// The brief's period: whole days of Vietnam time (Asia/Ho_Chi_Minh, UTC+7 all year), from and to
// inclusive, at most a year; by default the last full week, Monday to Sunday.
const DAY = 86_400_000;
const VN_OFFSET = 7 * 3_600_000;
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

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Vietnam midnight of a 'YYYY-MM-DD' date, or null when it is not a real date. */
export function vnMidnight(date: string): Date | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = Date.UTC(y, mo - 1, d);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return new Date(utc - VN_OFFSET);
}

/** The Vietnam calendar day of an instant, 'YYYY-MM-DD'. */
export const vnDay = (at: Date | number): string => new Date((typeof at === 'number' ? at : at.getTime()) + VN_OFFSET).toISOString().slice(0, 10);

/** 'YYYY-MM-DD' → 'DD/MM/YYYY', as Vietnamese readers write dates. */
export const viDate = (day: string): string => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

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
  const weekday = (new Date(today.getTime() + VN_OFFSET).getUTCDay() + 6) % 7; // Monday = 0
  const monday = new Date(today.getTime() - (weekday + 7) * DAY);
  return { from: vnDay(monday), to: vnDay(new Date(monday.getTime() + 6 * DAY)) };
}
