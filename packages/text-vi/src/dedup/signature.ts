// MinHash signatures of posts, for finding copy-pasted and lightly edited posts.
// Shingles are pairs of consecutive folded words, so case, diacritics, punctuation and emoji do
// not count, and one changed word changes only two shingles. 64 hash functions, 16 bits each:
// the signature is "m1:" + 256 hex digits, the same on every run and platform (only 32-bit integer
// arithmetic on UTF-16 code units).
import { foldedTokens } from '../fold/tokens.ts';

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

/** Word-pair shingle hashes of a text (single words when the text has only one). */
function shingles(text: string): number[] {
  const w = foldedTokens(text).words;
  if (w.length === 1) return [fnv1a(w[0])];
  const out: number[] = [];
  for (let i = 0; i + 1 < w.length; i++) out.push(fnv1a(w[i + 1], fnv1a(' ', fnv1a(w[i]))));
  return out;
}

export function signature(text: string): string {
  const mins = new Uint16Array(SIGNATURE_HASHES).fill(EMPTY);
  for (const raw of new Set(shingles(text))) {
    const h = fmix(raw);
    for (let k = 0; k < SIGNATURE_HASHES; k++) {
      const v = (Math.imul(h, A[k]) + B[k]) >>> 16 & 0xffff;
      if (v < mins[k]) mins[k] = v;
    }
  }
  let hex = VERSION;
  for (let k = 0; k < SIGNATURE_HASHES; k++) hex += mins[k].toString(16).padStart(4, '0');
  return hex;
}

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
