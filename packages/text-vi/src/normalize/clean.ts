// Unicode clean-up before anything else looks at the text: NFC, invisible characters removed
// (zero-width, soft hyphen, bidi overrides: often used to dodge filters, "đ\u200bm"), "styled"
// letters mapped to plain ones (full-width, mathematical bold/italic: "𝐍𝐠𝐮𝐲ễ𝐧" → "Nguyễn"),
// other control characters turned into spaces, runs of spaces collapsed.

const INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufe00-\ufe0e]/g;
// Control characters other than tab and newline, plus C1 controls and the line/paragraph separators.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;
// Full-width ASCII and the mathematical alphanumeric block: NFKC maps them to plain letters.
const STYLED = /[\uff01-\uff5e]|[\u{1d400}-\u{1d7ff}]/gu;
const SPACES = /[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g;

/** NFC with invisible characters removed, styled letters plain, whitespace tidied (newlines kept). */
export function cleanText(text: string): string {
  if (!mayBeStyled(text)) {
    const nfc = text.normalize('NFC');
    if (isTidy(nfc)) return nfc; // the usual case: nothing below would change it
    return tidy(nfc);
  }
  return tidy(text.replace(STYLED, (c) => c.normalize('NFKC')).normalize('NFC'));
}

const tidy = (s: string): string => s.replace(INVISIBLE, '').replace(CONTROL, ' ').replace(SPACES, ' ').trim();

/** Full-width ASCII, or a high surrogate of the mathematical alphanumerics (U+1D400–1D7FF). */
function mayBeStyled(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0xd835) return true;
  }
  return false;
}

const CHANGED_BY_TIDY = new RegExp(`${INVISIBLE.source}|${CONTROL.source}|${SPACES.source}`);
// Per UTF-16 unit, filled on first sight: 0 unknown, 1 plain, 2 a single space, 3 whitespace that
// trim() removes, 4 invisible, control or another space (tidy() would change it).
const unitKind = new Uint8Array(0x10000);
function kindOf(c: number): number {
  let k = unitKind[c];
  if (k === 0) {
    const ch = String.fromCharCode(c);
    if (c === 0x20) k = 2;
    else if (CHANGED_BY_TIDY.test(ch)) k = 4;
    else if (/\s/.test(ch)) k = 3;
    else k = 1;
    unitKind[c] = k;
  }
  return k;
}

/** True when tidy(s) === s: no invisible or control character, no space but single U+0020, no
 *  whitespace at either end. */
function isTidy(s: string): boolean {
  const n = s.length;
  if (n === 0) return true;
  if (kindOf(s.charCodeAt(0)) !== 1 || kindOf(s.charCodeAt(n - 1)) !== 1) return false;
  let prevSpace = false;
  for (let i = 1; i < n - 1; i++) {
    const k = kindOf(s.charCodeAt(i));
    if (k === 4) return false;
    if (k === 2) {
      if (prevSpace) return false;
      prevSpace = true;
    } else prevSpace = false;
  }
  return true;
}

/** Unicode NFC: "hòa" typed with combining marks and precomposed become the same string. */
export const toNfc = (text: string): string => text.normalize('NFC');
