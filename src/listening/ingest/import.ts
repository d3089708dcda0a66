// Importing a file of posts: read as a stream, check each line at the door, analyse in worker
// threads, cluster and store batch by batch. Each batch commits on its own, so an import killed
// half-way keeps what it stored, and running it again adds only the rest (the others count as
// duplicates). Returns when everything is stored, analysed and clustered.
import { stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../app/context.ts';
import { analyzerFor } from '../analyzer.ts';
import { engineFor } from '../clustering/engine.ts';
import { mergeSimilarIssues } from '../clustering/maintain.ts';
import { listeningImports, type ListeningImport, type ListeningSource } from '../schema.ts';
import { ensureSource, SOURCE_NAME } from '../sources.ts';
import { TRENDS_JOB } from '../trends-job.ts';
import { rows, sql } from '../store/sql.ts';
import { formatOf, readPostFile, type FileFormat } from './files.ts';
import { hasherFor, repeatFilterFor, storeAnalysed, type AnalysedPost } from './ingest.ts';
import { defaultWorkers, inlineAnalysis, workerAnalysis, type Analysis } from './pool.ts';
import { preparePost, type PreparedPost } from './prepare.ts';

const BATCH = 1000;
/** Files smaller than this are analysed on the main thread (starting workers costs more). */
const WORKERS_FROM_BYTES = 2 * 1024 * 1024;
const KEEP_ERRORS = 200;
const IN_FLIGHT = 3;
const VACUUM_FROM = 20_000;

export interface ImportOptions {
  file: string;
  /** Source of every post; otherwise each line's "source" (or "import"). */
  source?: string;
  format?: FileFormat;
  mapping?: Record<string, string>;
  actor: string;
  /** Name to show for the file (uploads keep the original name). */
  fileName?: string;
  onProgress?: (p: ImportProgress) => void;
  /** Worker threads; 0 analyses inline. Default: by file size and CPUs. */
  workers?: number;
  /** Continue an import row created by the upload page. */
  importId?: number;
}

export interface ImportProgress {
  read: number;
  added: number;
  duplicates: number;
  rejected: number;
  bytesTotal: number;
  elapsedMs: number;
}

export interface ImportSummary extends Omit<ImportProgress, 'bytesTotal' | 'elapsedMs'> {
  importId: number;
  /** Of the duplicates: the same words posted again by one account the same day (kept once). */
  repeats: number;
  /** Lines that were not UTF-8 and were read as Windows-1258. */
  recoded: number;
  errors: Array<{ line: number; reason: string }>;
  seconds: number;
  sources: string[];
  from: Date | null;
  to: Date | null;
}

interface Pending {
  source: ListeningSource;
  posts: Array<{ line: number; post: PreparedPost }>;
}

export async function importFile(ctx: AppContext, options: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const { size } = await stat(options.file);
  const format = formatOf(options.file, options.format);
  const importId = options.importId ?? (await createImportRow(ctx, options, format));
  const summary: ImportSummary = { importId, read: 0, added: 0, duplicates: 0, repeats: 0, rejected: 0, recoded: 0, errors: [], seconds: 0, sources: [], from: null, to: null };
  const reject = (line: number, reason: string) => {
    summary.rejected++;
    if (summary.errors.length < KEEP_ERRORS) summary.errors.push({ line, reason });
  };
  const analyzer = await analyzerFor(ctx);
  const workers = options.workers ?? (size >= WORKERS_FROM_BYTES ? defaultWorkers() : 0);
  const analysis: Analysis = workers > 0 ? await workerAnalysis(workers, await installationModels(ctx)) : inlineAnalysis(analyzer.models);
  const hash = hasherFor(ctx);
  const repeats = repeatFilterFor(ctx);
  const sources = new Map<string, ListeningSource>();
  const batches = new Map<string, Pending>();
  const inFlight: Array<Promise<void>> = [];
  let storing: Promise<void> = Promise.resolve();
  let lastProgress = 0;
  let lastRowUpdate = Date.now();

  const progress = (force = false) => {
    const now = Date.now();
    if (!force && now - lastProgress < 250) return;
    lastProgress = now;
    options.onProgress?.({ read: summary.read, added: summary.added, duplicates: summary.duplicates, rejected: summary.rejected, bytesTotal: size, elapsedMs: now - started });
  };

  /** Analysis runs ahead (up to IN_FLIGHT batches); storing is sequential, in file order. */
  const flush = async (p: Pending) => {
    const analysed = analysis.analyze(
      p.posts.map((x) => x.post.text),
      p.posts.map(() => p.source.kind),
    );
    const task = analysed.then((results) => {
      storing = storing.then(async () => {
        const ready: AnalysedPost[] = [];
        results.forEach((r, i) => {
          if ('error' in r) reject(p.posts[i].line, `analysis failed: ${r.error}`);
          else ready.push({ ...p.posts[i].post, analysis: r });
        });
        const { added, duplicates } = await storeAnalysed(ctx, p.source.id, ready);
        summary.added += added;
        summary.duplicates += duplicates;
        for (const r of ready) {
          if (!summary.from || r.postedAt < summary.from) summary.from = r.postedAt;
          if (!summary.to || r.postedAt > summary.to) summary.to = r.postedAt;
        }
        progress();
        if (Date.now() - lastRowUpdate > 3_000) {
          lastRowUpdate = Date.now();
          await updateImportRow(ctx, summary, 'running');
        }
      });
      return storing;
    });
    inFlight.push(task);
    if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
  };

  try {
    for await (const rec of readPostFile(options.file, format, options.mapping)) {
      if (rec.line > 0 || rec.post) summary.read++;
      if (rec.recoded) summary.recoded++;
      if (rec.error || !rec.post) {
        reject(rec.line, rec.error ?? 'unreadable');
        progress();
        continue;
      }
      const name = (options.source ?? rec.post.source ?? 'import').toLowerCase();
      if (!SOURCE_NAME.test(name)) {
        reject(rec.line, `invalid source name ${JSON.stringify(name.slice(0, 40))}`);
        continue;
      }
      const prepared = preparePost(rec.post, hash);
      if (!prepared.ok) {
        reject(rec.line, prepared.reason);
        progress();
        continue;
      }
      if (repeats.repeats(prepared.post)) {
        summary.duplicates++;
        summary.repeats++;
        continue;
      }
      let source = sources.get(name);
      if (!source) {
        source = await ensureSource(ctx.db, name, { kind: 'file' });
        sources.set(name, source);
      }
      let batch = batches.get(name);
      if (!batch) batches.set(name, (batch = { source, posts: [] }));
      batch.posts.push({ line: rec.line, post: prepared.post });
      if (batch.posts.length >= BATCH) {
        batches.delete(name);
        await flush(batch);
      }
    }
    for (const batch of batches.values()) await flush(batch);
    await Promise.all(inFlight);
    await storing;
    await engineFor(ctx).flush();
    // Issues of one concern that formed apart while the file streamed in are one issue before anyone
    // looks (what the hourly re-grouping would do later). One pass: each reloads the clustering model,
    // and further passes changed nothing on the hand-written streams; the hourly job does the rest.
    if (summary.added) await mergeSimilarIssues(ctx);
    // After a big import the tables' statistics and visibility map are stale until autovacuum comes by;
    // the dashboards' index-only scans need them now.
    if (summary.added >= VACUUM_FROM) await ctx.database.query('VACUUM (ANALYZE) listening_posts, listening_issue_hourly, listening_issue_daily, listening_topic_hourly, listening_issue_voices');
    summary.sources = [...sources.keys()];
    summary.seconds = (Date.now() - started) / 1000;
    await updateImportRow(ctx, summary, 'done');
    if (summary.added && summary.from && summary.to) await ctx.jobs.enqueue(TRENDS_JOB, { from: summary.from.toISOString(), to: summary.to.toISOString() });
    progress(true);
    return summary;
  } catch (e) {
    await updateImportRow(ctx, summary, 'failed', (e as Error).message).catch(() => {});
    throw e;
  } finally {
    await analysis.close();
  }
}

async function installationModels(ctx: AppContext): Promise<{ sentimentModel?: Uint8Array; topicModel?: Uint8Array }> {
  const out: { sentimentModel?: Uint8Array; topicModel?: Uint8Array } = {};
  for (const m of await rows<{ kind: string; model: Uint8Array }>(ctx.db, sql`SELECT kind, model FROM listening_models`)) {
    if (m.kind === 'sentiment') out.sentimentModel = new Uint8Array(m.model);
    if (m.kind === 'topic') out.topicModel = new Uint8Array(m.model);
  }
  return out;
}

/** This process, as an import's owner: the host name tells apart processes of several machines on one database. */
const OWNER = `${hostname()}:${process.pid}`;
/** An owner on another machine that has not reported for this long is taken for dead. */
const STALE_AFTER = '10 minutes';

export async function createImportRow(ctx: AppContext, options: Pick<ImportOptions, 'file' | 'fileName' | 'source' | 'actor'> & { storedFile?: string }, format: FileFormat): Promise<number> {
  const [row] = await ctx.db
    .insert(listeningImports)
    .values({ sourceName: options.source ?? '', fileName: options.fileName ?? path.basename(options.file), format, actor: options.actor, owner: OWNER, heartbeatAt: new Date(), storedFile: options.storedFile ?? null })
    .returning({ id: listeningImports.id });
  return row.id;
}

/**
 * Imports left 'running' by a process that died (kill -9, a power cut) are marked 'interrupted', with the
 * figures they last reported. Their owner is gone when it was this machine's process and is no longer
 * alive, or when another machine's has not reported for a while. Returns how many.
 */
export async function markInterruptedImports(ctx: AppContext): Promise<number> {
  const running = await rows<{ id: number; owner: string | null; stale: boolean }>(
    ctx.db,
    sql`SELECT id, owner, coalesce(heartbeat_at, started_at) < now() - ${STALE_AFTER}::interval AS stale FROM listening_imports WHERE status = 'running'`,
  );
  const dead = running.filter((r) => {
    const [host, pid] = (r.owner ?? '').split(':');
    if (!r.owner) return true; // started before owners were recorded
    if (host !== hostname()) return r.stale;
    return Number(pid) !== process.pid && !isAlive(Number(pid));
  });
  if (!dead.length) return 0;
  await ctx.db
    .update(listeningImports)
    .set({ status: 'interrupted', finishedAt: new Date() })
    .where(and(inArray(listeningImports.id, dead.map((d) => d.id)), eq(listeningImports.status, 'running')));
  return dead.length;
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The latest imports, newest first, for the upload page. */
export async function recentImports(ctx: AppContext, limit = 20): Promise<ListeningImport[]> {
  return ctx.db.select().from(listeningImports).orderBy(desc(listeningImports.id)).limit(limit);
}

export async function getImport(ctx: AppContext, id: number): Promise<ListeningImport | undefined> {
  const [row] = await ctx.db.select().from(listeningImports).where(eq(listeningImports.id, id));
  return row;
}

async function updateImportRow(ctx: AppContext, s: ImportSummary, status: 'running' | 'done' | 'failed', error?: string): Promise<void> {
  const now = new Date();
  await ctx.db
    .update(listeningImports)
    .set({
      status,
      read: s.read,
      added: s.added,
      duplicates: s.duplicates,
      rejected: s.rejected,
      errors: s.errors,
      error: error?.slice(0, 1000) ?? null,
      ...(s.sources.length ? { sourceName: s.sources.join(', ') } : {}),
      owner: OWNER,
      heartbeatAt: now,
      ...(status === 'running' ? {} : { finishedAt: now }),
    })
    .where(eq(listeningImports.id, s.importId));
}
