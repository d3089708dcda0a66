// Tokens that start with a digit: dates, times, money, percentages, phone numbers, house
// numbers and plain numbers. Every scan looks ahead a bounded distance, so long lines stay linear.
import { C, classAt } from './charclass.ts';
import type { TokenType } from './types.ts';

export interface Scan { end: number; type: TokenType }

const isDigit = (c: number) => c >= 48 && c <= 57;
const SEPARATORS = '.,:/-';

/** Multipliers and currencies that make a preceding number money ("50k", "2 triệu", "5 USD"). */
const MONEY_WORDS = new Set(['k', 'tr', 'triệu', 'tỷ', 'tỉ', 'nghìn', 'ngàn', 'ngan', 'nghin', 'trieu', 'ty', 'đ', 'đồng', 'dong', 'vnđ', 'vnd', 'usd', 'đô', 'eur', 'euro', 'yên', 'tệ']);
const CURRENCY_WORDS = new Set(['đ', 'đồng', 'dong', 'vnđ', 'vnd', 'usd', 'đô', 'eur', 'euro']);
/** Attached suffixes meaning money: "50k", "2tr", "200.000đ", "100d" (đ typed without diacritic). */
const MONEY_SUFFIX = new Set(['k', 'K', 'tr', 'Tr', 'TR', 'đ', 'Đ', 'd', 'vnđ', 'VNĐ', 'vnd', 'VND', 'usd', 'USD', 'đồng', 'triệu', 'tỷ', 'tỉ', 'nghìn', 'ngàn', 'xu', 'ty', 'trieu']);
const CURRENCY_SIGNS = '$€£¥₫';
/** A word right before a number that makes "12/3" an address rather than a date. */
export const HOUSE_CUES = new Set(['số', 'ngõ', 'ngách', 'hẻm', 'kiệt', 'nhà', 'sn', 'so', 'ngo', 'hem']);

/** End of the letter run at j (letters and combining marks), at most `max` units long. */
function letterRunEnd(text: string, j: number, t: Uint8Array, max: number): number {
  const limit = Math.min(text.length, j + max + 1);
  let k = j;
  while (k < limit) {
    const cls = classAt(text, k, t);
    if (cls !== C.Letter && cls !== C.Mark) break;
    k += text.charCodeAt(k) >= 0xd800 && text.charCodeAt(k) <= 0xdbff ? 2 : 1;
  }
  return k;
}

const isAlnumAt = (text: string, k: number, t: Uint8Array): boolean => {
  if (k >= text.length) return false;
  const cls = classAt(text, k, t);
  return cls === C.Letter || cls === C.Digit || cls === C.Mark;
};

/**
 * Scans a token starting with a digit at i. `prevWord` is the lower-cased previous word token
 * (or '') for house-number cues.
 */
export function scanNumeric(text: string, i: number, t: Uint8Array, prevWord: string): Scan {
  const n = text.length;
  // Digit groups joined by single separators: 12/3/2025, 1.000.000, 20:15, 3,5.
  const groups: number[] = []; // [start, end] pairs
  const seps: string[] = [];
  let j = i;
  for (;;) {
    const g = j;
    while (j < n && isDigit(text.charCodeAt(j))) j++;
    groups.push(g, j);
    if (j + 1 < n && SEPARATORS.includes(text[j]) && isDigit(text.charCodeAt(j + 1)) && groups.length < 64) {
      seps.push(text[j]);
      j++;
      continue;
    }
    break;
  }
  const numEnd = j;
  const count = groups.length / 2;

  // Time: 8h, 8h30, 20g15; 20:15, 8:30:00.
  if (count === 1 && groupLength(groups, 0) <= 2 && groupValue(text, groups, 0) <= 24 && j < n && 'hHg'.includes(text[j])) {
    let k = j + 1;
    let m = k;
    while (m < n && m - k < 2 && isDigit(text.charCodeAt(m))) m++;
    const minutesOk = m === k || (m - k === 2 && Number(text.slice(k, m)) < 60);
    if (minutesOk) {
      k = m;
      if (k < n && (text[k] === "'" || text[k] === 'p') && m > j + 1 && !isAlnumAt(text, k + 1, t)) k++;
      if (!isAlnumAt(text, k, t)) return { end: k, type: 'time' };
    }
  }
  if (allSeps(seps, ':') && (count === 2 || count === 3) && groupLength(groups, 0) <= 2 && groupValue(text, groups, 0) <= 24) {
    let ok = true;
    for (let k = 1; k < count; k++) if (groupLength(groups, k) !== 2 || groupValue(text, groups, k) > 59) ok = false;
    if (ok && !isAlnumAt(text, numEnd, t)) return { end: numEnd, type: 'time' };
  }

  const cue = HOUSE_CUES.has(prevWord);
  // House numbers: 12/3A, 45/12/3, số 12/3, số 12A.
  if ((count === 1 || allSeps(seps, '/')) && numEnd < n && /[A-Z]/.test(text[numEnd]) && !isAlnumAt(text, numEnd + 1, t) && (count > 1 || cue)) {
    let k = numEnd + 1;
    while (k + 1 < n && text[k] === '/' && isDigit(text.charCodeAt(k + 1))) { k++; while (k < n && isDigit(text.charCodeAt(k))) k++; }
    return { end: k, type: 'house_number' };
  }
  if (allSeps(seps, '/') && cue && !isAlnumAt(text, numEnd, t)) return { end: numEnd, type: 'house_number' };

  // Dates.
  if ((count === 2 || count === 3) && !isAlnumAt(text, numEnd, t)) {
    const sep = seps[0];
    const same = seps.every((x) => x === sep);
    if (same && (sep === '/' || sep === '-' || sep === '.')) {
      if (count === 3 && isDayMonth(groupValue(text, groups, 0), groupLength(groups, 0), groupValue(text, groups, 1), groupLength(groups, 1)) && (groupLength(groups, 2) === 4 || groupLength(groups, 2) === 2)) return { end: numEnd, type: 'date' };
      if (count === 3 && sep === '-' && groupLength(groups, 0) === 4 && isDayMonth(groupValue(text, groups, 2), groupLength(groups, 2), groupValue(text, groups, 1), groupLength(groups, 1))) return { end: numEnd, type: 'date' };
      if (count === 2 && sep !== '.') {
        if (isDayMonth(groupValue(text, groups, 0), groupLength(groups, 0), groupValue(text, groups, 1), groupLength(groups, 1))) return { end: numEnd, type: 'date' };
        if (groupLength(groups, 0) <= 2 && groupValue(text, groups, 0) >= 1 && groupValue(text, groups, 0) <= 12 && groupLength(groups, 1) === 4) return { end: numEnd, type: 'date' }; // 3/2025
      }
    }
    if (count === 3 && allSeps(seps, '/')) return { end: numEnd, type: 'house_number' }; // 45/12/3
  }

  // Phone numbers: one run of 10–11 digits starting with 0, or 0-led groups (0912 345 678).
  if (text.charCodeAt(i) === 48 || text.startsWith('84', i) || text.startsWith('1900', i) || text.startsWith('1800', i)) {
    const phone = scanPhone(text, i, t);
    if (phone > 0) return { end: phone, type: 'phone' };
  }

  // Money, percent with an attached or space-separated unit.
  const afterNum = numEnd;
  if (afterNum < n) {
    const ch = text[afterNum];
    if (ch === '%') return { end: afterNum + 1, type: 'percent' };
    if (CURRENCY_SIGNS.includes(ch)) return { end: afterNum + 1, type: 'money' };
    const cls = classAt(text, afterNum, t);
    if (cls === C.Letter) {
      const wEnd = letterRunEnd(text, afterNum, t, 8);
      const suffix = text.slice(afterNum, wEnd);
      if (MONEY_SUFFIX.has(suffix) || MONEY_SUFFIX.has(suffix.toLowerCase())) {
        // "2tr5" = 2.5 million: trailing digits belong to the amount.
        let k = wEnd;
        if (/^(tr|k)$/i.test(suffix)) while (k < n && k - wEnd < 3 && isDigit(text.charCodeAt(k))) k++;
        if (!isAlnumAt(text, k, t)) return { end: withCurrency(text, k, t), type: 'money' };
      }
      // Letters glued to the number: 12A, 5km, 43H-016, 1st.
      let k = wEnd;
      for (;;) {
        while (k < n && isAlnumAt(text, k, t)) k += text.charCodeAt(k) >= 0xd800 && text.charCodeAt(k) <= 0xdbff ? 2 : 1;
        if (k + 1 < n && (text[k] === '-' || text[k] === '.' || text[k] === '/') && isAlnumAt(text, k + 1, t) && k - i < 64) { k++; continue; }
        break;
      }
      return { end: k, type: 'alnum' };
    }
    if (ch === ' ' && afterNum + 1 < n) {
      const next = text[afterNum + 1];
      if (next === '%') return { end: afterNum + 2, type: 'percent' };
      const wEnd = letterRunEnd(text, afterNum + 1, t, 8);
      if (wEnd > afterNum + 1 && !isAlnumAt(text, wEnd, t)) {
        const word = text.slice(afterNum + 1, wEnd).toLowerCase();
        if (MONEY_WORDS.has(word)) return { end: withCurrency(text, wEnd, t), type: 'money' };
      }
    }
  }
  // A number glued to letters by a hyphen or slash: "6-Jan", "5-sao".
  if (numEnd + 1 < n && (text[numEnd] === '-' || text[numEnd] === '/') && classAt(text, numEnd + 1, t) === C.Letter) {
    let k = numEnd + 1;
    while (k < n && isAlnumAt(text, k, t) && k - i < 64) k++;
    return { end: k, type: 'alnum' };
  }
  return { end: numEnd, type: 'number' };
}

const groupValue = (text: string, groups: number[], k: number): number => Number(text.slice(groups[2 * k], groups[2 * k + 1]));
const groupLength = (groups: number[], k: number): number => groups[2 * k + 1] - groups[2 * k];
const allSeps = (seps: string[], s: string): boolean => seps.length > 0 && seps.every((x) => x === s);

/** Extends a money token over a following " đồng" / " đ" / " VND" (once). */
function withCurrency(text: string, k: number, t: Uint8Array): number {
  if (k + 1 < text.length && text[k] === ' ') {
    const wEnd = letterRunEnd(text, k + 1, t, 6);
    if (wEnd > k + 1 && !isAlnumAt(text, wEnd, t) && CURRENCY_WORDS.has(text.slice(k + 1, wEnd).toLowerCase())) return wEnd;
  }
  return k;
}

function isDayMonth(d: number, dLen: number, m: number, mLen: number): boolean {
  return dLen <= 2 && mLen <= 2 && d >= 1 && d <= 31 && m >= 1 && m <= 12;
}

/**
 * Phone-like digit groups at i: 10–11 digits led by 0 (or 84…, 1900/1800 hotlines), either
 * contiguous or in groups of 2–4 separated by one space, dot or dash. Returns the end or -1.
 */
export function scanPhone(text: string, i: number, t: Uint8Array): number {
  const n = text.length;
  let j = i;
  let digits = 0;
  let groups = 0;
  let lastEnd = -1;
  let lastDigits = 0;
  while (j < n && groups < 6) {
    const g = j;
    while (j < n && isDigit(text.charCodeAt(j)) && j - g < 12) j++;
    const glen = j - g;
    if (glen === 0) break;
    if (groups > 0 && (glen < 2 || glen > 4)) break;
    digits += glen;
    groups++;
    lastEnd = j;
    lastDigits = digits;
    if (j + 1 < n && (text[j] === ' ' || text[j] === '.' || text[j] === '-') && isDigit(text.charCodeAt(j + 1))) { j++; continue; }
    break;
  }
  if (lastEnd < 0 || isAlnumAt(text, lastEnd, t)) return -1;
  const first = text.slice(i, i + 4);
  // 0 + 9–10 digits (mobile, landline with area code); 84 + the same without the 0; hotlines.
  // A 12-digit 0… run is a citizen ID (CCCD), not a phone.
  const ok = first === '1900' || first === '1800' ? lastDigits >= 8 && lastDigits <= 10
    : first.startsWith('84') ? lastDigits >= 11 && lastDigits <= 12
      : lastDigits >= 10 && lastDigits <= 11;
  return ok ? lastEnd : -1;
}
