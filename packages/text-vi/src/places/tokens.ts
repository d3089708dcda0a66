// Place-matching tokens: folded words with abbreviations expanded and joined forms split, so
// "P.12", "p12", "F12", "phuong12" and "Phường 12" all read "phuong 12".
import { foldedTokens, type FoldedTokens } from '../fold/tokens.ts';

export interface PlaceTokens { words: string[]; starts: number[]; ends: number[] }

const JOINED = /^([a-z]+)(\d+[a-z]?)$/;

export function placeTokens(text: string, abbreviations: ReadonlyMap<string, string[]>, splitPrefixes: ReadonlySet<string>): PlaceTokens {
  return placeTokensOf(foldedTokens(text), abbreviations, splitPrefixes);
}

/**
 * placeTokens() from the text's foldedTokens() (analyze() shares them with the signature). When no
 * word is an abbreviation or a joined form, the folded tokens are the place tokens as they are.
 */
export function placeTokensOf(t: FoldedTokens, abbreviations: ReadonlyMap<string, string[]>, splitPrefixes: ReadonlySet<string>): PlaceTokens {
  let out: PlaceTokens | null = null; // made at the first word that changes, with the words before it
  const push = (w: string, s: number, e: number) => {
    const exp = abbreviations.get(w);
    if (exp) for (const x of exp) { out!.words.push(x); out!.starts.push(s); out!.ends.push(e); }
    else { out!.words.push(w); out!.starts.push(s); out!.ends.push(e); }
  };
  for (let i = 0; i < t.words.length; i++) {
    const w = t.words[i];
    const m = w.length > 1 && w.charCodeAt(w.length - 1) <= 0x39 ? JOINED.exec(w) : null;
    // "F0"–"F3" are COVID contact levels, not wards (southern "F12" = phường 12 stays).
    const split = m !== null && splitPrefixes.has(m[1]) && !(m[1] === 'f' && Number(m[2]) <= 3);
    if (!out) {
      if (!split && !abbreviations.has(w)) continue;
      out = { words: t.words.slice(0, i), starts: t.starts.slice(0, i), ends: t.ends.slice(0, i) };
    }
    if (split) {
      push(m![1], t.starts[i], t.ends[i]);
      push(m![2], t.starts[i], t.ends[i]);
    } else push(w, t.starts[i], t.ends[i]);
  }
  return out ?? t;
}
