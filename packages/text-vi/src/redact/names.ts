// Names of private persons, found by context: a kinship or address word followed by capitalised
// words ("anh Nguyễn Văn Nam", "chị Lan ở hẻm 12", "bác Tư", "co Hoa ban xoi"), or "tên (là) X".
// Not names: kinship words used as pronouns ("anh ơi", "chị em"); streets and places that begin
// with a kinship word ("Bà Hạt", "Cô Giang", "chợ Bà Chiểu"); public figures ("Bác Hồ");
// officials named in their official capacity ("ông Nguyễn Văn A, Chủ tịch UBND phường").
import { fold, hasDiacritics } from '../fold/fold.ts';
import { isOfficial, PLACE_BEFORE, PLACE_BEFORE_PLAIN, wordBefore } from './context.ts';
import { GIVEN_PLAIN } from './names-data.ts';
import type { RedactSpan } from './types.ts';

/** Kinship and address words. Unaccented forms only where they are not common other words. */
const TITLES = [
  'anh', 'chị', 'em', 'bác', 'ông', 'bà', 'cô', 'chú', 'dì', 'cậu', 'mợ', 'thím', 'dượng', 'cháu', 'bé', 'thầy', 'cụ', 'bạn',
  'cô giáo', 'thầy giáo', 'anh trai', 'chị gái', 'em trai', 'em gái', 'bác sĩ', 'cô bé', 'cậu bé', 'chị bán', 'anh xe ôm',
  'tên là', 'tên', 'chi', 'bac', 'ong', 'ba', 'co', 'chu', 'thim', 'chau', 'be', 'thay', 'ten la',
  'thằng', 'con', 'mr', 'ms', 'mrs',
  // Chat shorthand for anh, chị, em: only in text with diacritics (see findNames).
  'a', 'c', 'e',
];

const caseAlt = (w: string) => `[${w[0].toUpperCase()}${w[0]}]${w.slice(1).replace(/ /g, '[ \\u00a0]+')}`;
const TITLE = `(?:${[...TITLES].sort((a, b) => b.length - a.length).map(caseAlt).join('|')})`;
const NAME_WORD = '\\p{Lu}[\\p{Ll}\\p{M}]*';
// The title comes first so that the engine can skip ahead to the letters a title starts with; the
// word boundary before it is checked in findNames() (a lookbehind here is tried at every position).
const NAME_RE = new RegExp(`(${TITLE})[ \\u00a0]+(${NAME_WORD}(?:[ \\u00a0]+${NAME_WORD}){0,3})(?![\\p{L}\\p{N}])`, 'gu');
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Places and public figures that begin with a kinship word, with their diacritics. Extended by options.placeNames. */
const KNOWN_NOT_PERSONS_VI = [
  'bà hạt', 'bà triệu', 'bà huyện thanh quan', 'bà lê chân', 'bà chiểu', 'bà điểm', 'bà quẹo', 'bà rịa', 'bà hom',
  'bà lài', 'bà kỳ', 'bà chúa xứ', 'bà đen', 'bà nà', 'bà thiên hậu', 'bà chúa kho', 'bà mụ', 'bà tiên', 'bà trưng',
  'cô giang', 'cô bắc', 'ông ích khiêm', 'ông ích đường', 'ông tạ', 'ông lãnh', 'ông địa', 'ông táo', 'ông công',
  'ông trời', 'ông bụt', 'ông già noel', 'bác hồ', 'bác tôn', 'bác giáp', 'chú cuội', 'ba ba', 'ba tháng hai',
  'ba tháng tư', 'ba vì',
];
/** The same, folded, in the same order. */
const KNOWN_NOT_PERSONS = KNOWN_NOT_PERSONS_VI.map(fold);

/** Capitalised words that end a name: administrative and place words ("anh Nam Phường 12"). */
const STOP = new Set(['phường', 'quận', 'đường', 'hẻm', 'ngõ', 'phố', 'chợ', 'ubnd', 'cầu', 'khu', 'tp', 'xã', 'huyện', 'tỉnh', 'ở', 'và', 'với', 'của', 'là', 'thì', 'nhé', 'nha', 'ạ', 'ơi']);
/** The same words unaccented end a name only in text without diacritics: elsewhere "La", "Thi" are names ("cô La Bảo Mơ"). */
const STOP_PLAIN = new Set(['o', 'va', 'voi', 'cua', 'la', 'thi', 'nhe', 'oi']);
/** Unaccented "Phuong"/"Quan" are also given names (Phương, Quân): they end a name only before a number. */
const STOP_BEFORE_NUMBER = new Set(['phuong', 'quan', 'p', 'q', 'f']);
/** First words that show the kinship word is a pronoun, not a title ("Chị Em ơi", "Anh Ơi"). */
const NOT_FIRST = new Set(['ban', 'hội', 'đoàn', 'ủy', 'uỷ', 'tổ', 'khu', 'trưởng', 'phó', 'cán', 'ơi', 'ấy', 'này', 'kia', 'và', 'ạ', 'nhé', 'nha', 'em', 'anh', 'chị', 'tôi', 'mình', 'bạn', 'họ', 'nó', 'đây', 'đó', 'thì', 'là', 'cũng', 'còn', 'có', 'không', 'ko', 'hôm', 'cám', 'cảm', 'xin', 'chào', 'hi', 'hello', 'kính', 'ui', 'dạ', 'vâng', 'ok', 'oke', 'biết', 'được', 'đừng', 'sao', 'gì', 'ai', 'cả', 'các', 'những', 'mọi', 'oi']);
/** The same words unaccented; used only in texts written without diacritics (else "Hồ", "Thi" are names). */
const NOT_FIRST_PLAIN = new Set(['ay', 'nay', 'va', 'a', 'nhe', 'chi', 'toi', 'minh', 'ban', 'ho', 'no', 'day', 'do', 'thi', 'la', 'cung', 'con', 'co', 'khong', 'hom', 'cam', 'chao', 'kinh', 'da', 'vang', 'biet', 'duoc', 'dung', 'gi', 'ca', 'cac', 'nhung', 'moi']);
/** The code point that ends right before `at` (a surrogate pair read as one). */
function codePointBefore(text: string, at: number): number {
  const low = text.charCodeAt(at - 1);
  if (low >= 0xdc00 && low <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(at - 2)!;
  }
  return low;
}

const isUpper = (ch: string) => ch !== ch.toLowerCase();

function sentenceInitial(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = text[i];
    if (c === ' ' || c === '\u00a0' || c === '\t') continue;
    return !/[\p{L}\p{N},]/u.test(c);
  }
  return true;
}

/** The word before `at`, lower-cased (diacritics kept). */
function previousWord(text: string, at: number): string {
  const before = text.slice(Math.max(0, at - 24), at);
  const m = /([\p{L}\p{N}]+)[.\s\u00a0]*$/u.exec(before);
  return m ? m[1].toLowerCase() : '';
}

export function findNames(text: string, out: RedactSpan[], extraPlaces: readonly string[] = []): void {
  NAME_RE.lastIndex = 0;
  const plain = !hasDiacritics(text);
  for (let m; (m = NAME_RE.exec(text)); ) {
    const title = m[1];
    const titleStart = m.index;
    if (titleStart > 0 && LETTER_OR_DIGIT.test(String.fromCodePoint(codePointBefore(text, titleStart)))) {
      NAME_RE.lastIndex = titleStart + 1; // inside a word: look again from the next character
      continue;
    }
    const nameStart = titleStart + m[0].length - m[2].length;
    const words = m[2].split(/[ \u00a0]+/);
    const capitalTitle = isUpper(title[0]);
    const initial = sentenceInitial(text, titleStart);
    if (capitalTitle && !initial) continue; // "Bà Hạt", "Cô Giang" mid-sentence: a place name
    // "a", "c", "e" (anh, chị, em) are shorthand only in lower case, or capitalised at a sentence's start,
    // and only where the writer uses diacritics (without them "a" is also à, ạ).
    if (title.length === 1 && (plain || (capitalTitle && !initial))) continue;
    const prev = previousWord(text, titleStart);
    if (PLACE_BEFORE.has(prev) || (plain && PLACE_BEFORE_PLAIN.has(prev)) || /^\d/.test(prev)) continue;
    const folded = words.map(fold);
    const first = words[0].toLowerCase();
    if (NOT_FIRST.has(first) || (plain && NOT_FIRST_PLAIN.has(first))) continue;
    let keep = folded.length;
    const ends: number[] = [];
    for (let k = 0, at = nameStart; k < words.length; k++) { at = text.indexOf(words[k], at) + words[k].length; ends.push(at); }
    for (let k = 0; k < folded.length; k++) {
      const stop = STOP.has(words[k].toLowerCase()) || (plain && STOP_PLAIN.has(words[k].toLowerCase())) || (STOP_BEFORE_NUMBER.has(folded[k]) && /^[ .\u00a0]*\d/.test(text.slice(ends[k], ends[k] + 3)));
      if (stop) { keep = k; break; }
    }
    if (keep === 0) continue;
    const phrase = `${fold(title)} ${folded.slice(0, keep).join(' ')}`;
    // With diacritics, a known place must match them too: "bà Diêm" is a person, "Bà Điểm" a place.
    const exact = `${title.toLowerCase()} ${words.slice(0, keep).join(' ').toLowerCase()}`.normalize('NFC');
    const known = (p: string) => phrase === p || phrase.startsWith(p + ' ');
    if (KNOWN_NOT_PERSONS.some((p, i) => known(p) && (plain || exact.startsWith(KNOWN_NOT_PERSONS_VI[i])))) continue;
    if (extraPlaces.some((p) => phrase === p || phrase.startsWith(p + ' '))) continue;
    const nameEnd = ends[keep - 1];
    if (isOfficial(text, titleStart, nameEnd)) continue;
    out.push({ type: 'name', start: nameStart, end: nameEnd });
  }
  if (plain) findLowerCaseNames(text, out);
}

/** Lower-case kinship words that take a lower-case given name in text without diacritics. */
const LOWER_TITLE = /(?<![\p{L}\p{N}])(?:anh|chi|chu|bac|ong)[ \u00a0]+([a-z]+)(?![\p{L}\p{N}])/gu;
const GIVEN = new Set(GIVEN_PLAIN);
/** Words after the given name that make it an everyday word ("anh tuan sau" = "anh tuần sau"). */
const TIME_AFTER = /^[ \u00a0]+(?:nay|sau|truoc|toi|qua|roi|nua|do|kia|le)(?![\p{L}\p{N}])/u;

/** "anh tuan xe om", "chi thuy ban rau": given names from a list, in text written without diacritics. */
function findLowerCaseNames(text: string, out: RedactSpan[]): void {
  LOWER_TITLE.lastIndex = 0;
  for (let m; (m = LOWER_TITLE.exec(text)); ) {
    if (!GIVEN.has(m[1])) continue;
    const end = m.index + m[0].length;
    if (TIME_AFTER.test(text.slice(end, end + 8))) continue;
    const prev = wordBefore(text, m.index);
    if (PLACE_BEFORE_PLAIN.has(prev) || /\d/.test(prev)) continue;
    out.push({ type: 'name', start: end - m[1].length, end });
  }
}
