// Redaction's placeholders ([SĐT] [EMAIL] [CCCD] [STK] [TÊN]) are not words of the post: no
// normalisation step may change them ("[SĐT]" is not the teencode "sđt", nor "[TÊN]" lower case).
import { PLACEHOLDERS } from '../redact/types.ts';

const LIST = Object.values(PLACEHOLDERS);
const SET: ReadonlySet<string> = new Set(LIST);
const ANY = new RegExp(`(${LIST.map((p) => p.replace(/[[\]]/g, '\\$&')).join('|')})`);

/** Whether text[start, end) is exactly a placeholder. */
export const isPlaceholderAt = (text: string, start: number, end: number): boolean =>
  start >= 0 && end <= text.length && text.charCodeAt(start) === 0x5b && text.charCodeAt(end - 1) === 0x5d && SET.has(text.slice(start, end));

/**
 * Applies `fn` to the text between placeholders, keeping the placeholders as they are. Text
 * without any comes back as fn(text).
 */
export function outsidePlaceholders(text: string, fn: (piece: string) => string): string {
  if (!text.includes('[')) return fn(text);
  const parts = text.split(ANY);
  if (parts.length === 1) return fn(text);
  for (let i = 0; i < parts.length; i += 2) parts[i] = fn(parts[i]);
  return parts.join('');
}

/** The text with every placeholder replaced by a space (for detectors that read the whole text). */
export function withoutPlaceholders(text: string): string {
  return text.includes('[') ? text.split(ANY).map((p, i) => (i % 2 === 1 ? ' ' : p)).join('') : text;
}
