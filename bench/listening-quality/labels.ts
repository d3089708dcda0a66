// Per-post labels against a person's reading: sentiment (macro-F1, accuracy, per class, confusion)
// and topic tags (precision and recall over tags, per topic). The overall listening-quality bench
// calls evaluateSentiment/evaluateTopics; run alone it scores the text core's analyze():
//   node --import tsx bench/listening-quality/labels.ts [--errors] [file.jsonl ...]
// A file holds {"text","sentiment","topics"} lines (sentiment.jsonl), or is a stream truth file
// (stream/truth-a.jsonl: {"id","sentiment","topics"}) whose texts are read from its posts file
// (stream/posts-a.jsonl: {"id","text"}). Default: sentiment.jsonl and every stream truth present.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Sentiment = 'negative' | 'neutral' | 'positive';
export const SENTIMENTS: readonly Sentiment[] = ['negative', 'neutral', 'positive'];

/** One post with a person's labels; either label may be missing (then it is not scored). */
export interface LabelledPost { id?: string; text: string; sentiment?: Sentiment; topics?: string[] }

/** What is scored of an analysis: analyze()'s result has this shape. */
export interface Prediction { sentiment: { label: Sentiment }; topics: readonly string[] }
export type AnalyzeFn = (text: string) => Prediction;

export interface ClassScores { precision: number; recall: number; f1: number; support: number }

export interface SentimentReport {
  n: number;
  accuracy: number;
  macroF1: number;
  perClass: Record<Sentiment, ClassScores>;
  /** confusion[truth][predicted] = posts. */
  confusion: Record<Sentiment, Record<Sentiment, number>>;
  mistakes: { text: string; truth: Sentiment; predicted: Sentiment }[];
}

export interface TopicReport {
  /** Posts with topic labels. */
  n: number;
  /** Over all tags given: the share a person also gives (1 when no tag is given). */
  precision: number;
  /** Over all tags a person gives: the share given (1 when a person gives none). */
  recall: number;
  f1: number;
  perTopic: Record<string, { tp: number; fp: number; fn: number; precision: number; recall: number }>;
  mistakes: { text: string; extra: string[]; missing: string[] }[];
}

const ratio = (a: number, b: number, empty: number) => (b === 0 ? empty : a / b);
const f1Of = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

export function evaluateSentiment(records: readonly LabelledPost[], analyzeFn: AnalyzeFn): SentimentReport {
  const confusion = Object.fromEntries(SENTIMENTS.map((t) => [t, Object.fromEntries(SENTIMENTS.map((p) => [p, 0]))])) as SentimentReport['confusion'];
  const mistakes: SentimentReport['mistakes'] = [];
  let n = 0, correct = 0;
  for (const r of records) {
    if (!r.sentiment) continue;
    if (!SENTIMENTS.includes(r.sentiment)) throw new Error(`labels: unknown sentiment ${JSON.stringify(r.sentiment)} for ${JSON.stringify(r.text)}`);
    const predicted = analyzeFn(r.text).sentiment.label;
    confusion[r.sentiment][predicted]++;
    n++;
    if (predicted === r.sentiment) correct++;
    else mistakes.push({ text: r.text, truth: r.sentiment, predicted });
  }
  const perClass = {} as Record<Sentiment, ClassScores>;
  for (const c of SENTIMENTS) {
    const tp = confusion[c][c];
    const predicted = SENTIMENTS.reduce((a, t) => a + confusion[t][c], 0);
    const support = SENTIMENTS.reduce((a, p) => a + confusion[c][p], 0);
    const precision = ratio(tp, predicted, 0), recall = ratio(tp, support, 0);
    perClass[c] = { precision, recall, f1: f1Of(precision, recall), support };
  }
  // Macro-F1 over the classes present in the truth (a class nobody labelled says nothing).
  const present = SENTIMENTS.filter((c) => perClass[c].support > 0);
  const macroF1 = ratio(present.reduce((a, c) => a + perClass[c].f1, 0), present.length, 0);
  return { n, accuracy: ratio(correct, n, 0), macroF1, perClass, confusion, mistakes };
}

export function evaluateTopics(records: readonly LabelledPost[], analyzeFn: AnalyzeFn): TopicReport {
  const perTopic: TopicReport['perTopic'] = {};
  const bump = (id: string, k: 'tp' | 'fp' | 'fn') => { (perTopic[id] ??= { tp: 0, fp: 0, fn: 0, precision: 0, recall: 0 })[k]++; };
  const mistakes: TopicReport['mistakes'] = [];
  let n = 0, tp = 0, fp = 0, fn = 0;
  for (const r of records) {
    if (!r.topics) continue;
    n++;
    const truth = new Set(r.topics);
    const got = new Set(analyzeFn(r.text).topics);
    const extra = [...got].filter((t) => !truth.has(t));
    const missing = [...truth].filter((t) => !got.has(t));
    for (const t of got) if (truth.has(t)) { tp++; bump(t, 'tp'); }
    for (const t of extra) { fp++; bump(t, 'fp'); }
    for (const t of missing) { fn++; bump(t, 'fn'); }
    if (extra.length || missing.length) mistakes.push({ text: r.text, extra, missing });
  }
  for (const s of Object.values(perTopic)) {
    s.precision = ratio(s.tp, s.tp + s.fp, 1);
    s.recall = ratio(s.tp, s.tp + s.fn, 1);
  }
  const precision = ratio(tp, tp + fp, 1), recall = ratio(tp, tp + fn, 1);
  return { n, precision, recall, f1: f1Of(precision, recall), perTopic, mistakes };
}

const readJsonl = (path: string): Record<string, unknown>[] =>
  readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l, i) => {
    try { return JSON.parse(l) as Record<string, unknown>; } catch { throw new Error(`${path}:${i + 1}: not JSON`); }
  });

/**
 * The labelled posts of a file: lines with their own text, or a truth file joined by id with the
 * posts file beside it (truth-a.jsonl ↔ posts-a.jsonl). Truth lines without a post are an error.
 */
export function loadLabelledPosts(path: string): LabelledPost[] {
  const lines = readJsonl(path);
  const name = basename(path);
  if (!name.startsWith('truth')) {
    return lines.map((l) => ({ id: l.id === undefined ? undefined : String(l.id), text: String(l.text ?? ''), sentiment: l.sentiment as Sentiment | undefined, topics: l.topics as string[] | undefined }));
  }
  const postsPath = join(dirname(path), name.replace(/^truth/, 'posts'));
  if (!existsSync(postsPath)) throw new Error(`labels: ${path} has no posts file ${postsPath}`);
  const texts = new Map(readJsonl(postsPath).map((p) => [String(p.id), String(p.text ?? '')]));
  return lines.map((l) => {
    const text = texts.get(String(l.id));
    if (text === undefined) throw new Error(`labels: ${path}: post ${String(l.id)} is not in ${postsPath}`);
    return { id: String(l.id), text, sentiment: l.sentiment as Sentiment | undefined, topics: l.topics as string[] | undefined };
  });
}

/** sentiment.jsonl and the stream's truth files that exist. */
export function defaultLabelFiles(dir = dirname(fileURLToPath(import.meta.url))): string[] {
  const files = [join(dir, 'sentiment.jsonl')];
  const stream = join(dir, 'stream');
  if (existsSync(stream)) for (const f of readdirSync(stream).sort()) if (/^truth.*\.jsonl$/.test(f)) files.push(join(stream, f));
  return files.filter((f) => existsSync(f));
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);

function printReport(title: string, s: SentimentReport, t: TopicReport, showErrors: boolean): void {
  console.log(`\n== ${title} ==`);
  console.log(`sentiment: ${s.n} posts, macro-F1 ${s.macroF1.toFixed(3)}, accuracy ${pct(s.accuracy)} %`);
  console.log('  class       P      R     F1   support   confusion (predicted neg/neu/pos)');
  for (const c of SENTIMENTS) {
    const k = s.perClass[c];
    console.log(`  ${c.padEnd(9)} ${pct(k.precision)}  ${pct(k.recall)}  ${pct(k.f1)}   ${String(k.support).padStart(5)}     ${SENTIMENTS.map((p) => String(s.confusion[c][p]).padStart(4)).join(' ')}`);
  }
  console.log(`topics: ${t.n} posts, precision ${pct(t.precision)} %, recall ${pct(t.recall)} %, F1 ${pct(t.f1)} %`);
  for (const [id, k] of Object.entries(t.perTopic).sort()) {
    console.log(`  ${id.padEnd(20)} P ${pct(k.precision)}  R ${pct(k.recall)}   tp ${k.tp} fp ${k.fp} fn ${k.fn}`);
  }
  if (!showErrors) return;
  for (const m of s.mistakes) console.log(`  sentiment ${m.truth} → ${m.predicted}: ${m.text}`);
  for (const m of t.mistakes) console.log(`  topics ${m.extra.map((x) => '+' + x).concat(m.missing.map((x) => '-' + x)).join(' ')}: ${m.text}`);
}

async function main(argv: string[]): Promise<void> {
  const showErrors = argv.includes('--errors');
  const files = argv.filter((a) => !a.startsWith('--'));
  const { loadAnalyzer } = await import('../../packages/text-vi/src/node.ts');
  const { analyze } = await import('../../packages/text-vi/src/analyze.ts');
  const models = loadAnalyzer();
  const memo = new Map<string, Prediction>();
  const analyzeFn: AnalyzeFn = (text) => {
    let p = memo.get(text);
    if (!p) memo.set(text, (p = analyze(text, models)));
    return p;
  };
  for (const file of files.length ? files : defaultLabelFiles()) {
    const records = loadLabelledPosts(file);
    printReport(file, evaluateSentiment(records, analyzeFn), evaluateTopics(records, analyzeFn), showErrors);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((e: unknown) => { console.error(e instanceof Error ? e.message : e); process.exitCode = 1; });
}
