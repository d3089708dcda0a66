// Vietnam time, defined once. Vietnam keeps UTC+7 all year (no daylight saving), so a Vietnam day or hour
// is plain arithmetic on UTC milliseconds, in JavaScript and in SQL alike.
import type { Locale } from '../i18n/define.ts';

export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
/** Vietnam's offset from UTC, in ms, and as written after an ISO time. */
export const VN_OFFSET_MS = 7 * HOUR_MS;
export const VN_OFFSET = '+07:00';

const ms = (at: Date | number): number => (typeof at === 'number' ? at : at.getTime());

/** The number of the Vietnam day of an instant (days since 1970-01-01, Vietnam time). */
export const vnDayNumber = (at: Date | number): number => Math.floor((ms(at) + VN_OFFSET_MS) / DAY_MS);

/** The Vietnam calendar day of an instant, 'YYYY-MM-DD'. */
export const vnDay = (at: Date | number): string => new Date(ms(at) + VN_OFFSET_MS).toISOString().slice(0, 10);

/**
 * The Vietnam midnight starting a day, in ms: of the day an instant falls in (a number), or of a
 * 'YYYY-MM-DD' day (a string; NaN when it is no date, and an overflowing day such as 02-30 rolls over).
 */
export function vnDayStart(day: number | string): number {
  if (typeof day === 'string') return Date.parse(`${day}T00:00:00${VN_OFFSET}`);
  return vnDayNumber(day) * DAY_MS - VN_OFFSET_MS;
}

/** The same as vnDayStart(instant) in SQL, for a timestamptz expression (epoch arithmetic: no time zone data needed). */
export const VN_DAY_SQL = (expr: string): string => `to_timestamp(floor((extract(epoch FROM ${expr}) + ${VN_OFFSET_MS / 1000}) / ${DAY_MS / 1000}) * ${DAY_MS / 1000} - ${VN_OFFSET_MS / 1000})`;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Vietnam midnight of a 'YYYY-MM-DD' date, or null when it is not a real date (strict: no 02-30). */
export function vnMidnight(date: string): Date | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = Date.UTC(y, mo - 1, d);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return new Date(utc - VN_OFFSET_MS);
}

/** The last millisecond of a Vietnam calendar day 'YYYY-MM-DD'. */
export const endOfVnDay = (day: string): Date => new Date(vnDayStart(day) + DAY_MS - 1);

/** The Vietnam wall-clock time of an instant, 'YYYY-MM-DDTHH:mm:ss' (no offset written). */
export const vnWallClock = (at: Date | number): string => new Date(ms(at) + VN_OFFSET_MS).toISOString().slice(0, 19);

/** Monday = 0 … Sunday = 6, of the Vietnam day of an instant. */
export const vnWeekday = (at: Date | number): number => (new Date(ms(at) + VN_OFFSET_MS).getUTCDay() + 6) % 7;

/** 'YYYY-MM-DD' → 'DD/MM/YYYY', as Vietnamese readers write dates. */
export const viDate = (day: string): string => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Dates are shown in Vietnam time, the way Vietnamese readers write them (26/11/2026 08:30). */
export function formatDateTime(date: Date | string | null | undefined, locale: Locale, withTime = true): string {
  if (!date) return '';
  const key = `${locale}:${withTime}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
      timeZone: VN_TIME_ZONE,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hour12: false } : {}),
    });
    formatters.set(key, f);
  }
  return f.format(typeof date === 'string' ? new Date(date) : date);
}
