// Place recognition: longest match of folded token sequences in a trie built from the data file.
// Every name and alias also matches behind a prefix naming its type ("đường Lý Thái Tổ",
// "chợ Hòa Hưng", "phường 12"). Ambiguous bare names ("Hùng Vương", "3/2") need a cue ("góc"), a
// house number before them, a ward or district after them, or a street just before them; unless
// marked strict (also a province, a brand, a word: "Đồng Nai", "Nguyễn Kim"), a weak cue does too
// ("ở Thành Thái", "Hùng Vương kẹt cứng"). A bare name right after a word such as "vua" or "ngày"
// (or before "đánh Tống") is a person or a date, not a place. A ward followed by another district
// ("Phường 12, Quận 3", "P12 Tân Bình") is not ours. People's spelling is forgiven where it is safe:
// "Lí" for "Lý", and one typo in a later syllable of a long name ("Nguyễn Tri Phươg").
import { fold } from '../fold/fold.ts';
import type { FoldedTokens } from '../fold/tokens.ts';
import { placeTokens, placeTokensOf, type PlaceTokens } from './tokens.ts';
import type { GazetteerData, PlaceMatch, PlaceRecord, PlaceType } from './types.ts';

/** `strict`: weak evidence is not enough; `core`: syllables of the name without its type word ("đường"). */
interface Entry { place: PlaceRecord; needsContext: boolean; bare: boolean; strict: boolean; core: number }
/**
 * `typos`: a name of three syllables or more goes on below this node, so a typo may be forgiven
 * there: its children by their first letter (kept: people rarely miss the first letter).
 */
interface Node { next: Map<string, Node>; entries?: Entry[]; deep?: boolean; typos?: Map<number, [string, Node][]> }

export interface Gazetteer {
  places: ReadonlyMap<string, PlaceRecord>;
  readonly root: Node;
  readonly abbreviations: ReadonlyMap<string, string[]>;
  readonly splitPrefixes: ReadonlySet<string>;
  readonly cues: ReadonlyMap<PlaceType, string[][]>;
  readonly weakCues: ReadonlyMap<PlaceType, string[][]>;
  readonly cuesAfter: ReadonlyMap<PlaceType, string[][]>;
  readonly weakCuesAfter: ReadonlyMap<PlaceType, string[][]>;
  readonly notBefore: readonly string[][];
  readonly notAfter: readonly string[][];
  readonly otherDistricts: readonly string[][];
  readonly countWords: readonly string[][];
  readonly numberCues: readonly string[][];
  readonly numberCuesAfter: readonly string[][];
  readonly surnames: ReadonlySet<string>;
  readonly districtCue: string;
}

const newNode = (): Node => ({ next: new Map() });
const NUMBER_WORDS = new Set(['mot', 'hai', 'ba', 'bon', 'tu', 'nam', 'lam', 'sau', 'bay', 'tam', 'chin', 'muoi']);
const words = (s: string) => s.split(' ').filter(Boolean);
const wordLists = (lists: Partial<Record<PlaceType, string[]>> | undefined) => {
  const out = new Map<PlaceType, string[][]>();
  for (const [type, list] of Object.entries(lists ?? {}) as [PlaceType, string[]][]) out.set(type, list.map((c) => words(fold(c))));
  return out;
};

/** "Lý" is also written "Lí", "Kỳ" "Kì": a syllable of consonants and a final y has an i form. */
const Y_FINAL = /^[^aeiouy]+y$/;
function spellings(seq: string[]): string[][] {
  let out = [seq];
  seq.forEach((w, k) => {
    if (Y_FINAL.test(w)) out = out.flatMap((s) => [s, [...s.slice(0, k), w.slice(0, -1) + 'i', ...s.slice(k + 1)]]);
  });
  return out;
}

export function compileGazetteer(data: GazetteerData): Gazetteer {
  const abbreviations = new Map<string, string[]>();
  for (const [k, v] of Object.entries(data.abbreviations ?? {})) abbreviations.set(fold(k), words(fold(v)));
  const prefixLists = wordLists(data.prefixes);
  const splitPrefixes = new Set<string>(abbreviations.keys());
  for (const list of Object.values(data.prefixes ?? {})) for (const c of list) if (!fold(c).includes(' ')) splitPrefixes.add(fold(c));
  const tok = (s: string) => placeTokens(s, abbreviations, splitPrefixes).words;
  const root = newNode();
  const places = new Map<string, PlaceRecord>();
  const insert = (seq: string[], entry: Entry) => {
    if (seq.length === 0) return;
    for (const spelling of spellings(seq)) {
      let node = root;
      spelling.forEach((w, k) => {
        let child = node.next.get(w);
        if (!child) node.next.set(w, (child = newNode()));
        if (k > 0 && spelling.length >= 3) node.deep = true;
        node = child;
      });
      const list = (node.entries ??= []);
      if (!list.some((e) => e.place === entry.place && e.needsContext === entry.needsContext && e.strict === entry.strict)) list.push(entry);
    }
  };

  for (const place of data.places) {
    if (places.has(place.id)) throw new Error(`gazetteer: duplicate place id "${place.id}"`);
    places.set(place.id, place);
    const prefixes = prefixLists.get(place.type) ?? [];
    const strong = [place.name, ...(place.aliases ?? []), ...(place.formerNames ?? [])].map(tok);
    const weak = (place.contextAliases ?? []).map(tok);
    const strictWeak = (place.strictAliases ?? []).map(tok);
    const strict = !!place.strict;
    for (const seq of strong) {
      const p = prefixes.findIndex((c) => startsWith(seq, c));
      if (p >= 0) {
        insert(seq, { place, needsContext: false, bare: false, strict, core: seq.length - prefixes[p].length });
        // "Phường Vườn Lài" → also bare "Vườn Lài", unless a number ("12", "mười"). Only a ward's bare
        // name stands alone: "Nguyễn Du" without "trường" is the poet, "Hòa Hưng" without "chợ" the ward.
        const rest = seq.slice(prefixes[p].length);
        if (rest.length && !/^\d/.test(rest[0]) && !NUMBER_WORDS.has(rest[0])) insert(rest, { place, needsContext: place.type !== 'ward' || !!place.ambiguous, bare: true, strict, core: rest.length });
      } else {
        insert(seq, { place, needsContext: !!place.ambiguous && seq === strong[0], bare: true, strict, core: seq.length });
      }
    }
    for (const seq of weak) insert(seq, { place, needsContext: true, bare: true, strict, core: seq.length });
    for (const seq of strictWeak) insert(seq, { place, needsContext: true, bare: true, strict: true, core: seq.length });
    for (const seq of [...strong, ...weak, ...strictWeak]) for (const pre of prefixes) if (!startsWith(seq, pre)) insert([...pre, ...seq], { place, needsContext: false, bare: false, strict, core: seq.length });
  }
  const listChildren = (node: Node) => {
    if (node.deep) {
      node.typos = new Map();
      for (const [key, child] of node.next) {
        if (key.length < 3) continue;
        const list = node.typos.get(key.charCodeAt(0));
        if (list) list.push([key, child]);
        else node.typos.set(key.charCodeAt(0), [[key, child]]);
      }
    }
    for (const child of node.next.values()) listChildren(child);
  };
  listChildren(root);
  const cues = wordLists(data.cues);
  return {
    places, root, abbreviations, splitPrefixes, cues,
    weakCues: wordLists(data.weakCues),
    cuesAfter: wordLists(data.cuesAfter),
    weakCuesAfter: wordLists(data.weakCuesAfter),
    notBefore: (data.notBefore ?? []).map((w) => words(fold(w))),
    notAfter: (data.notAfter ?? []).map((w) => words(fold(w))),
    otherDistricts: (data.otherDistricts ?? []).map(tok),
    countWords: (data.countWords ?? []).map((w) => words(fold(w))),
    numberCues: (data.numberCues ?? []).map((w) => words(fold(w))),
    numberCuesAfter: (data.numberCuesAfter ?? []).map((w) => words(fold(w))),
    surnames: new Set((data.surnames ?? []).map(fold)),
    districtCue: cues.get('district')?.[0]?.[0] ?? 'quan',
  };
}

const startsWith = (seq: string[], prefix: string[]) => prefix.length > 0 && prefix.length <= seq.length && prefix.every((w, i) => seq[i] === w);
const endsAt = (words: string[], end: number, seq: string[]) => seq.length > 0 && end - seq.length >= 0 && seq.every((w, i) => words[end - seq.length + i] === w);
const startsAt = (words: string[], start: number, seq: string[]) => seq.length > 0 && start + seq.length <= words.length && seq.every((w, i) => words[start + i] === w);

/** Places mentioned in `text`, in order, without overlaps. */
export function findPlaces(text: string, gazetteer: Gazetteer): PlaceMatch[] {
  return findPlacesIn(placeTokens(text, gazetteer.abbreviations, gazetteer.splitPrefixes), gazetteer, text);
}

/** findPlaces() given the text's foldedTokens() (analyze() shares them with the signature). */
export function findPlacesFolded(folded: FoldedTokens, gazetteer: Gazetteer, text?: string): PlaceMatch[] {
  return findPlacesIn(placeTokensOf(folded, gazetteer.abbreviations, gazetteer.splitPrefixes), gazetteer, text);
}

/** Where the last place, street, ward and other place (market, school, landmark…) found end, in words. */
interface Seen { last: number; street: number; ward: number; other: number }

function findPlacesIn(toks: PlaceTokens, gazetteer: Gazetteer, text?: string): PlaceMatch[] {
  const { words: w, starts, ends } = toks;
  const out: PlaceMatch[] = [];
  const seen: Seen = { last: 0, street: -10, ward: -10, other: -10 };
  let i = 0;
  while (i < w.length) {
    let node: Node | undefined = gazetteer.root;
    let terminals: [number, Entry[], boolean][] | null = null; // most words start no name: no array for them
    let typo = false;
    for (let j = i; j < w.length; j++) {
      let child: Node | undefined = node.next.get(w[j]);
      if (!child && !typo && node.typos && w[j].length >= 3 && !(gazetteer.surnames.has(w[i]) && SYLLABLE.test(w[j]))) {
        child = typoChild(node, w[j]);
        typo = child !== undefined;
      }
      if (!child) break;
      node = child;
      if (node.entries) (terminals ??= []).push([j + 1, node.entries, typo]);
    }
    let matched = false;
    for (let t = terminals ? terminals.length - 1 : -1; t >= 0 && !matched; t--) {
      const [end, entries, typed] = terminals![t];
      const entry = choose(typed ? entries.filter((e) => e.core >= 3) : entries, toks, i, end, gazetteer, seen, text); // a typo only in a long name
      if (!entry) continue;
      const { place } = entry;
      out.push({ id: place.id, name: place.name, type: place.type, start: starts[i], end: ends[end - 1] });
      if (place.type === 'street') seen.street = end;
      else if (place.type === 'ward') seen.ward = end;
      else if (place.type !== 'district') seen.other = end;
      seen.last = end;
      i = end;
      matched = true;
    }
    if (!matched && i - seen.ward <= 1 && (matched = listedWard(toks, i, gazetteer, seen, out))) i++;
    if (!matched) i++;
  }
  return out;
}

/** "phường 12, 13, 15 cũ": a number right after a ward number, itself followed by another or by the end of the list. */
function listedWard(toks: PlaceTokens, i: number, g: Gazetteer, seen: Seen, out: PlaceMatch[]): boolean {
  const w = toks.words;
  if (!/^\d+$/.test(w[i]) || !/^\d/.test(w[seen.ward - 1] ?? '')) return false;
  const next = w[i + 1];
  if (next !== undefined && !/^\d+$/.test(next) && !LIST_END.has(next)) return false;
  const entry = g.root.next.get('phuong')?.next.get(w[i])?.entries?.find((e) => e.place.type === 'ward');
  if (!entry || otherDistrictFollows(w, i + 1, g)) return false;
  out.push({ id: entry.place.id, name: entry.place.name, type: 'ward', start: toks.starts[i], end: toks.ends[i] });
  seen.ward = seen.last = i + 1;
  return true;
}
const LIST_END = new Set(['va', 'cu', 'quan', 'phuong']);

/**
 * A well-formed Vietnamese syllable without diacritics. A name that begins with a surname is a
 * person's as often as a street's: there a typo is forgiven only if the word is no syllable
 * ("Phươg" is a typo, "Dũng" another person than "Dương").
 */
const SYLLABLE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$/;

/** The child whose syllable is one edit (added, dropped, changed or two swapped letters, not the first) from `word`. */
function typoChild(node: Node, word: string): Node | undefined {
  const list = node.typos!.get(word.charCodeAt(0));
  if (list) for (const [key, child] of list) if ((key.length >= 4 || word.length >= 4) && oneEdit(key, word)) return child;
  return undefined;
}

function oneEdit(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (la - lb > 1 || lb - la > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === la && i === lb) return false; // the same word
  if (la === lb) {
    return rest(a, i + 1, b, i + 1) // changed
      || (i + 1 < la && a.charCodeAt(i) === b.charCodeAt(i + 1) && a.charCodeAt(i + 1) === b.charCodeAt(i) && rest(a, i + 2, b, i + 2)); // swapped
  }
  return la > lb ? rest(a, i + 1, b, i) : rest(a, i, b, i + 1); // dropped, added
}

/** x from `from` equals y from `yFrom`, compared without slicing (typoChild runs on many words). */
function rest(x: string, from: number, y: string, yFrom: number): boolean {
  if (x.length - from !== y.length - yFrom) return false;
  for (let k = 0; from + k < x.length; k++) if (x.charCodeAt(from + k) !== y.charCodeAt(yFrom + k)) return false;
  return true;
}

const NONE = 0;
const WEAK = 1;
const CUE = 2;

/**
 * The reading of a name: one its cue asks for ("12 Hòa Hưng" the street), else one that needs no
 * cue ("Hòa Hưng" the ward), else one that weaker evidence allows ("ở Thành Thái").
 */
function choose(entries: Entry[], toks: PlaceTokens, start: number, end: number, g: Gazetteer, seen: Seen, text?: string): Entry | null {
  let fallback: Entry | null = null;
  let weak: Entry | null = null;
  const w = toks.words;
  for (const e of entries) {
    const { type } = e.place;
    if (type === 'ward' && (otherDistrictFollows(w, end, g) || (/^\d/.test(w[end - 1]) && g.countWords.some((c) => startsAt(w, end, c))))) continue;
    // A title or a date before a bare name (not "ngã ba" before "Thành Thái"), unless those words
    // belong to the place before it ("Nguyễn Duy Dương, Bà Hạt"); an event after it ("Lý Thường Kiệt đánh Tống").
    if (e.bare && g.notBefore.some((nb) => start - nb.length >= seen.last && endsAt(w, start, nb)) && !cued(type, w, start, g)) continue;
    if (e.bare && g.notAfter.some((na) => startsAt(w, end, na))) continue;
    if (!e.needsContext) { fallback ??= e; continue; }
    const context = contextOf(e, toks, start, end, g, seen, text);
    if (context === CUE) return e;
    if (context === WEAK) weak ??= e;
  }
  return fallback ?? weak;
}

const cued = (type: PlaceType, w: string[], start: number, g: Gazetteer) => (g.cues.get(type) ?? []).some((c) => endsAt(w, start, c));

function contextOf(entry: Entry, toks: PlaceTokens, start: number, end: number, g: Gazetteer, seen: Seen, text?: string): number {
  const { type } = entry.place;
  const w = toks.words;
  if (cued(type, w, start, g) || (g.cuesAfter.get(type) ?? []).some((c) => startsAt(w, end, c))) return CUE;
  if (type === 'street') {
    const prev = w[start - 1];
    if (prev !== undefined && /^\d/.test(prev) && !/^\d/.test(w[start])) return CUE; // house number: "168 Hùng Vương"
    if (start - seen.street <= 3) return WEAK; // "góc Lý Thái Tổ - Hùng Vương", "đoạn Ngô Quyền ra Hùng Vương"
    if (start - seen.other <= 1) return WEAK; // an address: "Viện Tim Thành Thái"
  } else if (type === 'ward') {
    if (start - seen.ward <= 1) return WEAK; // "Hòa Hưng, Diên Hồng, Vườn Lài"
  } else if (start - Math.max(seen.street, seen.other) <= 1) return WEAK; // "Lý Thường Kiệt đoạn Bách Khoa"
  if (entry.strict) return entry.place.capitalised && text !== undefined && capitalisedInSentence(text, toks, start, end) ? WEAK : NONE;
  if (/^\d/.test(w[start])) { // "3/2": numbers are everywhere ("gần 3,2 triệu", "kết quả 3-2"), so only a few words
    return g.numberCues.some((c) => endsAt(w, start, c)) || g.numberCuesAfter.some((c) => startsAt(w, end, c)) ? WEAK : NONE;
  }
  const weak = (g.weakCues.get(type) ?? []).some((c) => endsAt(w, start, c)) || (g.weakCuesAfter.get(type) ?? []).some((c) => startsAt(w, end, c));
  return weak ? WEAK : NONE;
}

/** Every word of the name starts with a capital, and the name does not start a sentence (nor the text). */
function capitalisedInSentence(text: string, toks: PlaceTokens, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const c = text[toks.starts[k]];
    if (c === c.toLowerCase()) return false;
  }
  // All capitals ("VĨNH VIỄN") say nothing; nor does a capital after a full stop or at the start.
  if (text.slice(toks.starts[start], toks.ends[end - 1]) === text.slice(toks.starts[start], toks.ends[end - 1]).toUpperCase()) return false;
  let i = toks.starts[start] - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\u00a0')) i--;
  return i >= 0 && !/[.!?\n:"“(\-–—•]/.test(text[i]);
}

/** "Phường 12, Quận 3", "P12 Tân Bình": a ward number of another district. */
function otherDistrictFollows(w: string[], end: number, g: Gazetteer): boolean {
  if (g.otherDistricts.some((d) => startsAt(w, end, d))) return true;
  if (w[end] !== g.districtCue) return false;
  const d = w[end + 1];
  return d !== undefined && d !== '10' && d !== 'muoi';
}
