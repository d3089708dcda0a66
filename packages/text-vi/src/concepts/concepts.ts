// Civic concepts: the kinds of problem people write about ("ngập nước", "mất điện", "giả danh công an
// gọi điện"), each with the many ways people say it, as queries of the topic language
// (data/concepts.json). Posts that share no word but say the same thing share a concept, which is
// what lets the listening desk group "nước lên tới gối" with "lội bì bõm". A concept also names the
// problem in a title ("Ngập nước" → "Ngập nước trên đường Bà Hạt") and belongs to one topic.
import type { PreparedText } from '../query/document.ts';
import { compileTaxonomy, runTaxonomy, type CompiledTaxonomy } from '../query/topics.ts';

export interface ConceptRecord {
  id: string;
  name: { vi: string; en: string };
  /** The topic id (data/topics.json) the concept belongs to. */
  topic: string;
  /** The head of an issue title, in sentence case ("Ngập nước"). */
  title: { vi: string; en: string };
  /** One query, or several that are OR-ed. */
  query: string | string[];
  /** Terms that veto every query of the concept (its other senses, everyday noise). */
  unless?: string[];
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
}

export function compileConcepts(data: ConceptsData): CompiledConcepts {
  const taxonomy = compileTaxonomy({ topics: data.concepts.map((c) => ({ id: c.id, name: c.name, query: c.query, unless: c.unless })) });
  return { taxonomy, byId: new Map(data.concepts.map((c) => [c.id, c])) };
}

/** Matching expressions counted per concept for the ranking. */
const MAX_HITS = 3;
let hits = new Uint16Array(64);

/**
 * Ids of the concepts a prepared text speaks of, the one of highest precedence, then with the most
 * matching expressions first (ties in file order): a post about flooding that mentions the traffic it
 * caused is about flooding.
 */
export function matchConcepts(doc: PreparedText, concepts: CompiledConcepts): string[] {
  const { taxonomy } = concepts;
  const n = taxonomy.topics.length;
  if (hits.length < n) hits = new Uint16Array(n * 2);
  hits.fill(0, 0, n);
  let any = false;
  const conceptOf = (qi: number) => taxonomy.queries[qi][0];
  // Enough to rank a concept: its other expressions need not be tried.
  runTaxonomy(taxonomy, doc, { doc, source: '', places: [] }, (qi) => hits[conceptOf(qi)] >= MAX_HITS, (qi) => {
    hits[conceptOf(qi)]++;
    any = true;
  });
  if (!any) return [];
  const found: number[] = [];
  for (let ti = 0; ti < n; ti++) if (hits[ti]) found.push(ti);
  const precedence = (ti: number) => concepts.byId.get(taxonomy.topics[ti].id)?.precedence ?? 0;
  found.sort((a, b) => precedence(b) - precedence(a) || hits[b] - hits[a] || a - b);
  return found.map((ti) => taxonomy.topics[ti].id);
}
