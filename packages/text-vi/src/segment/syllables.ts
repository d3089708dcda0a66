// What the segmenter sees of one syllable: a hash of its canonical form (lower case, NFC, one
// tone placement — so "Hoà", "hòa" and "HÒA" are the same feature) and a coarse shape class.
import { LETTER_FLAGS, LOWER, F_LETTER } from '../normalize/chars.ts';
import { placeTone } from '../normalize/tone.ts';
import { hashString } from './hash.ts';

export const enum Shape {
  Lower = 0, // lower-case word: "nhà"
  Title = 1, // "Hà"
  Upper = 2, // "UBND", "HCM"
  Number = 3, // "68", "2.000", "3,5"
  Punct = 4, // ",", "...", "%" — never part of a multi-token word
  Abbrev = 5, // "TP.", "H.", "q.1"
  Mixed = 6, // "43H-016", "knock-out", URLs
  Other = 7, // emoji, symbols mixed with letters, anything else
}
export const SHAPE_COUNT = 8;

/** Canonical text of a syllable for lookup: lower case, NFC, old-style tone placement. */
export function canonicalSyllable(s: string): string {
  let ascii = true;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) { ascii = false; break; }
  if (ascii) return s.toLowerCase();
  return placeTone(s.normalize('NFC').toLowerCase());
}

export const syllableHash = (s: string): number => hashString(canonicalSyllable(s));

const isDigit = (c: number) => c >= 48 && c <= 57;
/** Vietnamese letters plus the rest of Latin, Greek and Cyrillic (foreign names). */
const isLetter = (c: number) =>
  c < 0x1f00 && ((LETTER_FLAGS[c] & F_LETTER) !== 0 || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x370 && c <= 0x4ff));

/** Classifies one whitespace-free token. */
export function shapeOf(s: string): Shape {
  let letters = 0, uppers = 0, digits = 0, dots = 0, other = 0, firstUpper = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) digits++;
    else if (isLetter(c)) {
      letters++;
      if (LOWER[c] !== c) { uppers++; if (i === 0) firstUpper = true; }
    }
    else if (c === 46) dots++;
    else other++;
  }
  if (letters === 0 && digits === 0) return s.length > 0 && other + dots === s.length && !hasAstral(s) ? Shape.Punct : Shape.Other;
  if (letters === 0) return other + dots === 0 || onlyNumberPunct(s) ? Shape.Number : Shape.Mixed;
  if (other === 0 && digits === 0) {
    if (dots > 0) return Shape.Abbrev;
    if (uppers === 0) return Shape.Lower;
    if (uppers === letters) return letters === 1 ? Shape.Title : Shape.Upper;
    if (firstUpper && uppers === 1) return Shape.Title;
    return Shape.Mixed;
  }
  if (dots > 0 && other === 0 && letters <= 3) return Shape.Abbrev;
  return Shape.Mixed;
}

function onlyNumberPunct(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!(isDigit(c) || c === 44 || c === 46 || c === 47 || c === 45 || c === 37 || c === 58)) return false;
  }
  return true;
}

function hasAstral(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return true;
    if (c >= 0x2600 && c <= 0x27bf) return true; // dingbats and misc symbols: emoji, not punctuation
  }
  return false;
}
