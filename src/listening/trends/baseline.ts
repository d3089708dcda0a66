// What volume to expect. Posts follow the clock: few at 3 a.m., many at lunch and in the evening,
// fewer on Sunday mornings. The seasonal profile gives each hour of the week (Vietnam time) a factor
// around 1, learnt from every post of the last weeks, smoothed over neighbouring hours and shrunk
// toward flat when history is short. An entity's (issue, topic, ward) level is its recent count
// divided by the profile over the same hours, with a small prior so that a new entity expects a
// little, not nothing. Expected count in a window = level × profile summed over the window's hours.
// A spike is an observed count that a Poisson law with that expectation makes very unlikely.

import { HOUR_MS, VN_OFFSET_MS } from '../../core/time.ts';

export const HOUR = HOUR_MS;
export const HOURS_PER_WEEK = 168;

/** Hour of the week in Vietnam time, Monday 00:00 = 0. */
export function hourOfWeek(ms: number): number {
  const local = Math.floor((ms + VN_OFFSET_MS) / HOUR);
  // 1970-01-01 was a Thursday: Monday-based index of that hour is 3 × 24.
  return (((local + 3 * 24) % HOURS_PER_WEEK) + HOURS_PER_WEEK) % HOURS_PER_WEEK;
}

/**
 * Profile factors (mean 1) from total posts per hour. Weeks of history decide how far each hour's own
 * rate is trusted; with less than a week, only the hour of the day counts.
 */
export function seasonalProfile(hourly: ReadonlyArray<{ hour: number; n: number }>): Float64Array {
  const profile = new Float64Array(HOURS_PER_WEEK).fill(1);
  if (!hourly.length) return profile;
  const first = Math.min(...hourly.map((h) => h.hour));
  const last = Math.max(...hourly.map((h) => h.hour));
  const spanHours = Math.max(1, Math.round((last - first) / HOUR) + 1);
  const weekly = spanHours >= HOURS_PER_WEEK;
  const buckets = weekly ? HOURS_PER_WEEK : 24;
  const sums = new Float64Array(buckets);
  const exposure = new Float64Array(buckets);
  for (let t = first; t <= last; t += HOUR) exposure[bucketOf(t, weekly)]++;
  for (const h of hourly) sums[bucketOf(h.hour, weekly)] += h.n;
  const rates = Array.from(sums, (s, b) => (exposure[b] ? s / exposure[b] : 0));
  const mean = rates.reduce((a, b) => a + b, 0) / buckets;
  if (mean <= 0) return profile;
  // Neighbouring hours look alike: smooth circularly (¼, ½, ¼), then shrink toward flat.
  const trust = Math.min(1, spanHours / (4 * HOURS_PER_WEEK)) * 0.8 + 0.1;
  const smooth = rates.map((r, b) => 0.25 * rates[(b - 1 + buckets) % buckets] + 0.5 * r + 0.25 * rates[(b + 1) % buckets]);
  for (let how = 0; how < HOURS_PER_WEEK; how++) {
    const b = weekly ? how : how % 24;
    profile[how] = trust * (smooth[b] / mean) + (1 - trust);
    profile[how] = Math.max(0.05, profile[how]);
  }
  return profile;
}

const bucketOf = (ms: number, weekly: boolean): number => (weekly ? hourOfWeek(ms) : hourOfWeek(ms) % 24);

/** Prior: half a post over a day's worth of typical hours. */
const PRIOR_POSTS = 0.5;
const PRIOR_HOURS = 24;

/** Expected posts per typical hour, from `count` posts over hours whose profile factors add up to `exposure`. */
export const level = (count: number, exposure: number): number => (count + PRIOR_POSTS) / (exposure + PRIOR_HOURS);

// ln Γ by Lanczos (g = 7, n = 9): accurate to ~1e-15 for the arguments used here.
const LANCZOS = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
export function lnGamma(z: number): number {
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - lnGamma(1 - z);
  z -= 1;
  let x = LANCZOS[0];
  for (let i = 1; i < 9; i++) x += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(x);
}

/** P(X ≥ k) for X ~ Poisson(λ). */
export function poissonUpperTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  if (k <= lambda) {
    // Sum below k and take the complement.
    let term = Math.exp(-lambda);
    let below = term;
    for (let i = 1; i < k; i++) {
      term *= lambda / i;
      below += term;
    }
    return Math.max(0, 1 - below);
  }
  let term = Math.exp(-lambda + k * Math.log(lambda) - lnGamma(k + 1));
  let sum = term;
  for (let i = k + 1; i < k + 1000; i++) {
    term *= lambda / i;
    sum += term;
    if (term < sum * 1e-12) break;
  }
  return Math.min(1, sum);
}

export interface SpikeRule {
  /** Hours in the tested window. */
  windowHours: number;
  /** Hours of history before the window that set the level. */
  baselineHours: number;
  minCount: number;
  minRatio: number;
  maxP: number;
}

export const SPIKE_RULE: SpikeRule = { windowHours: 3, baselineHours: 7 * 24, minCount: 5, minRatio: 2, maxP: 1e-3 };

export interface SpikeTest {
  observed: number;
  expected: number;
  score: number;
  pValue: number;
  spike: boolean;
}

export function testSpike(observed: number, expected: number, rule: SpikeRule = SPIKE_RULE): SpikeTest {
  const e = Math.max(expected, 1e-6);
  const pValue = poissonUpperTail(observed, e);
  const score = (observed - e) / Math.sqrt(e);
  return { observed, expected: e, score, pValue, spike: observed >= rule.minCount && observed >= rule.minRatio * e && pValue < rule.maxP };
}
