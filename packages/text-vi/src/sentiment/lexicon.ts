// The sentiment lexicon: parsing the TSV table (data/sentiment-lexicon.tsv) and matching its
// phrases in a post. Phrases are keyed by folded tokens. In a post typed with diacritics every
// word must equal the entry exactly (after tone-placement normalisation), so "buôn" never finds
// "buồn" and "em" never finds "êm"; in a post typed without them ("thay day rat hay") a word
// matches by its folded form.
import { fold, placeTone, squeezeRepeats } from '../normalize/index.ts';
import { tokenize, type Token } from '../tokenize/index.ts';

export const ENTRY_KINDS = [
  'sent', 'tail', 'neg', 'negpost', 'int', 'intpost', 'dim', 'contrast', 'concede',
  'question', 'sarcasm', 'swear', 'complaint', 'particle', 'wish', 'excess', 'bare', 'none',
  'ask', 'notice', 'irony', 'thanks', 'exact',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** What one phrase does; a phrase may have several kinds. */
export interface LexiconEntry {
  /** Exact tokens (lower case, NFC, canonical tone placement). */
  tokens: string[];
  kinds: Partial<Record<EntryKind, number>>;
}

interface TrieNode { next: Map<string, TrieNode>; entries: LexiconEntry[] }

export interface SentimentLexicon {
  readonly root: TrieNode;
  readonly size: number;
}

/** Parses the TSV table; throws with the line number on a malformed line. */
export function parseSentimentLexicon(tsv: string): SentimentLexicon {
  const byPhrase = new Map<string, LexiconEntry>();
  tsv.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) return;
    const cols = line.split('\t');
    const kind = cols[1] as EntryKind;
    const value = Number(cols[2]);
    if (cols.length !== 3 || !cols[0].trim() || !ENTRY_KINDS.includes(kind) || !Number.isFinite(value)) {
      throw new Error(`sentiment lexicon line ${i + 1}: expected "phrase<TAB>kind<TAB>number", got ${JSON.stringify(line)}`);
    }
    const tokens = cols[0].trim().split(/\s+/).map(canonicalToken);
    const key = tokens.join(' ');
    const entry = byPhrase.get(key) ?? { tokens, kinds: {} };
    entry.kinds[kind] = value;
    byPhrase.set(key, entry);
  });
  const root: TrieNode = { next: new Map(), entries: [] };
  for (const entry of byPhrase.values()) {
    let node = root;
    for (const t of entry.tokens) {
      const f = fold(t);
      let child = node.next.get(f);
      if (!child) { child = { next: new Map(), entries: [] }; node.next.set(f, child); }
      node = child;
    }
    node.entries.push(entry);
  }
  return { root, size: byPhrase.size };
}

/** A post token prepared for matching. */
export interface LexToken {
  token: Token;
  /** Canonical form (see canonicalToken). */
  exact: string;
  folded: string;
  /** Written without any diacritic: may match an entry by its folded form. */
  plain: boolean;
}

export function lexTokens(text: string): LexToken[] {
  return lexTokensOf(tokenize(text));
}

/** lexTokens over tokens already made by tokenize() (analyze() shares them with the segmenter). */
export function lexTokensOf(tokens: readonly Token[]): LexToken[] {
  const out: LexToken[] = new Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const c = canonicalForms(token.text);
    out[i] = { token, exact: c.exact, folded: c.folded, plain: c.plain };
  }
  return out;
}

interface CanonicalForms { exact: string; folded: string; plain: boolean }

// canonicalToken() normalises, squeezes and places tones: costly per token, while the tokens of
// posts repeat (Zipf). A memo of token text → forms, bounded in entries and in key length; it
// never changes a result. Only short tokens are kept: V8 copies substrings under 13 units, while a
// longer token may be a slice that keeps its whole post alive.
const MEMO_ENTRIES = 50_000;
const MEMO_KEY_LENGTH = 12;
const canonicalMemo = new Map<string, CanonicalForms>();
function canonicalForms(text: string): CanonicalForms {
  let c = canonicalMemo.get(text);
  if (c === undefined) {
    const exact = canonicalToken(text);
    const folded = fold(exact);
    c = { exact, folded, plain: folded === exact };
    if (text.length <= MEMO_KEY_LENGTH) {
      if (canonicalMemo.size >= MEMO_ENTRIES) canonicalMemo.clear();
      canonicalMemo.set(text, c);
    }
  }
  return c;
}

/** A lexicon phrase found at tokens [start, end). */
export interface LexMatch { start: number; end: number; entry: LexiconEntry }

/** Share of diacritic-bearing words below which a post counts as typed without diacritics. */
// Teencode expansion ("lun" → "luôn", "r" → "rồi") marks a few words of a post typed without
// diacritics, while a post typed with them marks well over half of its words.
const PLAIN_POST_RATIO = 0.4;

/** Longest-match scan, left to right; tokens not covered by any phrase are skipped. */
export function matchLexicon(lexicon: SentimentLexicon, tokens: readonly LexToken[]): LexMatch[] {
  let words = 0, marked = 0;
  for (const t of tokens) {
    if (t.token.type !== 'word') continue;
    words++;
    if (!t.plain) marked++;
  }
  const foldPlain = marked < PLAIN_POST_RATIO * words;
  const out: LexMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    let node: TrieNode | undefined = lexicon.root;
    let bestEntry: LexiconEntry | null = null;
    let bestEnd = i;
    for (let j = i; j < tokens.length; j++) {
      node = node.next.get(tokens[j].folded);
      if (!node) break;
      if (node.entries.length === 0) continue;
      const entry = pick(node.entries, tokens, i, foldPlain);
      if (entry) { bestEntry = entry; bestEnd = j + 1; }
    }
    if (bestEntry) { out.push({ start: i, end: bestEnd, entry: bestEntry }); i = bestEnd; } else i++;
  }
  return out;
}

/** An entry spelled exactly as the post wins over one reached through folding. */
function pick(entries: readonly LexiconEntry[], tokens: readonly LexToken[], start: number, foldPlain: boolean): LexiconEntry | null {
  let folded: LexiconEntry | null = null;
  for (const entry of entries) {
    if (spelledAs(entry, tokens, start)) return entry;
    if (foldPlain && !folded && entry.kinds.exact === undefined && fits(entry, tokens, start)) folded = entry;
  }
  return folded;
}

function spelledAs(entry: LexiconEntry, tokens: readonly LexToken[], start: number): boolean {
  for (let k = 0; k < entry.tokens.length; k++) if (tokens[start + k].exact !== entry.tokens[k]) return false;
  return true;
}

function fits(entry: LexiconEntry, tokens: readonly LexToken[], start: number): boolean {
  for (let k = 0; k < entry.tokens.length; k++) {
    const t = tokens[start + k];
    if (!t.plain && t.exact !== entry.tokens[k]) return false;
  }
  return true;
}

const SKIN_TONE = /\ud83c[\udffb-\udfff]/g;
const EMOJI_NOISE = /[\ufe0e\ufe0f\u200d]/g;

/**
 * Lower case, NFC, letters repeated for emphasis squeezed ("quáaaa" → "quá"), one tone-mark
 * placement ("hoà" → "hòa"), emoticon repeats capped (":)))))" → ":))"), skin tones and
 * variation selectors dropped from emoji.
 */
export function canonicalToken(text: string): string {
  let t = text.normalize('NFC').toLowerCase();
  if (/^[\p{L}\p{N}]/u.test(t)) {
    t = squeezeRepeats(t);
    if (!/^[\x00-\x7f]*$/.test(t)) t = placeTone(t);
  } else {
    t = t.replace(SKIN_TONE, '').replace(EMOJI_NOISE, '').replace(/(.)\1{2,}$/u, '$1$1');
  }
  return t;
}
