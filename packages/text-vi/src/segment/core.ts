// Segmentation of an already-split syllable sequence: the model's part, free of tokenising.
import { SentenceContext } from './features.ts';
import { Scratch, scoreGaps, viterbi } from './decode.ts';
import type { SegmenterModel } from './model.ts';
import { syllableHash } from './syllables.ts';

const CACHE_LIMIT = 200_000;
/** Longer units are hashed every time: V8 copies substrings under 13 units, but a longer unit may be
 *  a slice that would keep its whole post alive in the memo (memory must not grow with the input). */
const CACHE_KEY_LENGTH = 12;
const scratch = new Scratch();

/** Hash of a syllable through the model's memo (bounded: cleared when it grows too large). */
function hasher(model: SegmenterModel): (s: string) => number {
  const cache = model.cache;
  return (s) => {
    let h = cache.get(s);
    if (h === undefined) {
      h = syllableHash(s);
      if (s.length <= CACHE_KEY_LENGTH) {
        if (cache.size >= CACHE_LIMIT) cache.clear();
        cache.set(s, h);
      }
    }
    return h;
  };
}

/**
 * Word lengths (in syllables) for `syllables`, in order; they sum to syllables.length.
 * Units are tokens as written; one holding a space ("1,5 triệu") is treated as one syllable.
 */
export function segmentSyllables(syllables: readonly string[], model: SegmenterModel): number[] {
  const n = syllables.length;
  if (n === 0) return [];
  const ctx = new SentenceContext(syllables, model.dict, hasher(model));
  scoreGaps(ctx, model.weights, (1 << model.bits) - 1, scratch);
  const tags = scratch.tags;
  viterbi(n, scratch.emission, scratch.allowed, model.transitions, tags);
  const lengths: number[] = [];
  let len = 1;
  for (let i = 1; i < n; i++) {
    if (tags[i] === 1) len++;
    else { lengths.push(len); len = 1; }
  }
  lengths.push(len);
  return lengths;
}
