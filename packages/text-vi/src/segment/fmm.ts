// Forward maximum matching against a word list: the dictionary-only baseline the learned
// segmenter must beat. Punctuation is never joined.
import { MAX_WORD } from './features.ts';
import { mix } from './hash.ts';
import { SOURCE_ANY, type WordHashSet } from './dictionary.ts';
import { Shape, shapeOf, syllableHash } from './syllables.ts';

/**
 * Word lengths for `syllables` by taking, left to right, the longest listed word (≤ maxWord).
 * `accept`: which word-list flags count (default: the real sources, not folded spellings).
 */
export function forwardMaxMatch(syllables: readonly string[], dict: WordHashSet, maxWord = MAX_WORD, accept = SOURCE_ANY): number[] {
  const n = syllables.length;
  const keys = syllables.map(syllableHash);
  const punct = syllables.map((s) => shapeOf(s) === Shape.Punct);
  const lengths: number[] = [];
  let i = 0;
  while (i < n) {
    let best = 1;
    let h = 0x2545f491;
    for (let len = 1; len <= maxWord && i + len <= n; len++) {
      if (punct[i + len - 1]) break;
      h = mix(h, keys[i + len - 1]);
      if (len > 1 && (dict.flags(h) & accept) !== 0) best = len;
    }
    lengths.push(best);
    i += best;
  }
  return lengths;
}
