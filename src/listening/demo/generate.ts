// Builds synthetic posts from the scenarios: a seeded random generator picks a wording, a place, a
// detail and a closer, then writes the post in one of the styles found on District 10's pages.
import { mulberry32 } from '@nhipcau/text-vi';
import { ANGRY_CLOSERS, CHATTER, KIND_CLOSERS, NAMES, OPENERS, SCENARIOS, type Scenario } from './scenarios.ts';

export interface SyntheticPost {
  id: string;
  author: string;
  createdAt: Date;
  text: string;
  /** The scenario it came from ('' for chatter): for tests and benchmarks, never stored. */
  scenario: string;
}

/** A seedable generator (mulberry32, shared with the text core's training). */
export const random = mulberry32;

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)];

const TEENCODE: Array<[RegExp, string[]]> = [
  [/\bkhông\b/g, ['ko', 'k', 'hok', 'hông']],
  [/\bđược\b/g, ['đc', 'dc']],
  [/\bgì\b/g, ['j']],
  [/\bvậy\b/g, ['z', 'v']],
  [/\brồi\b/g, ['r', 'rùi']],
  [/\bmọi người\b/gi, ['mn', 'mng']],
  [/\bbiết\b/g, ['bít', 'bik']],
  [/\bquá\b/g, ['qá', 'quáaa', 'wá']],
  [/\bmình\b/g, ['mk', 'mik']],
  [/\bcũng\b/g, ['cx']],
  [/\bngười\b/g, ['ng']],
];
const EMOJI_ANGRY = ['😡', '😤', '🤬', '😠', '😩', '😭', '🙄'];
const EMOJI_KIND = ['👍', '❤️', '🥰', '👏', '😊'];

export const stripDiacritics = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

function style(text: string, rnd: () => number, positive: boolean): string {
  const r = rnd();
  let s = text;
  if (r < 0.22) s = stripDiacritics(s).toLowerCase();
  else if (r < 0.45) for (const [re, forms] of TEENCODE) s = s.replace(re, (m) => (rnd() < 0.7 ? pick(rnd, forms) : m));
  else if (r < 0.5 && !positive) s = s.toUpperCase();
  if (!positive && rnd() < 0.25) s = s.replace(/\.$/, '') + pick(rnd, ['!!!', '!!', ' 😡😡', '??', '...']);
  if (rnd() < 0.3) s += ' ' + pick(rnd, positive ? EMOJI_KIND : EMOJI_ANGRY);
  return s;
}

function compose(sc: Scenario, rnd: () => number): string {
  let core = pick(rnd, sc.core).replace('{place}', pick(rnd, sc.places));
  const opener = pick(rnd, OPENERS);
  if (opener) core = opener + core;
  else core = core.charAt(0).toUpperCase() + core.slice(1);
  const parts = [core.endsWith('?') ? core : `${core}.`];
  const detail = pick(rnd, sc.details);
  if (detail && rnd() < 0.7) parts.push(detail.replace('{name}', pick(rnd, NAMES)));
  if (rnd() < 0.15) parts.push(`${pick(rnd, NAMES).replace(/^./, (c) => c.toUpperCase())} ở gần đó cũng nói vậy.`);
  const closers = sc.closers.length ? sc.closers : sc.positive ? KIND_CLOSERS : ANGRY_CLOSERS;
  if (rnd() < 0.75) parts.push(pick(rnd, closers));
  return parts.join(' ');
}

export interface GenerateOptions {
  seed: number;
  /** First post time (ms) and mean gap between posts (ms). */
  start: number;
  gapMs: number;
  count: number;
  /** Scenario weights to use instead of the defaults (e.g. a burst of one scenario). */
  weights?: Record<string, number>;
  /** Share of chatter that belongs to no issue. */
  chatter?: number;
  /** Prefix of post ids (the stream's name). */
  idPrefix?: string;
  /** How many distinct authors to draw from. */
  authors?: number;
}

/** Posts in time order; the same options always give the same posts. */
export function* generatePosts(o: GenerateOptions): Generator<SyntheticPost> {
  const rnd = random(o.seed);
  const weights = SCENARIOS.map((s) => o.weights?.[s.id] ?? (o.weights ? 0 : s.weight));
  const total = weights.reduce((a, b) => a + b, 0);
  const chatter = o.chatter ?? 0.15;
  let t = o.start;
  for (let i = 0; i < o.count; i++) {
    t += Math.max(1, Math.round(-Math.log(1 - rnd()) * o.gapMs));
    let text: string;
    let scenario = '';
    let positive = false;
    if (total === 0 || rnd() < chatter) text = pick(rnd, CHATTER) + pick(rnd, ['', '.', ' 😊', '!']);
    else {
      let r = rnd() * total;
      let k = 0;
      while (r >= weights[k]) r -= weights[k++];
      const sc = SCENARIOS[k];
      scenario = sc.id;
      positive = !!sc.positive;
      text = compose(sc, rnd);
    }
    yield {
      id: `${o.idPrefix ?? 'sim'}-${o.seed}-${i}`,
      author: `user-${Math.floor(rnd() * (o.authors ?? 5_000))}`,
      createdAt: new Date(t),
      text: style(text, rnd, positive),
      scenario,
    };
  }
}
