// TF-IDF vectors of posts and the decayed centroids of issues, as sparse maps from term hash to weight.
// Document frequencies are counted in a fixed table of hashed buckets (2^19 counters, 2 MB): IDF only
// needs to tell common words from rare ones, and the table never grows with the vocabulary.
import type { Term } from './terms.ts';

export type Vector = Map<number, number>;

const BITS = 19;
const MASK = (1 << BITS) - 1;
/** Phrases say more about an issue than the words they are made of. */
const PHRASE_BOOST = 1.4;

export class DocFreq {
  constructor(
    readonly counts = new Uint32Array(1 << BITS),
    public docs = 0,
  ) {}

  add(hashes: Iterable<number>): void {
    this.docs++;
    for (const h of hashes) this.counts[h & MASK]++;
  }

  /** Posts that had the term (or one sharing its bucket). */
  count(hash: number): number {
    return this.counts[hash & MASK];
  }

  idf(hash: number): number {
    return Math.log((this.docs + 1) / (this.counts[hash & MASK] + 1)) + 1;
  }

  toBytes(): Uint8Array {
    return new Uint8Array(this.counts.buffer, this.counts.byteOffset, this.counts.byteLength);
  }

  static fromBytes(bytes: Uint8Array | null | undefined, docs: number): DocFreq {
    if (!bytes || bytes.byteLength !== (1 << BITS) * 4) return new DocFreq();
    const copy = new Uint32Array(1 << BITS);
    new Uint8Array(copy.buffer).set(bytes);
    return new DocFreq(copy, docs);
  }
}

export interface PostVector {
  vec: Vector;
  /** Display form of each term. */
  surfaces: Map<number, string>;
}

/** Counts the post in `df`, then weighs its terms: (1 + ln tf) × idf, phrases boosted, L2-normalised. */
export function vectorize(terms: readonly Term[], df: DocFreq, count = true): PostVector {
  const tf = new Map<number, number>();
  const surfaces = new Map<number, string>();
  const phrase = new Set<number>();
  for (const t of terms) {
    tf.set(t.hash, (tf.get(t.hash) ?? 0) + 1);
    if (!surfaces.has(t.hash)) surfaces.set(t.hash, t.surface);
    if (t.phrase) phrase.add(t.hash);
  }
  if (count) df.add(tf.keys());
  const vec: Vector = new Map();
  let norm = 0;
  for (const [h, n] of tf) {
    const w = (1 + Math.log(n)) * df.idf(h) * (phrase.has(h) ? PHRASE_BOOST : 1);
    vec.set(h, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [h, w] of vec) vec.set(h, w / norm);
  return { vec, surfaces };
}

export function dot(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [h, w] of small) {
    const v = large.get(h);
    if (v !== undefined) s += w * v;
  }
  return s;
}

export function norm(v: Vector): number {
  let s = 0;
  for (const w of v.values()) s += w * w;
  return Math.sqrt(s);
}

export const cosine = (a: Vector, b: Vector): number => {
  const d = dot(a, b);
  return d === 0 ? 0 : d / ((norm(a) || 1) * (norm(b) || 1));
};

/** Keeps the `keep` heaviest terms. */
export function prune(v: Vector, keep: number): void {
  if (v.size <= keep) return;
  const sorted = [...v.entries()].sort((a, b) => b[1] - a[1]);
  v.clear();
  for (let i = 0; i < keep; i++) v.set(sorted[i][0], sorted[i][1]);
}

/** The heaviest `n` terms, heaviest first. */
export function top(v: Vector, n: number): Array<[number, number]> {
  return [...v.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, n);
}
