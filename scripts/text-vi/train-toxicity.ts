// Rebuilds models/toxicity.bin, the shipped toxicity classifier, from ViHOS (MIT licence):
//   node --import tsx scripts/text-vi/train-toxicity.ts [--data DIR]
// Labels (see ../shared/data/vihos/PROVENANCE.md): 1 = the comment has at least one hate or
// offensive span, 0 = none; the model calls them "offensive" and "clean". Train is learned from; dev picks the epoch and fits the temperature.
// Deterministic: the same data gives the same bytes. The runtime never reads ../shared.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { trainClassifier, type ClassifierTrainOptions } from '../../packages/text-vi/src/classify/train.ts';
import { classify } from '../../packages/text-vi/src/classify/model.ts';
import { evaluateLabels } from '../../packages/text-vi/src/classify/metrics.ts';
import { serializeModel } from '../../packages/text-vi/src/classify/serialize.ts';

/** Chosen on ViHOS dev among a few variants (bench notes in models/toxicity.md): exact-letter
 *  character n-grams beat folded ones by ~3 points here, since "lồn"/"lon" and "đĩ"/"di" differ
 *  only by their diacritics. */
export const TOXICITY_RECIPE: ClassifierTrainOptions = { features: { charFold: false }, seed: 1 };

interface Row { text: string; label: string }

const read = (path: string): Row[] =>
  readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => {
    const r = JSON.parse(l) as { text: string; label: number };
    return { text: r.text, label: r.label === 1 ? 'offensive' : 'clean' };
  });

function main(): void {
  const at = process.argv.indexOf('--data');
  const dataDir = at > 0 ? process.argv[at + 1] : fileURLToPath(new URL('../../../shared/data/', import.meta.url));
  const train = read(join(dataDir, 'vihos/train.jsonl'));
  const dev = read(join(dataDir, 'vihos/dev.jsonl'));
  const model = trainClassifier(train, { ...TOXICITY_RECIPE, dev });
  const ev = evaluateLabels(dev.map((e) => e.label), dev.map((e) => classify(model, e.text).label));
  model.meta = {
    task: 'toxicity: offensive (has a hate or offensive span) or clean',
    data: 'ViHOS (Hoang et al., EACL 2023), github.com/phusroyal/ViHOS @ fe31c4b, MIT licence',
    train: train.length,
    devAccuracy: Number(ev.accuracy.toFixed(4)),
    devMacroF1: Number(ev.macroF1.toFixed(4)),
  };
  const bytes = serializeModel(model);
  const out = new URL('../../packages/text-vi/models/toxicity.bin', import.meta.url);
  writeFileSync(out, bytes);
  console.log(`vihos dev (${dev.length}): accuracy ${ev.accuracy.toFixed(4)}, macro-F1 ${ev.macroF1.toFixed(4)}; temperature ${model.temperature.toFixed(3)}`);
  console.log(`wrote ${fileURLToPath(out)} (${bytes.length.toLocaleString('en-US')} bytes)`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
