// Trains the word segmenter and writes models/segmenter.bin.
//
//   npx tsx scripts/text-vi/train-segmenter.ts [--out <file>] [--train-only]
//
// Data (read from ../shared/data, never at runtime): ud_vi_vtb train/dev (CC BY-SA 4.0) and
// wordlists/words_merged.tsv (GPL). The recipe (RECIPE in src/segment/train.ts) was tuned on
// dev with a train-only model; the shipped model is then retrained on train+dev. Deterministic.
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { segmentSyllables } from '../../packages/text-vi/src/segment/core.ts';
import { buildSegmenterDictionary } from '../../packages/text-vi/src/segment/dictionary.ts';
import { forwardMaxMatch } from '../../packages/text-vi/src/segment/fmm.ts';
import { scoreSegmenter } from '../../packages/text-vi/src/segment/metrics.ts';
import { encodeModel } from '../../packages/text-vi/src/segment/model-file.ts';
import type { SegmenterModel } from '../../packages/text-vi/src/segment/model.ts';
import { RECIPE, trainSegmenter, withFoldedCopies, type GoldSentence } from '../../packages/text-vi/src/segment/train.ts';
import { fold } from '../../packages/text-vi/src/normalize/fold.ts';
import { loadUdSplit, loadWordList } from '../../packages/text-vi/bench/segmenter-data.ts';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const out = args.includes('--out') ? resolve(args[args.indexOf('--out') + 1]) : resolve(here, '../../packages/text-vi/models/segmenter.bin');
const trainOnly = args.includes('--train-only');

const train = loadUdSplit('train');
const dev = loadUdSplit('dev');
const devFolded: GoldSentence[] = dev.map((s) => s.map((w) => w.map(fold)));
const dict = buildSegmenterDictionary(loadWordList());
const f1 = (model: SegmenterModel, data: GoldSentence[]) => scoreSegmenter(data, (syl) => segmentSyllables(syl, model)).f1;
const pct = (x: number) => (100 * x).toFixed(2);

console.log(`word list: ${dict.size} entries (with diacritic-free spellings)`);
console.log(`FMM floor (word list only): dev F1 ${pct(scoreSegmenter(dev, (syl) => forwardMaxMatch(syl, dict)).f1)}`);

const t0 = Date.now();
const trainOnlyModel = trainSegmenter(withFoldedCopies(train), dict, {
  meta: { trainedOn: 'ud_vi_vtb train (+ diacritic-free copies); words_merged.tsv' },
  onEpoch: (epoch, m) => console.log(`  epoch ${epoch}: dev F1 ${pct(f1(m, dev))}  (without diacritics ${pct(f1(m, devFolded))})`),
});
const devF1 = f1(trainOnlyModel, dev);
const devF1Folded = f1(trainOnlyModel, devFolded);
console.log(`train-only model: dev F1 ${pct(devF1)}, without diacritics ${pct(devF1Folded)} (${Date.now() - t0} ms)`);

let model = trainOnlyModel;
if (!trainOnly) {
  model = trainSegmenter(withFoldedCopies([...train, ...dev]), dict, {
    meta: {
      trainedOn: 'ud_vi_vtb train+dev (+ diacritic-free copies); words_merged.tsv',
      devF1TrainOnly: Number(devF1.toFixed(4)),
      devF1TrainOnlyWithoutDiacritics: Number(devF1Folded.toFixed(4)),
    },
  });
  console.log(`shipped model (train+dev): dev F1 ${pct(f1(model, dev))} (not a held-out figure)`);
}
model.meta = { ...model.meta, format: 1, epochs: RECIPE.epochs, bits: RECIPE.bits, licence: 'CC BY-SA 4.0 (ud_vi_vtb) and GPL (word lists); see models/README.md' };
const bytes = encodeModel(model);
writeFileSync(out, bytes);
console.log(`wrote ${out} (${(bytes.length / 1024).toFixed(0)} KiB)`);
