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
  return text.replace(STYLED, (c) => c.normalize('NFKC')).normalize('NFC').replace(INVISIBLE, '').replace(CONTROL, ' ').replace(SPACES, ' ').trim();
}

/** Unicode NFC: "hòa" typed with combining marks and precomposed become the same string. */
export const toNfc = (text: string): string => text.normalize('NFC');
