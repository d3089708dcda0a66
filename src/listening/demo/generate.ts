// Draws synthetic posts from the hand-written pools (scenarios.ts): a seeded random generator picks a
// concern by weight, then one of its posts, and varies it lightly as a page's posts vary: sometimes
// only the first sentence, a reply's "+1" in front, a whole post typed without diacritics, the final
// full stop left off, an emoji. The words of a post are the hand-written ones.
import { mulberry32 } from '@nhipcau/text-vi';
import { CHATTER, REPLY_PREFIXES, SCENARIOS } from './scenarios.ts';
import { vnDayNumber } from '../../core/time.ts';

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

export const stripDiacritics = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

const EMOJI_ANGRY = ['😡', '😤', '😩', '😭', '🙄'];
const EMOJI_KIND = ['👍', '❤️', '🥰', '👏', '😊'];
/** A post already ending in an emoji (or other pictograph) gets no second one. */
const ENDS_WITH_EMOJI = /\p{Extended_Pictographic}\uFE0F?$/u;
/** Thanks and pride inside a complaint pool get a kind emoji, questions none: an angry face there looks fake. */
const KIND_WORDS = /\b(cam on|khen|tu hao|tuyet voi|vui qua|hay qua|chuc mung)\b/;

/** How often each variation applies (independently). */
const SHARE = { firstSentence: 0.15, reply: 0.12, noDiacritics: 0.07, casual: 0.1, emoji: 0.1 };

function vary(text: string, rnd: () => number, o: { reply: boolean; positive: boolean }): string {
  let s = text;
  if (rnd() < SHARE.firstSentence) {
    // A short post: the first sentence only, when there is more than one.
    const m = /^.+?[.!?](?=\s+\S)/u.exec(s);
    if (m) s = m[0];
  }
  if (o.reply && rnd() < SHARE.reply) s = `${pick(rnd, REPLY_PREFIXES)} ${s.charAt(0).toLowerCase()}${s.slice(1)}`;
  if (rnd() < SHARE.noDiacritics) s = stripDiacritics(s);
  if (rnd() < SHARE.casual) s = s.replace(/\.$/, '').replace(/^\p{Lu}/u, (c) => c.toLowerCase());
  if (rnd() < SHARE.emoji && !ENDS_WITH_EMOJI.test(s) && !s.endsWith('?')) {
    const kind = o.positive || KIND_WORDS.test(stripDiacritics(s).toLowerCase());
    s += ` ${pick(rnd, kind ? EMOJI_KIND : EMOJI_ANGRY)}`;
  }
  return s;
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

/**
 * Posts in time order; the same options always give the same posts. Nobody posts the same text twice
 * in one Vietnam day (ingest drops such repeats, see RepeatFilter): with pools of a few hundred texts
 * an author is drawn again when that would happen.
 */
export function* generatePosts(o: GenerateOptions): Generator<SyntheticPost> {
  const rnd = random(o.seed);
  let day = -1;
  const saidToday = new Set<string>();
  const weights = SCENARIOS.map((s) => o.weights?.[s.id] ?? (o.weights ? 0 : s.weight));
  const total = weights.reduce((a, b) => a + b, 0);
  const chatter = o.chatter ?? 0.25;
  let t = o.start;
  for (let i = 0; i < o.count; i++) {
    t += Math.max(1, Math.round(-Math.log(1 - rnd()) * o.gapMs));
    let text: string;
    let scenario = '';
    if (total === 0 || rnd() < chatter) text = vary(pick(rnd, CHATTER), rnd, { reply: false, positive: true });
    else {
      let r = rnd() * total;
      let k = 0;
      while (r >= weights[k]) r -= weights[k++];
      const sc = SCENARIOS[k];
      scenario = sc.id;
      text = vary(pick(rnd, sc.posts), rnd, { reply: true, positive: !!sc.positive });
    }
    const today = vnDayNumber(t);
    if (today !== day) {
      day = today;
      saidToday.clear();
    }
    const words = text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
    let author = '';
    for (let tries = 0; tries < 8 && (!author || saidToday.has(`${author}\u0000${words}`)); tries++) author = `user-${Math.floor(rnd() * (o.authors ?? 5_000))}`;
    saidToday.add(`${author}\u0000${words}`);
    yield {
      id: `${o.idPrefix ?? 'sim'}-${o.seed}-${i}`,
      author,
      createdAt: new Date(t),
      text,
      scenario,
    };
  }
}
