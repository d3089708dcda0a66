import { describe, expect, it } from 'vitest';
import { loadConcepts, loadTopicTaxonomy } from '../node.ts';
import { prepareDocument } from './document.ts';
import { parseQuery } from './parse.ts';
import { compileTest } from './match.ts';
import { compileTaxonomy, runTaxonomy, topicDocument, type CompiledTaxonomy } from './topics.ts';

/** Every query that matches, by the index, and by each query's own compiled test (the reference). */
function both(taxonomy: CompiledTaxonomy, text: string): { indexed: number[]; tested: number[] } {
  const doc = prepareDocument(text);
  const ctx = { doc: topicDocument(doc, taxonomy), source: 'facebook', places: ['q10-p12'] };
  const indexed: number[] = [];
  runTaxonomy(taxonomy, doc, ctx, () => false, (qi) => indexed.push(qi));
  const tested = taxonomy.queries.flatMap(([, q], qi) => (q.test(ctx) ? [qi] : []));
  return { indexed: indexed.sort((a, b) => a - b), tested };
}

// Posts made of the taxonomies' own words, so that most queries are near a match: pseudo-random
// picks of their terms with everyday words between them, with and without diacritics.
function posts(taxonomy: CompiledTaxonomy, count: number): string[] {
  const terms = [...taxonomy.index.first.keys()];
  const filler = ['ở', 'đường', 'nhà', 'quá', 'mọi người ơi', 'không', 'rồi', 'hẻm', 'sáng nay', 'phường 12', 'chợ'];
  let seed = 7;
  const pick = <T,>(xs: readonly T[]): T => xs[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % xs.length];
  return Array.from({ length: count }, () => Array.from({ length: 12 }, (_, k) => (k % 3 === 2 ? pick(filler) : pick(terms))).join(' '));
}

const SAMPLES = [
  'Ngập nặng đường Bà Hạt sau cơn mưa chiều, nước tràn vào nhà, xe chết máy giữa đường',
  'co ai nhan dc cuoc goi tu "dien luc" doi cap nhat thong tin khach hang ko, so qua',
  'Cảnh báo lừa đảo: đối tượng giả danh công an gọi điện yêu cầu chuyển khoản',
  'Quán nhậu hát karaoke tới 1h khuya, cả hẻm mất ngủ',
  'Chúc cả nhà tuần mới nhiều năng lượng, ngồi cà phê vỉa hè với ly bạc xỉu',
];

describe('word index', () => {
  for (const [name, taxonomy] of [['concepts', loadConcepts().taxonomy], ['topics', loadTopicTaxonomy()]] as const) {
    it(`finds exactly the queries their own tests match (${name})`, () => {
      let matched = 0;
      for (const text of [...SAMPLES, ...posts(taxonomy, 300)]) {
        const { indexed, tested } = both(taxonomy, text);
        expect(indexed, text).toEqual(tested);
        matched += tested.length;
      }
      expect(matched).toBeGreaterThan(10);
    });
  }

  it('keeps NOT lists, phrases, NEAR, exact words, prefixes and fields apart', () => {
    const taxonomy = compileTaxonomy({
      topics: [
        { id: 'ngap', name: { vi: 'Ngập', en: 'Flood' }, query: ['ngập -"ngập ngừng"', '"nước lên" NEAR/2 gối', '=bẩn AND rác', 'kẹt* AND xe', 'rác AND source:zalo'] },
      ],
    });
    const run = (text: string, source = 'facebook') => {
      const doc = prepareDocument(text);
      const hits: number[] = [];
      runTaxonomy(taxonomy, doc, { doc, source, places: [] }, () => false, (qi) => hits.push(qi));
      return hits.sort();
    };
    expect(run('ngập quá')).toEqual([0]);
    expect(run('ngập ngừng mãi')).toEqual([]);
    expect(run('nước lên tới gối')).toEqual([1]);
    expect(run('nước lên men, đau đầu gối')).toEqual([]);
    expect(run('rác bẩn quá')).toEqual([2]);
    expect(run('rác bạn ơi')).toEqual([]);
    expect(run('kẹt cứng xe cộ')).toEqual([3]);
    expect(run('rác', 'zalo')).toEqual([4]);
    expect(compileTest(parseQuery('ngập -"ngập ngừng"'))({ doc: prepareDocument('ngập ngừng'), source: '', places: [] })).toBe(false);
  });
});
