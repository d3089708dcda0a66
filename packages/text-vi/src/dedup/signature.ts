// MinHash signatures of posts, for finding copy-pasted and lightly edited posts.
// Shingles are pairs of consecutive folded words, so case, diacritics, punctuation and emoji do
// not count, and one changed word changes only two shingles. 64 hash functions, 16 bits each:
// the signature is "m1:" + 256 hex digits, the same on every run and platform (only 32-bit integer
// arithmetic on UTF-16 code units).
import { foldedTokens, type FoldedTokens } from '../fold/tokens.ts';

export const SIGNATURE_HASHES = 64;
const VERSION = 'm1:';
const EMPTY = 0xffff;

/** FNV-1a over UTF-16 code units. */
function fnv1a(s: string, h = 0x811c9dc5): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** MurmurHash3's finaliser: a good 32-bit mix. */
function fmix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

// Hash function k: the top 16 bits of (A[k]·h + B[k]) mod 2^32 over the mixed shingle hash h
// (multiply-shift hashing; A[k] odd). Fixed constants derived from the golden ratio.
const A = Uint32Array.from({ length: SIGNATURE_HASHES }, (_, k) => fmix(0x9e3779b9 * (k + 1)) | 1);
const B = Uint32Array.from({ length: SIGNATURE_HASHES }, (_, k) => fmix(0x7f4a7c15 * (k + 1)));

/** Word-pair shingle hashes of folded words (single words when the text has only one). */
function shingles(w: readonly string[]): number[] {
  if (w.length === 1) return [fnv1a(w[0])];
  const out: number[] = [];
  for (let i = 0; i + 1 < w.length; i++) out.push(fnv1a(w[i + 1], fnv1a(' ', fnv1a(w[i]))));
  return out;
}

export function signature(text: string): string {
  return signatureFolded(foldedTokens(text));
}

/** signature() given the text's foldedTokens() (analyze() shares them with places). */
export function signatureFolded(folded: FoldedTokens): string {
  const mins = new Uint16Array(SIGNATURE_HASHES).fill(EMPTY);
  const a = A32, b = B32, K = SIGNATURE_HASHES; // locals: the loop below runs 64 times per shingle
  // A repeated shingle cannot lower a minimum, so the shingles need no de-duplication.
  const all = shingles(folded.words);
  for (let s = 0; s < all.length; s++) {
    const h = fmix(all[s]);
    for (let k = 0; k < K; k++) {
      const v = (Math.imul(h, a[k]) + b[k]) >>> 16;
      if (v < mins[k]) mins[k] = v;
    }
  }
  // "m1:" + 4 lower-case hex digits per minimum, written as bytes and made a string at once.
  const out = hexOut;
  for (let k = 0, o = VERSION.length; k < SIGNATURE_HASHES; k++, o += 4) {
    const v = mins[k];
    out[o] = HEX[v >>> 12]; out[o + 1] = HEX[(v >>> 8) & 15]; out[o + 2] = HEX[(v >>> 4) & 15]; out[o + 3] = HEX[v & 15];
  }
  return LATIN1.decode(out);
}

// The same constants as signed 32-bit integers (the same bits, so the same hashes), which keeps
// the arithmetic in small integers.
const A32 = Int32Array.from(A);
const B32 = Int32Array.from(B);
const HEX = Uint8Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const hexOut = new Uint8Array(VERSION.length + 4 * SIGNATURE_HASHES);
/** ASCII bytes to a string in one step (spreading 259 char codes as call arguments allocates them all). */
const LATIN1 = new TextDecoder('latin1');
for (let k = 0; k < VERSION.length; k++) hexOut[k] = VERSION.charCodeAt(k);

const EMPTY_SIG = VERSION + 'ffff'.repeat(SIGNATURE_HASHES);

/**
 * Estimated Jaccard similarity of the two texts' shingle sets, in [0, 1]: the share of hash
 * functions whose minimum agrees. Empty texts and signatures of another version give 0.
 */
export function similarity(a: string, b: string): number {
  if (!a.startsWith(VERSION) || a.length !== b.length || a.length !== EMPTY_SIG.length || a === EMPTY_SIG || b === EMPTY_SIG) return 0;
  let same = 0;
  for (let k = 0, i = VERSION.length; k < SIGNATURE_HASHES; k++, i += 4) {
    if (a.charCodeAt(i) === b.charCodeAt(i) && a.charCodeAt(i + 1) === b.charCodeAt(i + 1) && a.charCodeAt(i + 2) === b.charCodeAt(i + 2) && a.charCodeAt(i + 3) === b.charCodeAt(i + 3)) same++;
  }
  return same / SIGNATURE_HASHES;
}
