// Emoji sequences (skin tones, ZWJ families, flags, keycaps) and the text emoticons common in
// Vietnamese comments (":))", "=))", ":v", "<3"), each kept as one token.
import { C, classAt } from './charclass.ts';

const width = (text: string, j: number) => (text.charCodeAt(j) >= 0xd800 && text.charCodeAt(j) <= 0xdbff && j + 1 < text.length ? 2 : 1);
const isRegional = (cp: number) => cp >= 0x1f1e6 && cp <= 0x1f1ff;

/** End of the emoji sequence starting at i (which must be an emoji). */
export function scanEmoji(text: string, i: number, t: Uint8Array): number {
  const n = text.length;
  let j = i;
  const first = text.codePointAt(j)!;
  j += width(text, j);
  if (isRegional(first)) {
    if (j < n && isRegional(text.codePointAt(j)!)) j += 2;
    return j;
  }
  for (let guard = 0; guard < 32; guard++) {
    while (j < n && classAt(text, j, t) === C.Mark) j += width(text, j); // VS16, skin tone, tags, keycap
    if (j + 1 < n && text.charCodeAt(j) === 0x200d && classAt(text, j + 1, t) === C.Emoji) {
      j += 1;
      j += width(text, j);
      continue;
    }
    break;
  }
  return j;
}

/** Keycap emoji "1️⃣", "#️⃣": a digit, '#' or '*' followed by U+FE0F? U+20E3. Returns the end or -1. */
export function matchKeycap(text: string, i: number): number {
  let j = i + 1;
  if (text.charCodeAt(j) === 0xfe0f) j++;
  return text.charCodeAt(j) === 0x20e3 ? j + 1 : -1;
}

// Longest first, so ":))" is not read as ":)" + ")".
const EMOTICONS = [
  '^_^', '^.^', '-_-', '>.<', '>_<', ":'(", ':-)', ':-(', ':-D', ';-)', '</3', 'T_T',
  ':)', ':(', ':D', ':P', ':p', ':v', ':V', ';)', ':3', ':o', ':O', ':|', ':>', ':<', '=)', '=(', '=D', '<3', '^^', 'xD', 'XD',
];
const STARTERS = new Set(EMOTICONS.map((e) => e[0]));
/** Emoticons ending in a letter must not run into a word (":Do" is not ":D"). */
const LETTER_END = /[A-Za-z0-9]$/;

/** Emoticon at i, extended over repeats of its last character (":)))))"). Returns the end or -1. */
export function matchEmoticon(text: string, i: number, t: Uint8Array): number {
  if (!STARTERS.has(text[i])) return -1;
  for (const e of EMOTICONS) {
    if (!text.startsWith(e, i)) continue;
    let j = i + e.length;
    const last = e[e.length - 1];
    if (LETTER_END.test(last)) {
      if (j < text.length) {
        const cls = classAt(text, j, t);
        if (cls === C.Letter || cls === C.Digit || cls === C.Mark) continue;
      }
      if (/[A-Za-z]/.test(e[0])) {
        // "xD", "T_T" must also start a word.
        if (i > 0) { const p = classAt(text, i - 1, t); if (p === C.Letter || p === C.Digit) continue; }
      }
    } else {
      while (j < text.length && text[j] === last && j - i < 64) j++;
    }
    return j;
  }
  return -1;
}
