// `npm run bench:ingest`: the listening desk end to end, figures printed.
//   1. Import throughput, file → analysed → clustered, with `nhipcau import` (a child process, as a user
//      runs it) on PostgreSQL and on PGlite: posts/s and the import's peak memory.
//   2. A large import (1,000,000 posts by default) on PostgreSQL: peak memory of the import process
//      (it must stay flat, under 1 GB, whatever the file's size).
//   3. Dashboard queries on that database: attention list, issue page, topic × ward, volume — p50/p95.
//   4. The same dashboard queries on PGlite, at a size an embedded database holds (BENCH_PGLITE_LARGE).
// Environment: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres, skipped if down),
// BENCH_POSTS (throughput size, default 100000; 0 skips 1), BENCH_LARGE (default 1000000; 0 skips 2 and 3),
// BENCH_DB (an existing database on that server with posts already imported: 3 runs on it, nothing is
// imported or dropped), BENCH_PGLITE=0 skips PGlite, BENCH_PGLITE_LARGE (posts over 90 days imported into
// PGlite for 4; default 0, skipped), BENCH_PGLITE_DIR (an existing PGlite data folder: 4 runs on it, nothing
// is imported or removed), BENCH_RUNS (timed runs per query, default 30).
// Timings on a shared machine vary: differences under ~20 % are noise.
import { spawn } from 'node:child_process';
import { readFile, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import type { AppContext } from '../../src/app/context.ts';
import { createContext } from '../../src/app/modules.ts';
import { loadConfig } from '../../src/config/env.ts';
import { getIssue, issuePlaces, issueTimeline, listIssues, type IssueFilter } from '../../src/listening/issues.ts';
import { representativePosts } from '../../src/listening/posts.ts';
import { topicWardTable, volume } from '../../src/listening/stats.ts';
import { makePosts } from './make-posts.ts';

const BIN = fileURLToPath(new URL('../../bin/nhipcau.js', import.meta.url));
const POSTS = Number(process.env.BENCH_POSTS ?? 100_000);
const LARGE = Number(process.env.BENCH_LARGE ?? 1_000_000);
const PGLITE_LARGE = Number(process.env.BENCH_PGLITE_LARGE ?? 0);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const SECRET = 'bench-secret-bench-secret-bench-secret-01';
const DAY = 24 * 3600_000;

interface ImportRun {
  seconds: number;
  added: number;
  peakMb: number;
  rate: number;
}

/** Prepares the database first (a fresh PGlite runs initdb, which has its own memory peak), then runs
 * `nhipcau import` and samples the child's peak resident memory (VmHWM) while it runs. */
async function runImport(file: string, env: Record<string, string>): Promise<ImportRun> {
  await run(['migrate'], env);
  return run(['import', file, '--source', 'bench'], env);
}

function run(args: string[], env: Record<string, string>): Promise<ImportRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env, LOG_LEVEL: 'warn', NHIPCAU_SECRET: SECRET } as NodeJS.ProcessEnv });
    let out = '';
    let peakKb = 0;
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const sampler = setInterval(async () => {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8').catch(() => '');
      const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      if (hwm > peakKb) peakKb = hwm;
    }, 200);
    child.on('exit', (code) => {
      clearInterval(sampler);
      if (code !== 0) return reject(new Error(`${args[0]} failed (${code}): ${out.slice(-2000)}`));
      const seconds = (performance.now() - started) / 1000;
      const added = Number(/mới \/ new:\s+(\d+)/.exec(out)?.[1] ?? 0);
      resolve({ seconds, added, peakMb: Math.round(peakKb / 1024), rate: Math.round(added / seconds) });
    });
  });
}

async function pgAdmin(): Promise<{ url: (db: string) => string; create(db: string): Promise<void>; drop(db: string): Promise<void>; close(): Promise<void> } | null> {
  const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const pg = (await import('pg')).default;
  const admin = new pg.Client({ connectionString: base });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  const url = (db: string) => {
    const u = new URL(base);
    u.pathname = `/${db}`;
    return u.toString();
  };
  return {
    url,
    create: async (db) => void (await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`), await admin.query(`CREATE DATABASE ${db}`)),
    drop: async (db) => void (await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`)),
    close: () => admin.end(),
  };
}

function percentiles(ms: number[]): { p50: number; p95: number; max: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { p50: at(0.5), p95: at(0.95), max: s[s.length - 1] };
}

async function timeIt(fn: () => Promise<unknown>, runs = 30): Promise<{ p50: number; p95: number; max: number }> {
  for (let i = 0; i < 3; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return percentiles(ms);
}

async function dashboard(ctx: AppContext): Promise<void> {
  const to = new Date();
  const week = { from: new Date(to.getTime() - 7 * DAY), to };
  const month = { from: new Date(to.getTime() - 30 * DAY), to };
  const [top] = await listIssues(ctx, { ...week, limit: 1 });
  const [{ n }] = await ctx.database.query<{ n: number }>('SELECT count(*)::int AS n FROM listening_posts');
  const [{ issues }] = await ctx.database.query<{ issues: number }>(`SELECT count(*)::int AS issues FROM listening_issues WHERE status <> 'merged'`);
  const sources = (await ctx.database.query<{ id: number }>('SELECT id FROM listening_sources ORDER BY id LIMIT 1')).map((r) => Number(r.id));
  const db = ctx.database.kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
  console.log(`\nDashboard queries on ${db} with ${n.toLocaleString('en')} posts, ${issues.toLocaleString('en')} issues (${RUNS} runs each, after 3 warm-up runs; target p95 < 100 ms)`);
  // Every filter of the dashboard's form (period, source, topic, ward, search), alone and together.
  const attention: Array<[string, Partial<IssueFilter>]> = [
    ['', {}],
    [', source', { sources }],
    [', topic', { topic: 'giao-thong' }],
    [', ward filter', { ward: 'q10-p12' }],
    [', search', { q: 'ngập' }],
    [', topic + ward', { topic: 'giao-thong', ward: 'q10-p12' }],
    [', every filter', { sources, topic: 'giao-thong', ward: 'q10-p12', q: 'kẹt' }],
  ];
  const rows: Array<[string, () => Promise<unknown>]> = [];
  for (const [span, period] of [['7 days', week], ['30 days', month]] as const) {
    for (const [name, f] of attention) rows.push([`attention list, ${span}${name}`, () => listIssues(ctx, { ...period, ...f, limit: 50 })]);
  }
  rows.push(
    ['issue page (largest issue)', () => Promise.all([getIssue(ctx.db, top.id), issueTimeline(ctx.db, top.id), issuePlaces(ctx, top.id), representativePosts(ctx.db, top.id, 8)])],
    ['topic × ward, 7 days', () => topicWardTable(ctx, week)],
    ['topic × ward, 30 days', () => topicWardTable(ctx, month)],
    ['volume chart, 7 days', () => volume(ctx.db, week)],
    ['volume chart, 7 days, ward filter', () => volume(ctx.db, { ...week, ward: 'q10-p12' })],
  );
  for (const [name, fn] of rows) {
    const p = await timeIt(fn, RUNS);
    console.log(`  ${name.padEnd(46)} p50 ${p.p50.toFixed(1).padStart(7)} ms   p95 ${p.p95.toFixed(1).padStart(7)} ms   max ${p.max.toFixed(1).padStart(7)} ms`);
  }
}

async function main(): Promise<void> {
  console.log(`Nhịp Cầu listening ingest benchmark — Node ${process.version}, ${os.cpus().length} CPUs, ${new Date().toISOString().slice(0, 16)}Z, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nhipcau-bench-ingest-'));
  const admin = await pgAdmin();
  try {
    const file = path.join(dir, 'posts.jsonl');
    if (POSTS > 0) await makePosts(file, POSTS, 7, 30);
    if (POSTS > 0) console.log(`\nImport throughput: ${POSTS.toLocaleString('en')} synthetic District 10 posts (${((await stat(file)).size / 1e6).toFixed(0)} MB JSONL) → stored, analysed, clustered, with \`nhipcau import\` (target ≥ 2,000 posts/s on PostgreSQL)`);
    if (POSTS > 0 && admin) {
      await admin.create('nhipcau_bench_ingest');
      const r = await runImport(file, { DATABASE_URL: admin.url('nhipcau_bench_ingest') });
      console.log(`  PostgreSQL  ${String(r.rate).padStart(6)} posts/s   (${r.added.toLocaleString('en')} posts in ${r.seconds.toFixed(1)} s, peak memory ${r.peakMb} MB)`);
      await admin.drop('nhipcau_bench_ingest');
    } else if (POSTS > 0) console.log('  PostgreSQL  (skipped: no server at DATABASE_URL)');
    if (POSTS > 0 && process.env.BENCH_PGLITE !== '0') {
      const data = path.join(dir, 'pglite');
      const r = await runImport(file, { NHIPCAU_DATA_DIR: data, NHIPCAU_DEMO: 'false', DATABASE_URL: '' });
      console.log(`  PGlite      ${String(r.rate).padStart(6)} posts/s   (${r.added.toLocaleString('en')} posts in ${r.seconds.toFixed(1)} s, peak memory ${r.peakMb} MB)`);
      await rm(data, { recursive: true, force: true });
    }
    await rm(file, { force: true });

    if (process.env.BENCH_DB && admin) {
      const config = loadConfig({ DATABASE_URL: admin.url(process.env.BENCH_DB), NHIPCAU_SECRET: SECRET, LOG_LEVEL: 'warn' });
      const ctx = await createContext(config, { log: pino({ level: 'warn' }) });
      try {
        await dashboard(ctx);
      } finally {
        await ctx.database.close();
      }
    } else if (LARGE > 0 && admin) {
      const big = path.join(dir, 'large.jsonl');
      await makePosts(big, LARGE, 11, 90);
      console.log(`\nLarge import: ${LARGE.toLocaleString('en')} posts over 90 days (${((await stat(big)).size / 1e6).toFixed(0)} MB) on PostgreSQL (target: peak memory < 1 GB, flat with the file's size)`);
      await admin.create('nhipcau_bench_large');
      const r = await runImport(big, { DATABASE_URL: admin.url('nhipcau_bench_large') });
      console.log(`  ${r.rate} posts/s (${r.added.toLocaleString('en')} posts in ${(r.seconds / 60).toFixed(1)} min), peak memory of the import process ${r.peakMb} MB`);
      await rm(big, { force: true });
      const config = loadConfig({ DATABASE_URL: admin.url('nhipcau_bench_large'), NHIPCAU_SECRET: SECRET, LOG_LEVEL: 'warn' });
      const ctx = await createContext(config, { log: pino({ level: 'warn' }) });
      try {
        await dashboard(ctx);
      } finally {
        await ctx.database.close();
        if (process.env.BENCH_KEEP !== '1') await admin.drop('nhipcau_bench_large');
      }
    }
    if (process.env.BENCH_PGLITE_DIR) {
      const ctx = await createContext(loadConfig({ NHIPCAU_DATA_DIR: process.env.BENCH_PGLITE_DIR, NHIPCAU_DEMO: 'false', DATABASE_URL: '', NHIPCAU_SECRET: SECRET, LOG_LEVEL: 'warn' }), { log: pino({ level: 'warn' }) });
      try {
        await dashboard(ctx);
      } finally {
        await ctx.database.close();
      }
    } else if (PGLITE_LARGE > 0 && process.env.BENCH_PGLITE !== '0') {
      const big = path.join(dir, 'pglite-large.jsonl');
      const data = path.join(dir, 'pglite-large');
      await makePosts(big, PGLITE_LARGE, 11, 90);
      const env = { NHIPCAU_DATA_DIR: data, NHIPCAU_DEMO: 'false', DATABASE_URL: '' };
      const r = await runImport(big, env);
      console.log(`\nPGlite: ${r.added.toLocaleString('en')} posts over 90 days imported in ${(r.seconds / 60).toFixed(1)} min (peak memory ${r.peakMb} MB)`);
      await rm(big, { force: true });
      const ctx = await createContext(loadConfig({ ...env, NHIPCAU_SECRET: SECRET, LOG_LEVEL: 'warn' }), { log: pino({ level: 'warn' }) });
      try {
        await dashboard(ctx);
      } finally {
        await ctx.database.close();
        await rm(data, { recursive: true, force: true });
      }
    }
  } finally {
    await admin?.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
