// Posts in other languages. The text core reads Vietnamese: on English, Chinese or Korean it finds
// stray topics and a sentiment that mean nothing (an English complaint tagged "môi trường" and read as
// positive), and two such posts would found an issue of their own. A post that is clearly not
// Vietnamese is kept and counted (volume, places, near-duplicates), but without topics, concepts or
// sentiment: it can still join an issue on strongly shared words, never found one.
import type { PostAnalysis } from './analysis.ts';

/** Characters looked at: the start of a post tells its language. */
const SAMPLE = 2_000;
/** Latin words needed before judging (a short "ok", "hi", "lol" is left alone). */
const MIN_WORDS = 3;
/** Shares of Latin words: with Vietnamese marks (ă â đ ê ô ơ ư, tones), and shaped as Vietnamese syllables. */
const MARKED_SHARE = 0.2;
const SYLLABLE_SHARE = 0.6;

// An unaccented Vietnamese syllable, teencode spellings included (f, j, w, z, dz onsets; k, j codas).
const SYLLABLE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|dz|[bcdghklmnpqrstvxfjwz])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnptkj])?$/;
/** Loanwords of everyday Vietnamese posts (ads above all), which are Vietnamese here. */
const LOANWORDS = new Set(['shop', 'sale', 'inbox', 'ship', 'shipper', 'online', 'offline', 'check', 'like', 'share', 'page', 'live', 'livestream', 'order', 'hot', 'oke', 'okay', 'video', 'clip', 'app', 'wifi', 'grab', 'post', 'group', 'team', 'mode', 'test', 'style', 'size', 'link', 'email', 'free', 'full', 'deal', 'combo', 'menu']);
const LETTERS = /\p{L}+/gu;
const LATIN = /^\p{Script=Latin}+$/u;

/** True when the text is written in another language than Vietnamese (another script, or Latin words that are not Vietnamese). */
export function isForeign(text: string): boolean {
  const sample = text.slice(0, SAMPLE).normalize('NFC');
  let latinLetters = 0;
  let otherLetters = 0;
  let words = 0;
  let marked = 0;
  let syllables = 0;
  for (const [word] of sample.matchAll(LETTERS)) {
    if (!LATIN.test(word)) {
      otherLetters += word.length;
      continue;
    }
    latinLetters += word.length;
    // Abbreviations (UBND, CSGT, [SĐT] placeholders, "dc", "lh", "sdt") and one-letter teencode say nothing of the language.
    if (word.length < 2 || word === word.toUpperCase() || !/[aeiouy]/i.test(word)) continue;
    words++;
    const lower = word.toLowerCase();
    if (/[^a-z]/.test(lower)) marked++;
    else if (SYLLABLE.test(lower) || LOANWORDS.has(lower)) syllables++;
  }
  if (otherLetters > latinLetters) return true;
  if (words < MIN_WORDS) return false;
  return marked < words * MARKED_SHARE && marked + syllables < words * SYLLABLE_SHARE;
}

/** The analysis as the desk keeps it: for a foreign post, no topics, concepts or sentiment. */
export function deskAnalysis(a: PostAnalysis): PostAnalysis {
  if (!isForeign(a.textRedacted)) return a;
  return { ...a, topics: [], concepts: [], sentiment: 0, sentimentScore: 0, frustration: 0 };
}
