// A topic taxonomy: named queries (data/topics.json) compiled once; a text gets every topic whose
// query it matches.
import { QueryParseError } from './ast.ts';
import { prepareDocument, type PreparedText } from './document.ts';
import { compileQuery, triggerWords, type CompiledQuery } from './match.ts';
import { parseQuery } from './parse.ts';

export interface TopicRecord {
  id: string;
  name: { vi: string; en: string };
  /** One query, or several that are OR-ed. */
  query: string | string[];
}

export interface TaxonomyData { about?: unknown; topics: TopicRecord[] }

export interface CompiledTopic { id: string; name: { vi: string; en: string }; queries: CompiledQuery[] }
export interface CompiledTaxonomy {
  topics: readonly CompiledTopic[];
  /** Folded word → indices into `queries` of the queries it can trigger. */
  readonly byWord: ReadonlyMap<string, number[]>;
  /** Every query as [topic index, query]; queries without trigger words are in `always`. */
  readonly queries: readonly [number, CompiledQuery][];
  readonly always: readonly number[];
}

/** Compiles every topic; a bad query throws, naming the topic, the query and the position. */
export function compileTaxonomy(data: TaxonomyData): CompiledTaxonomy {
  const seen = new Set<string>();
  const topics = data.topics.map((t) => {
    if (seen.has(t.id)) throw new Error(`taxonomy: duplicate topic id "${t.id}"`);
    seen.add(t.id);
    const queries = (Array.isArray(t.query) ? t.query : [t.query]).map((q) => {
      try {
        return compileQuery(parseQuery(q));
      } catch (e) {
        if (e instanceof QueryParseError) throw new QueryParseError(`topic "${t.id}", query ${JSON.stringify(q)}: ${e.message.replace(/ at position \d+$/, '')}`, e.position);
        throw e;
      }
    });
    return { id: t.id, name: t.name, queries };
  });
  const queries: [number, CompiledQuery][] = [];
  const byWord = new Map<string, number[]>();
  const always: number[] = [];
  topics.forEach((t, ti) => t.queries.forEach((q) => {
    const qi = queries.push([ti, q]) - 1;
    const words = triggerWords(q.ast);
    if (!words) always.push(qi);
    else for (const w of words) (byWord.get(w) ?? byWord.set(w, []).get(w)!).push(qi);
  }));
  return { topics, byWord, queries, always };
}

/** Ids of the topics whose query matches `text`, in taxonomy order. */
export function classifyTopics(text: string | PreparedText, taxonomy: CompiledTaxonomy, meta: { source?: string; places?: readonly string[] } = {}): string[] {
  const ctx = { doc: typeof text === 'string' ? prepareDocument(text) : text, source: meta.source ?? '', places: meta.places ?? [] };
  // Only queries triggered by a word of the text (or that cannot be skipped) are evaluated.
  const hit = new Uint8Array(taxonomy.topics.length);
  const tried = new Uint8Array(taxonomy.queries.length);
  const run = (qi: number) => {
    if (tried[qi]) return;
    tried[qi] = 1;
    const [ti, q] = taxonomy.queries[qi];
    if (!hit[ti] && q.test(ctx)) hit[ti] = 1;
  };
  for (const w of ctx.doc.positions.keys()) {
    const list = taxonomy.byWord.get(w);
    if (list) for (const qi of list) run(qi);
  }
  for (const qi of taxonomy.always) run(qi);
  const out: string[] = [];
  taxonomy.topics.forEach((t, ti) => { if (hit[ti]) out.push(t.id); });
  return out;
}
