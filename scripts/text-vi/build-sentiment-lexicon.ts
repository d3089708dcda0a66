// Rebuilds src/sentiment/lexicon-data.ts from data/sentiment-lexicon.tsv, so the pure core has the
// default lexicon without reading files. Run after editing the TSV:
//   node --import tsx scripts/text-vi/build-sentiment-lexicon.ts
// (a test fails when the two differ).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseSentimentLexicon } from '../../packages/text-vi/src/sentiment/lexicon.ts';

const source = new URL('../../packages/text-vi/data/sentiment-lexicon.tsv', import.meta.url);
const target = new URL('../../packages/text-vi/src/sentiment/lexicon-data.ts', import.meta.url);

export function renderLexiconModule(tsv: string): string {
  return [
    '// GENERATED from data/sentiment-lexicon.tsv by scripts/text-vi/build-sentiment-lexicon.ts: edit the TSV, not this file.',
    // A template literal keeps one table row per line, so diffs of the table stay readable.
    `export const SENTIMENT_LEXICON_TSV = \`${tsv.replace(/[\\`]/g, '\\$&').replace(/\$\{/g, '\\${')}\`;`,
    '',
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const tsv = readFileSync(source, 'utf8');
  const lexicon = parseSentimentLexicon(tsv); // fails loudly on a malformed line
  writeFileSync(target, renderLexiconModule(tsv));
  console.log(`wrote ${target.pathname}: ${lexicon.size} phrases`);
}
