import { describe, expect, it } from 'vitest';
import { QueryParseError } from './ast.ts';
import { parseQuery } from './parse.ts';

/** A compact rendering of the tree, to keep the tables readable. */
function show(q: string): string {
  const r = (a: ReturnType<typeof parseQuery>): string => {
    switch (a.kind) {
      case 'term': {
        const w = a.words.map((x) => x.text + (x.prefix ? '*' : '')).join(' ');
        return (a.exact ? '=' : '') + (a.words.length > 1 ? `"${w}"` : w);
      }
      case 'and': return `(${a.items.map(r).join(' & ')})`;
      case 'or': return `(${a.items.map(r).join(' | ')})`;
      case 'not': return `!${r(a.item)}`;
      case 'near': return `(${r(a.left)} ~${a.distance} ${r(a.right)})`;
      case 'field': return `${a.field}:${a.value}${a.prefix ? '*' : ''}`;
    }
  };
  return r(parseQuery(q));
}

const TREES: [string, string][] = [
  ['ngập', 'ngap'],
  ['"Kẹt Xe"', '"ket xe"'],
  ['kẹt xe', '(ket & xe)'],
  ['kẹt AND xe', '(ket & xe)'],
  ['kẹt OR tắc', '(ket | tac)'],
  ['kẹt xe OR ngập -triều', '((ket & xe) | (ngap & !trieu))'],
  ['NOT rác OR hôi', '(!rac | hoi)'],
  ['(ngập OR lụt) AND đường', '((ngap | lut) & duong)'],
  ['a NEAR/3 "b c"', '(a ~3 "b c")'],
  ['a NEAR b', '(a ~5 b)'],
  ['ngap*', 'ngap*'],
  ['"ket xe*"', '"ket xe*"'],
  ['=hôi', '=hôi'],
  ['="hôi thối"', '="hôi thôi2"'],
  ['exact:"Hoà"', '=hoa1'],
  ['=hòa', '=hoa1'],
  ['3/2', '"3 2"'],
  ['giá-xăng', '"gia xang"'],
  ['and or not', '(and & or & not)'],
  ['source:Facebook place:q10-p12', '(source:facebook & place:q10-p12)'],
  ['place:q10-*', 'place:q10-*'],
  ['place:"q10-p12"', 'place:q10-p12'],
  ['http://x.vn', '"http x vn"'],
  ['-"ngập tràn hạnh phúc" ngập', '(!"ngap tran hanh phuc" & ngap)'],
  ['ket xe', '(ket & xe)'],
];

const ERRORS: [string, number, RegExp][] = [
  ['', 0, /Empty query/],
  ['(kẹt xe', 7, /Missing '\)'/],
  ['kẹt AND', 7, /ends after 'AND'/],
  ['OR ngập', 0, /Unexpected 'OR'/],
  ['ngập )', 5, /Unexpected '\)'/],
  ['"kẹt xe', 0, /Unclosed quotation/],
  ['a NEAR/ b', 2, /NEAR\/ needs a number/],
  ['a NEAR/3 (b OR c)', 2, /NEAR needs a word or a phrase/],
  ['a NEAR/2 b NEAR/2 c', 11, /cannot be chained/],
  ['= hôi', 0, /'=' must be followed/],
  ['source:', 0, /Missing value/],
  ['ngập AND !!!', 9, /no letters or digits/],
  ['a OR', 4, /ends after 'OR'/],
];

describe('parseQuery', () => {
  it.each(TREES)('%s', (q, tree) => expect(show(q)).toBe(tree));

  it.each(ERRORS)('error for %j at %i', (q, position, message) => {
    let error: unknown;
    try { parseQuery(q); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(QueryParseError);
    expect((error as QueryParseError).position).toBe(position);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain(`position ${position}`);
  });
});
