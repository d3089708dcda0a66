// Word ↔ concept associations learned from the installation's own stream. Every post whose words the
// concept lexicon recognises teaches which other words go with that concept here ("mắt cá", "tắt
// máy", "bơi" with flooding in a ward where streets flood; a market's nickname with street vending).
// A later post that the lexicon does not recognise but whose words are strongly tied to one concept
// is read as speaking of it. So the desk adapts to local vocabulary without any external model.
// Counts live in a fixed table of hashed (word, concept) buckets, like the document frequencies: the
// table never grows, and a rare collision only adds a little noise to a count.
import type { Term } from './terms.ts';
import type { DocFreq } from './vectors.ts';

const BITS = 18;
const MASK = (1 << BITS) - 1;
/** A word must have been seen with the concept this often… */
const MIN_TOGETHER = 3;
/** …and this share of the posts that have the word must speak of the concept. */
const MIN_SHARE = 0.7;
/** How much more often than chance (lift) the word comes with the concept. */
const MIN_LIFT = 3;
/** Evidence needed: two associated words, or one seen with the concept at least this often. */
const STRONG_TOGETHER = 6;

export class ConceptAssociations {
  constructor(
    readonly counts = new Uint32Array(1 << BITS),
    readonly conceptPosts = new Map<string, number>(),
  ) {}

  /** Learns from a post the lexicon recognised: its words go with its main concept. */
  observe(terms: readonly Term[], concept: string): void {
    this.conceptPosts.set(concept, (this.conceptPosts.get(concept) ?? 0) + 1);
    const seen = new Set<number>();
    for (const t of terms) {
      if (t.place || seen.has(t.hash)) continue;
      seen.add(t.hash);
      this.counts[bucket(t.hash, concept)]++;
    }
  }

  /** The concept a post of no recognised concept most likely speaks of, if the evidence is strong. */
  infer(terms: readonly Term[], df: DocFreq): string | null {
    if (!this.conceptPosts.size || df.docs < 20) return null;
    const votes = new Map<string, { n: number; strong: boolean; score: number }>();
    const seen = new Set<number>();
    for (const t of terms) {
      if (t.place || seen.has(t.hash)) continue;
      seen.add(t.hash);
      const docs = df.count(t.hash);
      if (docs < MIN_TOGETHER) continue;
      for (const [concept, posts] of this.conceptPosts) {
        const together = this.counts[bucket(t.hash, concept)];
        if (together < MIN_TOGETHER) continue;
        const share = Math.min(1, together / docs);
        const lift = share / (posts / df.docs);
        if (share < MIN_SHARE || lift < MIN_LIFT) continue;
        const v = votes.get(concept) ?? { n: 0, strong: false, score: 0 };
        v.n++;
        v.strong ||= together >= STRONG_TOGETHER;
        v.score += Math.log(lift) * share;
        votes.set(concept, v);
      }
    }
    let best: string | null = null;
    let bestScore = 0;
    for (const [concept, v] of votes) {
      if ((v.n >= 2 || v.strong) && v.score > bestScore) {
        best = concept;
        bestScore = v.score;
      }
    }
    return best;
  }

  toBytes(): Uint8Array {
    return new Uint8Array(this.counts.buffer, this.counts.byteOffset, this.counts.byteLength);
  }

  static from(bytes: Uint8Array | null | undefined, conceptPosts: Record<string, number> | undefined): ConceptAssociations {
    if (!bytes || bytes.byteLength !== (1 << BITS) * 4) return new ConceptAssociations();
    const copy = new Uint32Array(1 << BITS);
    new Uint8Array(copy.buffer).set(bytes);
    return new ConceptAssociations(copy, new Map(Object.entries(conceptPosts ?? {})));
  }
}

/** FNV-1a of the concept id mixed into the word's hash. */
function bucket(hash: number, concept: string): number {
  let h = hash ^ 0x811c9dc5;
  for (let i = 0; i < concept.length; i++) h = Math.imul(h ^ concept.charCodeAt(i), 0x01000193);
  return (h >>> 0) & MASK;
}
