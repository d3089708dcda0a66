// Word segmentation of text: tokenise (unless the text is already tokenised), then group
// tokens into words with the model. Characters are never changed, only grouped.
import { tokenize } from '../tokenize/tokenize.ts';
import type { Token } from '../tokenize/types.ts';
import { segmentSyllables } from './core.ts';
import type { SegmenterModel } from './model.ts';

export interface SegmentOptions {
  /**
   * The text is already tokenised: its whitespace-separated chunks are the units, exactly as
   * written (ud_vi_vtb style, "Hà Nội , ngày 12/3"). Default false: raw text is tokenised first,
   * so "Nội," becomes "Nội" + ",". On tokenised text both modes agree on all but a handful of
   * odd chunks (7 of 56,900 in ud_vi_vtb, e.g. "3," or ".HCM").
   */
  pretokenized?: boolean;
}

const WS = /\s+/;
/** Whitespace and control characters: never part of a pre-tokenised chunk, never in the output. */
const CHUNK_SEPARATORS = /[\s\u0000-\u001f\u007f-\u009f]+/;

/**
 * The units the segmenter groups. A token that spans a space ("1,5 triệu", "0912 345 678") is
 * one unit and so always one word.
 */
export function segmentationUnits(text: string, options: SegmentOptions = {}): string[] {
  if (options.pretokenized) return text.split(CHUNK_SEPARATORS).filter((s) => s.length > 0);
  return tokenize(text).map((t) => t.text);
}

/**
 * Words of `text` in order; each word is the array of its syllables (tokens) as written:
 * "Hà Nội là thủ đô" → [["Hà","Nội"],["là"],["thủ","đô"]].
 */
export function segment(text: string, model: SegmenterModel, options: SegmentOptions = {}): string[][] {
  return segmentUnits(segmentationUnits(text, options), model);
}

/**
 * The words of raw text given its tokens from tokenize(), each as its syllables joined by "_"
 * ("kẹt_xe"): segment(text).map((w) => w.join('_')) without the arrays (analyze() shares the
 * tokens with sentiment).
 */
export function segmentTokensJoined(tokens: readonly Token[], model: SegmenterModel): string[] {
  const units: string[] = new Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) units[i] = tokens[i].text;
  const lengths = segmentSyllables(units, model);
  const words: string[] = new Array(lengths.length);
  let k = 0;
  for (let w = 0; w < lengths.length; w++) {
    const e = k + lengths[w];
    let word = joined(units[k++]);
    while (k < e) word += '_' + joined(units[k++]);
    words[w] = word;
  }
  return words;
}

/** A unit that spans spaces ("1,5 triệu") is several syllables. */
const joined = (u: string): string => (u.includes(' ') ? u.split(WS).join('_') : u);

function segmentUnits(units: string[], model: SegmenterModel): string[][] {
  const lengths = segmentSyllables(units, model);
  const words: string[][] = [];
  let k = 0;
  for (const len of lengths) {
    const word: string[] = [];
    for (let e = k + len; k < e; k++) {
      const u = units[k];
      if (u.includes(' ')) word.push(...u.split(WS));
      else word.push(u);
    }
    words.push(word);
  }
  return words;
}

/** The CLI's line format: words separated by one space, syllables of a word joined by "_" ("Hà_Nội là thủ_đô"). */
export function segmentToString(text: string, model: SegmenterModel, options: SegmentOptions = {}): string {
  return segment(text, model, options).map((w) => w.join('_')).join(' ');
}
