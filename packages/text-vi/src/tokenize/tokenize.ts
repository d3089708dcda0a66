// The syllable tokenizer: one left-to-right pass over the string that never rescans, so control
// characters, zero-width and bidi characters (dropped as separators) and megabyte lines are safe.
import { C, bmpClasses, classAt } from './charclass.ts';
import { matchEmoticon, matchKeycap, scanEmoji } from './emoji.ts';
import { scanNumeric, scanPhone } from './numbers.ts';
import type { Token, TokenType } from './types.ts';
import { matchEmail, matchHashtag, matchMention, matchUrl } from './web.ts';
import { scanWord } from './words.ts';

const SENTENCE_PUNCT = '.!?…';
const CURRENCY_PREFIX = '$€£¥₫';
const isDigitCode = (c: number) => c >= 48 && c <= 57;

/** Splits `text` into typed tokens with UTF-16 offsets. Whitespace and invisible characters separate tokens and are never part of one (except inside money/phone tokens such as "1,5 triệu"). */
export function tokenize(text: string): Token[] {
  const t = bmpClasses();
  const out: Token[] = [];
  const n = text.length;
  // The current whitespace-free run, computed once per run so look-ahead checks stay linear.
  let runEnd = -1, runHasAt = false, runHasDot = false;
  let prevWord = '';
  let i = 0;
  /** Emits text[start, end) and continues after it. */
  const push = (start: number, end: number, type: TokenType) => {
    const s = text.slice(start, end);
    out.push({ text: s, type, start, end });
    prevWord = type === 'word' ? s.toLowerCase() : '';
    i = end;
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    const cls = classAt(text, i, t);
    const w = cls !== C.Surrogate && c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
    if (cls === C.Space || cls === C.Ignore || cls === C.Zwj || cls === C.Surrogate) { i += w; continue; }
    if (i >= runEnd) {
      runEnd = i;
      runHasAt = false; runHasDot = false;
      while (runEnd < n) {
        const k = t[text.charCodeAt(runEnd)];
        if (k === C.Space || k === C.Ignore) break;
        const ch = text.charCodeAt(runEnd);
        if (ch === 64) runHasAt = true;
        else if (ch === 46 || ch === 58) runHasDot = true;
        runEnd++;
      }
    }
    if (cls === C.Emoji) { push(i, scanEmoji(text, i, t), 'emoji'); continue; }
    if (cls === C.Letter || cls === C.Digit) {
      if (runHasAt) { const e = matchEmail(text, i); if (e > 0) { push(i, e, 'email'); continue; } }
      if (runHasDot) { const e = matchUrl(text, i, runEnd); if (e > 0) { push(i, e, 'url'); continue; } }
    }
    if (cls === C.Digit) {
      const key = matchKeycap(text, i);
      if (key > 0) { push(i, key, 'emoji'); continue; }
      const s = scanNumeric(text, i, t, prevWord);
      push(i, s.end, s.type);
      continue;
    }
    if (cls === C.Letter || cls === C.Mark) {
      if (c === 120 || c === 88 || c === 84) { const e = matchEmoticon(text, i, t); if (e > 0) { push(i, e, 'emoji'); continue; } }
      const s = scanWord(text, i, t);
      push(i, s.end, s.hasDigit ? 'alnum' : 'word');
      continue;
    }
    // Punctuation and symbols.
    const ch = text[i];
    if ((ch === '#' || ch === '*') && matchKeycap(text, i) > 0) { push(i, matchKeycap(text, i), 'emoji'); continue; }
    if (ch === '#') { const e = matchHashtag(text, i, t); if (e > 0) { push(i, e, 'hashtag'); continue; } }
    if (ch === '@' && !(i > 0 && isWordClass(classAt(text, i - 1, t)))) { const e = matchMention(text, i, t); if (e > 0) { push(i, e, 'mention'); continue; } }
    if (CURRENCY_PREFIX.includes(ch) && i + 1 < n && isDigitCode(text.charCodeAt(i + 1))) {
      const s = scanNumeric(text, i + 1, t, '');
      push(i, s.end, 'money');
      continue;
    }
    if (ch === '+' && i + 1 < n && isDigitCode(text.charCodeAt(i + 1))) {
      const e = scanPhone(text, i + 1, t);
      if (e > 0) { push(i, e, 'phone'); continue; }
    }
    const emo = matchEmoticon(text, i, t);
    if (emo > 0) { push(i, emo, 'emoji'); continue; }
    let j = i + w;
    if (SENTENCE_PUNCT.includes(ch)) while (j < n && SENTENCE_PUNCT.includes(text[j])) j++;
    else if (cls === C.Punct || cls === C.Other) while (j < n && text[j] === ch && w === 1) j++; // "---", "***"
    push(i, j, cls === C.Punct ? 'punct' : 'symbol');
  }
  return out;

  function isWordClass(k: C): boolean {
    return k === C.Letter || k === C.Digit || k === C.Mark;
  }
}
