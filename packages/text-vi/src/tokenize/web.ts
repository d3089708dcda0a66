// URLs, e-mail addresses, hashtags and mentions. Patterns are anchored (sticky) and bounded,
// so a failed attempt never rescans a long line.
import { C, classAt } from './charclass.ts';

const EMAIL = /[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}[A-Za-z]{2,24}(?![A-Za-z0-9-])/y;
const SCHEME = /(?:https?|ftp):\/\/|www\./iy;
const DOMAIN =
  /(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}(?:com|net|org|vn|edu|gov|info|io|me|tv|co|biz|xyz|asia|app|dev|online|site|store|uk|us|jp|kr|cn|fr|de|au|ru|ly|gl|gg|to|link|news|int)(?![A-Za-z0-9-])/iy;
/** Characters that cannot be inside a URL as people paste them. */
const URL_STOP = new Set([...'"<>“”‘’«»{}|\\^`']);
const TRAILING = new Set([...'.,;:!?…\'")]}»”’']);

export function matchEmail(text: string, i: number): number {
  EMAIL.lastIndex = i;
  return EMAIL.test(text) ? EMAIL.lastIndex : -1;
}

/** A URL with a scheme or "www.", or a bare domain with a common TLD (and optional path). */
export function matchUrl(text: string, i: number, runEnd: number): number {
  SCHEME.lastIndex = i;
  let end: number;
  if (SCHEME.test(text)) end = SCHEME.lastIndex;
  else {
    DOMAIN.lastIndex = i;
    if (!DOMAIN.test(text)) return -1;
    end = DOMAIN.lastIndex;
    const c = text[end];
    if (end < runEnd && c !== '/' && c !== ':' && c !== '?' && c !== '#') return trimUrl(text, i, end);
  }
  while (end < runEnd && !URL_STOP.has(text[end])) end++;
  return trimUrl(text, i, end);
}

/** Drops trailing sentence punctuation, and a closing bracket that has no opening one. */
function trimUrl(text: string, start: number, end: number): number {
  while (end > start + 1 && TRAILING.has(text[end - 1])) {
    if (text[end - 1] === ')' && text.lastIndexOf('(', end - 1) >= start) break;
    end--;
  }
  return end;
}

const isWordChar = (cls: C) => cls === C.Letter || cls === C.Mark || cls === C.Digit;

/** "#tag": letters, digits, marks and "_" after '#'. Returns the end or -1. */
export function matchHashtag(text: string, i: number, t: Uint8Array): number {
  let j = i + 1;
  while (j < text.length && j - i < 140) {
    const cls = classAt(text, j, t);
    if (isWordChar(cls) || text[j] === '_') j += text.charCodeAt(j) >= 0xd800 && text.charCodeAt(j) <= 0xdbff ? 2 : 1;
    else break;
  }
  return j > i + 1 ? j : -1;
}

/** "@name": letters, digits, "_" and inner dots after '@'. Returns the end or -1. */
export function matchMention(text: string, i: number, t: Uint8Array): number {
  let j = i + 1;
  while (j < text.length && j - i < 100) {
    const cls = classAt(text, j, t);
    if (isWordChar(cls) || text[j] === '_') j++;
    else if (text[j] === '.' && j + 1 < text.length && isWordChar(classAt(text, j + 1, t))) j++;
    else break;
  }
  return j > i + 1 ? j : -1;
}
