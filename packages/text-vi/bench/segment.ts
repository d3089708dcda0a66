// Segmentation section of the benchmark: word F1 on ud_vi_vtb dev for the shipped model, a
// train-only model (the honest held-out figure) and the word-list-only FMM floor; speed of the
// model alone, of pre-tokenised text and of raw text through the tokenizer.
import { statSync } from 'node:fs';
import { loadSegmenter } from '../src/node.ts';
import { fold } from '../src/normalize/fold.ts';
import { normalizeText } from '../src/normalize/normalize.ts';
import { tokenize } from '../src/tokenize/tokenize.ts';
import { segmentSyllables } from '../src/segment/core.ts';
import { buildSegmenterDictionary } from '../src/segment/dictionary.ts';
import { forwardMaxMatch } from '../src/segment/fmm.ts';
import { scoreSegmenter } from '../src/segment/metrics.ts';
import { segment } from '../src/segment/segment.ts';
import { trainSegmenter, withFoldedCopies, type GoldSentence } from '../src/segment/train.ts';
import { loadUdSplit, loadWordList } from './segmenter-data.ts';
import { printTable, timeIt } from './table.ts';

const pct = (x: number) => Number((100 * x).toFixed(2));

export async function benchSegmentation(): Promise<void> {
  const shipped = loadSegmenter();
  const train = loadUdSplit('train');
  const dev = loadUdSplit('dev');
  const devFolded: GoldSentence[] = dev.map((s) => s.map((w) => w.map(fold)));
  const dict = buildSegmenterDictionary(loadWordList());
  const t0 = performance.now();
  const trainOnly = trainSegmenter(withFoldedCopies(train), dict);
  const trainMs = performance.now() - t0;

  const score = (data: GoldSentence[], f: (s: string[]) => number[]) => scoreSegmenter(data, f);
  const rows: (string | number)[][] = [];
  const add = (name: string, data: GoldSentence[], f: (s: string[]) => number[]) => {
    const s = score(data, f);
    rows.push([name, pct(s.precision), pct(s.recall), pct(s.f1)]);
  };
  add('FMM with word list (floor)', dev, (s) => forwardMaxMatch(s, dict));
  add('train-only model (held-out)', dev, (s) => segmentSyllables(s, trainOnly));
  add('shipped model (train+dev: seen)', dev, (s) => segmentSyllables(s, shipped));
  add('train-only, text without diacritics', devFolded, (s) => segmentSyllables(s, trainOnly));
  add('FMM, text without diacritics', devFolded, (s) => forwardMaxMatch(s, dict, undefined, 8));
  printTable(`Word segmentation — ud_vi_vtb dev, ${dev.length} sentences, ${dev.reduce((n, s) => n + s.length, 0)} words (target F1 ≥ 95)`, ['segmenter', 'P %', 'R %', 'F1 %'], rows);

  const sentences = dev.map((s) => s.flat());
  const texts = sentences.map((s) => s.join(' '));
  const syllables = sentences.reduce((n, s) => n + s.length, 0);
  const chars = texts.reduce((n, s) => n + s.length, 0);
  const perSec = (fn: () => void) => timeIt(fn, 1500);
  const core = perSec(() => { for (const s of sentences) segmentSyllables(s, shipped); }) * syllables;
  const pre = perSec(() => { for (const t of texts) segment(t, shipped, { pretokenized: true }); }) * syllables;
  const raw = perSec(() => { for (const t of texts) segment(t, shipped); }) * syllables;
  const tok = perSec(() => { for (const t of texts) tokenize(t); }) * chars;
  const norm = perSec(() => { for (const t of texts) normalizeText(t); }) * chars;
  printTable('Speed — one core, ud_vi_vtb dev text (target ≥ 500,000 syllables/s)', ['operation', 'per second', 'unit'], [
    ['segmentSyllables (model only)', Math.round(core), 'syllables'],
    ['segment(text, {pretokenized})', Math.round(pre), 'syllables'],
    ['segment(text) incl. tokenizer', Math.round(raw), 'syllables'],
    ['tokenize', Math.round(tok), 'characters'],
    ['normalizeText (no teencode)', Math.round(norm), 'characters'],
  ]);

  const modelBytes = statSync(new URL('../models/segmenter.bin', import.meta.url)).size;
  printTable('Segmenter model', ['item', 'value'], [
    ['models/segmenter.bin', `${(modelBytes / 1024).toFixed(0)} KiB`],
    ['non-zero weights / word-list entries', `${countNonZero(shipped.weights).toLocaleString('en-US')} / ${shipped.dict.size.toLocaleString('en-US')}`],
    ['train-only model trained in', `${(trainMs / 1000).toFixed(1)} s`],
  ]);
}

function countNonZero(w: Float32Array): number {
  let n = 0;
  for (let i = 0; i < w.length; i++) if (w[i] !== 0) n++;
  return n;
}
