// Per-code-unit tables for the classifier's scanner: lower-casing, diacritic folding and
// character classes, so the hot loop does array lookups instead of string calls or regexes.
// Built once at import from Unicode data in the engine (pure computation, no I/O).

/** Scanner classes. IGNORE chars vanish (zero-width and bidi controls are used to dodge filters). */
export const SPACE = 0, WORD = 1, SYMBOL = 2, IGNORE = 3;

const TABLE_SIZE = 0x2100;
const lowerTable = new Uint16Array(TABLE_SIZE);
const foldTable = new Uint16Array(TABLE_SIZE);
const classTable = new Uint8Array(TABLE_SIZE);

const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;
const WHITE = /[\s\p{Cc}]/u;

for (let c = 0; c < TABLE_SIZE; c++) {
  const ch = String.fromCharCode(c);
  const lower = ch.toLowerCase();
  lowerTable[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
  const base = lower.normalize('NFD').charCodeAt(0);
  foldTable[c] = base < 0x80 ? base : lowerTable[c];
  if (WHITE.test(ch)) classTable[c] = SPACE;
  else if (LETTER_OR_DIGIT.test(ch)) classTable[c] = WORD;
  else classTable[c] = SYMBOL;
}
foldTable[0x111] = foldTable[0x110] = 0x64; // đ, Đ → d (no decomposition in Unicode)
// Combining marks left after NFC (rare) fold away: treat them as ignorable in folded hashes.
for (let c = 0x300; c < 0x370; c++) foldTable[c] = 0;
for (const c of [0xad, 0x34f, 0x61c, 0x180e]) classTable[c] = IGNORE;
for (let c = 0x200b; c <= 0x200f; c++) classTable[c] = IGNORE;
for (let c = 0x202a; c <= 0x202e; c++) classTable[c] = IGNORE;
for (let c = 0x2060; c <= 0x206f; c++) classTable[c] = IGNORE;

/** Lower-cases one UTF-16 code unit (identity outside the table). */
export const lowerCode = (c: number): number => (c < TABLE_SIZE ? lowerTable[c] : c);
/** Lower-cases and strips Vietnamese diacritics from one code unit; 0 means "drop". */
export const foldCode = (c: number): number => (c < TABLE_SIZE ? foldTable[c] : c);
/** Scanner class of one code unit. */
export function charClass(c: number): number {
  if (c < TABLE_SIZE) return classTable[c];
  if (c === 0xfeff || (c >= 0xfe00 && c <= 0xfe0f)) return IGNORE; // BOM, variation selectors
  if (c >= 0xd800 && c <= 0xdfff) return SYMBOL; // surrogates: emoji and other astral symbols
  if (c >= 0x3000 && c <= 0x303f) return c === 0x3000 ? SPACE : SYMBOL;
  if (c >= 0xff00 && c <= 0xffef) return SYMBOL;
  return c === 0xfffd ? SYMBOL : WORD; // other scripts (CJK, Thai…) are word characters
}
