// Vietnamese letter tables: every precomposed vowel split into (base vowel, tone), and back.
// Built once from twelve base vowels and five combining tone marks, so no table is typed by hand.

/** Tone index: 0 none (ngang), 1 grave (huyền), 2 acute (sắc), 3 hook (hỏi), 4 tilde (ngã), 5 dot (nặng). */
export type Tone = 0 | 1 | 2 | 3 | 4 | 5;

const TONE_MARKS = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
/** The twelve vowel shapes; each may carry one of six tones. */
export const BASE_VOWELS = 'aăâeêioôơuưy';

/** Code point → base vowel code point (shape kept, tone removed), for toned vowels only. */
const baseOf = new Map<number, number>();
/** Code point → tone (1..5) for toned vowels. */
const toneOf = new Map<number, Tone>();
/** `${base}${tone}` → precomposed character. */
const composeTable = new Map<string, string>();
/** Code point → folded ASCII lower-case letter (diacritics removed, đ → d). Dense for speed. */
export const FOLD = new Uint16Array(0x1f00);
/** Code point → lower case, for the Latin range Vietnamese uses. Dense for speed. */
export const LOWER = new Uint16Array(0x1f00);
/** Code point → lower-case letter without its tone but with its shape ("Ứ" → "ư", "á" → "a", "Đ" → "đ"). Dense for speed. */
export const SHAPE = new Uint16Array(0x1f00);
/** Bit flags per code point: 1 = Vietnamese letter, 2 = vowel, 4 = carries a Vietnamese-only diacritic. */
export const LETTER_FLAGS = new Uint8Array(0x1f00);
export const F_LETTER = 1;
export const F_VOWEL = 2;
export const F_DIACRITIC = 4;

for (let c = 0; c < 0x1f00; c++) {
  const s = String.fromCharCode(c);
  const lower = s.toLowerCase();
  LOWER[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
  FOLD[c] = LOWER[c];
  if (c < 0x250 || c >= 0x1e00) {
    // Latin letters only: other scripts have nothing to fold to ASCII, and skipping them keeps import cheap.
    const stripped = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    if (stripped.length === 1 && stripped.charCodeAt(0) < 0x80) FOLD[c] = stripped.charCodeAt(0);
  }
}
FOLD[0x111] = FOLD[0x110] = 0x64; // đ Đ → d: not a combining mark, so NFD keeps it

for (const base of BASE_VOWELS + BASE_VOWELS.toUpperCase()) {
  for (let t = 0; t <= 5; t++) {
    const ch = (base + TONE_MARKS[t]).normalize('NFC');
    const code = ch.charCodeAt(0);
    composeTable.set(base + t, ch);
    if (t > 0) {
      baseOf.set(code, base.charCodeAt(0));
      toneOf.set(code, t as Tone);
    }
    LETTER_FLAGS[code] = F_LETTER | F_VOWEL | (t > 0 || !'aeiouyAEIOUY'.includes(base) ? F_DIACRITIC : 0);
  }
}
for (let c = 0; c < 0x1f00; c++) {
  const base = baseOf.get(c);
  SHAPE[c] = base === undefined ? LOWER[c] : LOWER[base];
}
for (const c of 'bcdghklmnpqrstvxfjwzBCDGHKLMNPQRSTVXFJWZ') LETTER_FLAGS[c.charCodeAt(0)] = F_LETTER;
LETTER_FLAGS[0x111] = LETTER_FLAGS[0x110] = F_LETTER | F_DIACRITIC;

/** Splits a vowel into its toneless shape and its tone; non-vowels come back unchanged with tone 0. */
export function splitTone(ch: string): [string, Tone] {
  const code = ch.charCodeAt(0);
  const base = baseOf.get(code);
  return base === undefined ? [ch, 0] : [String.fromCharCode(base), toneOf.get(code)!];
}

/** Puts `tone` on a toneless vowel shape ('ơ', 3 → 'ở'); returns the input when it is not a vowel. */
export function composeTone(base: string, tone: Tone): string {
  return composeTable.get(base + tone) ?? base;
}

export const isVowel = (code: number): boolean => code < 0x1f00 && (LETTER_FLAGS[code] & F_VOWEL) !== 0;
export const isLetterVi = (code: number): boolean => code < 0x1f00 && (LETTER_FLAGS[code] & F_LETTER) !== 0;
