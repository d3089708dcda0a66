// Parser of the topic-query language (the syntax is documented in README.md beside this file).
// Precedence, tightest first: NEAR/n, NOT (and "-"), AND (also two terms side by side), OR.
// Only upper-case AND, OR, NOT, NEAR are operators; "and", "or", "not" are ordinary words.
import { exactKey } from '../fold/fold.ts';
import { foldedTokens } from '../fold/tokens.ts';
import { QueryParseError, type QueryAst, type QueryWord, type TermAst } from './ast.ts';

type Tok =
  | { t: '(' | ')' | 'AND' | 'OR' | 'NOT'; pos: number }
  | { t: 'NEAR'; pos: number; n: number }
  | { t: 'TERM'; pos: number; text: string; exact: boolean; quoted: boolean }
  | { t: 'FIELD'; pos: number; field: 'source' | 'place'; value: string };

const DEFAULT_NEAR = 5;
const FIELDS = new Set(['source', 'place']);
const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0' || c === '\u3000';

function lex(q: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const readQuoted = (open: number): string => {
    const close = q.indexOf('"', open + 1);
    if (close < 0) throw new QueryParseError('Unclosed quotation mark', open);
    i = close + 1;
    return q.slice(open + 1, close);
  };
  while (i < q.length) {
    const c = q[i];
    if (isSpace(c)) { i++; continue; }
    const pos = i;
    if (c === '(' || c === ')') { out.push({ t: c, pos }); i++; continue; }
    if (c === '-' && i + 1 < q.length && !isSpace(q[i + 1]) && q[i + 1] !== ')') { out.push({ t: 'NOT', pos }); i++; continue; }
    let exact = false;
    if (c === '=') {
      exact = true;
      i++;
      if (i >= q.length || isSpace(q[i]) || q[i] === '(' || q[i] === ')') throw new QueryParseError("'=' must be followed by a word or a phrase", pos);
    }
    if (q[i] === '"') { out.push({ t: 'TERM', pos, text: readQuoted(i), exact, quoted: true }); continue; }
    let j = i;
    while (j < q.length && !isSpace(q[j]) && q[j] !== '(' && q[j] !== ')' && q[j] !== '"') j++;
    const word = q.slice(i, j);
    const colon = word.indexOf(':');
    const key = colon > 0 ? word.slice(0, colon).toLowerCase() : '';
    if (!exact && (FIELDS.has(key) || key === 'exact')) {
      let value = word.slice(colon + 1);
      i = j;
      if (value === '' && q[j] === '"') value = readQuoted(j);
      if (value === '') throw new QueryParseError(`Missing value after "${key}:"`, pos);
      if (key === 'exact') out.push({ t: 'TERM', pos, text: value, exact: true, quoted: true });
      else out.push({ t: 'FIELD', pos, field: key as 'source' | 'place', value });
      continue;
    }
    i = j;
    if (!exact && (word === 'AND' || word === 'OR' || word === 'NOT')) { out.push({ t: word, pos }); continue; }
    const near = exact ? null : /^NEAR(?:\/(\d*))?$/.exec(word);
    if (near) {
      if (near[1] === '') throw new QueryParseError('NEAR/ needs a number, as in NEAR/5', pos);
      out.push({ t: 'NEAR', pos, n: near[1] === undefined ? DEFAULT_NEAR : Number(near[1]) });
      continue;
    }
    out.push({ t: 'TERM', pos, text: word, exact, quoted: false });
  }
  return out;
}

// A lexicon repeats its terms across thousands of queries: each is read once (words are never mutated).
const WORDS_CACHE_LIMIT = 50_000;
const wordsCache = new Map<string, readonly QueryWord[]>();

function termOf(tok: Extract<Tok, { t: 'TERM' }>): TermAst {
  const key = (tok.exact ? '=' : '') + tok.text;
  let words = wordsCache.get(key);
  if (!words) {
    const toks = foldedTokens(tok.text);
    if (toks.words.length === 0) throw new QueryParseError(`"${tok.text}" has no letters or digits`, tok.pos);
    words = toks.words.map((w, k) => {
      // A "*" right after a word makes it a prefix: ngap*, "ket xe*".
      const prefix = tok.text[toks.ends[k]] === '*';
      return { text: tok.exact ? exactKey(tok.text.slice(toks.starts[k], toks.ends[k])) : w, folded: w, prefix };
    });
    if (wordsCache.size < WORDS_CACHE_LIMIT) wordsCache.set(key, words);
  }
  return { kind: 'term', words, exact: tok.exact, position: tok.pos };
}

/** Parses a query; throws QueryParseError naming the position of the first problem. */
export function parseQuery(q: string): QueryAst {
  const toks = lex(q);
  let k = 0;
  const peek = () => toks[k];
  const describe = (t: Tok | undefined) => (t === undefined ? 'end of query' : t.t === 'TERM' ? `"${t.text}"` : t.t === 'FIELD' ? `${t.field}:` : t.t === 'NEAR' ? 'NEAR' : `'${t.t}'`);
  const startsOperand = (t: Tok | undefined) => t !== undefined && (t.t === 'TERM' || t.t === 'FIELD' || t.t === '(' || t.t === 'NOT');

  function parseOr(): QueryAst {
    const items = [parseAnd()];
    while (peek()?.t === 'OR') { k++; items.push(parseAnd()); }
    return items.length === 1 ? items[0] : { kind: 'or', items };
  }
  function parseAnd(): QueryAst {
    const items = [parseUnary()];
    for (;;) {
      const t = peek();
      if (t?.t === 'AND') { k++; items.push(parseUnary()); }
      else if (startsOperand(t)) items.push(parseUnary());
      else break;
    }
    return items.length === 1 ? items[0] : { kind: 'and', items };
  }
  function parseUnary(): QueryAst {
    if (peek()?.t === 'NOT') { k++; return { kind: 'not', item: parseUnary() }; }
    return parseNear();
  }
  function parseNear(): QueryAst {
    const left = parsePrimary();
    const t = peek();
    if (t?.t !== 'NEAR') return left;
    k++;
    const right = parsePrimary();
    if (left.kind !== 'term' || right.kind !== 'term') throw new QueryParseError('NEAR needs a word or a phrase on each side', t.pos);
    if (peek()?.t === 'NEAR') throw new QueryParseError('NEAR cannot be chained; use parentheses and AND', peek()!.pos);
    return { kind: 'near', left, right, distance: t.n };
  }
  function parsePrimary(): QueryAst {
    const t = peek();
    if (t === undefined) throw new QueryParseError(k === 0 ? 'Empty query' : `Query ends after ${describe(toks[k - 1])}`, q.length);
    if (t.t === '(') {
      k++;
      const inner = parseOr();
      if (peek()?.t !== ')') throw new QueryParseError(`Missing ')' for the '(' at position ${t.pos}; found ${describe(peek())}`, peek()?.pos ?? q.length);
      k++;
      return inner;
    }
    if (t.t === 'TERM') { k++; return termOf(t); }
    if (t.t === 'FIELD') {
      k++;
      const prefix = t.value.endsWith('*');
      return { kind: 'field', field: t.field, value: (prefix ? t.value.slice(0, -1) : t.value).toLowerCase(), prefix, position: t.pos };
    }
    throw new QueryParseError(`Unexpected ${describe(t)}`, t.pos);
  }

  const ast = parseOr();
  if (k < toks.length) throw new QueryParseError(`Unexpected ${describe(toks[k])}`, toks[k].pos);
  return ast;
}
