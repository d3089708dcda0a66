// Folding for matching, as used by redact/, places/, query/ and dedup/. The definition of
// folding is normalize/'s fold() (lower case, no diacritics, đ → d, full-width → ASCII); this file
// adds what matching needs on top: a per-unit table so tokens keep their offsets in the original
// text, NFC with offsets, and a diacritics-keeping key for exact terms.
import { fold } from '../normalize/fold.ts';

export { fold };

const COMBINING_LO = 0x300;
const COMBINING_HI = 0x36f;
/** Code unit → folded code unit (0 = dropped). A cache of fold(), built on first use. */
let table: Uint16Array | null = null;

function buildTable(): Uint16Array {
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) { t[c] = c; continue; } // lone surrogates: keep
    const f = fold(String.fromCharCode(c));
    t[c] = f.length === 1 ? f.charCodeAt(0) : f.length === 0 ? 0 : c;
  }
  t[0xa0] = 0x20; // no-break space separates words like a space
  return t;
}

export function foldTable(): Uint16Array {
  return (table ??= buildTable());
}

/** True when `text` contains a Vietnamese (or other Latin) letter with a diacritic, or đ. */
export function hasDiacritics(text: string): boolean {
  return /[\u00c0-\u024f\u0300-\u036f\u1ea0-\u1ef9]/.test(text);
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const TONE_DIGIT: Record<string, string> = { '\u0300': '1', '\u0301': '2', '\u0309': '3', '\u0303': '4', '\u0323': '5' };

/**
 * A key that keeps diacritics but ignores case, NFC/NFD form and where the tone mark sits:
 * "Hoà", "hòa" → "hoa1"; "hoa" → "hoa"; "hỏa" → "hoa3". Shape marks (ă â ê ô ơ ư đ) are kept.
 */
export function exactKey(word: string): string {
  let key = exactKeys.get(word);
  if (key === undefined) {
    key = computeExactKey(word);
    // Memo of short words only (bounded; V8 copies substrings under 13 units, so no post is kept alive).
    if (word.length <= 12) {
      if (exactKeys.size >= 20_000) exactKeys.clear();
      exactKeys.set(word, key);
    }
  }
  return key;
}

const exactKeys = new Map<string, string>();

function computeExactKey(word: string): string {
  const nfd = word.normalize('NFD').toLowerCase();
  let tone = '';
  const base = nfd.replace(TONE_MARKS, (m) => { tone = TONE_DIGIT[m]; return ''; });
  return base.normalize('NFC') + tone;
}

/**
 * NFC form of `text` and, for every unit of it, the index in `text` where it came from (plus a
 * final entry for the end). Returns null offsets when `text` has no combining marks (already NFC
 * for Vietnamese), which is the common case and costs one scan.
 */
export function nfcWithOffsets(text: string): { nfc: string; offsets: Int32Array | null } {
  if (!/[\u0300-\u036f]/.test(text)) return { nfc: text, offsets: null };
  const parts: string[] = [];
  const offsets: number[] = [];
  let i = 0;
  while (i < text.length) {
    let j = i + 1;
    while (j < text.length && text.charCodeAt(j) >= COMBINING_LO && text.charCodeAt(j) <= COMBINING_HI) j++;
    const seg = text.slice(i, j).normalize('NFC');
    parts.push(seg);
    for (let k = 0; k < seg.length; k++) offsets.push(k === 0 ? i : j);
    i = j;
  }
  offsets.push(text.length);
  return { nfc: parts.join(''), offsets: Int32Array.from(offsets) };
}
