// The window of recent posts for near-duplicate lookups, on the text core's MinHash signatures
// ("m1:" + 64 hashes of 16 bits, see @nhipcau/text-vi dedup/). Same banding as its LshIndex (16 bands
// of 4 hashes), but compact for a long-lived window: signatures as Uint16Array, band keys as 32-bit
// numbers, no strings per entry — the clustering keeps tens of thousands of posts here.
const HASHES = 64;
const BANDS = 16;
const ROWS = HASHES / BANDS;
const EMPTY = 0xffff;

/** The 64 hashes of a signature, or null for another version or an empty text. */
export function parseSignature(sig: string): Uint16Array | null {
  if (!sig.startsWith('m1:') || sig.length !== 3 + HASHES * 4) return null;
  const out = new Uint16Array(HASHES);
  let empty = true;
  for (let k = 0; k < HASHES; k++) {
    out[k] = parseInt(sig.slice(3 + k * 4, 7 + k * 4), 16);
    if (out[k] !== EMPTY) empty = false;
  }
  return empty ? null : out;
}

function bandKey(h: Uint16Array, band: number): number | null {
  let key = 0x811c9dc5 ^ band;
  let empty = true;
  for (let r = 0; r < ROWS; r++) {
    const v = h[band * ROWS + r];
    if (v !== EMPTY) empty = false;
    key = Math.imul(key ^ v, 0x01000193);
  }
  return empty ? null : key >>> 0;
}

/** Estimated Jaccard similarity: the share of equal hashes. */
export function similarity(a: Uint16Array, b: Uint16Array): number {
  let same = 0;
  for (let k = 0; k < HASHES; k++) if (a[k] === b[k]) same++;
  return same / HASHES;
}

/** Of a crowded bucket (many copies of one text), only the most recent entries are compared. */
const BUCKET_SCAN = 16;

export class NearIndex {
  private readonly sigs = new Map<number, Uint16Array>();
  private buckets = new Map<number, number[]>();
  /** Removed ids still listed in buckets; swept when they outnumber the live ones. */
  private dead = 0;

  get size(): number {
    return this.sigs.size;
  }

  add(id: number, h: Uint16Array): void {
    if (this.sigs.has(id)) this.remove(id);
    this.sigs.set(id, h);
    for (let b = 0; b < BANDS; b++) {
      const key = bandKey(h, b);
      if (key === null) continue;
      const list = this.buckets.get(key);
      if (list) list.push(id);
      else this.buckets.set(key, [id]);
    }
  }

  remove(id: number): void {
    if (!this.sigs.delete(id)) return;
    if (++this.dead > Math.max(1024, this.sigs.size)) this.sweep();
  }

  private sweep(): void {
    const buckets = new Map<number, number[]>();
    for (const [key, list] of this.buckets) {
      const live = list.filter((id) => this.sigs.has(id));
      if (live.length) buckets.set(key, live);
    }
    this.buckets = buckets;
    this.dead = 0;
  }

  /** Posts at least `threshold` similar, most similar first (ties: lower id first). */
  near(h: Uint16Array, threshold: number): Array<{ id: number; similarity: number }> {
    const seen = new Set<number>();
    const out: Array<{ id: number; similarity: number }> = [];
    for (let b = 0; b < BANDS; b++) {
      const key = bandKey(h, b);
      if (key === null) continue;
      const list = this.buckets.get(key);
      if (!list) continue;
      for (let i = list.length - 1, scanned = 0; i >= 0 && scanned < BUCKET_SCAN; i--) {
        const id = list[i];
        const other = this.sigs.get(id);
        if (!other || seen.has(id)) continue;
        seen.add(id);
        scanned++;
        const s = similarity(h, other);
        if (s >= threshold) out.push({ id, similarity: s });
      }
    }
    return out.sort((a, b) => b.similarity - a.similarity || a.id - b.id);
  }
}
