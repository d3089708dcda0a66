// The normalisation pipeline for analysis: legacy encodings → clean Unicode → one tone
// placement → squeezed repeats → teencode expanded → (optionally) lower case. Redaction's
// placeholders ([SĐT], [EMAIL], [CCCD], [STK], [TÊN]) come through every step unchanged.
import { cleanText } from './clean.ts';
import { convertLegacy, detectLegacyEncoding, fixLegacyEncoding } from './legacy.ts';
import { outsidePlaceholders, withoutPlaceholders } from './placeholders.ts';
import { squeezeRepeats } from './squeeze.ts';
import { expandTeencodeTokens, type TeencodeTable } from './teencode.ts';
import { tokenize } from '../tokenize/tokenize.ts';
import type { Token } from '../tokenize/types.ts';
import { normalizeTonePlacement, type ToneStyle } from './tone.ts';

export interface NormalizeOptions {
  /** Detect and convert VNI / TCVN3 / UTF-8-as-Windows-1252 text. Default true. */
  legacy?: boolean;
  /** Tone-mark placement, or false to keep it as written. Default 'old' (hòa, thủy). */
  tone?: ToneStyle | false;
  /** Squeeze letters repeated for emphasis. Default true. */
  squeeze?: boolean;
  /** Expand teencode with this table (see loadTeencode() in node.ts). Default: not expanded. */
  teencode?: TeencodeTable;
  /** Lower-case the result. Default false. */
  lowercase?: boolean;
}

export function normalizeText(text: string, options: NormalizeOptions = {}): string {
  return normalizeTextTokens(text, options).text;
}

/** What normalizeTextTokens() computed on the way; analyze() reuses the tokens. */
export interface NormalizedText {
  text: string;
  /** The text as it went into teencode expansion (what `tokens` are of). */
  beforeTeencode: string;
  /** tokenize(beforeTeencode), when teencode expansion made them; else null. */
  tokens: Token[] | null;
}

/** normalizeText(), also handing on the tokens the teencode step made. */
export function normalizeTextTokens(text: string, options: NormalizeOptions = {}): NormalizedText {
  let s = options.legacy === false ? text : fixLegacyKeepingPlaceholders(text);
  s = cleanText(s);
  if (options.tone !== false) s = normalizeTonePlacement(s, options.tone ?? 'old');
  if (options.squeeze !== false) s = squeezeRepeats(s);
  const beforeTeencode = s;
  let tokens: Token[] | null = null;
  if (options.teencode) {
    tokens = tokenize(s);
    s = expandTeencodeTokens(s, tokens, options.teencode);
  }
  if (options.lowercase) s = outsidePlaceholders(s, (piece) => piece.toLowerCase());
  return { text: s, beforeTeencode, tokens };
}

/** The encoding is detected on the whole text, and the text between placeholders converted. */
function fixLegacyKeepingPlaceholders(text: string): string {
  const plain = withoutPlaceholders(text);
  if (plain === text) return fixLegacyEncoding(text);
  const encoding = detectLegacyEncoding(plain);
  return encoding ? outsidePlaceholders(text, (piece) => convertLegacy(piece, encoding)) : text;
}
