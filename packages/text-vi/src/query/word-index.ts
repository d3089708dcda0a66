// Many queries over one text at once. A taxonomy's queries are mostly lists of words and phrases,
// ANDed with other lists and with NOT lists ("ngập" -"ngập ngừng" -"ngập nợ" …): testing them one
// closure at a time runs thousands of lookups per post. Here every plain term of every query is put
// in one index by its first word, so a single pass over a post's words finds every term it holds;
// a list is then present or not, and a query made of lists is a few array reads. Only what is not a
// list (NEAR, exact spellings, prefixes, fields) keeps a compiled test, run after its lists passed.
import type { QueryAst, TermAst } from './ast.ts';
import type { PreparedText } from './document.ts';
import { compileTest, type Ctx, type Test } from './match.ts';

interface TermEntry {
  /** The words after the second. */
  readonly rest: readonly string[];
  /** The lists the term belongs to. */
  readonly lists: readonly number[];
}

/** The terms that start with one word: that word alone, and by their second word the longer ones. */
interface FirstWord {
  lists: number[];
  next: Map<string, TermEntry[]> | null;
}

interface Plan {
  /** Lists of which the text must hold a term each. */
  readonly need: readonly number[];
  /** Lists of which the text must hold no term. */
  readonly without: readonly number[];
  /** The other parts of an AND, tested in order once the lists passed. */
  readonly tests: readonly Test[];
}

export interface WordIndex {
  readonly first: ReadonlyMap<string, FirstWord>;
  readonly listCount: number;
  /** List → queries it triggers (each query by one of its `need` lists, the rarest). */
  readonly byList: readonly (readonly number[])[];
  readonly plans: readonly (Plan | null)[];
}

const isPlainTerm = (a: QueryAst): a is TermAst => a.kind === 'term' && !a.exact && !a.words.some((w) => w.prefix);

/** The terms of a list (a plain term, or an OR of them), or null for anything else. */
function listTerms(a: QueryAst): TermAst[] | null {
  if (isPlainTerm(a)) return [a];
  if (a.kind === 'or' && a.items.every(isPlainTerm)) return a.items as TermAst[];
  return null;
}

/** An AND's parts, nested ANDs flattened. */
function conjuncts(a: QueryAst): QueryAst[] {
  return a.kind === 'and' ? a.items.flatMap(conjuncts) : [a];
}

/**
 * Lists a text must hold a term of each for `a` to match, when `a` is not a list itself: a NEAR needs
 * both its terms, an exact spelling its folded words (when the index reads folded words), an OR a
 * term of one of its alternatives. They let a query wait for its lists before its test runs.
 */
function impliedLists(a: QueryAst, foldExact: boolean): TermAst[][] {
  switch (a.kind) {
    case 'term':
      if (a.words.some((w) => w.prefix)) return [];
      if (!a.exact) return [[a]];
      return foldExact ? [[{ ...a, exact: false, words: a.words.map((w) => ({ ...w, text: w.folded })) }]] : [];
    case 'near': return [...impliedLists(a.left, foldExact), ...impliedLists(a.right, foldExact)];
    case 'and': return a.items.flatMap((i) => impliedLists(i, foldExact));
    case 'or': {
      const union: TermAst[] = [];
      for (const item of a.items) {
        const lists = impliedLists(item, foldExact);
        if (lists.length === 0) return [];
        union.push(...lists[0]);
      }
      return [union];
    }
    default: return [];
  }
}

/**
 * Indexes the queries that have at least one list among (or implied by) their AND's parts, over the
 * words of the documents they will read: folded words, or with `foldExact` false the keys of a
 * "diacritics" taxonomy (see topics.ts), where exact terms are plain already. The plan of any other
 * query is null, and the caller keeps triggering it by its words. `cost` tells how common a folded
 * word is, so that a query is triggered by its rarest list.
 */
export function compileWordIndex(asts: readonly QueryAst[], cost: (word: string) => number, { foldExact }: { foldExact: boolean }): WordIndex {
  const termIds = new Map<string, number>();
  const termWords: string[][] = [];
  const termCost: number[] = [];
  const termLists: number[][] = [];
  const listIds = new Map<string, number>();
  const listCost: number[] = [];
  // Terms and lists shared by many queries (a topic's `unless`) are looked up by identity first.
  const termOfAst = new Map<TermAst, number>();
  const termOf = (t: TermAst): number => {
    const known = termOfAst.get(t);
    if (known !== undefined) return known;
    const words = t.words.map((w) => w.text);
    const key = words.join(' ');
    let id = termIds.get(key);
    if (id === undefined) {
      termIds.set(key, (id = termWords.length));
      termWords.push(words);
      // A phrase is as rare as its rarest word.
      termCost.push(Math.min(...t.words.map((w) => cost(w.folded))));
      termLists.push([]);
    }
    termOfAst.set(t, id);
    return id;
  };
  const listOf = (terms: TermAst[]): number => {
    const ids = [...new Set(terms.map(termOf))].sort((a, b) => a - b);
    const key = ids.join(',');
    let id = listIds.get(key);
    if (id === undefined) {
      listIds.set(key, (id = listCost.length));
      for (const t of ids) termLists[t].push(id);
      // A list is as common as its commonest term.
      listCost.push(Math.max(...ids.map((t) => termCost[t])));
    }
    return id;
  };
  const listOfNode = new Map<QueryAst, number>();
  const plans = asts.map((ast): Plan | null => {
    const need: number[] = [];
    const without: number[] = [];
    const rest: QueryAst[] = [];
    for (const part of conjuncts(ast)) {
      const terms = listTerms(part);
      const negated = part.kind === 'not' ? listTerms(part.item) : null;
      if (terms) need.push(listOf(terms));
      else if (negated) without.push(listOfNode.get(part) ?? listOfNode.set(part, listOf(negated)).get(part)!);
      else {
        for (const list of impliedLists(part, foldExact)) need.push(listOf(list));
        rest.push(part);
      }
    }
    if (need.length === 0) return null;
    return { need: [...new Set(need)], without: [...new Set(without)], tests: rest.map(compileTest) };
  });
  const byList: number[][] = listCost.map(() => []);
  plans.forEach((plan, qi) => {
    if (!plan) return;
    const trigger = plan.need.reduce((a, b) => (listCost[b] < listCost[a] ? b : a));
    byList[trigger].push(qi);
  });
  // By first and second word: a common first word ("không", "nước") starts a hundred phrases.
  const first = new Map<string, FirstWord>();
  termWords.forEach((words, t) => {
    const [head, second, ...rest] = words;
    const entry = first.get(head) ?? first.set(head, { lists: [], next: null }).get(head)!;
    if (second === undefined) entry.lists.push(...termLists[t]);
    else {
      const next = (entry.next ??= new Map());
      (next.get(second) ?? next.set(second, []).get(second)!).push({ rest, lists: termLists[t] });
    }
  });
  return { first, listCount: listCost.length, byList, plans };
}

// Per-text marks, stamped rather than cleared (a text's pass touches a few of thousands of slots).
let stamp = 0;
let listSeen = new Uint32Array(1024);
const present: number[] = [];

/**
 * Runs the indexed queries over a text: `skip(qi)` is asked before a query is evaluated (a topic
 * already found need not be tested again), `hit(qi)` told of each query that matches.
 */
export function runWordIndex(index: WordIndex, ctx: Ctx, skip: (qi: number) => boolean, hit: (qi: number) => void): void {
  if (listSeen.length < index.listCount) listSeen = new Uint32Array(index.listCount * 2);
  if (++stamp === 0xffffffff) {
    listSeen.fill(0);
    stamp = 1;
  }
  const s = stamp;
  present.length = 0;
  const words = ctx.doc.words;
  const mark = (lists: readonly number[]) => {
    for (let l = 0; l < lists.length; l++) {
      if (listSeen[lists[l]] === s) continue;
      listSeen[lists[l]] = s;
      present.push(lists[l]);
    }
  };
  for (let i = 0; i < words.length; i++) {
    const entry = index.first.get(words[i]);
    if (!entry) continue;
    mark(entry.lists);
    const entries = i + 1 < words.length ? entry.next?.get(words[i + 1]) : undefined;
    if (!entries) continue;
    next: for (let e = 0; e < entries.length; e++) {
      const { rest, lists } = entries[e];
      for (let k = 0; k < rest.length; k++) if (words[i + 2 + k] !== rest[k]) continue next;
      mark(lists);
    }
  }
  // Each query is in the queries of one list, and each list once in `present`: tried at most once.
  for (let p = 0; p < present.length; p++) {
    const queries = index.byList[present[p]];
    queries: for (let j = 0; j < queries.length; j++) {
      const qi = queries[j];
      if (skip(qi)) continue;
      const { need, without, tests } = index.plans[qi]!;
      for (let k = 0; k < need.length; k++) if (listSeen[need[k]] !== s) continue queries;
      for (let k = 0; k < without.length; k++) if (listSeen[without[k]] === s) continue queries;
      for (let k = 0; k < tests.length; k++) if (!tests[k](ctx)) continue queries;
      hit(qi);
    }
  }
}
