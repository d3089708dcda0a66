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
  /** Diacritics-keeping key → its positions, computed on first use (exact terms look words up, not scan). */
  exactPositions(): ReadonlyMap<string, number[]>;
}

/** Word → its positions in `words`. */
export function positionsOf(words: readonly string[]): Map<string, number[]> {
  const positions = new Map<string, number[]>();
  for (let i = 0; i < words.length; i++) {
    const list = positions.get(words[i]);
    if (list) list.push(i);
    else positions.set(words[i], [i]);
  }
  return positions;
}

export function prepareDocument(text: string): PreparedText {
  return prepareFolded(text, foldedTokens(text));
}

/** prepareDocument() given foldedTokens(text) (analyze() shares them when it can). */
export function prepareFolded(text: string, toks: FoldedTokens): PreparedText {
  let exact: string[] | null = null;
  let exactAt: Map<string, number[]> | null = null;
  const exactWords = () => (exact ??= toks.words.map((_, i) => exactKey(text.slice(toks.starts[i], toks.ends[i]))));
  return {
    text,
    words: toks.words,
    positions: positionsOf(toks.words),
    exactWords,
    exactPositions: () => (exactAt ??= positionsOf(exactWords())),
  };
}
