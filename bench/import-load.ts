// `npm run bench:import-load`: do public pages stay fast while a big import runs in the server?
// Starts the real server (`nhipcau start`, a child process) on PGlite, and on PostgreSQL when
// DATABASE_URL is set; measures public page latency at a steady rate with no import (the baseline), then
// uploads a file of posts through the desk's import page (the path a person takes) and measures the same
// pages while the server imports it. Prints p50/p95/max of each and the import's posts/s.
// Environment: BENCH_POSTS (default 200000), BENCH_RATE (requests per second, default 20),
// BENCH_BASELINE_SECONDS (default 15), BENCH_PGLITE=0 skips PGlite, DATABASE_URL (a database this bench
// may fill: it is used as is). Figures on a shared machine vary: the load average is printed with them.
import { spawn, type ChildProcess } from 'node:child_process';
import { openAsBlob } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makePosts } from './listening/make-posts.ts';

const BIN = fileURLToPath(new URL('../bin/nhipcau.js', import.meta.url));
const POSTS = Number(process.env.BENCH_POSTS ?? 200_000);
const RATE = Number(process.env.BENCH_RATE ?? 20);
const BASELINE_S = Number(process.env.BENCH_BASELINE_SECONDS ?? 15);
const PAGES = ['/', '/quan-10', '/phuong-12'];
const ADMIN = { email: 'admin@quan10.demo', password: 'nhipcau-demo' };

interface Latency {
  n: number;
  p50: number;
  p95: number;
  max: number;
  errors: number;
}

function summarise(ms: number[], errors: number): Latency {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => (s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN);
  return { n: s.length, p50: at(0.5), p95: at(0.95), max: s[s.length - 1] ?? NaN, errors };
}

/** Requests at a steady rate (each on its own clock, so a slow answer does not delay the next one) until `until` settles. */
async function probe(base: string, until: Promise<unknown>): Promise<Latency> {
  const times: number[] = [];
  let errors = 0;
  let k = 0;
  const inflight: Array<Promise<void>> = [];
  let done = false;
  void until.finally(() => (done = true));
  const t0 = performance.now();
  while (!done) {
    const page = PAGES[k % PAGES.length];
    const start = performance.now();
    inflight.push(
      fetch(base + page)
        .then(async (r) => {
          await r.arrayBuffer();
          if (r.status !== 200) errors++;
          times.push(performance.now() - start);
        })
        .catch(() => void errors++),
    );
    k++;
    const next = t0 + (k * 1000) / RATE;
    await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
  }
  await Promise.all(inflight);
  return summarise(times, errors);
}

function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'start'], { env: { ...process.env, ...env, PORT: '0', LOG_LEVEL: 'warn', NHIPCAU_DEMO: '1' } as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/[^\s]+)\/admin/.exec(out);
      if (m) resolve({ child, url: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before listening`)));
  });
}

async function login(base: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  if (res.status !== 200) throw new Error(`login failed: HTTP ${res.status}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** Uploads the file on the import page; resolves with the import's figures once the server has finished it. */
async function importThroughServer(base: string, file: string): Promise<{ added: number; seconds: number }> /* posts read, seconds */ {
  const session = await login(base);
  const form = new FormData();
  form.set('source', 'bench-load');
  form.set('file', await openAsBlob(file), path.basename(file));
  const started = performance.now();
  const res = await fetch(`${base}/admin/listening/import`, { method: 'POST', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf }, body: form, redirect: 'manual' });
  const where = res.headers.get('location') ?? '';
  const id = /imports\/(\d+)/.exec(where)?.[1];
  if (!id) throw new Error(`upload refused: HTTP ${res.status}`);
  for (;;) {
    await new Promise((r) => setTimeout(r, 2000));
    const r = await fetch(`${base}/admin/listening/imports/${id}`, { headers: { cookie: session.cookie } }).catch(() => undefined);
    if (!r || r.status !== 200) continue;
    // The status page refreshes itself while the import runs.
    if (!(await r.text()).includes('data-refresh-seconds')) return { added: POSTS, seconds: (performance.now() - started) / 1000 };
  }
}

async function bench(label: string, env: Record<string, string>, file: string): Promise<void> {
  const { child, url } = await startServer(env);
  try {
    for (const p of PAGES) await fetch(url + p).then((r) => r.arrayBuffer()); // warm the caches
    const baseline = await probe(url, new Promise((r) => setTimeout(r, BASELINE_S * 1000)));
    const load1 = os.loadavg()[0];
    const importing = importThroughServer(url, file);
    const during = await probe(url, importing);
    const imported = await importing;
    const row = (name: string, l: Latency) => `  ${name.padEnd(16)} n=${String(l.n).padStart(5)}  p50 ${l.p50.toFixed(1).padStart(7)} ms  p95 ${l.p95.toFixed(1).padStart(7)} ms  max ${l.max.toFixed(1).padStart(8)} ms  errors ${l.errors}`;
    console.log(`\n${label}: public pages at ${RATE}/s (load average ${load1.toFixed(2)} before, ${os.loadavg()[0].toFixed(2)} after; ${os.cpus().length} CPUs)`);
    console.log(row('no import', baseline));
    console.log(row('during import', during));
    console.log(`  import: ${imported.added} posts added in ${imported.seconds.toFixed(1)} s = ${Math.round(imported.added / imported.seconds)} posts/s`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'nhipcau-bench-load-'));
try {
  const file = path.join(dir, 'posts.jsonl');
  await makePosts(file, POSTS, 7, 60, 'bench-load');
  console.log(`${POSTS} posts, ${((await stat(file)).size / 1e6).toFixed(1)} MB`);
  if (process.env.BENCH_PGLITE !== '0') await bench('PGlite', { NHIPCAU_DATA_DIR: path.join(dir, 'data'), DATABASE_URL: '' }, file);
  if (process.env.DATABASE_URL) await bench('PostgreSQL', { NHIPCAU_DATA_DIR: path.join(dir, 'data-pg'), DATABASE_URL: process.env.DATABASE_URL }, file);
} finally {
  await rm(dir, { recursive: true, force: true });
}
