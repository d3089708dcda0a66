// Folded word tokens with their offsets in the original text: the common input of places/,
// query/ and dedup/. A token is a run of letters and digits; everything else separates tokens.
import { foldTable } from './fold.ts';

export interface FoldedTokens {
  /** Folded tokens: "Đường 3/2" → ["duong", "3", "2"]. */
  words: string[];
  /** Start offset of each token in the original text (UTF-16 units). */
  starts: number[];
  /** End offset (exclusive) of each token in the original text. */
  ends: number[];
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** 0 unknown, 1 word unit, 2 separator; cached per code unit (non-ASCII checks are costly). */
let kinds: Uint8Array | null = null;

function isWordUnit(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
  const k = (kinds ??= new Uint8Array(0x10000));
  let v = k[c];
  if (v === 0) {
    v = (c >= 0xd800 && c <= 0xdfff) ? 2 : LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 1 : 2;
    k[c] = v;
  }
  return v === 1;
}

export function foldedTokens(text: string): FoldedTokens {
  const t = foldTable();
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let cur = '';
  let start = -1;
  let end = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = t[c];
    if (f === 0) { if (start >= 0) end = i + 1; continue; } // combining mark: part of the token
    if (isWordUnit(c)) {
      if (start < 0) { start = i; cur = ''; }
      cur += f === c ? text[i] : String.fromCharCode(f);
      end = i + 1;
    } else if (start >= 0) {
      words.push(cur); starts.push(start); ends.push(end);
      start = -1;
    }
  }
  if (start >= 0) { words.push(cur); starts.push(start); ends.push(end); }
  return { words, starts, ends };
}
