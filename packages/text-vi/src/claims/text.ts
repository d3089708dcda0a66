// A text as the claim matcher reads it: normalised (teencode expanded), folded, phrases of the
// synonym table and figures made single tokens, cut into sentences. A rumour is usually told in one
// sentence of a longer post, so a post is compared sentence by sentence (and by pairs of sentences,
// for the rumour told across two).
import { foldedTokens } from '../fold/tokens.ts';
import { normalizeText } from '../normalize/normalize.ts';
import type { TeencodeTable } from '../normalize/teencode.ts';
import { figureAt } from './figures.ts';
import { synonymAt, type ClaimSynonyms } from './synonyms.ts';
import { baseWeight } from './words.ts';

export interface ClaimTextModels {
  teencode: TeencodeTable;
  synonyms: ClaimSynonyms;
}

export interface Sentence {
  /** Tokens that carry weight, in order. */
  readonly tokens: readonly string[];
  readonly weights: readonly number[];
  readonly figures: readonly string[];
}

/** Longer texts are read up to this many characters: a rumour is stated near the start. */
export const MAX_CLAIM_TEXT = 4000;

const SENTENCE_END = /[.!?;\n…]/;

export function claimSentences(text: string, models: ClaimTextModels, { purposeWeight = 1 }: { purposeWeight?: number } = {}): Sentence[] {
  const clipped = text.length > MAX_CLAIM_TEXT ? text.slice(0, MAX_CLAIM_TEXT) : text;
  const norm = normalizeText(clipped, { teencode: models.teencode, lowercase: true });
  const { words, starts, ends } = foldedTokens(norm);
  const seps: string[] = words.map((_, i) => (i === 0 ? '' : norm.slice(ends[i - 1], starts[i])));
  const out: Sentence[] = [];
  let from = 0;
  for (let i = 1; i <= words.length; i++) {
    if (i < words.length && !endsSentence(seps[i], words[i - 1], words[i])) continue;
    const sentence = readSentence(words, seps, from, i, models.synonyms, purposeWeight);
    if (sentence.tokens.length) out.push(sentence);
    from = i;
  }
  return out;
}

/** A full stop between two numbers is a thousands separator ("500.000"), in "e.coli" part of a name. */
function endsSentence(sep: string, before: string, after: string): boolean {
  if (!SENTENCE_END.test(sep)) return false;
  if (sep === '.' && (/^\d+$/.test(before) && /^\d+$/.test(after))) return false;
  if (sep === '.' && before.length <= 2 && !/^\d+$/.test(before)) return false;
  return true;
}

function readSentence(words: readonly string[], seps: readonly string[], from: number, to: number, synonyms: ClaimSynonyms, purposeWeight: number): Sentence {
  const tokens: string[] = [];
  const weights: number[] = [];
  const figures: string[] = [];
  // In a claim, what follows "để" is the stated reason: posts repeating the rumour often leave it out.
  let factor = 1;
  for (let i = from; i < to; ) {
    const syn = synonymAt(synonyms, words, i, to);
    if (syn) {
      push(syn.canonical, /^\d/.test(syn.canonical), true);
      i += syn.length;
      continue;
    }
    const fig = figureAt(words, seps, i, to);
    if (fig) {
      push(fig.token, /^\d/.test(fig.token) || fig.token.startsWith('ngay'), false);
      i += fig.length;
      continue;
    }
    if (words[i] === 'de' && purposeWeight !== 1) factor = purposeWeight;
    push(words[i], false, false);
    i++;
  }
  return { tokens, weights, figures };

  function push(token: string, isFigure: boolean, isSynonym: boolean) {
    const w = baseWeight(token, isFigure, isSynonym) * factor;
    if (w === 0) return;
    tokens.push(token);
    weights.push(w);
    if (isFigure) figures.push(token);
  }
}
