// Our classifier against fastText on uit_vsfc (sentiment), vihsd and vntc (80/20 split of its train
// sample): same preprocessed train and dev text for both, dev accuracy, macro-F1, training time
// and predictions per second. Rows:
//   fastText          the baseline settings (epoch 25, wordNgrams 2, fastText's supervised defaults)
//   fastText, best lr the same with the learning rate picked on dev from {0.1, 0.5, 1.0}
//   ours              default options; dev picks the epoch and fits the temperature
//   ours, train only  dev never seen: a 10% slice of train does that job instead
// Then the shipped sentiment rules and toxicity model on their dev sets (bench/sentiment.ts).
// Run alone: node --import tsx packages/text-vi/bench/classifiers.ts  (BENCH_QUICK=1 skips the lr search)
import { fileURLToPath } from 'node:url';
import { benchmarkSplits, type Example, type Split } from './datasets.ts';
import { BASELINE_FASTTEXT, trainFastText } from './fasttext.ts';
import { printTable, timeIt, type Cell } from './table.ts';
import { trainClassifier, type ClassifierTrainOptions } from '../src/classify/train.ts';
import { classify } from '../src/classify/model.ts';
import { evaluateLabels } from '../src/classify/metrics.ts';
import { serializeModel } from '../src/classify/serialize.ts';
import { benchSentiment } from './sentiment.ts';

interface Predictor { predict(text: string): string; note?: string }

interface Row { system: string; accuracy: number; macroF1: number; trainSeconds: number; perSecond: number; note: string }

async function measure(system: string, dev: Example[], train: () => Promise<Predictor> | Predictor): Promise<Row> {
  const start = performance.now();
  const model = await train();
  const trainSeconds = (performance.now() - start) / 1000;
  const ev = evaluateLabels(dev.map((e) => e.label), dev.map((e) => model.predict(e.text)));
  const passes = timeIt(() => { for (const e of dev) model.predict(e.text); }, 2000);
  return { system, accuracy: ev.accuracy, macroF1: ev.macroF1, trainSeconds, perSecond: Math.round(passes * dev.length), note: model.note ?? '' };
}

function ours(split: Split, options: ClassifierTrainOptions): () => Predictor {
  return () => {
    const model = trainClassifier(split.train, options);
    const note = `model ${(serializeModel(model).length / 1e6).toFixed(2)} MB`;
    return { predict: (text: string) => classify(model, text).label, note };
  };
}

async function benchSplit(split: Split, quick: boolean): Promise<Row[]> {
  const rows: Row[] = [];
  const ft = (lr: number) => async (): Promise<Predictor> => ({ ...(await trainFastText(split.train, { ...BASELINE_FASTTEXT, lr })), note: `lr ${lr}` });
  const baseline = await measure('fastText', split.dev, ft(BASELINE_FASTTEXT.lr));
  rows.push(baseline);
  if (!quick) {
    let best = baseline;
    for (const lr of [0.5, 1.0]) {
      const r = await measure('fastText, best lr', split.dev, ft(lr));
      if (r.macroF1 > best.macroF1) best = r;
    }
    rows.push({ ...best, system: 'fastText, best lr' });
  }
  rows.push(await measure('ours', split.dev, ours(split, { dev: split.dev })));
  rows.push(await measure('ours, train only', split.dev, ours(split, {})));
  return rows;
}

export async function benchClassifiers(): Promise<void> {
  const quick = process.env.BENCH_QUICK === '1';
  const splits = benchmarkSplits();
  const table: Cell[][] = [];
  for (const split of splits) {
    for (const r of await benchSplit(split, quick)) {
      table.push([split.name, r.system, r.accuracy, r.macroF1, r.trainSeconds.toFixed(1).padStart(5), r.perSecond, r.note]);
    }
  }
  const sizes = splits.map((s) => `${s.name} ${s.train.length}/${s.dev.length}`).join(', ');
  printTable(`Classifiers on dev (train/dev: ${sizes}; text NFC, lower-cased, punctuation split)`,
    ['data', 'system', 'accuracy', 'macro-F1', 'train s', 'pred/s', 'note'], table);
  await benchSentiment();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await benchClassifiers();
