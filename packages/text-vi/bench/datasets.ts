// Loads the public datasets from ../shared/data (never shipped, never the held-out tests) and
// prepares the text both classifiers see: NFC, lower-case, punctuation split off, one line.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { mulberry32, stratifiedSplit } from '../src/classify/train.ts';

export interface Example { text: string; label: string }
export interface Split { name: string; train: Example[]; dev: Example[] }

export const DATA_DIR = process.env.NHIPCAU_DATA ?? fileURLToPath(new URL('../../../../shared/data/', import.meta.url));

/** Reads a JSONL file of {"text","label"} records; labels become strings. */
export function readJsonl(path: string): Example[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => {
    const r = JSON.parse(l) as { text: string; label: string | number };
    return { text: r.text, label: String(r.label) };
  });
}

/** The shared preprocessing: the same string goes to fastText and to our classifier. */
export function preprocess(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/([^\p{L}\p{N}\p{M}\s]+)/gu, ' $1 ').replace(/\s+/g, ' ').trim();
}

const prepared = (examples: Example[]): Example[] => examples.map((e) => ({ text: preprocess(e.text), label: e.label }));

/** The three benchmark tasks; vntc ships only a train sample, split 80/20 deterministically (seed 2024). */
export function benchmarkSplits(dir = DATA_DIR): Split[] {
  const vntc = readJsonl(join(dir, 'vntc/train.sample.jsonl'));
  const [vntcTrain, vntcDev] = stratifiedSplit(vntc, 0.2, mulberry32(2024));
  return [
    { name: 'uit_vsfc', train: readJsonl(join(dir, 'uit_vsfc/train.jsonl')), dev: readJsonl(join(dir, 'uit_vsfc/dev.jsonl')) },
    { name: 'vihsd', train: readJsonl(join(dir, 'vihsd/train.jsonl')), dev: readJsonl(join(dir, 'vihsd/dev.jsonl')) },
    { name: 'vntc', train: vntcTrain, dev: vntcDev },
  ].map((s) => ({ name: s.name, train: prepared(s.train), dev: prepared(s.dev) }));
}
