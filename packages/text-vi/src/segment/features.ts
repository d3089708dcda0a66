// Features of one gap between syllables i-1 and i, hashed into a fixed-size weight table.
// The model scores "syllable i continues the word of i-1" (tag I) against "starts a new word"
// (tag B). Every template is listed here once; the template ids are part of the model format.
import { mix } from './hash.ts';
import { Shape, shapeOf, syllableHash } from './syllables.ts';
import type { WordHashSet } from './dictionary.ts';
import { diacriticClass } from '../normalize/undiacritized.ts';

/** Longest word-list entry probed, in syllables. */
export const MAX_WORD = 4;
export const FEATURES_PER_GAP = 22;
export const PAD = 3; // sentinel syllables on each side, so templates never branch on bounds
const BOS = 0x1b0b0b0b;
const EOS = 0x0e0e0e0e;

/** Per-sentence arrays the templates read: syllable hashes, shapes and word-list matches. */
export class SentenceContext {
  readonly n: number;
  readonly key: Int32Array;
  readonly shape: Uint8Array;
  /** Bits 4(len-1)…4(len-1)+3: word-list flags (0 = not listed) of the `len` syllables starting here. */
  readonly starts: Uint16Array;
  /** 1 when the sentence reads as typed without diacritics; word-list features then mean something else. */
  readonly undiacritized: number;

  constructor(syllables: readonly string[], dict: WordHashSet, hashOf: (s: string) => number = syllableHash) {
    const n = syllables.length;
    this.n = n;
    const size = n + 2 * PAD;
    this.key = new Int32Array(size);
    this.shape = new Uint8Array(size);
    this.starts = new Uint16Array(size);
    for (let i = 0; i < PAD; i++) {
      this.key[i] = BOS; this.shape[i] = Shape.Punct;
      this.key[n + PAD + i] = EOS; this.shape[n + PAD + i] = Shape.Punct;
    }
    let marked = 0, plain = 0;
    for (let i = 0; i < n; i++) {
      const s = syllables[i];
      this.key[i + PAD] = hashOf(s);
      this.shape[i + PAD] = shapeOf(s);
      const cls = diacriticClass(s);
      if (cls === 1) marked++;
      else if (cls === 2) plain++;
    }
    this.undiacritized = plain >= 2 && marked * 10 <= marked + plain ? 1 : 0;
    const key = this.key;
    for (let a = PAD; a < n + PAD; a++) {
      if (this.shape[a] === Shape.Punct) continue;
      let bits = 0;
      let h = 0x2545f491;
      for (let len = 1; len <= MAX_WORD && a + len <= n + PAD; len++) {
        if (this.shape[a + len - 1] === Shape.Punct) break;
        h = mix(h, key[a + len - 1]);
        bits |= dict.flags(h) << (4 * (len - 1));
      }
      this.starts[a] = bits;
    }
  }

  /** Word-list flags (0 = not listed) of the `len` syllables starting at syllable `i` (0-based). */
  flags(i: number, len: number): number {
    const p = i + PAD;
    return p >= 0 && p < this.starts.length ? (this.starts[p] >> (4 * (len - 1))) & 15 : 0;
  }

  /**
   * Writes the hashed feature indices of gap i (between syllables i-1 and i, 1 ≤ i < n) into
   * `out` at `offset`, masked to the table size. Returns the number written (FEATURES_PER_GAP).
   */
  features(i: number, mask: number, out: Int32Array, offset: number): number {
    const k = this.key, s = this.shape, p = i + PAD;
    const u2 = k[p - 2], u1 = k[p - 1], u0 = k[p], n1 = k[p + 1];
    const s2 = s[p - 2], s1 = s[p - 1], s0 = s[p], sn = s[p + 1];
    // Word-list matches that would be cut by a boundary at this gap.
    const st = this.starts;
    const t2 = (st[p - 1] >> 4) & 15; // [i-1, i]
    const t3a = (st[p - 2] >> 8) & 15; // [i-2, i]
    const t3b = (st[p - 1] >> 8) & 15; // [i-1, i+1]
    const t4a = (st[p - 3] >> 12) & 15; // [i-3, i]
    const t4b = (st[p - 2] >> 12) & 15; // [i-2, i+1]
    const t4c = (st[p - 1] >> 12) & 15; // [i-1, i+2]
    const d = nz(t2) | (nz(t3a) << 1) | (nz(t3b) << 2) | (nz(t4a) << 3) | (nz(t4b) << 4) | (nz(t4c) << 5);
    const dt = t2 | (t3a << 4) | (t3b << 8) | ((t4a | t4b | t4c) << 12);
    const endPrev = longestEnding(st, p - 1);
    const startHere = longestStarting(st, p);
    const startPrev = longestStarting(st, p - 1);
    const endHere = longestEnding(st, p);
    const shapes = s1 | (s0 << 3);
    const lens = endPrev | (startHere << 3) | (startPrev << 6) | (endHere << 9);
    // Diacritic-free sentences get their own weights: the same word-list flag means something else there.
    const g = this.undiacritized << 8;
    let o = offset;
    out[o++] = mix(g | 1, u1) & mask;
    out[o++] = mix(g | 2, u0) & mask;
    out[o++] = mix(g | 3, u2) & mask;
    out[o++] = mix(g | 4, n1) & mask;
    out[o++] = mix(mix(g | 5, u1), u0) & mask;
    out[o++] = mix(mix(g | 6, u2), u1) & mask;
    out[o++] = mix(mix(g | 7, u0), n1) & mask;
    out[o++] = mix(mix(mix(g | 8, u2), u1), u0) & mask;
    out[o++] = mix(mix(mix(g | 9, u1), u0), n1) & mask;
    out[o++] = mix(g | 11, shapes) & mask;
    out[o++] = mix(g | 12, s2 | (s1 << 3) | (s0 << 6) | (sn << 9)) & mask;
    out[o++] = mix(g | 13, d) & mask;
    out[o++] = mix(g | 14, d | (lens << 6)) & mask;
    out[o++] = mix(mix(g | 15, d & 1), u1) & mask;
    out[o++] = mix(mix(g | 16, d & 1), u0) & mask;
    out[o++] = mix(mix(g | 18, u1), s0) & mask;
    out[o++] = mix(mix(g | 19, s1), u0) & mask;
    out[o++] = mix(g | 20, lens) & mask;
    out[o++] = mix(g | 22, dt) & mask;
    out[o++] = mix(mix(g | 23, t2), u1) & mask;
    out[o++] = mix(mix(g | 24, t2), u0) & mask;
    out[o++] = mix(g | 25, 0) & mask; // bias
    return o - offset;
  }
}

const nz = (t: number): number => (t === 0 ? 0 : 1);

/** Length of the longest listed word starting at padded position p. */
function longestStarting(starts: Uint16Array, p: number): number {
  const bits = starts[p];
  for (let len = MAX_WORD; len >= 1; len--) if ((bits >> (4 * (len - 1))) & 15) return len;
  return 0;
}

/** Length of the longest listed word ending at padded position p. */
function longestEnding(starts: Uint16Array, p: number): number {
  for (let len = MAX_WORD; len >= 1; len--) {
    const a = p - len + 1;
    if (a >= 0 && (starts[a] >> (4 * (len - 1))) & 15) return len;
  }
  return 0;
}

