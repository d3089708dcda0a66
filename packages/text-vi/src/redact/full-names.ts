// Names written without a kinship word before them:
//  - a family name and 1–4 capitalised syllables anywhere ("Người gửi: Nguyễn Văn Lợi",
//    "- Trần Văn Bình, tổ 7", "Cảm ơn Quách Thị Ngọc Hân");
//  - after a cue ("tôi là", "em tên", "họ tên:", "ký tên"), any capitalised syllables ("mk là Thảo"),
//    capitals ("Họ và tên: TRẦN THỊ BÍCH NGỌC") or lower case from a family name ("toi la tran van hau");
//  - in capitals after a kinship word in capitals ("CẢM ƠN THẦY LÊ QUANG VINH");
//  - in lower case without a cue: a common family name, "van" or "thi" and a given name ("nguyen van loi"),
//    a name called by "ơi" ("nguyen hoang phuc ơi"), a name signing the post ("— đỗ thành nam").
// Never a phrase that begins a known street, school, place or public figure (names-data.ts and the
// caller's place names), never right after a place word or a house number, never an official named
// in a role. Kinship words before a name are handled in names.ts.
import { fold, hasDiacritics } from '../fold/fold.ts';
import { isOfficial, PLACE_BEFORE, PLACE_BEFORE_PLAIN, PLACE_BEFORE_SURNAME, wordBefore, wordStartBefore } from './context.ts';
import { NOT_PERSONS, SURNAMES, SURNAMES_PLAIN_AMBIGUOUS } from './names-data.ts';
import type { RedactSpan } from './types.ts';

const SURNAME = new Set(SURNAMES);
const SURNAME_FOLDED = new Set(SURNAMES.map((s) => fold(s)));
const PLAIN_AMBIGUOUS = new Set(SURNAMES_PLAIN_AMBIGUOUS);
/**
 * Lower-case family names that start a name without a cue ("nguyen van loi", "tran hoang phuc ơi"):
 * only those that are no everyday word without diacritics (not "do" đó, "dang" đang, "phan" phận,
 * "duong" đường, "vo" vợ, "ly" lý…), since "van" and "thi" are also vẫn and thì.
 */
const SURNAME_LOWER = new Set(['nguyen', 'tran', 'huynh', 'pham', 'hoang', 'quach', 'trieu', 'vuong', 'nghiem', 'trinh', 'phung', 'nguyễn', 'trần', 'huỳnh', 'phạm', 'hoàng', 'quách', 'triệu', 'vương', 'nghiêm', 'trịnh', 'phùng']);
const NOT_PERSON = new Set(NOT_PERSONS);
/** "Ông" is a family name, but capitalised it is mostly the kinship word, which names.ts handles. */
const KINSHIP = new Set(['ông', 'bà', 'anh', 'chị', 'em', 'cô', 'chú', 'bác', 'dì', 'cậu', 'mợ', 'thím', 'cháu', 'con', 'bé', 'thầy', 'cụ', 'bạn', 'ong', 'ba', 'chi', 'co', 'chu', 'bac', 'thay']);
/** Capitalised words that end a name or show the phrase is not one. */
const NOT_NAME_WORD = new Set([
  'phường', 'quận', 'đường', 'hẻm', 'ngõ', 'phố', 'chợ', 'cầu', 'khu', 'tổ', 'xã', 'huyện', 'tỉnh', 'ở', 'và', 'với', 'của', 'là', 'thì',
  'nhé', 'nha', 'ạ', 'ơi', 'ấy', 'này', 'đây', 'đó', 'kia', 'cho', 'tại', 'từ', 'đến', 'tới', 'về', 'đi', 'xin', 'kính', 'gửi', 'cảm', 'cám', 'chúc', 'mừng',
  'phuong', 'quan', 'duong', 'hem', 'pho', 'cho', 'khu', 'to', 'xa', 'huyen', 'tinh', 'o', 'va', 'voi', 'cua', 'la', 'nhe', 'oi', 'ay', 'nay', 'day', 'do', 'tai', 'tu', 'den', 'toi', 've', 'di', 'xin', 'kinh', 'gui', 'cam', 'chuc',
  // Kinship words end a name, except "Anh" and "Chi", which are also given names ("Nguyễn Tuấn Anh", "Lê Linh Chi").
  ...[...KINSHIP].filter((w) => w !== 'anh' && w !== 'chi'),
]);
/** First words after "là" that are a role or a description, not a name ("tôi là Đảng viên", "em là Sinh viên"). */
const NOT_FIRST_AFTER_CUE = new Set(['đảng', 'cựu', 'phụ', 'bí', 'người', 'hội', 'giáo', 'sinh', 'công', 'chủ', 'cư', 'trưởng', 'phó', 'cán', 'chiến', 'nhân', 'đoàn', 'ban', 'dân', 'học', 'nông', 'kỹ', 'kĩ', 'admin', 'ad', 'shop', 'mẹ', 'bố', 'má', 'vợ', 'chồng', 'dang', 'cuu', 'phu', 'bi', 'nguoi', 'hoi', 'giao', 'sinh', 'cong', 'chu', 'cu', 'truong', 'pho', 'can', 'chien', 'nhan', 'doan', 'dan', 'hoc', 'me', 'bo', 'vo', 'chong']);
/** Lower-case words that end a lower-case name ("tran van hau o hem 245"). */
const PLAIN_STOP = new Set([
  'o', 'la', 'va', 'voi', 'cua', 'bi', 'da', 'dang', 'se', 'nha', 'to', 'kp', 'hem', 'duong', 'phuong', 'quan', 'tuoi', 'sinh', 'hoc', 'lam', 'ban', 'tai', 'tu', 'den',
  'di', 've', 'xin', 'muon', 'can', 'co', 'khong', 'ko', 'k', 'oi', 'a', 'nhe', 'day', 'do', 'nay', 'kia', 'thi', 'ma', 'sao', 'gi', 'roi', 'luon', 'nua', 'cho', 'bao',
  'hoi', 'noi', 'biet', 'thay', 'duoc', 'dc', 'len', 'xuong', 'ra', 'vao', 'vo', 'toi', 'em', 'anh', 'chi', 'ong', 'con', 'chau', 'cung', 'nhung', 'nen', 'neu',
  'khi', 'vi', 'de', 'tren', 'duoi', 'trong', 'ngoai', 'truoc', 'hom', 'ngay', 'thang', 'gio', 'phut', 'ok', 'qua', 'rat', 'hay', 'mot', 'nguoi', 'cai', 'chuyen',
  'viec', 'moi', 'cac', 'nhieu', 'it', 'het', 'xong', 'chua', 'dau', 'ai', 'ne', 'nhi', 'ha', 'hen', 'ah', 'u', 'uh', 'ak', 'nho', 'giup', 'dum', 'voi', 'sdt', 'lh',
]);

const LETTER_OR_DIGIT = /[\p{L}\p{M}\p{N}]/u;
// Character classes of the first 0x2000 code points (Latin, Vietnamese, combining marks), read per
// character in the scan for capitalised words: a table costs less than a regular expression there.
const LETTER_TABLE = new Uint8Array(0x2000);
for (let c = 0; c < 0x2000; c++) {
  const ch = String.fromCharCode(c);
  LETTER_TABLE[c] = /\p{Lu}/u.test(ch) ? 2 : /[\p{L}\p{M}\p{N}]/u.test(ch) ? 1 : 0;
}
const isLetterCode = (c: number) => (c < 0x2000 ? LETTER_TABLE[c] !== 0 : LETTER_OR_DIGIT.test(String.fromCharCode(c)));
const isUpperCode = (c: number) => c < 0x2000 && LETTER_TABLE[c] === 2;
const NEXT_WORD = /[ \u00a0]+([\p{L}\p{M}\p{N}]+)/uy;
const IS_CAP = /^\p{Lu}[\p{Ll}\p{M}]*$/u;
const IS_UPPER = /^[\p{Lu}\p{M}]{1,7}$/u;
const IS_LOWER = /^[\p{Ll}\p{M}]+$/u;
// Cues begin with their words (a lookbehind first would be tried at every position); the word
// boundary before them is checked in code.
const LABEL_CUE = new RegExp(
  '(?:(?:người|nguoi)[ \\u00a0]+(?:gửi|gui|viết đơn|viet don|viết|viet|phản ánh|phan anh|liên hệ|lien he|nhận|nhan|làm đơn|lam don|báo tin|bao tin)' +
    '|(?:họ|ho)[ \\u00a0]+(?:và[ \\u00a0]+|va[ \\u00a0]+)?(?:tên|ten)|(?:ký|kí|ky|ki)[ \\u00a0]+(?:tên|ten)|(?:chủ|chu)[ \\u00a0]+(?:hộ|ho)|(?:đại|dai)[ \\u00a0]+(?:diện|dien)(?:[ \\u00a0]+(?:gia đình|gia dinh))?)' +
    '[ \\t\\u00a0]*[:–-]?\\s*',
  'giu',
);
const SELF_CUE = new RegExp(
  '(?:(?:tôi|em|mình|mk|mik|tui|tớ|con|cháu|toi|minh|e)[ \\u00a0]+(?:là|la|tên[ \\u00a0]+là|ten[ \\u00a0]+la|tên|ten)' +
    '|(?:tên|ten)[ \\u00a0]+(?:tôi|em|mình|con|cháu|tui|toi|minh|mk)[ \\u00a0]+(?:là|la))[ \\u00a0]+',
  'giu',
);
/** A kinship word in capitals before a name in capitals ("CẢM ƠN THẦY LÊ QUANG VINH"). */
const CAPS_TITLE = /(?:ANH|CHỊ|EM|BÁC|ÔNG|BÀ|CÔ|CHÚ|DÌ|CẬU|THẦY|CHÁU|BÉ|CHI|BAC|ONG|CO|CHU|THAY)[ \u00a0]+(?=\p{Lu}\p{Lu})/gu;
const LOWER_WORD = /^[a-z]+$/;
/** Middle names that are also everyday words without diacritics (vẫn, thì). */
const MIDDLE = new Set(['van', 'thi']);
/** "tên" before a name in lower case ("CCCD tên tran minh khang"); capitalised names after it are names.ts's. */
const NAME_CUE = /(?:tên|ten)[ \u00a0]+/giu;
/** A vocative after a name ("nguyen hoang phuc ơi"). */
const VOCATIVE = /^[ \u00a0]+(?:ơi|oi)(?![\p{L}\p{N}])/u;
/** The last part of a post, after a line break or a dash: a signature ("— đỗ thành nam"). */
const SIGNATURE = /(?:^|\n|[ \u00a0][-–—][ \u00a0]*)([\p{L}\p{M}]+(?:[ \u00a0]+[\p{L}\p{M}]+){1,3})[ \u00a0.!]*$/du;

interface Range { start: number; end: number }

/** The words that follow `at` across spaces only (up to `max`), as offsets. */
function followingWords(text: string, at: number, max: number): Range[] {
  const out: Range[] = [];
  let pos = at;
  while (out.length < max) {
    NEXT_WORD.lastIndex = pos;
    const m = NEXT_WORD.exec(text);
    if (!m) break;
    const start = pos + m[0].length - m[1].length;
    out.push({ start, end: start + m[1].length });
    pos = start + m[1].length;
  }
  return out;
}

/** Known phrases of three words or more by their first two words, to forgive a typo in the rest. */
const BY_FIRST_TWO = new Map<string, string[]>();
for (const p of NOT_PERSONS) {
  const words = p.split(' ');
  if (words.length < 3) continue;
  const key = `${words[0]} ${words[1]}`;
  BY_FIRST_TWO.set(key, [...(BY_FIRST_TWO.get(key) ?? []), p]);
}

/** True when the words from `start` begin a known street, place or public figure. */
function knownNotPerson(text: string, start: number, firstEnd: number, end: number, extraPlaces: readonly string[]): boolean {
  const following = followingWords(text, firstEnd, 5);
  // Folded once, then cut at each word's end (folding keeps offsets for Vietnamese letters).
  const span = text.slice(start, following.length ? following[following.length - 1].end : firstEnd);
  const folded = fold(span);
  if (folded.length === span.length) {
    for (const w of following) {
      const phrase = folded.slice(0, w.end - start).replace(/[ \u00a0]+/g, ' ');
      if (NOT_PERSON.has(phrase) || extraPlaces.includes(phrase)) return true;
    }
  } else {
    let phrase = fold(text.slice(start, firstEnd));
    for (const w of following) {
      phrase += ' ' + fold(text.slice(w.start, w.end));
      if (NOT_PERSON.has(phrase) || extraPlaces.includes(phrase)) return true;
    }
  }
  // "Nguyễn Tri Phươg": a known phrase but for one letter (not for "Nguyễn Văn …", shared by many names).
  const name = fold(text.slice(start, end)).split(/\s+/);
  if (name.length < 3 || name[1] === 'van' || name[1] === 'thi') return false;
  const joined = name.join(' ');
  return (BY_FIRST_TWO.get(`${name[0]} ${name[1]}`) ?? []).some((p) => p.split(' ').length === name.length && oneLetterDropped(p, joined));
}

/**
 * True when `a` is `b` with one letter more (a letter dropped in typing). A replaced letter is not
 * forgiven: "Lê Quang Vinh" is a person, "Lê Quang Định" a street.
 */
function oneLetterDropped(a: string, b: string): boolean {
  if (a.length !== b.length + 1) return false;
  let i = 0;
  while (i < b.length && a[i] === b[i]) i++;
  return a.slice(i + 1) === b.slice(i);
}

function placeBefore(text: string, at: number): boolean {
  const prev = wordBefore(text, at);
  return PLACE_BEFORE.has(prev) || PLACE_BEFORE_SURNAME.has(prev) || PLACE_BEFORE_PLAIN.has(prev) || /\d/.test(prev);
}

function isSurname(word: string): boolean {
  return isSurnameLower(word, word.toLowerCase());
}

function isSurnameLower(word: string, lower: string): boolean {
  return SURNAME.has(lower) || (SURNAME_FOLDED.has(lower) && !hasDiacritics(word));
}

function covered(out: readonly RedactSpan[], from: number, at: number): boolean {
  for (let k = from; k < out.length; k++) if (at >= out[k].start && at < out[k].end) return true;
  return false;
}

/** Adds the span unless it is a known place or public figure, or an official; false when it was not added. */
function push(text: string, out: RedactSpan[], start: number, end: number, extraPlaces: readonly string[], firstEnd: number): boolean {
  if (knownNotPerson(text, start, firstEnd, end, extraPlaces)) return false;
  // A role is looked for before the kinship word, if any ("Chủ tịch UBND phường 12, ông Nguyễn Văn An").
  const before = KINSHIP.has(wordBefore(text, start)) ? wordStartBefore(text, start) : start;
  if (isOfficial(text, before, end)) return false;
  out.push({ type: 'name', start, end });
  return true;
}

/** Name words after `first`: capitalised like it (or all capitals), or lower case after a cue. */
function extend(text: string, first: Range, style: 'cap' | 'upper' | 'lower', max: number): number {
  let end = first.end;
  for (const w of followingWords(text, first.end, max)) {
    const word = text.slice(w.start, w.end);
    const lower = word.toLowerCase();
    // "La" written without a mark is "là" only where the writer leaves marks out; elsewhere it is a name ("Lê Thị La").
    const ok = style === 'cap' ? IS_CAP.test(word) && (!NOT_NAME_WORD.has(lower) || (lower === 'la' && hasDiacritics(text)))
      : style === 'upper' ? IS_UPPER.test(word) && !NOT_NAME_WORD.has(lower)
        : IS_LOWER.test(word) && (!PLAIN_STOP.has(fold(word)) || (end === first.end && MIDDLE.has(fold(word)))) && !NOT_NAME_WORD.has(lower);
    if (!ok) break;
    end = w.end;
  }
  return end;
}

export function findFullNames(text: string, out: RedactSpan[], extraPlaces: readonly string[] = []): void {
  const from = out.length;
  // 1. A family name and capitalised syllables. Only a capitalised word followed by another one is looked at.
  const n = text.length;
  for (let i = 0; i < n; i++) {
    if (!isUpperCode(text.charCodeAt(i)) || (i > 0 && isLetterCode(text.charCodeAt(i - 1)))) continue;
    let j = i + 1;
    while (j < n && isLetterCode(text.charCodeAt(j))) j++;
    let k = j;
    while (k < n && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 0xa0)) k++;
    if (k === j || k >= n || !isUpperCode(text.charCodeAt(k))) { i = j; continue; }
    const start = i;
    const word = text.slice(start, j);
    i = j;
    const lower = word.toLowerCase();
    // Most capitalised words are no family name: the set lookups go before the pattern.
    if (!isSurnameLower(word, lower) || KINSHIP.has(lower) || !IS_CAP.test(word) || covered(out, from, start)) continue;
    const first = { start, end: j };
    const end = extend(text, first, 'cap', 4);
    if (end === first.end) continue;
    // Whether taken or not, the phrase is read as a whole: "trường THCS Hoàng Văn Thụ" is not searched again from "Văn".
    i = end;
    const plain = !hasDiacritics(text.slice(start, end));
    if (plain && PLAIN_AMBIGUOUS.has(fold(word))) {
      const second = fold(text.slice(first.end, end).trim().split(/\s+/)[0]);
      if (second !== 'van' && second !== 'thi') continue;
    }
    if (placeBefore(text, start)) continue;
    push(text, out, start, end, extraPlaces, first.end);
  }
  // 2. After a cue: labels ("Người gửi:", "Họ tên:", "Ký tên") and introductions ("tôi là", "em tên").
  for (const [cue, label, lowerOnly] of [[LABEL_CUE, true, false], [SELF_CUE, false, false], [NAME_CUE, true, true]] as const) {
    cue.lastIndex = 0;
    for (let m; (m = cue.exec(text)); ) {
      if (m.index > 0 && isLetterCode(text.charCodeAt(m.index - 1))) { cue.lastIndex = m.index + 1; continue; }
      const start = m.index + m[0].length;
      const next = wordAt(text, start);
      if (!next || covered(out, from, start)) continue;
      const word = text.slice(next.start, next.end);
      const lower = word.toLowerCase();
      if (KINSHIP.has(lower) || NOT_NAME_WORD.has(lower) || NOT_FIRST_AFTER_CUE.has(lower)) continue;
      let end: number;
      if (lowerOnly && !IS_LOWER.test(word)) continue;
      if (IS_CAP.test(word)) end = extend(text, next, 'cap', 4);
      else if (IS_UPPER.test(word) && word.length > 1 && isSurname(word)) end = extend(text, next, 'upper', 4);
      else if (IS_LOWER.test(word) && isSurname(word)) end = extend(text, next, 'lower', 3);
      else continue;
      // A lone lower-case family name, or a lone capitalised word after a label, is too little.
      if (end === next.end && (!IS_CAP.test(word) || label)) continue;
      push(text, out, start, end, extraPlaces, next.end);
    }
  }
  // 3. In capitals after a kinship word in capitals: a family name and at most two syllables, since
  //    the words after the name are in capitals too ("THẦY LÊ QUANG VINH ĐÃ KÈM").
  if (CAPS_TITLE.test(text)) {
    CAPS_TITLE.lastIndex = 0;
    for (let m; (m = CAPS_TITLE.exec(text)); ) {
      if (m.index > 0 && isLetterCode(text.charCodeAt(m.index - 1))) { CAPS_TITLE.lastIndex = m.index + 1; continue; }
      const next = wordAt(text, m.index + m[0].length);
      if (!next || covered(out, from, next.start) || !isSurname(text.slice(next.start, next.end))) continue;
      const end = extend(text, next, 'upper', 2);
      if (end > next.end) push(text, out, next.start, end, extraPlaces, next.end);
    }
  }
  // 4. Lower case without a cue: "nguyen van loi", "tran thi tuyet".
  for (const middle of [' van ', ' thi ']) {
    for (let at = text.indexOf(middle); at >= 0; at = text.indexOf(middle, at + 1)) {
      const start = wordStartBefore(text, at + 1);
      const third = wordAt(text, at + middle.length);
      if (start > at || !third || (third.end < n && isLetterCode(text.charCodeAt(third.end)))) continue;
      const surname = text.slice(start, at);
      const given = text.slice(third.start, third.end);
      if (!LOWER_WORD.test(surname) || !LOWER_WORD.test(given) || !SURNAME_LOWER.has(surname) || PLAIN_STOP.has(given)) continue;
      if (covered(out, from, start) || placeBefore(text, start)) continue;
      push(text, out, start, third.end, extraPlaces, at);
    }
  }
  // 5. A lower-case name called by "ơi" ("nguyen hoang phuc ơi") or signing the post ("— đỗ thành nam").
  for (const call of [' ơi', ' oi']) {
    for (let at = text.indexOf(call); at >= 0; at = text.indexOf(call, at + 1)) {
      if (at + call.length < n && isLetterCode(text.charCodeAt(at + call.length))) continue;
      // The family name is two or three words before "ơi" (the farthest that reads as a name).
      let start = at;
      let found: Range | undefined;
      for (let k = 0; k < 3; k++) {
        const before = wordStartBefore(text, start);
        if (before === start) break;
        start = before;
        const first = wordAt(text, start);
        if (k > 0 && first && SURNAME_LOWER.has(text.slice(first.start, first.end)) && extend(text, first, 'lower', k) === at) found = first;
      }
      if (found && !covered(out, from, found.start) && !placeBefore(text, found.start)) push(text, out, found.start, at, extraPlaces, found.end);
    }
  }
  // Only a post whose end follows a line break or a dash can end with a signature.
  const cut = Math.max(0, n - 80);
  const signed = text.indexOf('\n', cut) >= 0 || text.indexOf('-', cut) >= 0 || text.indexOf('–', cut) >= 0 || text.indexOf('—', cut) >= 0 || cut === 0;
  const tail = signed ? SIGNATURE.exec(cut ? text.slice(cut) : text) : null;
  if (tail?.indices?.[1]) {
    const start = cut + tail.indices[1][0];
    const first = wordAt(text, start);
    const word = first ? text.slice(first.start, first.end) : '';
    if (first && !covered(out, from, start) && isSurname(word)) {
      const end = extend(text, first, IS_CAP.test(word) ? 'cap' : IS_LOWER.test(word) ? 'lower' : 'upper', 3);
      if (end === cut + tail.indices[1][1]) push(text, out, first.start, end, extraPlaces, first.end);
    }
  }
}

/** The word that starts exactly at `at`, if any. */
function wordAt(text: string, at: number): Range | undefined {
  let end = at;
  while (end < text.length && isLetterCode(text.charCodeAt(end))) end++;
  return end > at ? { start: at, end } : undefined;
}
