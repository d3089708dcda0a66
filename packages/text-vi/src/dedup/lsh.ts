// Locality-sensitive hashing over MinHash signatures: 16 bands of 4 hashes. Two posts share a
// bucket with probability 1-(1-J^4)^16: about 0.9998 at Jaccard 0.8, 0.64 at 0.5, 0.12 at 0.3,
// so near-duplicates meet and unrelated posts rarely do; near() then checks the real estimate.
import { SIGNATURE_HASHES, similarity } from './signature.ts';

const BANDS = 16;
const ROWS = SIGNATURE_HASHES / BANDS;
const HEX_PER_BAND = ROWS * 4;
const PREFIX = 3; // "m1:"

function bandKeys(sig: string): string[] {
  const keys: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    const band = sig.slice(PREFIX + b * HEX_PER_BAND, PREFIX + (b + 1) * HEX_PER_BAND);
    if (band !== 'ffff'.repeat(ROWS)) keys.push(b.toString(36) + band); // empty text: no bucket
  }
  return keys;
}

export class LshIndex {
  private readonly buckets = new Map<string, Set<string>>();
  private readonly sigs = new Map<string, string>();

  get size(): number { return this.sigs.size; }

  /** Adds (or replaces) `id` with its signature. */
  add(id: string, sig: string): void {
    if (this.sigs.has(id)) this.remove(id);
    this.sigs.set(id, sig);
    for (const key of bandKeys(sig)) {
      let set = this.buckets.get(key);
      if (!set) this.buckets.set(key, (set = new Set()));
      set.add(id);
    }
  }

  remove(id: string): boolean {
    const sig = this.sigs.get(id);
    if (sig === undefined) return false;
    this.sigs.delete(id);
    for (const key of bandKeys(sig)) {
      const set = this.buckets.get(key);
      set?.delete(id);
      if (set?.size === 0) this.buckets.delete(key);
    }
    return true;
  }

  /** Ids that share at least one bucket with `sig` (may include false positives). */
  candidates(sig: string): string[] {
    const out = new Set<string>();
    for (const key of bandKeys(sig)) for (const id of this.buckets.get(key) ?? []) out.add(id);
    return [...out];
  }

  /** Candidates whose estimated similarity is at least `threshold`, most similar first. */
  near(sig: string, threshold = 0.6): { id: string; similarity: number }[] {
    const out: { id: string; similarity: number }[] = [];
    for (const id of this.candidates(sig)) {
      const s = similarity(sig, this.sigs.get(id)!);
      if (s >= threshold) out.push({ id, similarity: s });
    }
    return out.sort((a, b) => b.similarity - a.similarity || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}
