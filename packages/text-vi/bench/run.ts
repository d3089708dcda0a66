// `npm run bench:text`: every text-core benchmark in one run, each section printing tables.
// Sections owned by other parts of the text core live in sibling files and are loaded only if
// they exist, so the runner works while they are being written.
import { existsSync } from 'node:fs';
import { benchSegmentation } from './segment.ts';

interface Section { title: string; file: string; exportName: string }

/** Optional sections: file beside this one, and the async function it exports. */
const OPTIONAL: Section[] = [
  { title: 'Classifiers', file: './classifiers.ts', exportName: 'benchClassifiers' },
  { title: 'Redaction, places, topics, near-duplicates', file: './redact-places.ts', exportName: 'benchRedactPlaces' },
  { title: 'Analysis pipeline', file: './analyze.ts', exportName: 'benchAnalyze' },
];

async function main(): Promise<void> {
  console.log(`Nhịp Cầu text core benchmark — Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
  await section('Segmentation', benchSegmentation);
  for (const s of OPTIONAL) {
    const url = new URL(s.file, import.meta.url);
    if (!existsSync(url)) { console.log(`\n== ${s.title} ==\n  (skipped: ${s.file} does not exist yet)`); continue; }
    const mod = (await import(url.href)) as Record<string, unknown>;
    const fn = mod[s.exportName];
    if (typeof fn !== 'function') { console.log(`\n== ${s.title} ==\n  (skipped: ${s.file} has no export ${s.exportName})`); continue; }
    await section(s.title, fn as () => Promise<void>);
  }
}

async function section(title: string, fn: () => Promise<void>): Promise<void> {
  console.log(`\n== ${title} ==`);
  const start = performance.now();
  try {
    await fn();
  } catch (e) {
    console.log(`  (failed: ${e instanceof Error ? e.stack ?? e.message : String(e)})`);
    process.exitCode = 1;
  }
  console.log(`  [${((performance.now() - start) / 1000).toFixed(1)} s]`);
}

await main();
