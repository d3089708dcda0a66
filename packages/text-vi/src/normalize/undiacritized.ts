// Recognising Vietnamese typed without diacritics ("ko biet lam gi ca"). In ordinary Vietnamese
// about three syllables in four carry a diacritic, so a text whose Vietnamese-looking syllables
// almost never do was typed without them.
import { LETTER_FLAGS, F_DIACRITIC, F_LETTER } from './chars.ts';

/** 0: not a letter word; 1: has a Vietnamese diacritic (or đ); 2: plain ASCII letters. */
export function diacriticClass(word: string): 0 | 1 | 2 {
  let ascii = true;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x1f00) return 0;
    const f = LETTER_FLAGS[c];
    if ((f & F_LETTER) === 0) {
      if (c >= 0x300 && c <= 0x36f) return 1; // NFD combining mark on a letter
      return 0;
    }
    if ((f & F_DIACRITIC) !== 0) ascii = false;
  }
  return word.length === 0 ? 0 : ascii ? 2 : 1;
}

// Onset + vowel cluster + final of a Vietnamese syllable, written without diacritics.
const ASCII_SYLLABLE =
  /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?(?:uye|uyu|uya|uoi|uou|oai|oay|uay|ieu|yeu|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ye|a|e|i|o|u|y)(?:ch|nh|ng|[cmnpt])?$/;

/** Whether a diacritic-free word could be a Vietnamese syllable ("nguoi" yes, "street" no). */
export const isVietnameseLikeAscii = (word: string): boolean => word.length <= 7 && ASCII_SYLLABLE.test(word.toLowerCase());

const WORD_RE = /[\p{L}\p{M}]+/gu;

export interface DiacriticStats {
  /** Words with a Vietnamese diacritic. */
  withDiacritics: number;
  /** Diacritic-free words that could be Vietnamese syllables. */
  plainVietnamese: number;
  /** Other letter words (English, names, teencode the shape test rejects). */
  other: number;
  /** withDiacritics / (withDiacritics + plainVietnamese); 0 when both are 0. */
  ratio: number;
}

/** Counts words with Vietnamese diacritics, plain ones that look Vietnamese, and the rest. */
export function diacriticStats(text: string): DiacriticStats {
  let withDiacritics = 0, plainVietnamese = 0, other = 0;
  for (const m of text.matchAll(WORD_RE)) {
    const cls = diacriticClass(m[0]);
    if (cls === 1) withDiacritics++;
    else if (cls === 2 && isVietnameseLikeAscii(m[0])) plainVietnamese++;
    else other++;
  }
  const total = withDiacritics + plainVietnamese;
  return { withDiacritics, plainVietnamese, other, ratio: total ? withDiacritics / total : 0 };
}

/**
 * True when `text` looks like Vietnamese typed without diacritics: at least `minSyllables`
 * Vietnamese-looking syllables, most words look Vietnamese (so English is not caught), and at
 * most `maxRatio` of them carry a diacritic.
 */
export function isUndiacritized(text: string, maxRatio = 0.1, minSyllables = 2): boolean {
  const s = diacriticStats(text);
  const vi = s.plainVietnamese + s.withDiacritics;
  return vi >= minSyllables && vi >= 2 * s.other && s.ratio <= maxRatio;
}
