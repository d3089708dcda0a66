// Deadlines in working days, Vietnam time. "Within N working days" means: the day the case arrives
// does not count; the deadline is the end (23:59:59 +07:00) of the Nth working day after it.
import { DAY_MS as DAY, endOfVnDay, vnDay } from '../core/time.ts';
import { buildCalendar, isoDay, isWorkingDay, type HolidayCalendar } from './holidays.ts';

const nextDay = (iso: string): string => isoDay(Date.parse(`${iso}T00:00:00Z`) + DAY);

/** The deadline `days` working days after `from`. */
export function addWorkingDays(from: Date, days: number, cal: HolidayCalendar = buildCalendar()): Date {
  let day = vnDay(from);
  if (days <= 0) return endOfVnDay(day);
  for (let n = 0; n < days; ) {
    day = nextDay(day);
    if (isWorkingDay(day, cal)) n++;
  }
  return endOfVnDay(day);
}

/** Whole working days from `from` to `to` (0 when `to` is on the same day or earlier). */
export function workingDaysBetween(from: Date, to: Date, cal: HolidayCalendar = buildCalendar()): number {
  const end = vnDay(to);
  let day = vnDay(from);
  let n = 0;
  for (let guard = 0; day < end && guard < 3660; guard++) {
    day = nextDay(day);
    if (isWorkingDay(day, cal)) n++;
  }
  return n;
}

export { buildCalendar, type HolidayCalendar };
