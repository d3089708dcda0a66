// `npm run bench:listening-quality [-- SET]`: the listening desk on a hand-written stream (SET: stream, the
// development set, by default; holdout, written apart and not tuned on): SET/posts-*.jsonl, truth in
// SET/truth-*.jsonl, the true issues in SET/issues.json, as an office would
// use it: a fresh installation without the demo imports the file, spikes are detected over the
// imported period, and the issues are read back with the ids the posts were imported with.
// Printed: per true issue and overall, best-match F1 between found and true issues; the share of noise
// inside issues; whether the burst was flagged (issue, topic or topic × ward spike); topic precision and
// recall; sentiment macro-F1; name and place precision/recall on the stream's truth and on the
// separate sets (names.jsonl, places.jsonl, sentiment.jsonl); the titles of the found issues.
// It is a development set: we are measured on another one, so a figure here is a floor to keep, not a
// target to tune to. BENCH_KEEP=1 keeps the data folder (its path is printed).
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { createContext } from '../../src/app/modules.ts';
import { loadConfig } from '../../src/config/env.ts';
import { importFile } from '../../src/listening/ingest/import.ts';
import { listIssues } from '../../src/listening/issues.ts';
import { rows, sql } from '../../src/listening/store/sql.ts';
import { detectSpikes } from '../../src/listening/trends/detect.ts';
import { bestMatch, macroF1, type Sets } from './scores.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));

interface Post { id: string; posted_at: string; source?: string; text: string }
interface Truth { id: string; issue: string | null; sentiment: 'negative' | 'neutral' | 'positive'; topics: string[]; places: string[]; names: string[] }
interface TrueIssues { period: { from: string; to: string }; burst: { issue: string; from: string; to: string }; issues: Array<{ id: string; title: string; topic: string }> }

async function readJsonl<T>(file: string): Promise<T[]> {
  const text = await readFile(file, 'utf8');
  return text.split('\n').filter((l) => l.trim()).map((l, i) => {
    try {
      return JSON.parse(l) as T;
    } catch {
      throw new Error(`${path.basename(file)}:${i + 1}: malformed JSON`);
    }
  });
}

const SET = path.join(HERE, process.argv[2] ?? 'stream');
// BENCH_ERRORS=1 lists a development set's disagreements with its truth (never the holdout's: it stays unread).
const SHOW_ERRORS = process.env.BENCH_ERRORS === '1' && path.basename(SET) !== 'holdout';

async function loadStream(): Promise<{ posts: Post[]; truth: Map<string, Truth> }> {
  const dir = SET;
  const files = (await readdir(dir)).sort();
  const posts: Post[] = [];
  const truth = new Map<string, Truth>();
  for (const f of files.filter((f) => /^posts-.*\.jsonl$/.test(f))) posts.push(...(await readJsonl<Post>(path.join(dir, f))));
  for (const f of files.filter((f) => /^truth-.*\.jsonl$/.test(f))) for (const t of await readJsonl<Truth>(path.join(dir, f))) truth.set(t.id, t);
  const missing = posts.filter((p) => !truth.has(p.id)).map((p) => p.id);
  if (missing.length) throw new Error(`posts without truth: ${missing.slice(0, 5).join(', ')}`);
  return { posts, truth };
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const f2 = (x: number) => x.toFixed(2);

async function main(): Promise<void> {
  const meta = JSON.parse(await readFile(path.join(SET, 'issues.json'), 'utf8')) as TrueIssues;
  const { posts, truth } = await loadStream();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nhipcau-quality-'));
  const file = path.join(dir, 'stream.jsonl');
  // Each post its own author: the stream's truth says nothing of who wrote what.
  await writeFile(file, posts.map((p, i) => JSON.stringify({ id: p.id, created_at: p.posted_at, text: p.text, author: `a${i % 280}` })).join('\n') + '\n');

  const config = loadConfig({ NHIPCAU_DATA_DIR: dir, NHIPCAU_SECRET: 'quality-bench-secret-quality-bench-01', NHIPCAU_DEMO: '0', LOG_LEVEL: 'silent' });
  const ctx = await createContext(config, { log: pino({ level: 'silent' }) });
  try {
    const started = performance.now();
    const summary = await importFile(ctx, { file, source: 'danh-gia', actor: 'bench' });
    const from = new Date(meta.period.from);
    const to = new Date(meta.period.to);
    await detectSpikes(ctx, { from, to });
    const seconds = (performance.now() - started) / 1000;
    const issues = await listIssues(ctx, { from, to, limit: 1000, postIds: true });

    // --- grouping ---
    const trueSets: Sets = new Map();
    for (const [id, t] of truth) if (t.issue) (trueSets.get(t.issue) ?? trueSets.set(t.issue, new Set()).get(t.issue)!).add(id);
    const foundSets: Sets = new Map(issues.map((i) => [String(i.id), new Set(i.externalIds ?? [])]));
    const matches = bestMatch(trueSets, foundSets);
    const inIssues = [...foundSets.values()].reduce((n, s) => n + s.size, 0);
    const noiseIn = [...foundSets.values()].reduce((n, s) => n + [...s].filter((id) => !truth.get(id)?.issue).length, 0);
    const noiseTotal = [...truth.values()].filter((t) => !t.issue).length;
    const label = new Map(issues.map((i) => [String(i.id), i.label]));

    console.log(`\nListening quality — ${posts.length} posts (${noiseTotal} noise), ${meta.issues.length} true issues; import + spikes ${seconds.toFixed(1)} s; ${summary.added} stored, ${issues.length} issues found\n`);
    console.log('true issue                      posts  best F1  found  title of the best match');
    for (const ti of meta.issues) {
      const m = matches.get(ti.id);
      console.log(`${ti.id.padEnd(30)} ${String(trueSets.get(ti.id)?.size ?? 0).padStart(5)}  ${f2(m?.f1 ?? 0).padStart(7)}  ${String(m?.found ? foundSets.get(m.found)?.size : 0).padStart(5)}  ${m?.found ? label.get(m.found) : '—'}`);
    }
    if (process.env.BENCH_VERBOSE) await printMisses(posts, truth, trueSets, foundSets, matches, label);
    if (process.env.BENCH_SPREAD) printSpread(trueSets, foundSets, label);
    const meanF1 = meta.issues.reduce((s, ti) => s + (matches.get(ti.id)?.f1 ?? 0), 0) / meta.issues.length;
    console.log(`\nmean best-match F1 ${f2(meanF1)} · posts in issues ${inIssues} of ${posts.length} · noise inside issues ${pct(inIssues ? noiseIn / inIssues : 0)} (${noiseIn} of ${noiseTotal} noise posts)`);

    // --- the burst ---
    const burstFrom = Date.parse(meta.burst.from);
    const burstTo = Date.parse(meta.burst.to) + 3 * 3600_000;
    const burstIssue = matches.get(meta.burst.issue)?.found;
    const topic = meta.issues.find((i) => i.id === meta.burst.issue)?.topic ?? '';
    const spikes = await rows<{ kind: string; key: string; window_end: string }>(ctx.db, sql`SELECT kind, key, window_end::text FROM listening_spikes ORDER BY window_end`);
    const hit = spikes.filter((s) => {
      const at = Date.parse(s.window_end.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00'));
      if (at < burstFrom || at > burstTo) return false;
      return (s.kind === 'issue' && s.key === burstIssue) || (s.kind === 'topic' && s.key === topic) || (s.kind === 'place' && s.key.endsWith(`|${topic}`));
    });
    console.log(`burst flagged: ${hit.length ? `yes (${[...new Set(hit.map((s) => s.kind))].join(', ')}; first at ${hit[0].window_end})` : 'NO'}`);

    // --- per post: topics and sentiment as stored ---
    const stored = await rows<{ external_id: string; topics: string[] | null; sentiment: number | null }>(ctx.db, sql`SELECT external_id, topics, sentiment FROM listening_posts`);
    let tagged = 0;
    let right = 0;
    let wanted = 0;
    let found = 0;
    const sentimentPairs: Array<[string, string]> = [];
    const topicErrors: string[] = [];
    const texts = new Map(posts.map((p) => [p.id, p.text]));
    const label3 = (s: number | null) => (s === null || s === 0 ? 'neutral' : s > 0 ? 'positive' : 'negative');
    for (const r of stored) {
      const t = truth.get(r.external_id);
      if (!t) continue;
      const got = r.topics ?? [];
      tagged += got.length;
      right += got.filter((x) => t.topics.includes(x)).length;
      wanted += t.topics.length;
      found += t.topics.filter((x) => got.includes(x)).length;
      sentimentPairs.push([t.sentiment, label3(r.sentiment)]);
      if (SHOW_ERRORS && got.join() !== [...t.topics].sort().join()) topicErrors.push(`  ${r.external_id}: ${got.join(',') || '-'} (truth ${t.topics.join(',') || '-'})  ${texts.get(r.external_id)?.slice(0, 110)}`);
    }
    if (topicErrors.length) console.log(`topic tags that differ from the truth:\n${topicErrors.join('\n')}`);
    console.log(`topic tags: precision ${f2(tagged ? right / tagged : 1)}, recall ${f2(wanted ? found / wanted : 1)} (${tagged} tags)`);
    console.log(`sentiment: macro-F1 ${f2(macroF1(sentimentPairs))} over ${sentimentPairs.length} posts`);

    await separateSets(posts, truth);

    console.log('\nfound issues (largest first): posts · title');
    for (const i of [...issues].sort((a, b) => b.count - a.count)) console.log(`${String(i.count).padStart(4)} · ${i.label}`);
  } finally {
    await ctx.database.close();
    if (process.env.BENCH_KEEP) console.log(`\ndata folder kept: ${dir}`);
    else await rm(dir, { recursive: true, force: true });
  }
}

/** Each true issue's posts that are not in its best match: where they went, and the concepts they carry. */
async function printMisses(posts: Post[], truth: Map<string, Truth>, trueSets: Sets, foundSets: Sets, matches: ReturnType<typeof bestMatch>, label: Map<string, string>): Promise<void> {
  const { loadAnalyzer } = await import('@nhipcau/text-vi/node');
  const { analyze } = await import('@nhipcau/text-vi');
  const models = loadAnalyzer({ toxicity: false });
  const where = new Map<string, string>();
  for (const [f, ids] of foundSets) for (const id of ids) where.set(id, f);
  const text = new Map(posts.map((p) => [p.id, p.text]));
  for (const [t, ids] of trueSets) {
    const best = matches.get(t)?.found;
    console.log(`\n— ${t}`);
    for (const id of ids) {
      if (where.get(id) === best && best) continue;
      const a = analyze(text.get(id) ?? '', models);
      const w = where.get(id);
      console.log(`  ${id} → ${w ? label.get(w) : '(none)'} · [${a.concepts.join(', ')}] · ${(text.get(id) ?? '').slice(0, 110)}`);
    }
  }
  console.log('\n— noise inside issues');
  for (const [f, ids] of foundSets) for (const id of ids) if (!truth.get(id)?.issue) console.log(`  ${id} → ${label.get(f)} · ${(text.get(id) ?? '').slice(0, 110)}`);
}

/** Where each true issue's posts went (found issues by title, and none), without showing any post. */
function printSpread(trueSets: Sets, foundSets: Sets, label: Map<string, string>): void {
  const where = new Map<string, string>();
  for (const [f, ids] of foundSets) for (const id of ids) where.set(id, f);
  for (const [t, ids] of trueSets) {
    const n = new Map<string, number>();
    for (const id of ids) {
      const f = where.get(id);
      const k = f ? label.get(f) ?? f : '(none)';
      n.set(k, (n.get(k) ?? 0) + 1);
    }
    console.log(`  ${t}: ${[...n].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${v} ${k}`).join(' · ')}`);
  }
}

/** Names, places and labels on the stream's truth and on the separate sets, through their own evaluators. */
async function separateSets(posts: Post[], truth: Map<string, Truth>): Promise<void> {
  const text = new Map(posts.map((p) => [p.id, p.text]));
  const withTruth = [...truth.values()].map((t) => ({ ...t, text: text.get(t.id) ?? '' }));
  for (const [name, run] of [
    ['names', () => import('./names.ts').then((m) => m.report?.(withTruth))],
    ['places', () => import('./places.ts').then((m) => m.report?.(withTruth))],
  ] as const) {
    try {
      await run();
    } catch (e) {
      console.log(`${name}: not measured (${(e as Error).message.split('\n')[0]})`);
    }
  }
}

await main();
