// Place recognition: longest match of folded token sequences in a trie built from the data file.
// Every name and alias also matches behind a prefix naming its type ("đường Lý Thái Tổ",
// "chợ Hòa Hưng", "phường 12"). Ambiguous bare names ("Hùng Vương", "3/2") need a cue, a house number before them,
// a ward or district after them, or an adjacent street; a bare name right after a word such as
// "vua" or "ngày" is a person or a date, not a place. A ward followed by another district
// ("Phường 12, Quận 3") is not ours.
import { fold } from '../fold/fold.ts';
import type { FoldedTokens } from '../fold/tokens.ts';
import { placeTokens, placeTokensOf, type PlaceTokens } from './tokens.ts';
import type { GazetteerData, PlaceMatch, PlaceRecord, PlaceType } from './types.ts';

interface Entry { place: PlaceRecord; needsContext: boolean; bare: boolean }
interface Node { next: Map<string, Node>; entries?: Entry[] }

export interface Gazetteer {
  places: ReadonlyMap<string, PlaceRecord>;
  readonly root: Node;
  readonly abbreviations: ReadonlyMap<string, string[]>;
  readonly splitPrefixes: ReadonlySet<string>;
  readonly cues: ReadonlyMap<PlaceType, string[][]>;
  readonly notBefore: readonly string[][];
  readonly districtCue: string;
}

const newNode = (): Node => ({ next: new Map() });
const words = (s: string) => s.split(' ').filter(Boolean);

export function compileGazetteer(data: GazetteerData): Gazetteer {
  const abbreviations = new Map<string, string[]>();
  for (const [k, v] of Object.entries(data.abbreviations ?? {})) abbreviations.set(fold(k), words(fold(v)));
  const cueLists = new Map<PlaceType, string[][]>();
  const prefixLists = new Map<PlaceType, string[][]>();
  const splitPrefixes = new Set<string>(abbreviations.keys());
  for (const [type, list] of Object.entries(data.cues ?? {}) as [PlaceType, string[]][]) cueLists.set(type, list.map((c) => words(fold(c))));
  for (const [type, list] of Object.entries(data.prefixes ?? {}) as [PlaceType, string[]][]) {
    prefixLists.set(type, list.map((c) => words(fold(c))));
    for (const c of list) if (!fold(c).includes(' ')) splitPrefixes.add(fold(c));
  }
  const tok = (s: string) => placeTokens(s, abbreviations, splitPrefixes).words;
  const root = newNode();
  const places = new Map<string, PlaceRecord>();
  const insert = (seq: string[], entry: Entry) => {
    if (seq.length === 0) return;
    let node = root;
    for (const w of seq) {
      let child = node.next.get(w);
      if (!child) node.next.set(w, (child = newNode()));
      node = child;
    }
    const list = (node.entries ??= []);
    if (!list.some((e) => e.place === entry.place && e.needsContext === entry.needsContext)) list.push(entry);
  };

  for (const place of data.places) {
    if (places.has(place.id)) throw new Error(`gazetteer: duplicate place id "${place.id}"`);
    places.set(place.id, place);
    const prefixes = prefixLists.get(place.type) ?? [];
    const strong = [place.name, ...(place.aliases ?? []), ...(place.formerNames ?? [])].map(tok);
    const weak = (place.contextAliases ?? []).map(tok);
    for (const seq of strong) {
      const p = prefixes.findIndex((c) => startsWith(seq, c));
      if (p >= 0) {
        insert(seq, { place, needsContext: false, bare: false });
        // "Phường Vườn Lài" → also bare "Vườn Lài", unless numeric ("12") or ambiguous ("Diên Hồng").
        const rest = seq.slice(prefixes[p].length);
        if (rest.length && !/^\d/.test(rest[0])) insert(rest, { place, needsContext: !!place.ambiguous, bare: true });
      } else {
        insert(seq, { place, needsContext: !!place.ambiguous && seq === strong[0], bare: true });
      }
    }
    for (const seq of weak) insert(seq, { place, needsContext: true, bare: true });
    for (const seq of [...strong, ...weak]) for (const pre of prefixes) if (!startsWith(seq, pre)) insert([...pre, ...seq], { place, needsContext: false, bare: false });
  }
  return {
    places, root, abbreviations, splitPrefixes, cues: cueLists,
    notBefore: (data.notBefore ?? []).map((w) => words(fold(w))),
    districtCue: cueLists.get('district')?.[0]?.[0] ?? 'quan',
  };
}

const startsWith = (seq: string[], prefix: string[]) => prefix.length > 0 && prefix.length <= seq.length && prefix.every((w, i) => seq[i] === w);
const endsAt = (words: string[], end: number, seq: string[]) => seq.length > 0 && end - seq.length >= 0 && seq.every((w, i) => words[end - seq.length + i] === w);

/** Places mentioned in `text`, in order, without overlaps. */
export function findPlaces(text: string, gazetteer: Gazetteer): PlaceMatch[] {
  return findPlacesIn(placeTokens(text, gazetteer.abbreviations, gazetteer.splitPrefixes), gazetteer);
}

/** findPlaces() given the text's foldedTokens() (analyze() shares them with the signature). */
export function findPlacesFolded(folded: FoldedTokens, gazetteer: Gazetteer): PlaceMatch[] {
  return findPlacesIn(placeTokensOf(folded, gazetteer.abbreviations, gazetteer.splitPrefixes), gazetteer);
}

function findPlacesIn(toks: PlaceTokens, gazetteer: Gazetteer): PlaceMatch[] {
  const { words: w, starts, ends } = toks;
  const out: PlaceMatch[] = [];
  let lastStreetEnd = -10;
  let i = 0;
  while (i < w.length) {
    let node: Node | undefined = gazetteer.root;
    let terminals: [number, Entry[]][] | null = null; // most words start no name: no array for them
    for (let j = i; j < w.length; j++) {
      node = node.next.get(w[j]);
      if (!node) break;
      if (node.entries) (terminals ??= []).push([j + 1, node.entries]);
    }
    let matched = false;
    for (let t = terminals ? terminals.length - 1 : -1; t >= 0 && !matched; t--) {
      const [end, entries] = terminals![t];
      const entry = choose(entries, toks, i, end, gazetteer, lastStreetEnd);
      if (!entry) continue;
      const { place } = entry;
      out.push({ id: place.id, name: place.name, type: place.type, start: starts[i], end: ends[end - 1] });
      if (place.type === 'street') lastStreetEnd = end;
      i = end;
      matched = true;
    }
    if (!matched) i++;
  }
  return out;
}

function choose(entries: Entry[], toks: PlaceTokens, start: number, end: number, g: Gazetteer, lastStreetEnd: number): Entry | null {
  let fallback: Entry | null = null;
  for (const e of entries) {
    if (e.place.type === 'ward' && otherDistrictFollows(toks.words, end, g)) continue;
    if (e.bare && g.notBefore.some((nb) => endsAt(toks.words, start, nb))) continue;
    if (!e.needsContext) { fallback ??= e; continue; }
    if (hasContext(e.place.type, toks, start, end, g, lastStreetEnd)) return e; // a satisfied cue is the more specific reading
  }
  return fallback;
}

function hasContext(type: PlaceType, toks: PlaceTokens, start: number, end: number, g: Gazetteer, lastStreetEnd: number): boolean {
  const w = toks.words;
  if ((g.cues.get(type) ?? []).some((c) => endsAt(w, start, c))) return true;
  if (type !== 'street') return false;
  if (start - lastStreetEnd <= 1 && lastStreetEnd >= 0) return true; // "góc Lý Thái Tổ - Hùng Vương"
  const prev = w[start - 1];
  if (prev !== undefined && /^\d/.test(prev) && !/^\d/.test(w[start])) return true; // house number: "168 Hùng Vương"
  const next = w[end];
  return next === 'phuong' || next === g.districtCue;
}

/** "Phường 12, Quận 3": a ward number of another district. */
function otherDistrictFollows(w: string[], end: number, g: Gazetteer): boolean {
  if (w[end] !== g.districtCue) return false;
  const d = w[end + 1];
  return d !== undefined && d !== '10' && d !== 'muoi';
}
