import { describe, expect, it } from 'vitest';
import { parsePostDate } from './dates.ts';

const NOW = Date.parse('2026-11-26T12:00:00Z');

// [written as, expected UTC instant]
const GOOD: Array<[unknown, string]> = [
  ['2025-09-12T08:30:00Z', '2025-09-12T08:30:00.000Z'],
  ['2025-09-12T08:30:00+07:00', '2025-09-12T01:30:00.000Z'],
  ['2025-01-01T00:00:00+0000', '2025-01-01T00:00:00.000Z'],
  ['2025-09-12 08:30:15.5', '2025-09-12T01:30:15.500Z'],
  ['2025-09-12', '2025-09-11T17:00:00.000Z'],
  ['2025/09/12 08:30', '2025-09-12T01:30:00.000Z'],
  [1757666400, '2025-09-12T08:40:00.000Z'],
  [1757666400123, '2025-09-12T08:40:00.123Z'],
  ['1757666400', '2025-09-12T08:40:00.000Z'],
  ['12/09/2025 08:30', '2025-09-12T01:30:00.000Z'],
  ['12/9/2025', '2025-09-11T17:00:00.000Z'],
  ['12-09-2025 8:05:09', '2025-09-12T01:05:09.000Z'],
  ['08:30 12/09/2025', '2025-09-12T01:30:00.000Z'],
  ['Thứ Hai, 12/9/2025, 08:30 (GMT+7)', '2025-09-12T01:30:00.000Z'],
  ['Thứ hai, 12/09/2025 - 08:30', '2025-09-12T01:30:00.000Z'],
  ['12/09/2025 08:30 CH', '2025-09-12T13:30:00.000Z'],
  ['12/09/2025 lúc 8h30', '2025-09-12T01:30:00.000Z'],
  ['ngày 12 tháng 9 năm 2025', '2025-09-11T17:00:00.000Z'],
  ['12 tháng 09, 2025 lúc 08:30', '2025-09-12T01:30:00.000Z'],
  ['Sat, 07 Sep 2002 09:42:31 GMT', '2002-09-07T09:42:31.000Z'],
  ['Fri, 12 Sep 2025 08:30:00 +0700', '2025-09-12T01:30:00.000Z'],
  ['12 Sep 25 08:30 ICT', '2025-09-12T01:30:00.000Z'],
  [new Date('2025-09-12T01:30:00Z'), '2025-09-12T01:30:00.000Z'],
];

const BAD: Array<[unknown, RegExp]> = [
  [undefined, /missing/],
  ['', /missing/],
  ['hôm qua', /unrecognised/],
  ['12 tháng 9 lúc 08:30', /unrecognised/],
  ['31/02/2025', /unrecognised/],
  ['2025-13-01', /unrecognised/],
  ['12/09/2025 rồi', /unrecognised/],
  ['1999-12-31T23:00:00Z', /before 2000/],
  ['2027-01-01T00:00:00Z', /future/],
  [{ date: 1 }, /unrecognised/],
  [Number.NaN, /unrecognised/],
];

describe('parsePostDate', () => {
  it.each(GOOD)('%s', (input, expected) => {
    const r = parsePostDate(input, NOW);
    expect(r.ok ? r.date.toISOString() : r.reason).toBe(expected);
  });
  it.each(BAD)('refuses %s', (input, reason) => {
    const r = parsePostDate(input, NOW);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});
