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
  const out: FoldedTokens = { words: [], starts: [], ends: [] };
  let start = -1;
  let end = -1;
  // The token's folded code units; `plain` while they equal the text's own (then the token is a slice).
  let units: Uint16Array = scratch;
  let len = 0;
  let plain = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = t[c];
    if (f === 0) { if (start >= 0) { end = i + 1; plain = false; } continue; } // combining mark: part of the token
    if (isWordUnit(c)) {
      if (start < 0) { start = i; len = 0; plain = true; }
      if (len === units.length) units = scratch = growScratch(units);
      units[len++] = f;
      if (f !== c) plain = false;
      end = i + 1;
    } else if (start >= 0) {
      push(out, plain ? text.slice(start, end) : fromUnits(units, len), start, end);
      start = -1;
    }
  }
  if (start >= 0) push(out, plain ? text.slice(start, end) : fromUnits(units, len), start, end);
  return out;
}

function push(out: FoldedTokens, word: string, start: number, end: number): void {
  out.words.push(word);
  out.starts.push(start);
  out.ends.push(end);
}

/** The string of units[0, len): syllables one call with the units as arguments, longer tokens in pieces. */
function fromUnits(u: Uint16Array, len: number): string {
  const f = String.fromCharCode;
  switch (len) {
    case 1: return f(u[0]);
    case 2: return f(u[0], u[1]);
    case 3: return f(u[0], u[1], u[2]);
    case 4: return f(u[0], u[1], u[2], u[3]);
    case 5: return f(u[0], u[1], u[2], u[3], u[4]);
    case 6: return f(u[0], u[1], u[2], u[3], u[4], u[5]);
    case 7: return f(u[0], u[1], u[2], u[3], u[4], u[5], u[6]);
  }
  // A token may be a megabyte: in pieces small enough to pass as arguments.
  let out = '';
  for (let k = 0; k < len; k += 4096) out += f.apply(null, u.subarray(k, Math.min(len, k + 4096)) as unknown as number[]);
  return out;
}

let scratch: Uint16Array = new Uint16Array(64);
function growScratch(units: Uint16Array): Uint16Array {
  const next = new Uint16Array(units.length * 2);
  next.set(units);
  return next;
}
