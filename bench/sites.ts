// Public pages under load: 90 unit sites × 1,000 published articles (bulk insert), the real server, and
// autocannon (in a child process, so it does not share the server's event loop) against /healthz and a
// cached article page of the same server, in the same run. Prints req/s of both, the ratio and latencies.
// Usage: npm run bench:sites [-- --articles 1000 --seconds 10 --connections 20]
// With DATABASE_URL the articles go to a throw-away database on that server; otherwise to PGlite.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createContext, MODULES } from '../src/app/modules.ts';
import { loadConfig } from '../src/config/env.ts';
import { openDatabase, type Database } from '../src/db/client.ts';
import { demoUnits } from '../src/org/demo.ts';
import { units } from '../src/org/schema.ts';
import { publishing } from '../src/sites/directory.ts';
import { buildServer } from '../src/web/server.tsx';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ARTICLES = arg('articles', 1000);
const SECONDS = arg('seconds', 10);
const CONNECTIONS = arg('connections', 20);

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'nhipcau-bench-sites-'));
let database: Database;
let dropDb = async () => {};
if (process.env.DATABASE_URL) {
  const pg = (await import('pg')).default;
  const name = `nhipcau_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  database = await openDatabase({ databaseUrl: url.toString() });
  dropDb = async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  };
} else {
  database = await openDatabase({ dataDir });
}

const config = loadConfig({ NHIPCAU_DATA_DIR: dataDir, NHIPCAU_SECRET: 'bench-secret-bench-secret-bench-secret-00', LOG_LEVEL: 'silent', PORT: '0', NHIPCAU_DEMO: 'false' });
const ctx = await createContext(config, { database, log: pino({ level: 'silent' }) });
try {
  // The Quận 10 tree, its 91 sites, and ARTICLES articles on each of 90 unit sites.
  const ids = new Map<string, number>();
  for (const { parent, ...unit } of demoUnits()) {
    const [row] = await ctx.db.insert(units).values({ ...unit, parentId: parent ? ids.get(parent) : null }).returning({ id: units.id });
    ids.set(unit.slug, row.id);
  }
  await ctx.units.changed();
  const index = await publishing(ctx).sites.current();
  const unitSites = index.all().filter((s) => s.unit.parentId !== null);
  const t0 = Date.now();
  for (const site of unitSites) {
    const section = site.sections.find((s) => s.kind === 'article');
    await database.query(
      `INSERT INTO content_items (site_id, section_id, kind, slug, status, title, sapo, body, tags, field, published_at, created_at, updated_at)
       SELECT $1, $2, 'article', 'bai-viet-so-' || g, 'published',
              'Bài viết số ' || g || ': ' || (ARRAY['ngập nước đường Thành Thái', 'sơ kết công tác quý', 'camera an ninh khu phố', 'trao quà hộ nghèo'])[1 + g % 4],
              'Tóm tắt bài viết số ' || g || ' của ' || $3,
              '<p>Nội dung bài viết số ' || g || '. Phường ra quân khơi thông cống rãnh, chống ngập nước, giữ gìn an ninh trật tự và chăm lo an sinh xã hội cho bà con khu phố.</p><p>Đoạn thứ hai của bài viết, đủ dài để giống một bản tin thật trên trang thông tin điện tử của đơn vị.</p>',
              ARRAY['tin tức', 'quận 10'], (ARRAY['kinh_te_chinh_tri', 'van_hoa_xa_hoi', 'quoc_phong_an_ninh'])[1 + g % 3],
              now() - g * interval '17 minutes', now() - g * interval '17 minutes', now() - g * interval '17 minutes'
       FROM generate_series(1, $4::int) AS g`,
      [site.unitId, section?.id, site.name, ARTICLES],
    );
  }
  const [{ n }] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM content_items');
  console.log(`stored: ${unitSites.length} unit sites × ${ARTICLES} articles = ${Number(n).toLocaleString('en')} items in ${((Date.now() - t0) / 1000).toFixed(1)} s (${database.kind})`);

  const { app } = await buildServer(ctx, { modules: MODULES });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const article = `/phuong-12/tin-tuc/bai-viet-so-500`;
  const first = await fetch(base + article);
  if (first.status !== 200) throw new Error(`article page answered ${first.status}`);
  const etag = first.headers.get('etag');
  const second = await fetch(base + article, { headers: { 'if-none-match': etag ?? '' } });
  console.log(`article page: ${(await first.text()).length.toLocaleString('en')} bytes, etag ${etag}, cache-control "${first.headers.get('cache-control')}", revalidation → ${second.status}`);

  const run = (url: string) =>
    new Promise<{ requests: { average: number }; latency: { average: number; p50: number; p99: number }; non2xx: number; errors: number }>((resolve, reject) => {
      const child = spawn(process.execPath, [path.resolve('node_modules/autocannon/autocannon.js'), '-j', '-c', String(CONNECTIONS), '-d', String(SECONDS), url], { stdio: ['ignore', 'pipe', 'ignore'] });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.once('error', reject);
      child.once('exit', () => {
        try {
          resolve(JSON.parse(out));
        } catch (e) {
          reject(e);
        }
      });
    });
  await run(`${base}/healthz`); // warm-up of both paths
  await run(base + article);
  const health = await run(`${base}/healthz`);
  const page = await run(base + article);
  const row = (label: string, r: typeof health) => `${label.padEnd(22)} ${Math.round(r.requests.average).toLocaleString('en').padStart(8)} req/s   p50 ${r.latency.p50} ms   p99 ${r.latency.p99} ms   non-2xx ${r.non2xx}   errors ${r.errors}`;
  console.log(`autocannon: ${CONNECTIONS} connections, ${SECONDS} s each, same server, same run`);
  console.log(row('/healthz', health));
  console.log(row('cached article page', page));
  const ratio = page.requests.average / health.requests.average;
  console.log(`ratio article/healthz: ${(ratio * 100).toFixed(0)}% (target ≥ 50%)   article p99: ${page.latency.p99} ms (target < 50 ms)   cache hits ${publishing(ctx).cache.hits.toLocaleString('en')}, misses ${publishing(ctx).cache.misses}`);

  // Cold pages: distinct articles across sites, each rendered once (queries + render, no cache).
  const cold: number[] = [];
  for (let i = 0; i < 300; i++) {
    const site = unitSites[(i * 7) % unitSites.length];
    const started = performance.now();
    const res = await fetch(`${base}/${site.slug}/tin-tuc/bai-viet-so-${1 + ((i * 37) % ARTICLES)}`);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`cold article answered ${res.status}`);
    cold.push(performance.now() - started);
  }
  cold.sort((a, b) => a - b);
  console.log(`uncached article pages (300 distinct, one at a time): median ${cold[150].toFixed(1)} ms, p99 ${cold[296].toFixed(1)} ms`);
  await app.close();
} finally {
  await database.close();
  await dropDb();
  await rm(dataDir, { recursive: true, force: true });
}
