// Civic concepts: the kinds of problem people write about ("ngập nước", "mất điện", "giả danh công an
// gọi điện"), each with the many ways people say it, as queries of the topic language
// (data/concepts.json). Posts that share no word but say the same thing share a concept, which is
// what lets the listening desk group "nước lên tới gối" with "lội bì bõm". A concept also names the
// problem in a title ("Ngập nước" → "Ngập nước trên đường Bà Hạt") and belongs to one topic.
import type { PreparedText } from '../query/document.ts';
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
}

export interface ConceptsData {
  about?: unknown;
  concepts: ConceptRecord[];
}

export interface CompiledConcepts {
  readonly taxonomy: CompiledTaxonomy;
  readonly byId: ReadonlyMap<string, ConceptRecord>;
}

export function compileConcepts(data: ConceptsData): CompiledConcepts {
  const taxonomy = compileTaxonomy({ topics: data.concepts.map((c) => ({ id: c.id, name: c.name, query: c.query })) });
  return { taxonomy, byId: new Map(data.concepts.map((c) => [c.id, c])) };
}

/** Matching expressions counted per concept for the ranking. */
const MAX_HITS = 3;
let hits = new Uint16Array(64);
let tried = new Uint8Array(256);

/**
 * Ids of the concepts a prepared text speaks of, the one with the most matching expressions first
 * (ties in file order): a post about flooding that mentions the traffic it caused is about flooding.
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
  for (const w of doc.positions.keys()) {
    const list = taxonomy.byWord.get(w);
    if (list) for (const qi of list) run(qi);
  }
  for (const qi of taxonomy.always) run(qi);
  if (!any) return [];
  const found: number[] = [];
  for (let ti = 0; ti < taxonomy.topics.length; ti++) if (hits[ti]) found.push(ti);
  found.sort((a, b) => hits[b] - hits[a] || a - b);
  return found.map((ti) => taxonomy.topics[ti].id);
}
