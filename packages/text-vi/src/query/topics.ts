// A topic taxonomy: named queries (data/topics.json) compiled once; a text gets every topic whose
// query it matches.
import { fold } from '../fold/fold.ts';
import { QueryParseError, type QueryAst, type TermAst } from './ast.ts';
import { prepareDocument, type PreparedText } from './document.ts';
import { compileQuery, type CompiledQuery, type Ctx } from './match.ts';
import { parseQuery } from './parse.ts';
import { compileWordIndex, runWordIndex, type WordIndex } from './word-index.ts';

export interface TopicRecord {
  id: string;
  name: { vi: string; en: string };
  /** One query, or several that are OR-ed. */
  query: string | string[];
  /** Terms (query syntax) that veto every query of the topic: "ngập ngừng" is no flood. Written once, not after each query. */
  unless?: string[];
}

export interface TaxonomyData {
  about?: unknown;
  /**
   * "diacritics": a term written with diacritics matches words spelled so, or typed without any
   * (see accentAware); default "folded": every term ignores diacritics, as in a single query.
   */
  matching?: 'folded' | 'diacritics';
  topics: TopicRecord[];
}

export interface CompiledTopic { id: string; name: { vi: string; en: string }; queries: CompiledQuery[] }
export interface CompiledTaxonomy {
  topics: readonly CompiledTopic[];
  /** Queries read the words' diacritics-keeping keys (see topicDocument), not their folded forms. */
  readonly diacritics?: boolean;
  /** Every query as [topic index, query]. */
  readonly queries: readonly [number, CompiledQuery][];
  /** The queries made of word lists (most), found in one pass over a text's words. */
  readonly index: WordIndex;
  /** The others: folded word → indices into `queries` of the queries it can trigger… */
  readonly byWord: ReadonlyMap<string, number[]>;
  /** …and those without trigger words. */
  readonly always: readonly number[];
}

/** Compiles every topic; a bad query throws, naming the topic, the query and the position. */
export function compileTaxonomy(data: TaxonomyData): CompiledTaxonomy {
  const seen = new Set<string>();
  const parse = (t: TopicRecord, q: string): QueryAst => {
    try {
      const expanded = expandNearGroups(q);
      return data.matching !== 'diacritics' ? parseQuery(expanded) : keyedTerms(parseQuery(accentAware(expanded)));
    } catch (e) {
      if (e instanceof QueryParseError) throw new QueryParseError(`topic "${t.id}", query ${JSON.stringify(q)}: ${e.message.replace(/ at position \d+$/, '')}`, e.position);
      throw e;
    }
  };
  const topics = data.topics.map((t) => {
    if (seen.has(t.id)) throw new Error(`taxonomy: duplicate topic id "${t.id}"`);
    seen.add(t.id);
    // One NOT node shared by the topic's queries: parsed and indexed once.
    const unless: QueryAst | null = t.unless?.length ? { kind: 'not', item: parse(t, t.unless.join(' OR ')) } : null;
    const queries = (Array.isArray(t.query) ? t.query : [t.query]).map((q) => {
      const ast = parse(t, q);
      return compileQuery(unless ? { kind: 'and', items: [ast, unless] } : ast);
    });
    return { id: t.id, name: t.name, queries };
  });
  const queries = topics.flatMap((t, ti) => t.queries.map((q): [number, CompiledQuery] => [ti, q]));
  const cost = wordCosts(queries.map(([, q]) => q.ast));
  const index = compileWordIndex(queries.map(([, q]) => q.ast), (w) => cost.get(w) ?? 0, { foldExact: data.matching !== 'diacritics' });
  const byWord = new Map<string, number[]>();
  const always: number[] = [];
  queries.forEach(([, q], qi) => {
    if (index.plans[qi]) return;
    const words = triggers(q.ast, cost);
    if (!words) always.push(qi);
    else for (const w of words) (byWord.get(w) ?? byWord.set(w, []).get(w)!).push(qi);
  });
  return { topics, queries, index, byWord, always, diacritics: data.matching === 'diacritics' };
}

/**
 * The document a taxonomy's queries read: the text prepared as usual, or for a "diacritics"
 * taxonomy the same words keyed by exactKey ("kẹt" → "ket5", "ket" → "ket"), so that the rewritten
 * terms (see accentAware and keyedTerms) are looked up in a word index instead of scanned for.
 */
export function topicDocument(text: string | PreparedText, taxonomy: CompiledTaxonomy): PreparedText {
  const doc = typeof text === 'string' ? prepareDocument(text) : text;
  if (!taxonomy.diacritics) return doc;
  const words = doc.exactWords();
  const positions = doc.exactPositions();
  return { text: doc.text, words, positions, exactWords: () => words, exactPositions: () => positions };
}

/** Exact terms become plain terms over the keyed words of topicDocument (their text is already the key). */
function keyedTerms(ast: QueryAst): QueryAst {
  switch (ast.kind) {
    case 'term': return ast.exact && !ast.words.some((w) => w.prefix) ? { ...ast, exact: false } : ast;
    case 'and': case 'or': return { ...ast, items: ast.items.map(keyedTerms) };
    case 'not': return { ...ast, item: keyedTerms(ast.item) };
    case 'near': return { ...ast, left: keyedTerms(ast.left) as TermAst, right: keyedTerms(ast.right) as TermAst };
    case 'field': return ast;
  }
}

// A query is tried only on posts with one of its trigger words: a word every match contains. The
// fewer posts have the trigger, the fewer queries run, so each AND, NEAR and phrase is triggered by
// its rarest part. A word's rarity is guessed from the taxonomy itself (a word many queries mention,
// "nước", "xe", "không", is common in posts too), and from a list of the syllables most common in
// everyday Vietnamese posts (function words, numbers, kinship words, common verbs).
const COMMON = new Set('khong co la cua va nhung cac mot duoc nguoi cho nay voi trong da den de khi ra thi cung nhu nhieu tu o lam di lai nha nam ngay sau ve hay ma dang se phai tren bi theo nuoc toi anh em chi minh ban ho no ai gi sao nao do day roi luon qua rat het moi con van deu nhau gio luc lan hom mai sang chieu dem thang tuan duong xe dong tien viec noi biet thay muon can xin cam on a nhe oi vay the nen vi neu hoac bao may hai ba bon bay tam chin muoi tram nghin trieu lon nho cao thap dai ngan cu tot xau dep hon nhat len xuong vao dau kia ay thoi chua dung du phan cai chiec ben truoc giua ngoai canh gan xa khu pho hem quan an uong ngu chay ngoi lay dua mua goi hoi tra loi keu danh mo vua ro that sai kieu chuyen troi nang khac ca toan hoai suot cuoi tay chan mat ong chu bac chau hoa to thai dat bo so sach dia diem lien tiep vui buon nhanh cham xong bat tat hien dinh thuc hoc truong dan phuong tuoi luong chung rieng hang cong ty'.split(' '));

function wordCosts(asts: readonly QueryAst[]): Map<string, number> {
  const n = new Map<string, number>();
  const walk = (a: QueryAst): void => {
    switch (a.kind) {
      case 'term': for (const w of a.words) n.set(w.folded, (n.get(w.folded) ?? 0) + 1); break;
      case 'and': case 'or': a.items.forEach(walk); break;
      case 'not': break;
      case 'near': walk(a.left); walk(a.right); break;
      case 'field': break;
    }
  };
  asts.forEach(walk);
  for (const w of COMMON) n.set(w, (n.get(w) ?? 0) + 1000);
  return n;
}

/** Trigger words of a query (see above), or null when it has none (NOT alone, fields, prefixes only). */
function triggers(ast: QueryAst, cost: ReadonlyMap<string, number>): string[] | null {
  const total = (ws: string[] | null) => (ws ? ws.reduce((s, w) => s + (cost.get(w) ?? 0) + 1, 0) : Infinity);
  switch (ast.kind) {
    case 'term': {
      // Every word of a phrase is in a match: the rarest one (not a prefix) triggers it.
      let best: string | null = null;
      for (const w of ast.words) if (!w.prefix && (best === null || (cost.get(w.folded) ?? 0) < (cost.get(best) ?? 0))) best = w.folded;
      return best === null ? null : [best];
    }
    case 'near': {
      const l = triggers(ast.left, cost);
      const r = triggers(ast.right, cost);
      return total(l) <= total(r) ? l : r;
    }
    case 'and': {
      let best: string[] | null = null;
      for (const item of ast.items) {
        const t = triggers(item, cost);
        if (t && total(t) < total(best)) best = t;
      }
      return best;
    }
    case 'or': {
      const all = new Set<string>();
      for (const item of ast.items) {
        const t = triggers(item, cost);
        if (!t) return null;
        for (const w of t) all.add(w);
      }
      return [...all];
    }
    default: return null;
  }
}

let tried = new Uint32Array(256);
let stamp = 0;

/**
 * Every query of the taxonomy that matches a text, told to `hit` (each at most once); `skip(qi)` is
 * asked first, so a topic already settled is not tested again. `doc` is the text as prepared (its
 * folded words trigger the queries outside the index), `ctx.doc` as the taxonomy reads it (topicDocument).
 */
export function runTaxonomy(taxonomy: CompiledTaxonomy, doc: PreparedText, ctx: Ctx, skip: (qi: number) => boolean, hit: (qi: number) => void): void {
  runWordIndex(taxonomy.index, ctx, skip, hit);
  if (taxonomy.byWord.size === 0 && taxonomy.always.length === 0) return;
  if (tried.length < taxonomy.queries.length) tried = new Uint32Array(taxonomy.queries.length * 2);
  if (++stamp === 0xffffffff) {
    tried.fill(0);
    stamp = 1;
  }
  const run = (qi: number) => {
    if (tried[qi] === stamp) return;
    tried[qi] = stamp;
    if (!skip(qi) && taxonomy.queries[qi][1].test(ctx)) hit(qi);
  };
  for (const w of doc.positions.keys()) {
    const list = taxonomy.byWord.get(w);
    if (list) for (const qi of list) run(qi);
  }
  for (const qi of taxonomy.always) run(qi);
}

/** Ids of the topics whose query matches `text`, in taxonomy order. */
export function classifyTopics(text: string | PreparedText, taxonomy: CompiledTaxonomy, meta: { source?: string; places?: readonly string[] } = {}): string[] {
  const doc = typeof text === 'string' ? prepareDocument(text) : text;
  const ctx = { doc: topicDocument(doc, taxonomy), source: meta.source ?? '', places: meta.places ?? [] };
  const found = new Uint8Array(taxonomy.topics.length);
  runTaxonomy(taxonomy, doc, ctx, (qi) => found[taxonomy.queries[qi][0]] === 1, (qi) => { found[taxonomy.queries[qi][0]] = 1; });
  const out: string[] = [];
  taxonomy.topics.forEach((t, ti) => { if (found[ti]) out.push(t.id); });
  return out;
}

// A topic is often "a word of one list near a word of another" ("ô tô", "xe máy" … near "kẹt",
// "đậu" …). The query language's NEAR takes one term a side; a taxonomy may write a parenthesised
// OR-list of terms on either side, which becomes the OR of every pair:
// (a OR "b c") NEAR/4 (d OR e) → (a NEAR/4 d OR a NEAR/4 e OR "b c" NEAR/4 d OR "b c" NEAR/4 e),
// behind a check that a word of each list occurs.
const TERM = String.raw`(?:=?"[^"]*"|[^\s()"]+)`;
const SIDE = String.raw`\((?:\s*${TERM}\s+OR\s+)*\s*${TERM}\s*\)|${TERM}`;
const NEAR_GROUPS = new RegExp(String.raw`(${SIDE})\s+(NEAR(?:/\d+)?)\s+(${SIDE})`, 'g');
const TERMS = new RegExp(TERM, 'g');

/** Rewrites NEAR between OR-lists of terms into an OR of NEARs between terms (see above). */
export function expandNearGroups(query: string): string {
  if (!query.includes('NEAR')) return query;
  return query.replace(NEAR_GROUPS, (whole, left: string, near: string, right: string) => {
    if (!left.startsWith('(') && !right.startsWith('(')) return whole;
    const terms = (side: string) => (side.match(TERMS) ?? []).filter((x) => x !== 'OR');
    const pairs: string[] = [];
    const lefts = terms(left), rights = terms(right);
    for (const a of lefts) for (const b of rights) pairs.push(`${a} ${near} ${b}`);
    // Both lists are looked up first (a word index), so the pairs are measured only when both occur.
    return `((${lefts.join(' OR ')}) AND (${rights.join(' OR ')}) AND (${pairs.join(' OR ')}))`;
  });
}

// The query language folds diacritics on both sides, so in a post typed with them "sơ chứng" would
// be "sổ chung", "quán đối" "quân đội", "thấy có" "thầy cô" and "bắt đầu từ" "đầu tư". A topic term
// written with diacritics therefore matches the words spelled exactly so (tone placement, case and
// NFC/NFD aside), or the words typed without any diacritic ("so chung"): "kẹt xe" becomes
// (="kẹt xe" OR ="ket xe"). Terms without diacritics, prefixes, fields and terms already exact keep
// their meaning; a NEAR pair is exact on both sides or plain on both.
const QUERY_TOKENS = /-?=?"[^"]*"|[()]|[^\s()"]+/g;
const OPERATORS = /^(AND|OR|NOT|NEAR(\/\d*)?)$/;
const isTerm = (t: string | undefined): t is string => t !== undefined && t !== '(' && t !== ')' && !OPERATORS.test(t);
// eslint-disable-next-line no-control-regex
const rewritable = (t: string) => !t.startsWith('=') && !t.startsWith('-') && !/[*:]/.test(t) && /[^\x00-\x7f]/.test(t);
const exactOf = (t: string) => (rewritable(t) ? `=${t}` : t);
const plainOf = (t: string) => (rewritable(t) ? `=${fold(t)}` : t);

/** Rewrites a query's terms with diacritics into exact-or-unaccented pairs (see above). */
export function accentAware(query: string): string {
  const toks = query.match(QUERY_TOKENS) ?? [];
  const out: string[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const near = toks[i + 1];
    if (isTerm(t) && near?.startsWith('NEAR') && OPERATORS.test(near) && isTerm(toks[i + 2])) {
      const b = toks[i + 2];
      out.push(rewritable(t) || rewritable(b) ? `(${exactOf(t)} ${near} ${exactOf(b)} OR ${plainOf(t)} ${near} ${plainOf(b)})` : `${t} ${near} ${b}`);
      i += 2;
      continue;
    }
    const negated = t.length > 1 && t.startsWith('-') ? t.slice(1) : null; // "-term" is NOT term
    if (negated !== null && rewritable(negated)) out.push(`NOT (${exactOf(negated)} OR ${plainOf(negated)})`);
    else out.push(isTerm(t) && rewritable(t) ? `(${exactOf(t)} OR ${plainOf(t)})` : t);
  }
  return out.join(' ');
}
