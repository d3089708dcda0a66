// The shipped, data-free scorers on public dev sets (evaluation only: these research-only sets
// never train anything shipped): the sentiment lexicon and rules on uit_vsfc and vlsp2016_sa, and
// the toxicity model (trained on ViHOS train) on ViHOS dev.
import { join } from 'node:path';
import { DATA_DIR, readJsonl } from './datasets.ts';
import { printTable, timeIt, type Cell } from './table.ts';
import { sentiment } from '../src/sentiment/sentiment.ts';
import { toxicity } from '../src/toxicity/toxicity.ts';
import { evaluateLabels } from '../src/classify/metrics.ts';
import { loadToxicityModel } from '../src/node.ts';

const UIT: Record<string, string> = { '0': 'negative', '1': 'neutral', '2': 'positive' };
const VLSP: Record<string, string> = { NEG: 'negative', NEU: 'neutral', POS: 'positive' };
// UIT-VSFC replaced emoticons by words ("colonsmile"); put them back so the scorer sees what a
// post would contain.
const UIT_EMOTICONS: Record<string, string> = {
  colonsmilesmile: ':))', colonsmile: ':)', colonsmallsmile: ':)', colonbigsmile: ':D', colonhihi: '^^', colonlove: '<3',
  colonsad: ':(', colonsadcolon: ':(', coloncontemn: ':/', colondoublesurprise: ':o', colonsurprise: ':o', doubledot: ':',
};
const restoreEmoticons = (text: string) => text.replace(/\b(colon[a-z]+|doubledot)\b/g, (m) => UIT_EMOTICONS[m] ?? m);

export async function benchSentiment(): Promise<void> {
  const rows: Cell[][] = [];
  for (const [name, file, labels, prepare] of [
    ['uit_vsfc', 'uit_vsfc/dev.jsonl', UIT, restoreEmoticons],
    ['vlsp2016_sa', 'vlsp2016_sa/dev.jsonl', VLSP, (t: string) => t],
  ] as const) {
    const data = readJsonl(join(DATA_DIR, file)).map((e) => ({ text: prepare(e.text), label: labels[e.label] }));
    const ev = evaluateLabels(data.map((e) => e.label), data.map((e) => sentiment(e.text).label));
    const perSecond = Math.round(timeIt(() => { for (const e of data) sentiment(e.text); }) * data.length);
    const f1 = (l: string) => ev.perClass[l]?.f1 ?? 0;
    rows.push([name, data.length, ev.accuracy, ev.macroF1, f1('negative'), f1('neutral'), f1('positive'), perSecond]);
  }
  printTable('Sentiment lexicon + rules (no training data) on dev', ['data', 'n', 'accuracy', 'macro-F1', 'F1 neg', 'F1 neu', 'F1 pos', 'texts/s'], rows);

  const model = loadToxicityModel();
  const dev = readJsonl(join(DATA_DIR, 'vihos/dev.jsonl'));
  const predicted = dev.map((e) => (toxicity(e.text, model) >= 0.5 ? '1' : '0'));
  const ev = evaluateLabels(dev.map((e) => e.label), predicted);
  const perSecond = Math.round(timeIt(() => { for (const e of dev) toxicity(e.text, model); }) * dev.length);
  printTable('Toxicity, shipped model (models/toxicity.bin, ViHOS train) on ViHOS dev, threshold 0.5',
    ['data', 'n', 'accuracy', 'macro-F1', 'F1 offensive', 'texts/s'],
    [['vihos', dev.length, ev.accuracy, ev.macroF1, ev.perClass['1']?.f1 ?? 0, perSecond]]);
}
