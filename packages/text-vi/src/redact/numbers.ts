// Phone numbers, citizen IDs and bank account numbers: digit groups joined by spaces, dots,
// dashes or parentheses are read as one run, then split into the longest runs that fit a known
// shape. Dates (12/3/2024), times (8:30), decimals (0,5) and house numbers (12/3A) never join
// into a run, because "/", ":" and "," are not separators. Money never starts with 0, so the
// ambiguous shapes (9-digit old IDs, 8-digit landlines) need a leading 0 or a keyword.
import type { RedactSpan } from './types.ts';

interface Group { start: number; end: number; digits: string; plus: boolean }

const isDigit = (c: number) => c >= 48 && c <= 57;
const isSep = (c: number) => c === 32 || c === 0xa0 || c === 46 || c === 45 || c === 40 || c === 41 || c === 0x2013 || c === 9;
const isLetterAt = (text: string, i: number) => i >= 0 && i < text.length && /\p{L}/u.test(text[i]);

/** Digit groups of `text`, each linked to the next when only 1–3 separator chars lie between. */
function digitGroups(text: string): { groups: Group[]; joined: boolean[] } {
  const groups: Group[] = [];
  const joined: boolean[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (!isDigit(text.charCodeAt(i))) { i++; continue; }
    const start = i;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
    const prev = groups[groups.length - 1];
    if (prev) {
      let linked = start - prev.end <= 3;
      for (let k = prev.end; linked && k < start; k++) if (!isSep(text.charCodeAt(k))) linked = false;
      joined.push(linked);
    }
    let plus = false;
    for (let k = start - 1; k >= 0 && k >= start - 2; k--) {
      const c = text.charCodeAt(k);
      if (c === 43) { plus = true; break; }
      if (c !== 32 && c !== 40) break;
    }
    groups.push({ start, end: i, digits: text.slice(start, i), plus });
  }
  return { groups, joined };
}

const MOBILE = /^(?:0|84)(?:[35789]\d{8}|1[2689]\d{8})$/;
const LANDLINE = /^(?:0|84)2\d{9}$/;
const HOTLINE = /^1[89]00/;
const CURRENCY_AFTER = /^\s?(?:(?:đ|d|đồng|dong|vnđ|vnd|k|tr|triệu|trieu|nghìn|nghin|ngàn|ngan|tỷ|tỉ|ty|usd)(?!\p{L})|[$%₫])/iu;
/** Numbers that are not personal: tax codes, order and document numbers. */
const NOT_PERSONAL_BEFORE = /(?:mst|mã số thuế|ma so thue|mã số doanh nghiệp|số hiệu|so hieu|mã đơn|ma don|mã vận đơn)[^\n\d]{0,12}$/iu;
const ID_KEYWORD = /(?:cccd|cmnd|cmt|căn cước|can cuoc|chứng minh|chung minh|định danh|dinh danh|số id)[^\n\d]{0,16}$/iu;
const PHONE_KEYWORD = /(?:sđt|sdt|đt|dt|điện thoại|dien thoai|đtdđ|lh|liên hệ|lien he|gọi|goi|call|zalo|tel|phone|hotline)[^\n\d\p{L}]{0,4}$/iu;
const ACCOUNT_KEYWORD = /(?<![\p{L}\d])(?:stk|số tài khoản|so tai khoan|tài khoản|tai khoan|số tk|so tk|tk|chuyển khoản|chuyen khoan|ck)(?![\p{L}\d])/giu;
const SENTENCE_END = /[.!?\n]\s|\n/;

/** Old 12-digit / 9-digit ID groupings people actually write; anything else needs a keyword. */
const ID12_SHAPES = new Set(['12', '3,3,3,3', '4,4,4', '3,3,6', '6,6', '4,8', '3,9']);

function shapeOf(groups: Group[], from: number, to: number): string {
  const parts: number[] = [];
  for (let k = from; k <= to; k++) parts.push(groups[k].digits.length);
  return parts.join(',');
}

type Kind = 'phone' | 'id' | 'hotline' | null;

function classify(text: string, groups: Group[], from: number, to: number, digits: string): Kind {
  const first = groups[from];
  const last = groups[to];
  if (HOTLINE.test(digits)) return digits.length === 8 || digits.length === 10 ? 'hotline' : null;
  // A run glued to letters is a code or a model number, unless it is a whole contiguous phone ("sdt0903123456").
  if (isLetterAt(text, first.start - 1) && !(from === to && digits.length >= 10)) return null;
  if (isLetterAt(text, last.end) || CURRENCY_AFTER.test(text.slice(last.end, last.end + 6))) return null;
  if (NOT_PERSONAL_BEFORE.test(text.slice(Math.max(0, first.start - 30), first.start))) return null;
  const startsWith84 = first.digits.startsWith('84') && (first.plus || first.digits.length === 2 || from === to);
  if (digits[0] !== '0' && !startsWith84 && !first.plus) {
    if ((digits.length === 9 || digits.length === 12) && ID_KEYWORD.test(text.slice(Math.max(0, first.start - 30), first.start))) return 'id';
    return null;
  }
  if (MOBILE.test(digits) || LANDLINE.test(digits)) {
    if (digits[0] === '8' && !startsWith84) return null;
    return 'phone';
  }
  if (digits[0] !== '0') return null;
  const keyword = ID_KEYWORD.test(text.slice(Math.max(0, first.start - 30), first.start));
  if (digits.length === 12 && (keyword || ID12_SHAPES.has(shapeOf(groups, from, to)))) return 'id';
  if (digits.length === 9 && (keyword || from === to || shapeOf(groups, from, to) === '3,3,3')) return 'id';
  return null;
}

/** Spans of phones and IDs in `text`, skipping `blocked` ranges (e-mails, accounts). */
export function findNumbers(text: string, blocked: RedactSpan[], out: RedactSpan[]): void {
  const { groups, joined } = digitGroups(text);
  const isBlocked = (g: Group) => blocked.some((b) => g.start < b.end && g.end > b.start);
  let i = 0;
  while (i < groups.length) {
    if (isBlocked(groups[i])) { i++; continue; }
    let best: { to: number; kind: Kind } | null = null;
    let digits = '';
    for (let j = i; j < groups.length && j < i + 6; j++) {
      if (j > i && (!joined[j - 1] || isBlocked(groups[j]))) break;
      digits += groups[j].digits;
      if (digits.length > 12) break;
      if (digits.length < 8) continue;
      const kind = classify(text, groups, i, j, digits);
      if (kind) best = { to: j, kind };
      if (kind === 'hotline') break;
    }
    if (!best && groups[i].digits.length >= 3) {
      // Local 8-digit landline after a phone keyword: "ĐT: 3865 1234".
      const local = localLandline(text, groups, joined, i);
      if (local >= 0) best = { to: local, kind: 'phone' };
    }
    if (best) {
      if (best.kind !== 'hotline') out.push({ type: best.kind === 'id' ? 'id' : 'phone', start: spanStart(text, groups[i]), end: groups[best.to].end });
      i = best.to + 1;
    } else i++;
  }
}

function localLandline(text: string, groups: Group[], joined: boolean[], i: number): number {
  let digits = '';
  for (let j = i; j < groups.length && j < i + 3; j++) {
    if (j > i && !joined[j - 1]) return -1;
    digits += groups[j].digits;
    if (digits.length === 8) {
      if (!/^[23]/.test(digits) || isLetterAt(text, groups[j].end)) return -1;
      return PHONE_KEYWORD.test(text.slice(Math.max(0, groups[i].start - 20), groups[i].start)) ? j : -1;
    }
    if (digits.length > 8) return -1;
  }
  return -1;
}

/** Extends a phone's span over a leading "+" and over "(" when the group is closed by ")": "(+84) 903…", "(028) 3865…". */
function spanStart(text: string, g: Group): number {
  let s = g.start;
  const closed = text.charCodeAt(g.end) === 41;
  while (s > 0) {
    const c = text.charCodeAt(s - 1);
    if (c === 43 || (c === 40 && closed)) s--;
    else if (c === 32 && s >= 2 && (text.charCodeAt(s - 2) === 43 || (text.charCodeAt(s - 2) === 40 && closed))) s--;
    else break;
  }
  return s;
}

/** Bank account numbers: 6–19 digits shortly after an account keyword ("STK", "số tài khoản", "ck vào"). */
export function findAccounts(text: string, blocked: RedactSpan[], out: RedactSpan[]): void {
  ACCOUNT_KEYWORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  let lastEnd = 0;
  while ((m = ACCOUNT_KEYWORD.exec(text))) {
    const from = m.index + m[0].length;
    if (from < lastEnd) continue;
    const short = m[0].length <= 2;
    const window = text.slice(from, from + (short ? 25 : 45));
    const d = window.search(/\d/);
    if (d < 0) continue;
    if (SENTENCE_END.test(window.slice(0, d))) continue;
    let start = from + d;
    if (blocked.some((b) => start >= b.start && start < b.end)) continue;
    if (isLetterAt(text, start - 1)) continue;
    // Read groups joined by single spaces, dots or dashes, up to 19 digits.
    let i = start;
    let count = 0;
    let end = start;
    let thousands = true;
    let groupsSeen = 0;
    while (i < text.length) {
      const gs = i;
      while (i < text.length && isDigit(text.charCodeAt(i))) i++;
      const len = i - gs;
      if (len === 0 || count + len > 19) { i = gs; break; }
      count += len;
      if (groupsSeen > 0 && (len !== 3 || text[gs - 1] === ' ' || text[gs - 1] === '-')) thousands = false;
      if (groupsSeen === 0 && (len > 3 || text[gs] === '0')) thousands = false;
      groupsSeen++;
      end = i;
      const c = text.charCodeAt(i);
      if ((c === 32 || c === 46 || c === 45) && isDigit(text.charCodeAt(i + 1))) i++;
      else break;
    }
    if (count < 6) continue;
    if (groupsSeen === 1 && count === 6 && /^[1-9]\d{2}0{3}$/.test(text.slice(start, end))) continue; // 500000: an amount
    if (isLetterAt(text, end) || CURRENCY_AFTER.test(text.slice(end, end + 6))) continue;
    if (thousands && groupsSeen > 1 && count < 10) continue; // 1.500.000: an amount
    out.push({ type: 'account', start, end });
    lastEnd = end;
    ACCOUNT_KEYWORD.lastIndex = end;
  }
}
