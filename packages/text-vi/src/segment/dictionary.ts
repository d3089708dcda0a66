// A word list reduced to 32-bit hashes of canonical syllable sequences, each with 4 flag bits
// (which sources list the word; whether it is a folded spelling). Compact to ship (5 bytes a
// word), fast to probe; it answers only "is this span a listed word, and who says so?".
import { hashSequence } from './hash.ts';
import { syllableHash } from './syllables.ts';
import { fold } from '../normalize/fold.ts';

export class WordHashSet {
  private readonly keys: Uint32Array;
  private readonly flagBits: Uint8Array;
  private readonly mask: number;
  readonly size: number;

  /** `hashes`: the words' sequence hashes (see `wordHash`); zero is remapped; a repeated hash ORs the flags. */
  constructor(hashes: ArrayLike<number>, flags?: ArrayLike<number>) {
    let cap = 16;
    while (cap < hashes.length * 2) cap <<= 1;
    this.keys = new Uint32Array(cap);
    this.flagBits = new Uint8Array(cap);
    this.mask = cap - 1;
    let size = 0;
    for (let i = 0; i < hashes.length; i++) if (this.insert(hashes[i] >>> 0 || 1, flags ? flags[i] : 1)) size++;
    this.size = size;
  }

  private insert(h: number, flags: number): boolean {
    let slot = h & this.mask;
    for (;;) {
      const v = this.keys[slot];
      if (v === 0) { this.keys[slot] = h; this.flagBits[slot] = flags; return true; }
      if (v === h) { this.flagBits[slot] |= flags; return false; }
      slot = (slot + 1) & this.mask;
    }
  }

  /** Flags of the word with sequence hash `h`, or 0 when it is not listed. */
  flags(h: number): number {
    h = h >>> 0 || 1;
    let slot = h & this.mask;
    for (;;) {
      const v = this.keys[slot];
      if (v === h) return this.flagBits[slot];
      if (v === 0) return 0;
      slot = (slot + 1) & this.mask;
    }
  }

  has(h: number): boolean {
    return this.flags(h) !== 0;
  }

  /** The entries sorted by hash: the form stored in model files. */
  entries(): { hashes: Uint32Array; flags: Uint8Array } {
    const order: number[] = [];
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== 0) order.push(i);
    order.sort((a, b) => this.keys[a] - this.keys[b]);
    return { hashes: Uint32Array.from(order, (i) => this.keys[i]), flags: Uint8Array.from(order, (i) => this.flagBits[i]) };
  }
}

/** Hash of a word written with spaces between syllables ("thủ đô"). */
export function wordHash(word: string): number {
  const parts = word.trim().split(/\s+/);
  const hs = parts.map(syllableHash);
  return hashSequence(hs, 0, hs.length);
}

/** Builds the set from words with optional flag bits (default 1). */
export function buildWordHashSet(words: Iterable<string | [string, number]>): WordHashSet {
  const hs: number[] = [];
  const ts: number[] = [];
  for (const item of words) {
    const [w, t] = typeof item === 'string' ? [item, 1] : item;
    if (!w.trim()) continue;
    hs.push(wordHash(w));
    ts.push(t & 15 || 1);
  }
  return new WordHashSet(hs, ts);
}

/** Word-list flag bits. Source bits come from the list; FOLDED marks entries added by folding. */
export const SOURCE_MAIN = 1; // Viet74K / Hồ Ngọc Đức
export const SOURCE_DICTIONARY = 2; // tudientv: a curated dictionary
export const SOURCE_WIKTIONARY = 4;
export const FOLDED = 8; // the diacritic-free spelling of some listed word
export const SOURCE_ANY = SOURCE_MAIN | SOURCE_DICTIONARY | SOURCE_WIKTIONARY;

/**
 * Builds the segmenter's word set: each word under its own spelling with its source flags, and
 * (when `withFolded`) also under its folded spelling ("ha noi") with FOLDED, so text typed
 * without diacritics still finds its words.
 */
export function buildSegmenterDictionary(entries: Iterable<[string, number]>, withFolded = true): WordHashSet {
  const items: [string, number][] = [];
  for (const [w, flags] of entries) {
    items.push([w, flags & 7]);
    if (withFolded) items.push([fold(w), FOLDED]);
  }
  return buildWordHashSet(items);
}
