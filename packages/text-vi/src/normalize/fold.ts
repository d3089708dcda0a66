// The folded form used for accent-insensitive matching: no diacritics, đ → d, lower case,
// full-width letters as ASCII.
// "Ngập NƯỚC ở Đường Láng" → "ngap nuoc o duong lang". One table lookup per UTF-16 unit.
import { FOLD } from './chars.ts';

/** Folds `text` (any normalisation form: combining marks are dropped too). */
export function fold(text: string): string {
  let out = '';
  let changed = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let f: number;
    if (c < 0x1f00) f = FOLD[c];
    else if (c >= 0xff01 && c <= 0xff5e) f = FOLD[c - 0xfee0]; // full-width ASCII
    else f = c;
    if (c >= 0x300 && c <= 0x36f) f = -1; // combining diacritic (NFD input): drop
    if (f !== c) {
      if (!changed) changed = true;
      out += text.slice(start, i);
      if (f !== -1) out += String.fromCharCode(f);
      start = i + 1;
    }
  }
  return changed ? out + text.slice(start) : text;
}
