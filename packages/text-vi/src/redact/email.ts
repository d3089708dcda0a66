// E-mail addresses, plain and cheaply obfuscated: "abc @ gmail . com", "abc[at]gmail.com",
// "abc (at) gmail (dot) com". Spaced or bracketed forms must end in a common top-level domain,
// so "gặp anh @ quán. Com…" style text is not taken for an address.
import type { RedactSpan } from './types.ts';

const PLAIN = /(?<![\p{L}\d._%+-])[a-z0-9][a-z0-9._%+-]*@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,12}(?![\p{L}\d])/giu;
const TLD = '(?:com|vn|net|org|edu|gov|info|io|me|biz|asia|co)';
const AT = '(?:\\s*(?:\\[at\\]|\\(at\\)|\\{at\\}|\\[@\\]|\\(@\\))\\s*|\\s+@\\s*|\\s*@\\s+|\\s+at\\s+)';
const DOT = '(?:\\s*(?:\\[dot\\]|\\(dot\\)|\\{dot\\}|\\[\\.\\]|\\(\\.\\))\\s*|\\s*\\.\\s*|\\s+dot\\s+|\\s+chấm\\s+|\\s+cham\\s+)';
const OBFUSCATED = new RegExp(
  `(?<![\\p{L}\\d._%+-])[a-z0-9][a-z0-9._%+-]*${AT}[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:${DOT}[a-z0-9]+)*?${DOT}${TLD}(?![\\p{L}\\d])`,
  'giu',
);
const AT_WORD = /\sat\s/i;

export function findEmails(text: string, out: RedactSpan[]): void {
  const hasAt = text.includes('@');
  if (!hasAt && !text.includes('at]') && !text.includes('at)') && !text.includes('at}') && !AT_WORD.test(text)) return;
  const found: RedactSpan[] = [];
  if (hasAt) {
    PLAIN.lastIndex = 0;
    for (let m; (m = PLAIN.exec(text)); ) found.push({ type: 'email', start: m.index, end: m.index + m[0].length });
  }
  OBFUSCATED.lastIndex = 0;
  for (let m; (m = OBFUSCATED.exec(text)); ) {
    const start = m.index;
    const end = start + m[0].length;
    if (!found.some((f) => start < f.end && end > f.start)) found.push({ type: 'email', start, end });
  }
  out.push(...found);
}
