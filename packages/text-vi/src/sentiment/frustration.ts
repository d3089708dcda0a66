// frustration() — how upset (bức xúc) a post is, 0..1: negative sentiment × intensity. Intensity
// comes from shouting (ALL CAPS, "!!!", "???"), swearing, letters stretched for emphasis, angry
// emoji and complaint phrases ("bức xúc", "bao giờ mới", "lần thứ 3", "đã phản ánh nhiều lần").
// Praise scores 0 however loud it is.
import { defaultSentimentLexicon, type SentimentResult } from './sentiment.ts';
import { analyzeSentiment } from './rules.ts';
import { lexTokens, matchLexicon, type LexMatch, type LexToken, type SentimentLexicon } from './lexicon.ts';

const ANGRY_EMOJI = new Set(['😡', '🤬', '😠', '😤', '👿', '💢', '👎']);
const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;

/**
 * Frustration of `text` in 0..1. Pass the post's sentiment if already computed (for example a
 * blend with the installation's model); otherwise the rules score it.
 */
export function frustration(text: string, sentimentResult?: Pick<SentimentResult, 'score'>, lexicon: SentimentLexicon = defaultSentimentLexicon()): number {
  const given = sentimentResult?.score;
  if (given !== undefined && given !== null) {
    // Only the lexicon's matches are needed, not the rules' score.
    const tokens = lexTokens(text);
    return frustrationFrom(text, given, tokens, matchLexicon(lexicon, tokens));
  }
  const analysis = analyzeSentiment(text, lexicon);
  return frustrationFrom(text, analysis.score, analysis.tokens, analysis.matches);
}

/**
 * frustration() from the sentiment score and the lexicon matches of `text`'s tokens (analyze()
 * reuses those of the sentiment pass when the two texts are the same).
 */
export function frustrationFrom(text: string, score: number, tokens: readonly LexToken[], matches: readonly LexMatch[]): number {
  const cues: number[] = [];
  for (const m of matches) if (m.entry.kinds.swear !== undefined) cues.push(m.entry.kinds.swear);
  let complaint = false;
  for (const m of matches) {
    const c = m.entry.kinds.complaint;
    if (c === undefined) continue;
    cues.push(c);
    if (c >= 0.15) complaint = true;
  }

  // Shouting: share of upper-case letters in posts long enough for it to mean something.
  const { letters, upper } = countLetters(text);
  if (letters >= 8) {
    const ratio = upper / letters;
    cues.push(Math.min(1, Math.max(0, (ratio - 0.3) / 0.5)) * 0.6);
  }
  let stretched = 0, repeatedAsk = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const raw = t.token.text;
    const type = t.token.type;
    if (type === 'punct') {
      const bangs = count(raw, 0x21);
      const asks = count(raw, 0x3f);
      if (bangs >= 3) cues.push(0.35); else if (bangs === 2) cues.push(0.2); else if (bangs === 1) cues.push(0.05);
      if (asks >= 2) cues.push(0.25);
      if (bangs > 0 && asks > 0) cues.push(0.2);
    } else if (type === 'emoji') {
      if (ANGRY_EMOJI.has(t.exact)) cues.push(0.3);
    } else if (type === 'word' && stretched < 3 && hasTripleLetter(raw.toLowerCase())) {
      stretched++;
      cues.push(0.1);
    }
    // "lần thứ 3", "lần thứ n": the count itself says the problem keeps coming back.
    if (t.folded === 'thu' && i > 0 && tokens[i - 1].folded === 'lan' && /^\d+$|^n$/.test(tokens[i + 1]?.exact ?? '')) {
      const n = Number(tokens[i + 1].exact);
      repeatedAsk = Number.isFinite(n) ? Math.min(0.4, 0.1 * n) : 0.3;
    }
  }
  if (repeatedAsk > 0) cues.push(repeatedAsk);

  let keep = 1;
  for (const c of cues) keep *= 1 - Math.min(0.95, c);
  const intensity = 1 - keep;
  // A complaint phrase makes a post negative enough to count even when its words are mild.
  let negativity = Math.max(0, -score);
  if (score < 0.2 && complaint) negativity = Math.max(negativity, 0.35);
  return Math.min(1, negativity * (0.4 + 0.6 * intensity));
}

function count(s: string, code: number): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === code) n++;
  return n;
}

// Letter classes per UTF-16 unit, filled on first sight: 0 unknown, 1 not a letter, 2 letter,
// 3 upper-case letter (\p{L}, \p{Lu}). Astral code points are tested directly (rare: emoji).
const unitClass = new Uint8Array(0x10000);
function classOf(cp: number): number {
  if (cp < 0x10000) {
    let k = unitClass[cp];
    if (k === 0) unitClass[cp] = k = classOfString(String.fromCharCode(cp));
    return k;
  }
  return classOfString(String.fromCodePoint(cp));
}
const classOfString = (s: string): number => (UPPER.test(s) ? 3 : LETTER.test(s) ? 2 : 1);

/** Code point at i and its length in units (a lone surrogate is one unit, as in /u regexes). */
function codePointAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  }
  return c;
}

/** Letters (\p{L}) and upper-case letters (\p{Lu}), counted by code point. */
function countLetters(text: string): { letters: number; upper: number } {
  let letters = 0, upper = 0;
  for (let i = 0; i < text.length; ) {
    const cp = codePointAt(text, i);
    i += cp > 0xffff ? 2 : 1;
    const k = classOf(cp);
    if (k >= 2) letters++;
    if (k === 3) upper++;
  }
  return { letters, upper };
}

/** The same letter three times in a row ("quáaa"): /(\p{L})\1\1/u without the regex. */
function hasTripleLetter(s: string): boolean {
  let prev = -1, run = 0;
  for (let i = 0; i < s.length; ) {
    const cp = codePointAt(s, i);
    i += cp > 0xffff ? 2 : 1;
    run = cp === prev ? run + 1 : 1;
    prev = cp;
    if (run >= 3 && classOf(cp) >= 2) return true;
  }
  return false;
}
