// Reading the public training data for the segmenter (ud_vi_vtb and the merged word list) from
// ../shared/data. Used by the training script and the benchmark; runtime code never reads it.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SOURCE_DICTIONARY, SOURCE_MAIN, SOURCE_WIKTIONARY } from '../src/segment/dictionary.ts';
import type { GoldSentence } from '../src/segment/train.ts';

const here = dirname(fileURLToPath(import.meta.url));
/** Default data folder: <repo>/../shared/data. Override with NHIPCAU_DATA. */
export const DATA_DIR = process.env.NHIPCAU_DATA ?? resolve(here, '../../../../shared/data');

/** Gold sentences of a ud_vi_vtb split: words, each split into syllables. */
export function loadUdSplit(split: 'train' | 'dev', dir = DATA_DIR): GoldSentence[] {
  const lines = readFileSync(resolve(dir, 'ud_vi_vtb', `${split}.jsonl`), 'utf8').split('\n').filter((l) => l.trim());
  return lines.map((l) => (JSON.parse(l) as { words: string[] }).words.map((w) => w.split(' ')));
}

/** words_merged.tsv as [word, source flags]; "Viet74K" and "uts_hongocduc" are the same list. */
export function loadWordList(dir = DATA_DIR): [string, number][] {
  const out: [string, number][] = [];
  for (const line of readFileSync(resolve(dir, 'wordlists', 'words_merged.tsv'), 'utf8').split('\n')) {
    const [word, sources = ''] = line.split('\t');
    if (!word) continue;
    const s = sources.split(',');
    let flags = 0;
    if (s.includes('Viet74K') || s.includes('uts_hongocduc')) flags |= SOURCE_MAIN;
    if (s.includes('uts_tudientv')) flags |= SOURCE_DICTIONARY;
    if (s.includes('uts_wiktionary')) flags |= SOURCE_WIKTIONARY;
    out.push([word, flags || SOURCE_MAIN]);
  }
  return out;
}
