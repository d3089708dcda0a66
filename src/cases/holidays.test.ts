import { describe, expect, it } from 'vitest';
import { buildCalendar, holidaysOf, isWorkingDay, LUNAR_DATES } from './holidays.ts';
import { vnDay } from '../core/time.ts';
import { addWorkingDays, workingDaysBetween } from './sla.ts';

// Hồ Ngọc Đức's algorithm for the Vietnamese lunisolar calendar (time zone +7), used only here to
// check the shipped table of lunar dates.
const { floor, sin, PI } = Math;
function jdFromDate(dd: number, mm: number, yy: number): number {
  const a = floor((14 - mm) / 12);
  const y = yy + 4800 - a;
  const m = mm + 12 * a - 3;
  return dd + floor((153 * m + 2) / 5) + 365 * y + floor(y / 4) - floor(y / 100) + floor(y / 400) - 32045;
}
function jdToIso(jd: number): string {
  return new Date(Date.UTC(2000, 0, 1) + (jd - jdFromDate(1, 1, 2000)) * 86_400_000).toISOString().slice(0, 10);
}
function newMoonDay(k: number, tz: number): number {
  const T = k / 1236.85, T2 = T * T, T3 = T2 * T, dr = PI / 180;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let C1 = (0.1734 - 0.000393 * T) * sin(M * dr) + 0.0021 * sin(2 * dr * M);
  C1 = C1 - 0.4068 * sin(Mpr * dr) + 0.0161 * sin(dr * 2 * Mpr) - 0.0004 * sin(dr * 3 * Mpr);
  C1 = C1 + 0.0104 * sin(dr * 2 * F) - 0.0051 * sin(dr * (M + Mpr)) - 0.0074 * sin(dr * (M - Mpr)) + 0.0004 * sin(dr * (2 * F + M));
  C1 = C1 - 0.0004 * sin(dr * (2 * F - M)) - 0.0006 * sin(dr * (2 * F + Mpr)) + 0.001 * sin(dr * (2 * F - Mpr)) + 0.0005 * sin(dr * (2 * Mpr + M));
  const deltat = T < -11 ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3 : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return floor(jd1 + C1 - deltat + 0.5 + tz / 24);
}
function sunLongitude(jdn: number, tz: number): number {
  const T = (jdn - 2451545.5 - tz / 24) / 36525, T2 = T * T, dr = PI / 180;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  const DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * sin(dr * M) + (0.019993 - 0.000101 * T) * sin(dr * 2 * M) + 0.00029 * sin(dr * 3 * M);
  let L = (L0 + DL) * dr;
  L -= PI * 2 * floor(L / (PI * 2));
  return floor((L / PI) * 6);
}
function lunarMonth11(yy: number, tz: number): number {
  const k = floor((jdFromDate(31, 12, yy) - 2415021) / 29.530588853);
  const nm = newMoonDay(k, tz);
  return sunLongitude(nm, tz) >= 9 ? newMoonDay(k - 1, tz) : nm;
}
function leapMonthOffset(a11: number, tz: number): number {
  const k = floor((a11 - 2415021.076998695) / 29.530588853 + 0.5);
  let i = 1;
  let arc = sunLongitude(newMoonDay(k + i, tz), tz);
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunLongitude(newMoonDay(k + i, tz), tz);
  } while (arc !== last && i < 14);
  return i - 1;
}
function lunarToSolar(day: number, month: number, year: number, tz = 7): string {
  const [a11, b11] = month < 11 ? [lunarMonth11(year - 1, tz), lunarMonth11(year, tz)] : [lunarMonth11(year, tz), lunarMonth11(year + 1, tz)];
  const k = floor(0.5 + (a11 - 2415021.076998695) / 29.530588853);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365 && off >= leapMonthOffset(a11, tz)) off += 1;
  return jdToIso(newMoonDay(k + off, tz) + day - 1);
}

describe('the lunar table', () => {
  for (const [year, row] of Object.entries(LUNAR_DATES)) {
    it(`${year}: Tết and Giỗ Tổ match the algorithm`, () => {
      expect(lunarToSolar(1, 1, Number(year))).toBe(row.tet);
      expect(lunarToSolar(10, 3, Number(year))).toBe(row.hungKings);
    });
  }
});

describe('holidays', () => {
  const cal = buildCalendar();
  it('2024 as announced: Tết 8–14/2, 27/4–1/5 with Saturday 4/5 worked, 31/8–3/9', () => {
    const days = holidaysOf(2024);
    for (const d of ['2024-01-01', '2024-02-08', '2024-02-14', '2024-04-18', '2024-04-29', '2024-04-30', '2024-05-01', '2024-09-02', '2024-09-03']) expect(days).toContain(d);
    expect(isWorkingDay('2024-05-04', cal)).toBe(true);
    expect(isWorkingDay('2024-02-15', cal)).toBe(true);
  });
  it('2025 as announced: Tết 25/1–2/2 with Saturday 15/2 worked; 30/4–4/5; 1–2/9', () => {
    for (const d of ['2025-01-27', '2025-01-31', '2025-04-07', '2025-04-30', '2025-05-01', '2025-05-02', '2025-09-01', '2025-09-02']) expect(isWorkingDay(d, cal), d).toBe(false);
    expect(isWorkingDay('2025-02-15', cal)).toBe(true);
    expect(isWorkingDay('2025-04-26', cal)).toBe(true);
  });
  it('2026: Giỗ Tổ on Sunday 26/4 gives Monday 27/4 off; Tết 16–20/2', () => {
    expect(isWorkingDay('2026-04-27', cal)).toBe(false);
    for (const d of ['2026-02-16', '2026-02-17', '2026-02-20']) expect(isWorkingDay(d, cal)).toBe(false);
    expect(isWorkingDay('2026-02-23', cal)).toBe(true);
  });
  it('a holiday on Saturday moves to Monday (1/1/2028 is a Saturday)', () => {
    expect(isWorkingDay('2028-01-03', cal)).toBe(false);
  });
  it('extra holidays and make-up working days from the settings', () => {
    const c = buildCalendar({ holidays: ['2027-02-12'], workdays: ['2027-02-20'] });
    expect(isWorkingDay('2027-02-12', c)).toBe(false);
    expect(isWorkingDay('2027-02-20', c)).toBe(true);
  });
});

describe('working-day deadlines (Vietnam time)', () => {
  const cal = buildCalendar();
  it('5 working days from a Monday is the next Monday, end of day', () => {
    const due = addWorkingDays(new Date('2026-11-23T02:00:00Z'), 5, cal);
    expect(due.toISOString()).toBe('2026-11-30T16:59:59.999Z');
    expect(vnDay(due)).toBe('2026-11-30');
  });
  it('uses the Vietnam day: 17:30 UTC on Friday is already Saturday in Vietnam', () => {
    expect(vnDay(new Date('2026-11-27T17:30:00Z'))).toBe('2026-11-28');
    expect(vnDay(addWorkingDays(new Date('2026-11-27T17:30:00Z'), 1, cal))).toBe('2026-11-30');
    expect(vnDay(addWorkingDays(new Date('2026-11-27T16:29:00Z'), 1, cal))).toBe('2026-11-30');
    expect(vnDay(addWorkingDays(new Date('2026-11-26T10:00:00Z'), 1, cal))).toBe('2026-11-27');
  });
  it('skips Tết', () => {
    expect(vnDay(addWorkingDays(new Date('2026-02-13T03:00:00Z'), 1, cal))).toBe('2026-02-23');
  });
  it('counts working days between two instants', () => {
    expect(workingDaysBetween(new Date('2026-11-23T02:00:00Z'), new Date('2026-11-30T02:00:00Z'), cal)).toBe(5);
    expect(workingDaysBetween(new Date('2026-11-30T02:00:00Z'), new Date('2026-11-23T02:00:00Z'), cal)).toBe(0);
  });
});
