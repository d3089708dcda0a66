// Civic concepts: the kinds of problem people write about ("ngập nước", "mất điện", "giả danh công an
// gọi điện"), each with the many ways people say it, as queries of the topic language
// (data/concepts.json). Posts that share no word but say the same thing share a concept, which is
// what lets the listening desk group "nước lên tới gối" with "lội bì bõm". A concept also names the
// problem in a title ("Ngập nước" → "Ngập nước trên đường Bà Hạt") and belongs to one topic.
import type { PreparedText } from '../query/document.ts';
import type { QueryAst, TermAst } from '../query/ast.ts';
import { compileTaxonomy, type CompiledTaxonomy } from '../query/topics.ts';

export interface ConceptRecord {
  id: string;
  name: { vi: string; en: string };
  /** The topic id (data/topics.json) the concept belongs to. */
  topic: string;
  /** The head of an issue title, in sentence case ("Ngập nước"). */
  title: { vi: string; en: string };
  /** One query, or several that are OR-ed. */
  query: string | string[];
  /** Default 0: among a post's concepts, the one of highest precedence comes first (a scam over the service it poses as). */
  precedence?: number;
}

export interface ConceptsData {
  about?: unknown;
  concepts: ConceptRecord[];
}

export interface CompiledConcepts {
  readonly taxonomy: CompiledTaxonomy;
  readonly byId: ReadonlyMap<string, ConceptRecord>;
  /** Queries that are plain words and phrases (most of the lexicon), by their first word: see plainIndex. */
  readonly plain: ReadonlyMap<string, PlainPhrase[]>;
  /** Word → the other queries it triggers. */
  readonly byWord: ReadonlyMap<string, number[]>;
  /** Per query, word lists of which a post must hold a word each for the query to match (see requiredLists). */
  readonly required: ReadonlyMap<number, number[]>;
  /** Word → the lists it belongs to. */
  readonly lists: ReadonlyMap<string, number[]>;
  readonly listCount: number;
}

interface PlainPhrase {
  /** The words after the first. */
  rest: string[];
  query: number;
}

export function compileConcepts(data: ConceptsData): CompiledConcepts {
  const taxonomy = compileTaxonomy({ topics: data.concepts.map((c) => ({ id: c.id, name: c.name, query: c.query })) });
  const { plain, byWord } = plainIndex(taxonomy);
  return { taxonomy, byId: new Map(data.concepts.map((c) => [c.id, c])), plain, byWord, ...requiredLists(taxonomy, byWord) };
}

/**
 * A quick test before a compiled one: most other expressions are "a word of this list AND a word of
 * that list (near each other)", so a post lacking any word of one list cannot match. Each list is
 * the first (folded) words of its terms; per post, one pass over its words marks the lists present.
 */
function requiredLists(taxonomy: CompiledTaxonomy, byWord: ReadonlyMap<string, number[]>): Pick<CompiledConcepts, 'required' | 'lists' | 'listCount'> {
  const ids = new Map<string, number>();
  const lists = new Map<string, number[]>();
  const listOf = (a: QueryAst): number | null => {
    const terms = a.kind === 'term' ? [a] : a.kind === 'or' && a.items.every((i) => i.kind === 'term') ? (a.items as TermAst[]) : null;
    if (!terms || terms.some((t) => t.words[0].prefix)) return null;
    const words = [...new Set(terms.map((t) => t.words[0].folded))].sort();
    const key = words.join(' ');
    let id = ids.get(key);
    if (id === undefined) {
      ids.set(key, (id = ids.size));
      for (const w of words) (lists.get(w) ?? lists.set(w, []).get(w)!).push(id);
    }
    return id;
  };
  const required = new Map<number, number[]>();
  const queries = new Set([...byWord.values()].flat());
  for (const qi of queries) {
    const ast = taxonomy.queries[qi][1].ast;
    const parts = ast.kind === 'and' ? ast.items : ast.kind === 'near' ? [ast.left, ast.right] : [];
    const need = parts.map(listOf).filter((id): id is number => id !== null);
    if (need.length) required.set(qi, need);
  }
  return { required, lists, listCount: ids.size };
}

/**
 * Most expressions are a word or a phrase, or a list of them: those are found by looking each word of
 * a post up once in an index of phrases by first word, instead of running a test per expression. The
 * others (NEAR, AND, NOT, exact spellings) keep their compiled tests, triggered as in the taxonomy.
 */
function plainIndex(taxonomy: CompiledTaxonomy): Pick<CompiledConcepts, 'plain' | 'byWord'> {
  const plain = new Map<string, PlainPhrase[]>();
  const isPlain = (a: QueryAst): a is TermAst => a.kind === 'term' && !a.exact && !a.words.some((w) => w.prefix);
  const plainQueries = new Set<number>();
  taxonomy.queries.forEach(([, q], qi) => {
    const terms = isPlain(q.ast) ? [q.ast] : q.ast.kind === 'or' && q.ast.items.every(isPlain) ? (q.ast.items as TermAst[]) : null;
    if (!terms) return;
    plainQueries.add(qi);
    for (const t of terms) {
      const [first, ...rest] = t.words.map((w) => w.text);
      (plain.get(first) ?? plain.set(first, []).get(first)!).push({ rest, query: qi });
    }
  });
  const byWord = new Map<string, number[]>();
  for (const [w, list] of taxonomy.byWord) {
    const others = list.filter((qi) => !plainQueries.has(qi));
    if (others.length) byWord.set(w, others);
  }
  return { plain, byWord };
}

/** Matching expressions counted per concept for the ranking. */
const MAX_HITS = 3;
let hits = new Uint16Array(64);
let present = new Uint8Array(256);
let tried = new Uint8Array(256);

/**
 * Ids of the concepts a prepared text speaks of, the one of highest precedence, then with the most
 * matching expressions first (ties in file order): a post about flooding that mentions the traffic it
 * caused is about flooding.
 */
export function matchConcepts(doc: PreparedText, concepts: CompiledConcepts): string[] {
  const { taxonomy } = concepts;
  if (hits.length < taxonomy.topics.length) hits = new Uint16Array(taxonomy.topics.length * 2);
  if (tried.length < taxonomy.queries.length) tried = new Uint8Array(taxonomy.queries.length * 2);
  hits.fill(0, 0, taxonomy.topics.length);
  tried.fill(0, 0, taxonomy.queries.length);
  const ctx = { doc, source: '', places: [] as string[] };
  let any = false;
  const run = (qi: number) => {
    if (tried[qi]) return;
    tried[qi] = 1;
    const [ti, q] = taxonomy.queries[qi];
    // Enough to rank a concept: its other expressions need not be tried.
    if (hits[ti] >= MAX_HITS) return;
    if (q.test(ctx)) {
      hits[ti]++;
      any = true;
    }
  };
  const words = doc.words;
  for (let i = 0; i < words.length; i++) {
    const phrases = concepts.plain.get(words[i]);
    if (!phrases) continue;
    next: for (const p of phrases) {
      if (tried[p.query]) continue;
      for (let k = 0; k < p.rest.length; k++) if (words[i + 1 + k] !== p.rest[k]) continue next;
      tried[p.query] = 1;
      const ti = taxonomy.queries[p.query][0];
      if (hits[ti] < MAX_HITS) hits[ti]++;
      any = true;
    }
  }
  if (present.length < concepts.listCount) present = new Uint8Array(concepts.listCount * 2);
  present.fill(0, 0, concepts.listCount);
  for (const w of doc.positions.keys()) {
    const ids = concepts.lists.get(w);
    if (ids) for (const id of ids) present[id] = 1;
  }
  for (const w of doc.positions.keys()) {
    const list = concepts.byWord.get(w);
    if (!list) continue;
    queries: for (const qi of list) {
      const need = concepts.required.get(qi);
      if (need) for (const id of need) if (!present[id]) continue queries;
      run(qi);
    }
  }
  for (const qi of taxonomy.always) run(qi);
  if (!any) return [];
  const found: number[] = [];
  for (let ti = 0; ti < taxonomy.topics.length; ti++) if (hits[ti]) found.push(ti);
  const precedence = (ti: number) => concepts.byId.get(taxonomy.topics[ti].id)?.precedence ?? 0;
  found.sort((a, b) => precedence(b) - precedence(a) || hits[b] - hits[a] || a - b);
  return found.map((ti) => taxonomy.topics[ti].id);
}
