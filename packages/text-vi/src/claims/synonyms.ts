// The claim matcher's table of ways to say one thing (data/claim-synonyms.tsv): "cúp điện", "mất
// điện", "ngừng cấp điện" are one token, so a rumour told in other words still shares its words with
// the claim. Variants are folded like the text they are looked up in.
import { foldedTokens } from '../fold/tokens.ts';

export interface SynonymEntry {
  /** The variant's folded words after the first. */
  readonly rest: readonly string[];
  readonly canonical: string;
}

/** First folded word → the variants starting with it, longest first. */
export type ClaimSynonyms = ReadonlyMap<string, readonly SynonymEntry[]>;

export function parseClaimSynonyms(tsv: string): ClaimSynonyms {
  const table = new Map<string, SynonymEntry[]>();
  for (const raw of tsv.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (!line.trim() || line.startsWith('#')) continue;
    const [canonical, variants] = line.split('\t');
    if (!canonical || variants === undefined) throw new Error(`claim synonyms: malformed line "${line}"`);
    for (const variant of variants.split('|')) {
      const words = foldedTokens(variant.trim().toLowerCase()).words;
      if (words.length === 0) continue;
      const [head, ...rest] = words;
      const list = table.get(head) ?? table.set(head, []).get(head)!;
      if (!list.some((e) => e.rest.join(' ') === rest.join(' '))) list.push({ rest, canonical: canonical.trim() });
    }
  }
  for (const list of table.values()) list.sort((a, b) => b.rest.length - a.rest.length);
  return table;
}

/** The longest variant starting at words[i], with its length in words, or null. */
export function synonymAt(table: ClaimSynonyms, words: readonly string[], i: number, end: number): { canonical: string; length: number } | null {
  const list = table.get(words[i]);
  if (!list) return null;
  next: for (const e of list) {
    if (i + 1 + e.rest.length > end) continue;
    for (let k = 0; k < e.rest.length; k++) if (words[i + 1 + k] !== e.rest[k]) continue next;
    return { canonical: e.canonical, length: 1 + e.rest.length };
  }
  return null;
}
