// The topic-query language's syntax tree and its parse error.

/** One word of a term: `text` is folded ("ngap"), or keeps diacritics when exact ("ngập" → "ngâp5"); `folded` is always folded. */
export interface QueryWord { text: string; folded: string; prefix: boolean }

export type QueryAst =
  /** A word, or a phrase when `words` has several ("ket xe", "3/2", "giá-xăng"). */
  | { kind: 'term'; words: readonly QueryWord[]; exact: boolean; position: number }
  | { kind: 'and'; items: QueryAst[] }
  | { kind: 'or'; items: QueryAst[] }
  | { kind: 'not'; item: QueryAst }
  /** Both terms within `distance` words of each other, in either order. */
  | { kind: 'near'; left: TermAst; right: TermAst; distance: number }
  /** source:facebook, place:q10-p12, place:q10-* */
  | { kind: 'field'; field: 'source' | 'place'; value: string; prefix: boolean; position: number };

export type TermAst = Extract<QueryAst, { kind: 'term' }>;

export class QueryParseError extends Error {
  override readonly name = 'QueryParseError';
  /** 0-based offset in the query string (UTF-16 units) where the problem is. */
  readonly position: number;
  constructor(message: string, position: number) {
    super(`${message} at position ${position}`);
    this.position = position;
  }
}
