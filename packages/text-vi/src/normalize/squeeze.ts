// Squeezing letters repeated for emphasis: "quáaaaa" → "quá", "điiiii" → "đi", "đẹpppp" → "đẹp".
// Runs of three or more of the same letter (ignoring tone and case) become one, keeping the
// most marked letter of the run. A doubled letter is squeezed only in words with Vietnamese
// diacritics ("quáa" → "quá"), so English "good" and Vietnamese "xoong" survive. A word that
// is a single repeated letter ("kkkk", laughter) is left alone.
import { FOLD, LETTER_FLAGS, F_DIACRITIC } from './chars.ts';

const WORD = /[\p{L}\p{M}]{2,}/gu;

export function squeezeRepeats(text: string): string {
  return text.replace(WORD, squeezeWord);
}

const folded = (c: number) => (c < 0x1f00 ? FOLD[c] : c);
const marked = (c: number) => c < 0x1f00 && (LETTER_FLAGS[c] & F_DIACRITIC) !== 0;

export function squeezeWord(word: string): string {
  const n = word.length;
  let vietnamese = false;
  let hasRun = false;
  for (let i = 0; i < n; i++) {
    const c = word.charCodeAt(i);
    if (marked(c)) vietnamese = true;
    if (i > 0 && folded(c) === folded(word.charCodeAt(i - 1))) hasRun = true;
  }
  if (!hasRun) return word;
  let out = '';
  let runs = 0;
  for (let i = 0; i < n; ) {
    const f = folded(word.charCodeAt(i));
    let j = i + 1;
    while (j < n && folded(word.charCodeAt(j)) === f) j++;
    const len = j - i;
    runs++;
    if (len >= 3 || (len === 2 && vietnamese && !isDoubleO(word, i, j))) {
      let best = i;
      for (let k = i; k < j; k++) if (marked(word.charCodeAt(k)) && !marked(word.charCodeAt(best))) best = k;
      out += word[best];
    } else out += word.slice(i, j);
    i = j;
  }
  return runs === 1 ? word : out;
}

/** "oo" before "ng"/"c" is real Vietnamese: xoong, boong, soóc. */
function isDoubleO(word: string, i: number, j: number): boolean {
  if (folded(word.charCodeAt(i)) !== 0x6f) return false;
  const rest = word.slice(j).toLowerCase();
  return rest === 'ng' || rest === 'c';
}
