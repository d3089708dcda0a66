// Compiled queries: the syntax tree turned into closures over a prepared document.
import type { QueryAst, TermAst } from './ast.ts';
import { prepareDocument, type PreparedText } from './document.ts';

export interface QueryDocument {
  /** The text, or the same text prepared once with prepareDocument() for many queries. */
  text: string | PreparedText;
  source?: string;
  /** Place ids found in the text (see findPlaces). */
  places?: readonly string[];
}

export interface Ctx { doc: PreparedText; source: string; places: readonly string[] }
export type Test = (ctx: Ctx) => boolean;

export interface CompiledQuery {
  readonly ast: QueryAst;
  readonly test: Test;
}

/** Word positions at which `term` starts; a phrase must have its words in a row. */
const NONE: number[] = [];

/** A plain phrase: the words after each occurrence of the first, checked without allocating. */
function phraseAt(doc: PreparedText, phrase: readonly string[]): boolean {
  const at = doc.positions.get(phrase[0]);
  if (!at) return false;
  const words = doc.words;
  outer: for (const s of at) {
    for (let k = 1; k < phrase.length; k++) if (words[s + k] !== phrase[k]) continue outer;
    return true;
  }
  return false;
}

function starts(term: TermAst, doc: PreparedText): number[] {
  const first = term.words[0];
  let cand: number[];
  if (!first.prefix) cand = (term.exact ? doc.exactPositions() : doc.positions).get(first.text) ?? NONE;
  else {
    const words = term.exact ? doc.exactWords() : doc.words;
    cand = [];
    for (let i = 0; i < words.length; i++) if (wordMatches(words[i], first.text, first.prefix, term.exact)) cand.push(i);
  }
  if (term.words.length === 1 || cand.length === 0) return cand;
  const words = term.exact ? doc.exactWords() : doc.words;
  return cand.filter((s) => term.words.every((w, k) => k === 0 || (s + k < words.length && wordMatches(words[s + k], w.text, w.prefix, term.exact))));
}

function wordMatches(docWord: string, qWord: string, prefix: boolean, exact: boolean): boolean {
  if (!prefix) return docWord === qWord;
  // An exact key carries its tone digit at the end: compare the toneless part for prefixes.
  return (exact ? docWord.replace(/\d$/, '') : docWord).startsWith(exact ? qWord.replace(/\d$/, '') : qWord);
}

/** A query's test as a closure over a prepared text (see word-index.ts for many queries at once). */
export function compileTest(ast: QueryAst): Test {
  switch (ast.kind) {
    case 'term': {
      if (ast.words.some((w) => w.prefix)) return (c) => starts(ast, c.doc).length > 0;
      if (ast.exact) {
        const key = ast.words[0].text;
        // A single exact word is one lookup; a phrase checks the words after each occurrence.
        return ast.words.length === 1 ? (c) => c.doc.exactPositions().has(key) : (c) => c.doc.exactPositions().has(key) && starts(ast, c.doc).length > 0;
      }
      const words = ast.words.map((w) => w.text);
      if (words.length === 1) return (c) => c.doc.positions.has(words[0]);
      return (c) => phraseAt(c.doc, words);
    }
    // Plain loops: a taxonomy runs thousands of these per post, and every()/some() with a closure
    // allocates one per call.
    case 'and': {
      const items = ast.items.map(compileTest);
      const n = items.length;
      return (c) => {
        for (let i = 0; i < n; i++) if (!items[i](c)) return false;
        return true;
      };
    }
    case 'or': {
      // Lists of plain words and phrases (most of a taxonomy) are checked inline, the rest by closure.
      const words: string[] = [];
      const phrases: string[][] = [];
      const rest: Test[] = [];
      for (const item of ast.items) {
        if (item.kind === 'term' && !item.exact && !item.words.some((w) => w.prefix)) {
          if (item.words.length === 1) words.push(item.words[0].text);
          else phrases.push(item.words.map((w) => w.text));
        } else rest.push(compileTest(item));
      }
      return (c) => {
        const positions = c.doc.positions;
        for (let i = 0; i < words.length; i++) if (positions.has(words[i])) return true;
        for (let i = 0; i < phrases.length; i++) if (phraseAt(c.doc, phrases[i])) return true;
        for (let i = 0; i < rest.length; i++) if (rest[i](c)) return true;
        return false;
      };
    }
    case 'not': {
      const item = compileTest(ast.item);
      return (c) => !item(c);
    }
    case 'near': {
      const { left, right, distance } = ast;
      const leftLength = left.words.length;
      const rightLength = right.words.length;
      return (c) => {
        const a = starts(left, c.doc);
        if (a.length === 0) return false;
        const b = starts(right, c.doc);
        // Words between the two terms, in either order, at most `distance`.
        for (const x of a) for (const y of b) if (x !== y && (y >= x ? y - (x + leftLength) : x - (y + rightLength)) <= distance) return true;
        return false;
      };
    }
    case 'field': {
      const { value, prefix } = ast;
      const eq = (v: string) => (prefix ? v.toLowerCase().startsWith(value) : v.toLowerCase() === value);
      return ast.field === 'source' ? (c) => eq(c.source) : (c) => c.places.some(eq);
    }
  }
}

/**
 * Folded words of which a document must contain at least one for `ast` to match, or null when no
 * such set exists (NOT, fields, prefixes). Lets a taxonomy skip queries that cannot match.
 */
export function triggerWords(ast: QueryAst): string[] | null {
  switch (ast.kind) {
    case 'term': return ast.words[0].prefix ? null : [ast.words[0].folded];
    case 'near': return triggerWords(ast.left);
    case 'or': {
      const all: string[] = [];
      for (const item of ast.items) {
        const t = triggerWords(item);
        if (!t) return null;
        all.push(...t);
      }
      return [...new Set(all)];
    }
    case 'and': {
      let best: string[] | null = null;
      for (const item of ast.items) {
        const t = triggerWords(item);
        if (t && (!best || t.length < best.length)) best = t;
      }
      return best;
    }
    default: return null;
  }
}

/** The test is compiled on first use: a taxonomy's word index answers most queries without it. */
export function compileQuery(ast: QueryAst): CompiledQuery {
  let test: Test | undefined;
  return { ast, test: (ctx) => (test ??= compileTest(ast))(ctx) };
}

export function matchQuery(compiled: CompiledQuery, doc: QueryDocument): boolean {
  const prepared = typeof doc.text === 'string' ? prepareDocument(doc.text) : doc.text;
  return compiled.test({ doc: prepared, source: doc.source ?? '', places: doc.places ?? [] });
}
