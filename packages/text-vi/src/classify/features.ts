// Hashed features for the classifier: word n-grams (with and without diacritics) and character
// n-grams inside word boundaries. One pass over UTF-16 code units, hashes computed on the fly
// (FNV-1a + murmur finaliser), written into a reusable buffer: no strings, no per-call allocation.
import { SPACE, WORD, IGNORE, charClass, foldCode, lowerCode } from './chars.ts';

export interface FeatureSpec {
  /** Hash space is 2^bits buckets. */
  bits: number;
  /** 1: unigrams; 2: unigrams and bigrams; 3: …and trigrams. */
  wordNgrams: number;
  /** Also emit word n-grams with diacritics folded, so "ko tot" shares weights with "không tốt". */
  fold: boolean;
  /** Character n-gram lengths inside "<word>"; charMax 0 disables them. */
  charMin: number;
  charMax: number;
  /** Character n-grams over the exact letters, the folded ones, or both (twice the features). */
  charFold: boolean | 'both';
  /** Only the first this many words of a text give character n-grams: they help short, noisy
   *  posts, while in long documents they cost time and add little beyond the words. */
  charWords: number;
}

/** Chosen on the dev sets of uit_vsfc, vihsd and vntc (see bench/classifiers.ts). 2^18 buckets keep
 *  the int8 table of a 10-class model at 2.6 MB, small enough to stay in cache. */
export const DEFAULT_FEATURES: FeatureSpec = { bits: 18, wordNgrams: 2, fold: true, charMin: 2, charMax: 5, charFold: true, charWords: 64 };

const MAX_TOKEN = 48; // longer tokens (URLs, spam) still hash whole but give char n-grams of a prefix only
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
// Namespaces keep feature kinds from colliding systematically.
const NS_WORD = 0x1b873593, NS_FOLD = 0x2f8a5e21, NS_CHAR = 0x5bd1e995, NS_CHAR_F = 0x68e31da4, NS_CHAR_N = 0x27d4eb2f;
const NS_BIGRAM = 0x165667b1, NS_TRIGRAM = 0x7feb352d;

/** Reusable output: feature bucket ids, possibly repeated (a repeat counts twice). */
export class FeatureBuffer {
  ids = new Int32Array(1024);
  n = 0;
  /** Scratch for the current token's code units (exact and folded). */
  readonly tok = new Uint16Array(MAX_TOKEN);
  readonly tokFold = new Uint16Array(MAX_TOKEN);

  push(id: number): void {
    if (this.n === this.ids.length) {
      const bigger = new Int32Array(this.ids.length * 2);
      bigger.set(this.ids);
      this.ids = bigger;
    }
    this.ids[this.n++] = id;
  }
}

/** Murmur3 finaliser: spreads FNV's weak low bits before masking. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const combine = (a: number, b: number, ns: number): number => mix32(Math.imul(a ^ ns, 0x9e3779b1) + b);

/** Fills `out` with the features of `text` and returns how many there are. */
export function extractFeatures(text: string, spec: FeatureSpec, out: FeatureBuffer): number {
  out.n = 0;
  if (hasCombiningMarks(text)) text = text.normalize('NFC');
  const mask = (1 << spec.bits) - 1;
  const { tok, tokFold } = out;
  const useChars = spec.charMax > 0;
  let p1 = 0, p2 = 0, f1 = 0, seen = 0, words = 0; // previous word hashes (exact, folded)
  const len = text.length;
  let i = 0;
  while (i < len) {
    const cls = charClass(text.charCodeAt(i));
    if (cls === SPACE || cls === IGNORE) { i++; continue; }
    // One token: a run of word characters, a run of punctuation, or a single astral symbol (emoji).
    let h = FNV_OFFSET, hf = FNV_OFFSET, tl = 0, last = -1, repeats = 0;
    while (i < len) {
      const c = text.charCodeAt(i);
      const k = charClass(c);
      if (k === IGNORE) { i++; continue; }
      if (k !== cls) break;
      i++;
      const lc = lowerCode(c);
      // "quáaaaa", "!!!!!!" and ":)))))" collapse to at most three repeats.
      if (lc === last) { if (++repeats >= 3) continue; } else { last = lc; repeats = 0; }
      h = Math.imul(h ^ lc, FNV_PRIME);
      const fc = foldCode(lc);
      if (fc !== 0) hf = Math.imul(hf ^ fc, FNV_PRIME);
      if (tl < MAX_TOKEN) { tok[tl] = lc; tokFold[tl] = fc; tl++; }
      if (c >= 0xd800 && c <= 0xdbff && i < len) { // keep a surrogate pair whole, then end the token
        const lo = text.charCodeAt(i++);
        h = Math.imul(h ^ lo, FNV_PRIME);
        hf = Math.imul(hf ^ lo, FNV_PRIME);
        break;
      }
    }
    out.push(mix32(h ^ NS_WORD) & mask);
    if (spec.fold) out.push(mix32(hf ^ NS_FOLD) & mask);
    if (spec.wordNgrams >= 2 && seen >= 1) {
      out.push(combine(p1, h, NS_BIGRAM) & mask);
      if (spec.fold) out.push(combine(f1, hf, NS_BIGRAM ^ NS_FOLD) & mask);
      if (spec.wordNgrams >= 3 && seen >= 2) {
        out.push(combine(combine(p2, p1, NS_TRIGRAM), h, NS_TRIGRAM) & mask);
      }
    }
    p2 = p1; p1 = h; f1 = hf; seen++;
    if (useChars && cls === WORD && tl > 1 && words++ < spec.charWords) {
      if (spec.charFold !== true) pushCharNgrams(tok, tl, spec, mask, out, NS_CHAR);
      if (spec.charFold !== false) pushCharNgrams(tokFold, tl, spec, mask, out, NS_CHAR_F);
    }
  }
  return out.n;
}

/** Character n-grams of "<token>" with lengths charMin..charMax, hashed incrementally per start. */
function pushCharNgrams(codes: Uint16Array, tl: number, spec: FeatureSpec, mask: number, out: FeatureBuffer, ns: number): void {
  const total = tl + 2; // with the "<" and ">" boundaries
  const { charMin, charMax } = spec;
  for (let start = 0; start < total; start++) {
    let h = FNV_OFFSET ^ ns;
    const end = Math.min(total, start + charMax);
    for (let j = start; j < end; j++) {
      const c = j === 0 ? 0x3c : j === total - 1 ? 0x3e : codes[j - 1];
      h = Math.imul(h ^ c, FNV_PRIME);
      const n = j - start + 1;
      if (n >= charMin && n < total) out.push(mix32(h ^ Math.imul(n, NS_CHAR_N)) & mask);
    }
  }
}

/** NFC is only needed when the text carries combining marks (NFD input, some keyboards). */
function hasCombiningMarks(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x300 && c <= 0x36f) return true;
  }
  return false;
}
