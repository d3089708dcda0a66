// One class per BMP code point, computed once on first use from Unicode property escapes, so the
// scanner's hot loop is a typed-array lookup instead of a regular expression per character.

export const enum C {
  Other = 0, // symbols and anything unclassified
  Space = 1, // whitespace, including NBSP and the line/paragraph separators
  Ignore = 2, // control and invisible format characters (zero-width, bidi overrides, BOM)
  Letter = 3,
  Mark = 4, // combining marks (NFD diacritics)
  Digit = 5, // ASCII 0-9 only
  Punct = 6,
  Emoji = 7, // Extended_Pictographic
  Zwj = 8, // U+200D: joins emoji, otherwise ignored
  Surrogate = 9,
}

let table: Uint8Array | null = null;
const astralEmoji = new Map<number, boolean>();
const PICTO = /\p{Extended_Pictographic}/u;

function build(): Uint8Array {
  const t = new Uint8Array(0x10000);
  const letter = /\p{L}|\p{No}/u, mark = /\p{M}/u, punct = /\p{P}/u, space = /\s/u, ctrl = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) { t[c] = C.Surrogate; continue; }
    if (c >= 48 && c <= 57) { t[c] = C.Digit; continue; }
    if (c < 128) {
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) t[c] = C.Letter;
      else if (c === 32 || (c >= 9 && c <= 13)) t[c] = C.Space;
      else if (c < 32 || c === 127) t[c] = C.Ignore;
      else t[c] = punct.test(String.fromCharCode(c)) ? C.Punct : C.Other;
      continue;
    }
    const s = String.fromCharCode(c);
    if (c === 0x200d) t[c] = C.Zwj;
    else if (space.test(s)) t[c] = C.Space;
    else if (ctrl.test(s)) t[c] = C.Ignore;
    else if (c === 0xfe0f || c === 0xfe0e) t[c] = C.Mark; // variation selectors attach to what precedes
    else if (PICTO.test(s) && c !== 0xa9 && c !== 0xae && c !== 0x2122) t[c] = C.Emoji; // not ©, ®, ™
    else if (letter.test(s)) t[c] = C.Letter;
    else if (mark.test(s)) t[c] = C.Mark;
    else if (punct.test(s)) t[c] = C.Punct;
    else t[c] = C.Other;
  }
  return t;
}

export function bmpClasses(): Uint8Array {
  return (table ??= build());
}

/** Class of the code point at i (reading a surrogate pair when there is one). */
export function classAt(text: string, i: number, t: Uint8Array): C {
  const c = text.charCodeAt(i);
  const k = t[c];
  if (k !== C.Surrogate) return k as C;
  const cp = text.codePointAt(i)!;
  if (cp < 0x10000) return C.Ignore; // lone surrogate
  return astralClass(cp);
}

export function astralClass(cp: number): C {
  if (cp >= 0x1f1e6 && cp <= 0x1f1ff) return C.Emoji; // regional indicators (flags)
  if (cp >= 0x1f3fb && cp <= 0x1f3ff) return C.Mark; // skin tones attach to the emoji before
  if (cp >= 0xe0020 && cp <= 0xe007f) return C.Mark; // tag characters (subdivision flags)
  if (cp >= 0xe0100 && cp <= 0xe01ef) return C.Mark; // variation selectors supplement
  let e = astralEmoji.get(cp);
  if (e === undefined) {
    e = PICTO.test(String.fromCodePoint(cp));
    if (astralEmoji.size < 4096) astralEmoji.set(cp, e);
  }
  if (e) return C.Emoji;
  return /\p{L}/u.test(String.fromCodePoint(cp)) ? C.Letter : C.Other;
}
