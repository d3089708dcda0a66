// Letter-led tokens: syllables, foreign words, abbreviations with dots ("TP.", "TP.HCM", "v.v."),
// hyphenated and apostrophe words ("Wai-kru", "H'Mông"), pre-joined words ("Hà_Nội").
import { C, classAt } from './charclass.ts';
import { LETTER_FLAGS, F_DIACRITIC } from '../normalize/chars.ts';

/** Abbreviations (lower case) that keep a following dot: "TP.", "q.", "ThS.". */
const ABBREVIATIONS = new Set(['tp', 'tx', 'tt', 'q', 'p', 'x', 'h', 'ths', 'ts', 'pgs', 'gs', 'bs', 'ks', 'cn', 'st', 'mr', 'mrs', 'ms', 'dr', 'v', 'vs', 'đc', 'ubnd', 'hđnd', 'tw']);

/**
 * Where the word starting at i ends, times two, plus one when it holds a digit ("43H", "q1"): one
 * number, not an object per word (scanWord runs for most tokens of every post).
 */
export type WordScan = number;
export const scanEnd = (s: WordScan): number => s >>> 1;
export const scanHasDigit = (s: WordScan): boolean => (s & 1) === 1;

const width = (text: string, j: number) => (text.charCodeAt(j) >= 0xd800 && text.charCodeAt(j) <= 0xdbff && j + 1 < text.length ? 2 : 1);

export function scanWord(text: string, i: number, t: Uint8Array): WordScan {
  const n = text.length;
  let j = i;
  let hasDigit = false;
  let segStart = i; // start of the letters since the last dot, for abbreviation checks
  let vietnamese = false; // a Vietnamese diacritic seen: digits then start a new token ("ngày12")
  for (;;) {
    while (j < n) {
      const cls = classAt(text, j, t);
      if (cls === C.Letter || cls === C.Mark) {
        const c = text.charCodeAt(j);
        if (c < 0x1f00 && (LETTER_FLAGS[c] & F_DIACRITIC) !== 0) vietnamese = true;
        j += width(text, j);
      } else if (cls === C.Digit && !vietnamese) { hasDigit = true; j++; }
      else break;
    }
    if (j + 1 >= n) break;
    const ch = text[j];
    const next = classAt(text, j + 1, t);
    const nextAlnum = next === C.Letter || next === C.Digit || next === C.Mark;
    if ((ch === '-' || ch === '\u2010' || ch === '_') && nextAlnum) { j++; segStart = j; continue; }
    if ((ch === "'" || ch === '\u2019') && next === C.Letter && isLetterBefore(text, j, t)) { j++; continue; }
    if (ch === '.') {
      const seg = text.slice(segStart, j);
      const abbrev = isAbbreviation(seg);
      if (nextAlnum && (abbrev || isUpper(seg))) { j++; segStart = j; continue; }
      if (!nextAlnum && abbrev && text[j + 1] !== '.') { j++; break; } // not the start of "..."

    }
    break;
  }
  // A lone trailing dot after a capital at the very end ("… ông H.") is an initial too.
  if (j === n - 1 && text[j] === '.' && isAbbreviation(text.slice(segStart, j))) j++;
  return j * 2 + (hasDigit ? 1 : 0);
}

function isLetterBefore(text: string, j: number, t: Uint8Array): boolean {
  return j > 0 && classAt(text, j - 1, t) === C.Letter;
}

/** A capital letter (an initial: "H.") or a listed abbreviation ("TP.", "q."). */
function isAbbreviation(seg: string): boolean {
  if (seg.length === 1 && seg !== seg.toLowerCase()) return true;
  return seg.length <= 4 && ABBREVIATIONS.has(seg.toLowerCase());
}

function isUpper(seg: string): boolean {
  return seg.length > 0 && seg.length <= 5 && seg === seg.toUpperCase() && seg !== seg.toLowerCase();
}
