// Vietnamese text from legacy 8-bit encodings that reached us decoded as Latin-1/Windows-1252:
//   VNI-Windows: base letter + a mark byte   "Vieät Nam"  → "Việt Nam"
//   TCVN3 (ABC): one byte per toned letter   "ViÖt Nam"   → "Việt Nam"
//   UTF-8 read as Windows-1252 (mojibake)    "Viá»‡t Nam" → "Việt Nam"
// Detection counts signature characters; it is deliberately conservative and never fires on
// text that already contains Vietnamese Unicode letters.
import { composeTone, isLetterVi, type Tone } from './chars.ts';
import { fold } from './fold.ts';
import { isVietnameseLikeAscii } from './undiacritized.ts';

export type LegacyEncoding = 'vni' | 'tcvn3' | 'utf8-cp1252';

// --- VNI ---------------------------------------------------------------------------------
// Mark bytes after a vowel, as Windows-1252 characters. Lower- and upper-case marks both occur.
const VNI_TONE: Record<string, Tone> = { ù: 2, ø: 1, û: 3, õ: 4, ï: 5, Ù: 2, Ø: 1, Û: 3, Õ: 4, Ï: 5 };
const VNI_CIRCUMFLEX: Record<string, Tone> = { â: 0, á: 2, à: 1, å: 3, ã: 4, ä: 5, Â: 0, Á: 2, À: 1, Å: 3, Ã: 4, Ä: 5 };
const VNI_BREVE: Record<string, Tone> = { ê: 0, é: 2, è: 1, ú: 3, ü: 4, ë: 5, Ê: 0, É: 2, È: 1, Ú: 3, Ü: 4, Ë: 5 };
/** Single characters that stand for a whole letter in VNI. */
const VNI_SINGLE: Record<string, string> = {
  ô: 'ơ', Ô: 'Ơ', ö: 'ư', Ö: 'Ư', ñ: 'đ', Ñ: 'Đ', í: 'í', Í: 'Í', ì: 'ì', Ì: 'Ì', æ: 'ỉ', Æ: 'Ỉ', ó: 'ĩ', Ó: 'Ĩ', ò: 'ị', Ò: 'Ị', î: 'ỵ', Î: 'Ỵ',
};

function vniLetter(text: string, i: number): [string, number] | null {
  const ch = text[i];
  const next = text[i + 1] ?? '';
  const lower = ch.toLowerCase();
  const upper = ch !== lower;
  const cased = (s: string) => (upper ? s.toUpperCase() : s);
  if ('aeouy'.includes(lower)) {
    if ((lower === 'a' || lower === 'e' || lower === 'o') && next in VNI_CIRCUMFLEX) {
      const base = lower === 'a' ? 'â' : lower === 'e' ? 'ê' : 'ô';
      return [cased(composeTone(base, VNI_CIRCUMFLEX[next])), 2];
    }
    if (lower === 'a' && next in VNI_BREVE) return [cased(composeTone('ă', VNI_BREVE[next])), 2];
    if (next in VNI_TONE) return [cased(composeTone(lower, VNI_TONE[next])), 2];
    return null;
  }
  if (ch in VNI_SINGLE) {
    const base = VNI_SINGLE[ch];
    if ((base === 'ơ' || base === 'ư' || base === 'Ơ' || base === 'Ư') && next in VNI_TONE) {
      const l = base.toLowerCase();
      const toned = composeTone(l, VNI_TONE[next]);
      return [base === l ? toned : toned.toUpperCase(), 2];
    }
    return [base, 1];
  }
  return null;
}

/** Converts VNI text read as Windows-1252 to Unicode (NFC). */
export function convertVni(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; ) {
    const hit = vniLetter(text, i);
    if (hit) { out += hit[0]; i += hit[1]; }
    else { out += text[i]; i++; }
  }
  return out.normalize('NFC');
}

// --- TCVN3 -------------------------------------------------------------------------------
// Bytes 0xA1–0xFE of TCVN3 (ABC) and the letters they encode (verified against glibc's
// TCVN5712-1 table; ABC has no toned capitals — those come from a separate capitals font).
const TCVN3_BYTES =
  '\u00a1\u00a2\u00a3\u00a4\u00a5\u00a6\u00a7\u00a8\u00a9\u00aa\u00ab\u00ac\u00ad\u00ae' +
  '\u00b5\u00b6\u00b7\u00b8\u00b9\u00bb\u00bc\u00bd\u00be\u00c6\u00c7\u00c8\u00c9\u00ca\u00cb\u00cc' +
  '\u00ce\u00cf\u00d0\u00d1\u00d2\u00d3\u00d4\u00d5\u00d6\u00d7\u00d8\u00dc\u00dd\u00de\u00df' +
  '\u00e1\u00e2\u00e3\u00e4\u00e5\u00e6\u00e7\u00e8\u00e9\u00ea\u00eb\u00ec\u00ed\u00ee\u00ef' +
  '\u00f1\u00f2\u00f3\u00f4\u00f5\u00f6\u00f7\u00f8\u00f9\u00fa\u00fb\u00fc\u00fd\u00fe';
const TCVN3_LETTERS =
  'ĂÂÊÔƠƯĐăâêôơưđ' +
  'àảãáạằẳẵắặầẩẫấậè' +
  'ẻẽéẹềểễếệìỉĩíịò' +
  'ỏõóọồổỗốộờởỡớợù' +
  'ủũúụừửữứựỳỷỹýỵ';
const TCVN3_MAP = new Map<string, string>();
for (let k = 0; k < TCVN3_BYTES.length; k++) TCVN3_MAP.set(TCVN3_BYTES[k], TCVN3_LETTERS[k]);

/** Converts TCVN3 text read as Windows-1252 to Unicode (NFC). */
export function convertTcvn3(text: string): string {
  let out = '';
  for (const ch of text) out += TCVN3_MAP.get(ch) ?? ch;
  return out.normalize('NFC');
}

// --- UTF-8 read as Windows-1252 ----------------------------------------------------------
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const CP1252_BYTE = new Map<string, number>();
for (let k = 0; k < 32; k++) CP1252_BYTE.set(CP1252_HIGH[k], 0x80 + k);
const MOJIBAKE = /Ã[\u0080-\u00bf]|á[»º]|Æ[°¡]|Ä[‘\u0090]|áº|á»/;

/** Re-reads mojibake as UTF-8; returns null when the text is not representable in Windows-1252 or not valid UTF-8. */
export function convertUtf8Cp1252(text: string): string | null {
  const bytes = new Uint8Array(text.length);
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 0x100) bytes[k] = c; // includes C1 controls: how decoders pass through 0x81, 0x8D, …
    else {
      const b = CP1252_BYTE.get(text[k]);
      if (b === undefined) return null;
      bytes[k] = b;
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).normalize('NFC');
  } catch {
    return null;
  }
}

// --- detection ---------------------------------------------------------------------------
/** Any letter only Vietnamese Unicode text has (ă đ ơ ư ĩ ũ and the U+1EA0–1EF9 block). */
const VIETNAMESE_UNICODE = /[ăắằẳẵặĂđĐơƠưƯĩĨũŨ\u1ea0-\u1ef9]/;
const COMBINING = /[\u0300-\u036f]/;
const WORDS = /\S*\p{L}\S*/gu; // chunks with a letter: numbers and punctuation do not dilute the ratios

/**
 * The legacy encoding `text` appears to be in, or null for ordinary Unicode text: at least half
 * of the words must be evidence for it (see `tally`), and three times more than against it.
 */
export function detectLegacyEncoding(text: string): LegacyEncoding | null {
  if (MOJIBAKE.test(text) && convertUtf8Cp1252(text) !== null) return 'utf8-cp1252';
  if (VIETNAMESE_UNICODE.test(text) || COMBINING.test(text)) return null; // Unicode already (NFC or NFD)
  let words = 0;
  const vni = { good: 0, bad: 0 }, tcvn = { good: 0, bad: 0 };
  for (const m of text.matchAll(WORDS)) {
    words++;
    const w = m[0];
    let hasVni = false, hasTcvn = false;
    for (let k = 0; k < w.length; k++) {
      const ch = w[k];
      if (TCVN3_MAP.has(ch)) hasTcvn = true;
      if (ch in VNI_SINGLE) hasVni = true;
      else if (k > 0 && 'aeouyAEOUY'.includes(w[k - 1]) && (ch in VNI_TONE || ch in VNI_CIRCUMFLEX || ch in VNI_BREVE)) hasVni = true;
    }
    if (hasVni) tally(vni, w, convertVni(w));
    if (hasTcvn) tally(tcvn, w, convertTcvn3(w));
  }
  const wins = (s: { good: number; bad: number }) => s.good >= 1 && s.good >= 3 * s.bad && s.good * 2 >= words;
  if (wins(tcvn) && tcvn.good >= vni.good) return 'tcvn3';
  if (wins(vni)) return 'vni';
  return null;
}

/**
 * Counts a word for an encoding when it is not Vietnamese as it stands but its conversion is
 * ("ViÖt" → "Việt"); against when the conversion is not Vietnamese either. Words already
 * Vietnamese ("Vì", "Hoàng": Latin-1 letters) are no evidence.
 */
function tally(s: { good: number; bad: number }, word: string, converted: string): void {
  if (isVietnameseWord(word)) return;
  if (isVietnameseWord(converted)) s.good++;
  else s.bad++;
}

/** Letters-only parts of `w` are Vietnamese syllables (punctuation around them ignored). */
function isVietnameseWord(w: string): boolean {
  const parts = w.split(/[^\p{L}]+/u).filter((x) => x.length > 0);
  if (parts.length === 0) return false;
  for (const p of parts) {
    for (let k = 0; k < p.length; k++) if (!isLetterVi(p.charCodeAt(k))) return false;
    if (!isVietnameseLikeAscii(fold(p))) return false;
  }
  return true;
}

/** Converts `text` from `encoding` to Unicode NFC. */
export function convertLegacy(text: string, encoding: LegacyEncoding): string {
  if (encoding === 'vni') return convertVni(text);
  if (encoding === 'tcvn3') return convertTcvn3(text);
  return convertUtf8Cp1252(text) ?? text;
}

/** Detects and converts; text in ordinary Unicode comes back unchanged. */
export function fixLegacyEncoding(text: string): string {
  const enc = detectLegacyEncoding(text);
  return enc ? convertLegacy(text, enc) : text;
}
