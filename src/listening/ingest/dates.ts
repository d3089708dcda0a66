// Post times as found in exports and feeds: ISO 8601 (with or without a zone, "+0000" too), epoch
// seconds or milliseconds, RFC 822 ("Sat, 07 Sep 2002 09:42:31 GMT"), and the day-first forms
// Vietnamese sites write ("12/09/2025 08:30", "08:30 12-9-2025", "Thứ Hai, 12/9/2025, 08:30 (GMT+7)",
// "ngày 12 tháng 9 năm 2025"). A time without a zone is Vietnam time. Anything else is refused:
// guessing would place a post in the wrong hour of the wrong day.

import { VN_OFFSET } from '../../core/time.ts';

const EARLIEST = Date.UTC(2000, 0, 1);
/** Posts may be stamped a little ahead by a skewed clock; more than a day ahead is an error. */
const FUTURE_SLACK_MS = 24 * 3600_000;

export type DateResult = { ok: true; date: Date } | { ok: false; reason: string };

export function parsePostDate(value: unknown, now = Date.now()): DateResult {
  if (value === null || value === undefined || value === '') return { ok: false, reason: 'missing created_at' };
  const ms = toMillis(value);
  if (ms === null || Number.isNaN(ms)) return { ok: false, reason: `unrecognised date ${JSON.stringify(String(value).slice(0, 40))}` };
  if (ms < EARLIEST) return { ok: false, reason: `date before 2000: ${JSON.stringify(String(value).slice(0, 40))}` };
  if (ms > now + FUTURE_SLACK_MS) return { ok: false, reason: `date in the future: ${JSON.stringify(String(value).slice(0, 40))}` };
  return { ok: true, date: new Date(ms) };
}

function toMillis(value: unknown): number | null {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return Number.isFinite(value) ? epoch(value) : null;
  if (typeof value !== 'string') return null;
  const s = value.trim().replace(/\s+/g, ' ');
  if (/^\d{9,13}(\.\d+)?$/.test(s)) return epoch(Number(s));
  return iso(s) ?? dayFirst(s) ?? vietnameseWords(s) ?? rfc822(s);
}

/** Seconds below 10^11 (until year 5138), milliseconds above. */
const epoch = (n: number): number => (Math.abs(n) < 1e11 ? n * 1000 : n);

// 2025-09-12, 2025-09-12T08:30, 2025-09-12 08:30:15.123+07:00, …Z, …+0000, 2025/09/12 08:30
const ISO = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)? ?(Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?$/i;

function iso(s: string): number | null {
  const m = ISO.exec(s);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', sec = '0', frac = '', zone] = m;
  return build(+y, +mo, +d, +h, +mi, +sec, frac, zone);
}

// 12/09/2025, 12-9-2025 08:30, 12.09.2025 8:30:15, 08:30 12/09/2025, "Thứ Hai, 12/9/2025, 08:30 (GMT+7)", "12/09/2025 - 08:30 SA/CH"
const DATE_DMY = /(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/;
const TIME = /(\d{1,2})[:h](\d{2})(?::(\d{2}))?(?: ?(SA|CH|AM|PM))?/i;
const ZONE = /\((?:GMT|UTC) ?([+-]\d{1,2})(?::?(\d{2}))?\)|(?:GMT|UTC) ?([+-]\d{1,2})(?::?(\d{2}))?\b/i;

function dayFirst(s: string): number | null {
  const d = DATE_DMY.exec(s);
  if (!d) return null;
  const rest = s.slice(0, d.index) + ' ' + s.slice(d.index + d[0].length);
  // Only weekday names, "lúc", separators, a time and a zone may surround the date.
  const t = TIME.exec(rest);
  const leftover = rest
    .replace(TIME, ' ')
    .replace(ZONE, ' ')
    .replace(/\b(th[uứ] ?(hai|ba|t[uư]|n[aă]m|s[aá]u|b[aả]y)|ch[uủ] nh[aậ]t|cn|t[2-7]|l[uú]c|ng[aà]y|mon|tue|wed|thu|fri|sat|sun)\b/giu, ' ')
    .replace(/[\s,()\-–|]+/g, '');
  if (leftover) return null;
  let hour = t ? +t[1] : 0;
  const ampm = t?.[4]?.toUpperCase();
  if ((ampm === 'CH' || ampm === 'PM') && hour < 12) hour += 12;
  if ((ampm === 'SA' || ampm === 'AM') && hour === 12) hour = 0;
  const z = ZONE.exec(rest);
  const zone = z ? `${sign(z[1] ?? z[3])}${pad(Math.abs(+(z[1] ?? z[3])))}:${z[2] ?? z[4] ?? '00'}` : undefined;
  return build(+d[3], +d[2], +d[1], hour, t ? +t[2] : 0, t?.[3] ? +t[3] : 0, '', zone);
}

// "ngày 12 tháng 9 năm 2025", "12 tháng 09, 2025 lúc 08:30"
const VN_WORDS = /^(?:ng[aà]y )?(\d{1,2}) th[aá]ng (\d{1,2}),? (?:n[aă]m )?(\d{4})(?:,? (?:l[uú]c )?(\d{1,2})[:h](\d{2}))?$/iu;

function vietnameseWords(s: string): number | null {
  const m = VN_WORDS.exec(s);
  if (!m) return null;
  return build(+m[3], +m[2], +m[1], m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, 0, '', undefined);
}

// RFC 822 / 1123 as in RSS: "Sat, 07 Sep 2002 09:42:31 GMT", "7 Sep 2002 09:42 +0700"
const RFC822 = /^(?:[a-z]{3},? )?(\d{1,2}) ([a-z]{3})[a-z]* (\d{2,4}) (\d{1,2}):(\d{2})(?::(\d{2}))? ?([+-]\d{4}|[a-z]{1,4})?$/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const NAMED_ZONES: Record<string, string> = { GMT: 'Z', UT: 'Z', UTC: 'Z', Z: 'Z', EST: '-05:00', EDT: '-04:00', CST: '-06:00', CDT: '-05:00', MST: '-07:00', MDT: '-06:00', PST: '-08:00', PDT: '-07:00', ICT: '+07:00' };

function rfc822(s: string): number | null {
  const m = RFC822.exec(s);
  if (!m) return null;
  const month = MONTHS.indexOf(m[2].toLowerCase()) + 1;
  if (!month) return null;
  let year = +m[3];
  if (year < 100) year += year < 50 ? 2000 : 1900;
  const z = m[7];
  const zone = z === undefined ? 'Z' : /^[+-]/.test(z) ? z : NAMED_ZONES[z.toUpperCase()];
  if (zone === undefined) return null;
  return build(year, month, +m[1], +m[4], +m[5], m[6] ? +m[6] : 0, '', zone);
}

function build(y: number, mo: number, d: number, h: number, mi: number, s: number, frac: string, zone: string | undefined): number | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > days) return null;
  const z = !zone || /^(utc|gmt)$/i.test(zone) ? (zone ? 'Z' : VN_OFFSET) : zone === 'Z' || zone === 'z' ? 'Z' : normalizeOffset(zone);
  const ms = frac ? `.${frac.padEnd(3, '0').slice(0, 3)}` : '';
  return Date.parse(`${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(Math.min(s, 59))}${ms}${z}`);
}

function normalizeOffset(zone: string): string {
  const m = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(zone);
  return m ? `${m[1]}${pad(+m[2])}:${m[3] ?? '00'}` : 'invalid';
}

const pad = (n: number): string => String(n).padStart(2, '0');
const sign = (s: string): string => (s.startsWith('-') ? '-' : '+');
