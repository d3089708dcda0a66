// Vietnamese public holidays (Bộ luật Lao động 2019, Điều 112) for deadlines counted in working days.
//
//   Tết Dương lịch 1/1 · Tết Âm lịch 5 days · Giỗ Tổ Hùng Vương 10/3 âm lịch · Chiến thắng 30/4 ·
//   Quốc tế Lao động 1/5 · Quốc khánh 2/9 and one adjacent day.
// A holiday that falls on a weekend gives a compensatory day off on the next working day (Điều 111.3).
//
// Lunar dates do not follow from the Gregorian calendar, so they are a table. Source: the Vietnamese
// lunisolar calendar (UTC+7) as computed by Hồ Ngọc Đức's published algorithm ("Âm lịch Việt Nam",
// informatik.uni-leipzig.de/~duc/amlich), the one Vietnamese calendar sites use; holidays.test.ts
// recomputes every row with that algorithm. Tết days follow the usual arrangement (the last day of the
// old year and mùng 1–4) unless the government's yearly notice says otherwise: the notices for 2024
// and 2025 (Thông báo 6150/TB-LĐTBXH of 2023 and 5010/TB-LĐTBXH of 2024, with the swapped working
// days for civil servants) are in ANNOUNCED. Later years' notices are added in the settings
// (extra holidays and make-up working days) by the district administrator when they are published.

/** Mùng 1 Tết (lunar new year's day) and 10/3 âm lịch (Giỗ Tổ Hùng Vương), as YYYY-MM-DD. */
export const LUNAR_DATES: Record<number, { tet: string; hungKings: string }> = {
  2024: { tet: '2024-02-10', hungKings: '2024-04-18' },
  2025: { tet: '2025-01-29', hungKings: '2025-04-07' },
  2026: { tet: '2026-02-17', hungKings: '2026-04-26' },
  2027: { tet: '2027-02-06', hungKings: '2027-04-16' },
  2028: { tet: '2028-01-26', hungKings: '2028-04-04' },
  2029: { tet: '2029-02-13', hungKings: '2029-04-23' },
  // The new moon of 2/2/2030 falls at 23:07 in Vietnam, after midnight in China: Tết 2030 is on
  // 2/2 in Vietnam, 3/2 in China.
  2030: { tet: '2030-02-02', hungKings: '2030-04-12' },
};

/** Days off and make-up working days fixed by the government's yearly notices. */
export const ANNOUNCED: Record<number, { tet?: string[]; off?: string[]; workdays?: string[]; quocKhanhExtra?: string }> = {
  // Tết 8/2–14/2 (29 Tết – mùng 5); 30/4–1/5 joined with the weekend by moving Monday 29/4 to Saturday 4/5.
  2024: { tet: ['2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14'], off: ['2024-04-29'], workdays: ['2024-05-04'], quocKhanhExtra: '2024-09-03' },
  // Tết 25/1–2/2 with Monday 27/1 moved to Saturday 15/2; 30/4–4/5 with Friday 2/5 moved to Saturday 26/4.
  2025: { tet: ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'], off: ['2025-05-02'], workdays: ['2025-02-15', '2025-04-26'], quocKhanhExtra: '2025-09-01' },
};

export const FIRST_YEAR = 2024;
export const LAST_YEAR = 2030;

const DAY = 86_400_000;
export const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const dayMs = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);
const weekday = (iso: string): number => new Date(dayMs(iso)).getUTCDay();
const addDays = (iso: string, n: number): string => isoDay(dayMs(iso) + n * DAY);
const isWeekend = (iso: string): boolean => weekday(iso) === 0 || weekday(iso) === 6;

/** The adjacent day off of Quốc khánh, as the government usually picks it: the one that joins a weekend. */
function quocKhanhExtra(year: number): string {
  const d = weekday(`${year}-09-02`);
  // Mon → Tue 3/9 (Sunday 1/9 is off anyway); Tue, Wed, Fri, Sat → 1/9; Thu, Sun → 3/9.
  return d === 1 || d === 4 || d === 0 ? `${year}-09-03` : `${year}-09-01`;
}

export interface HolidayCalendar {
  /** Days off that would otherwise be working days. */
  holidays: Set<string>;
  /** Weekend days that are working days (make-up days). */
  workdays: Set<string>;
}

/** The statutory days off of one year, with compensatory days for holidays on a weekend. */
export function holidaysOf(year: number): string[] {
  const out = new Set<string>();
  const fixed = [`${year}-01-01`, `${year}-04-30`, `${year}-05-01`, `${year}-09-02`];
  const announced = ANNOUNCED[year];
  fixed.push(announced?.quocKhanhExtra ?? quocKhanhExtra(year));
  const lunar = LUNAR_DATES[year];
  if (lunar) fixed.push(lunar.hungKings);
  // Holidays on a weekend move to the next working day that is not itself a holiday.
  const sorted = [...new Set(fixed)].sort();
  for (const day of sorted) out.add(day);
  for (const day of sorted) {
    if (!isWeekend(day)) continue;
    let next = addDays(day, 1);
    while (isWeekend(next) || out.has(next)) next = addDays(next, 1);
    out.add(next);
  }
  if (lunar) {
    const tet = announced?.tet ?? [addDays(lunar.tet, -1), lunar.tet, addDays(lunar.tet, 1), addDays(lunar.tet, 2), addDays(lunar.tet, 3)];
    for (const day of tet) out.add(day);
    if (!announced?.tet) {
      // Tết days on a weekend are made up after it, like any holiday.
      let next = addDays(lunar.tet, 4);
      for (const day of tet) {
        if (!isWeekend(day)) continue;
        while (isWeekend(next) || out.has(next)) next = addDays(next, 1);
        out.add(next);
      }
    }
  }
  for (const day of announced?.off ?? []) out.add(day);
  return [...out].sort();
}

/** The calendar for every year in the table, plus the administrator's extra holidays and working days. */
export function buildCalendar(extra: { holidays?: readonly string[]; workdays?: readonly string[] } = {}): HolidayCalendar {
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
    for (const d of holidaysOf(y)) holidays.add(d);
    for (const d of ANNOUNCED[y]?.workdays ?? []) workdays.add(d);
  }
  for (const d of extra.holidays ?? []) holidays.add(d);
  for (const d of extra.workdays ?? []) {
    workdays.add(d);
    holidays.delete(d);
  }
  return { holidays, workdays };
}

/** A working day: Monday–Friday and not a holiday, or a make-up working day. */
export function isWorkingDay(iso: string, cal: HolidayCalendar): boolean {
  if (cal.workdays.has(iso)) return true;
  return !isWeekend(iso) && !cal.holidays.has(iso);
}
