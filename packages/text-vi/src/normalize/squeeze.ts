// Squeezing letters repeated for emphasis: "quáaaaa" → "quá", "điiiii" → "đi", "đẹpppp" → "đẹp".
// A run of three or more of the same letter (ignoring tone and case) becomes one, keeping the
// most marked letter of the run, where it is emphasis: a vowel anywhere, a consonant at the end
// of the word ("ngonnnn", "vlllll") or inside a word that has a vowel ("hhhhaha"). A consonant run
// inside a word without a vowel is an abbreviation and stays ("CCCD", "cccđ", "TTTM"). A doubled
// letter is squeezed only in words with Vietnamese diacritics ("quáa" → "quá"), so English "good"
// and Vietnamese "xoong" survive. An all-caps word is an acronym unless squeezing leaves one
// Vietnamese syllable ("QUÁAAA" → "QUÁ", "NGONNNN" → "NGON"; "PCCC", "TTĐT", "DNNN", Roman
// numerals "VIII" stay). A word that is a single repeated letter ("kkkk", laughter) is left alone.
import { FOLD, LETTER_FLAGS, SHAPE, F_DIACRITIC, F_VOWEL } from './chars.ts';
import { fold } from './fold.ts';
import { isPlaceholderAt } from './placeholders.ts';
import { isVietnameseLikeAscii } from './undiacritized.ts';

/** Squeezes every word (a run of letters and marks, \p{L}\p{M}) that has a repeated letter. */
export function squeezeRepeats(text: string): string {
  let out = '';
  let copied = 0; // text[copied, …) is not in `out` yet
  const n = text.length;
  for (let i = 1; i < n; i++) {
    // Only a word with two equal neighbours (tone aside) can change; find one, then its word.
    if (shape(text.charCodeAt(i)) !== shape(text.charCodeAt(i - 1)) || letterAt(text, i) !== 1 || letterAt(text, i - 1) !== 1) continue;
    let start = i - 1;
    for (let w; start > 0 && (w = letterBefore(text, start)) > 0; ) start -= w;
    let end = i + 1;
    for (let w; end < n && (w = letterAt(text, end)) > 0; ) end += w;
    const word = text.slice(start, end);
    const squeezed = squeezeWord(word);
    if (squeezed !== word && !isPlaceholderAt(text, start - 1, end + 1)) {
      out += text.slice(copied, start) + squeezed;
      copied = end;
    }
    i = end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
/** Per UTF-16 unit, filled on first sight: 0 unknown, 1 letter or mark, 2 neither. */
const unitKind = new Uint8Array(0x10000);
function isLetterOrMark(cp: number): boolean {
  if (cp > 0xffff) return LETTER_OR_MARK.test(String.fromCodePoint(cp));
  let k = unitKind[cp];
  if (k === 0) unitKind[cp] = k = LETTER_OR_MARK.test(String.fromCharCode(cp)) ? 1 : 2;
  return k === 1;
}

/** Units (1, or 2 for a surrogate pair) of the letter or mark starting at i; 0 if there is none. */
function letterAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return isLetterOrMark(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000) ? 2 : 0;
  }
  return isLetterOrMark(c) ? 1 : 0;
}

/** Units of the letter or mark that ends just before i; 0 if there is none. */
function letterBefore(text: string, i: number): number {
  const d = text.charCodeAt(i - 1);
  if (d >= 0xdc00 && d <= 0xdfff && i >= 2) {
    const c = text.charCodeAt(i - 2);
    if (c >= 0xd800 && c <= 0xdbff) return isLetterOrMark(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000) ? 2 : 0;
  }
  return isLetterOrMark(d) ? 1 : 0;
}

const folded = (c: number) => (c < 0x1f00 ? FOLD[c] : c);
// A run is one letter repeated whatever its tone ("quáaa"), but not two letters that only fold alike:
// "ư" and "u" in "cứu", "hưu", "cựu" are two letters.
const shape = (c: number) => (c < 0x1f00 ? SHAPE[c] : c);
const marked = (c: number) => c < 0x1f00 && (LETTER_FLAGS[c] & F_DIACRITIC) !== 0;
const vowel = (c: number) => c < 0x1f00 && (LETTER_FLAGS[c] & F_VOWEL) !== 0;
const ROMAN = /^[IVXLCDM]+$/;

export function squeezeWord(word: string): string {
  const n = word.length;
  let vietnamese = false, hasVowel = false, hasRun = false;
  for (let i = 0; i < n; i++) {
    const c = word.charCodeAt(i);
    if (marked(c)) vietnamese = true;
    if (vowel(c)) hasVowel = true;
    if (i > 0 && shape(c) === shape(word.charCodeAt(i - 1))) hasRun = true;
  }
  if (!hasRun) return word;
  const allCaps = word === word.toUpperCase() && word !== word.toLowerCase();
  if (allCaps && ROMAN.test(word)) return word;
  let out = '';
  let runs = 0;
  for (let i = 0; i < n; ) {
    const c = word.charCodeAt(i);
    const f = shape(c);
    let j = i + 1;
    while (j < n && shape(word.charCodeAt(j)) === f) j++;
    const len = j - i;
    runs++;
    const emphasis = len >= 3 ? vowel(c) || j === n || hasVowel : len === 2 && vietnamese && !isDoubleO(word, i, j);
    if (emphasis) {
      let best = i;
      for (let k = i; k < j; k++) if (marked(word.charCodeAt(k)) && !marked(word.charCodeAt(best))) best = k;
      out += word[best];
    } else out += word.slice(i, j);
    i = j;
  }
  if (runs === 1) return word;
  // An all-caps word stays as written unless what is left reads as one syllable.
  if (allCaps && out !== word && !isVietnameseLikeAscii(fold(out))) return word;
  return out;
}

/** "oo" before "ng"/"c" is real Vietnamese: xoong, boong, soóc. */
function isDoubleO(word: string, i: number, j: number): boolean {
  if (folded(word.charCodeAt(i)) !== 0x6f) return false;
  const rest = word.slice(j).toLowerCase();
  return rest === 'ng' || rest === 'c';
}
