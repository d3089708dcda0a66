import { describe, expect, it } from 'vitest';
import { HOUR, hourOfWeek, level, lnGamma, poissonUpperTail, seasonalProfile, testSpike } from './baseline.ts';

describe('hourOfWeek', () => {
  it.each([
    ['2026-11-23T00:00:00+07:00', 0], // Monday midnight, Vietnam time
    ['2026-11-23T08:30:00+07:00', 8],
    ['2026-11-22T23:59:00+07:00', 167], // Sunday night
    ['2026-11-24T01:00:00Z', 24 + 8], // Tuesday 08:00 in Vietnam
  ])('%s → %i', (iso, expected) => expect(hourOfWeek(Date.parse(iso))).toBe(expected));
});

describe('poisson tail', () => {
  it.each([
    [0, 3, 1],
    [1, 1, 1 - Math.exp(-1)],
    [3, 1, 1 - Math.exp(-1) * (1 + 1 + 0.5)],
    [10, 2, 4.649807e-5],
    [30, 10, 2.5099512e-7],
  ])('P(X ≥ %i | λ=%f)', (k, l, p) => expect(poissonUpperTail(k, l)).toBeCloseTo(p, p < 1e-3 ? 9 : 6));
  it('lnGamma matches factorials', () => {
    expect(lnGamma(11)).toBeCloseTo(Math.log(3628800), 10);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 10);
  });
});

describe('seasonal profile', () => {
  const start = Date.parse('2026-10-05T00:00:00+07:00'); // a Monday
  // Four weeks: busy evenings (19–22 h), quiet nights, nothing special on weekends.
  const hourly = Array.from({ length: 4 * 168 }, (_, i) => {
    const hour = start + i * HOUR;
    const h = (i + 0) % 24;
    return { hour, n: h >= 19 && h <= 22 ? 20 : h < 6 ? 1 : 6 };
  });
  const p = seasonalProfile(hourly);
  it('expects more in the evening than at night', () => {
    expect(p[20]).toBeGreaterThan(2);
    expect(p[3]).toBeLessThan(0.5);
    expect(p.reduce((a, b) => a + b, 0) / 168).toBeCloseTo(1, 1);
  });
  it('is flat without history', () => expect([...seasonalProfile([])].every((x) => x === 1)).toBe(true));
});

describe('spike test', () => {
  it.each([
    ['a new issue with 30 posts in 3 hours', 30, 3 * level(0, 0), true],
    ['a steady issue at its usual level', 12, 10, false],
    ['too few posts to matter', 4, 0.1, false],
    ['double, but not unlikely', 10, 5, false],
    ['three times a busy level', 90, 30, true],
  ])('%s', (_what, observed, expected, spike) => expect(testSpike(observed, expected).spike).toBe(spike));
});
