// A text prepared once for many queries: folded words and where each word occurs.
import { exactKey } from '../fold/fold.ts';
import { foldedTokens, type FoldedTokens } from '../fold/tokens.ts';

export interface PreparedText {
  readonly text: string;
  /** Folded words in order. */
  readonly words: readonly string[];
  /** Folded word → its positions in `words`. */
  readonly positions: ReadonlyMap<string, number[]>;
  /** Diacritics-keeping keys (see exactKey), computed on first use by an exact term. */
  exactWords(): readonly string[];
}

export function prepareDocument(text: string): PreparedText {
  return prepareFolded(text, foldedTokens(text));
}

/** prepareDocument() given foldedTokens(text) (analyze() shares them when it can). */
export function prepareFolded(text: string, toks: FoldedTokens): PreparedText {
  const positions = new Map<string, number[]>();
  toks.words.forEach((w, i) => {
    const list = positions.get(w);
    if (list) list.push(i);
    else positions.set(w, [i]);
  });
  let exact: string[] | null = null;
  return {
    text,
    words: toks.words,
    positions,
    exactWords: () => (exact ??= toks.words.map((_, i) => exactKey(text.slice(toks.starts[i], toks.ends[i])))),
  };
}
