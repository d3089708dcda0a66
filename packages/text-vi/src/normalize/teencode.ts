// Expansion of teencode and social-media abbreviations ("hok bjk làm j" → "không biết làm gì").
// The table is data (data/teencode.tsv, loaded by loadTeencode() in node.ts); this module only
// parses and applies it. Forms match whole word tokens, so "5k" (money) and "k" inside words
// are never touched.
import { tokenize } from '../tokenize/tokenize.ts';
import type { Token, TokenType } from '../tokenize/types.ts';
import { isPlaceholderAt } from './placeholders.ts';

export interface TeencodeEntry {
  expansion: string;
  /** Only when written in lower case. */
  lowerOnly: boolean;
  /** Not right after a number token. */
  notAfterNumber: boolean;
  /** Not right before a number token ("hem 12" is "hẻm 12", an alley, not "không 12"). */
  notBeforeNumber: boolean;
  /** Not right after one of these words (lower case): "ở hem" is "ở hẻm". */
  notAfter?: ReadonlySet<string>;
  /** Not right before one of these words: "hem này" is "hẻm này". */
  notBefore?: ReadonlySet<string>;
}

/** Lower-cased NFC form → entry. */
export type TeencodeTable = ReadonlyMap<string, TeencodeEntry>;

/** Parses the TSV format of data/teencode.tsv (form, expansion, optional flags; '#' comments). */
export function parseTeencode(tsv: string): TeencodeTable {
  const table = new Map<string, TeencodeEntry>();
  for (const raw of tsv.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (!line.trim() || line.startsWith('#')) continue;
    const [form, expansion, flags = ''] = line.split('\t');
    if (!form || !expansion) throw new Error(`teencode: malformed line "${line}"`);
    const f = flags.split(',').map((s) => s.trim());
    const words = (flag: string) => {
      const list = f.find((x) => x.startsWith(`${flag}=`));
      return list ? new Set(list.slice(flag.length + 1).normalize('NFC').toLowerCase().split(/\s+/)) : undefined;
    };
    table.set(form.normalize('NFC').toLowerCase(), {
      expansion: expansion.normalize('NFC'),
      lowerOnly: f.includes('lower'),
      notAfterNumber: f.includes('nonum'),
      notBeforeNumber: f.includes('nonumnext'),
      notAfter: words('notafter'),
      notBefore: words('notbefore'),
    });
  }
  return table;
}

const NUMERIC: ReadonlySet<TokenType> = new Set(['number', 'money', 'percent', 'date', 'time', 'phone']);

/** Replaces teencode words in `text` (expects NFC; see normalizeText), keeping everything else as is. */
export function expandTeencode(text: string, table: TeencodeTable): string {
  return expandTeencodeTokens(text, tokenize(text), table);
}

/** expandTeencode() given tokenize(text) (normalizeText() hands the tokens on to analyze()). */
export function expandTeencodeTokens(text: string, tokens: readonly Token[], table: TeencodeTable): string {
  let out = '';
  let last = 0;
  let prevType: TokenType | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    const type = prevType;
    prevType = tok.type;
    if (tok.type !== 'word') continue;
    const lower = tok.text.toLowerCase();
    const entry = table.get(lower);
    if (!entry) continue;
    if (entry.lowerOnly && tok.text !== lower) continue;
    if (entry.notAfterNumber && type !== null && NUMERIC.has(type)) continue;
    if (entry.notBeforeNumber && i + 1 < tokens.length && NUMERIC.has(tokens[i + 1].type)) continue;
    if (entry.notAfter && nearWord(tokens, i, -1, entry.notAfter)) continue;
    if (entry.notBefore && nearWord(tokens, i, 1, entry.notBefore)) continue;
    if (isPlaceholderAt(text, tok.start - 1, tok.end + 1)) continue; // "[SĐT]" is redaction's, not teencode
    out += text.slice(last, tok.start) + matchCase(tok.text, entry.expansion);
    last = tok.end;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** True when the word token before (step -1) or after (1) token i, across spaces, is in `words`. */
function nearWord(tokens: readonly Token[], i: number, step: -1 | 1, words: ReadonlySet<string>): boolean {
  const t = tokens[i + step];
  return t !== undefined && t.type === 'word' && words.has(t.text.toLowerCase());
}

/** "KO" → "KHÔNG", "Ko" → "Không", "ko" → "không". */
function matchCase(form: string, expansion: string): string {
  if (form.length > 1 && form === form.toUpperCase() && form !== form.toLowerCase()) return expansion.toUpperCase();
  if (form[0] !== form[0].toLowerCase()) return expansion[0].toUpperCase() + expansion.slice(1);
  return expansion;
}
