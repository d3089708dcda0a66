// The syllable tokenizer: one left-to-right pass over the string that never rescans, so control
// characters, zero-width and bidi characters (dropped as separators) and megabyte lines are safe.
import { C, bmpClasses, classAt } from './charclass.ts';
import { matchEmoticon, matchKeycap, scanEmoji } from './emoji.ts';
import { scanNumeric, scanPhone } from './numbers.ts';
import type { Token, TokenType } from './types.ts';
import { matchEmail, matchHashtag, matchMention, matchUrl } from './web.ts';
import { scanEnd, scanHasDigit, scanWord } from './words.ts';

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
  // The previous token when it is a word (its lower-cased text is a house-number cue for numbers).
  let wordStart = -1, wordEnd = -1;
  let i = 0;
  let end = 0, type: TokenType = 'word';

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
    // Each branch sets [i, end) and its type, then the token is emitted below.
    scan: {
      if (cls === C.Emoji) { end = scanEmoji(text, i, t); type = 'emoji'; break scan; }
      if (cls === C.Letter || cls === C.Digit) {
        if (runHasAt) { const e = matchEmail(text, i); if (e > 0) { end = e; type = 'email'; break scan; } }
        if (runHasDot) { const e = matchUrl(text, i, runEnd); if (e > 0) { end = e; type = 'url'; break scan; } }
      }
      if (cls === C.Digit) {
        const key = matchKeycap(text, i);
        if (key > 0) { end = key; type = 'emoji'; break scan; }
        const s = scanNumeric(text, i, t, wordStart >= 0 ? text.slice(wordStart, wordEnd).toLowerCase() : '');
        end = s.end; type = s.type;
        break scan;
      }
      if (cls === C.Letter || cls === C.Mark) {
        if (c === 120 || c === 88 || c === 84) { const e = matchEmoticon(text, i, t); if (e > 0) { end = e; type = 'emoji'; break scan; } }
        const s = scanWord(text, i, t);
        end = scanEnd(s); type = scanHasDigit(s) ? 'alnum' : 'word';
        break scan;
      }
      // Punctuation and symbols.
      const ch = text[i];
      if ((ch === '#' || ch === '*') && matchKeycap(text, i) > 0) { end = matchKeycap(text, i); type = 'emoji'; break scan; }
      if (ch === '#') { const e = matchHashtag(text, i, t); if (e > 0) { end = e; type = 'hashtag'; break scan; } }
      if (ch === '@' && !(i > 0 && isWordClass(classAt(text, i - 1, t)))) { const e = matchMention(text, i, t); if (e > 0) { end = e; type = 'mention'; break scan; } }
      if (CURRENCY_PREFIX.includes(ch) && i + 1 < n && isDigitCode(text.charCodeAt(i + 1))) {
        end = scanNumeric(text, i + 1, t, '').end; type = 'money';
        break scan;
      }
      if (ch === '+' && i + 1 < n && isDigitCode(text.charCodeAt(i + 1))) {
        const e = scanPhone(text, i + 1, t);
        if (e > 0) { end = e; type = 'phone'; break scan; }
      }
      const emo = matchEmoticon(text, i, t);
      if (emo > 0) { end = emo; type = 'emoji'; break scan; }
      let j = i + w;
      if (SENTENCE_PUNCT.includes(ch)) while (j < n && SENTENCE_PUNCT.includes(text[j])) j++;
      else if (cls === C.Punct || cls === C.Other) while (j < n && text[j] === ch && w === 1) j++; // "---", "***"
      end = j; type = cls === C.Punct ? 'punct' : 'symbol';
    }
    out.push({ text: text.slice(i, end), type, start: i, end });
    if (type === 'word') { wordStart = i; wordEnd = end; } else wordStart = -1;
    i = end;
  }
  return out;
}

function isWordClass(k: C): boolean {
  return k === C.Letter || k === C.Digit || k === C.Mark;
}
