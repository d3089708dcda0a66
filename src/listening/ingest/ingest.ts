// Ways in. ingestPosts() is the door for every feature and connector: it checks each post, hashes
// authors, redacts the text and stores the posts as pending (idempotent per source and external id),
// then wakes the `listening.process` job, which analyses and clusters them in batches.
// storeAnalysed() is the bulk path of imports: posts already analysed (in worker threads) are
// clustered and stored in one transaction per batch.
import { redact } from '@nhipcau/text-vi';
import type { AppContext } from '../../app/context.ts';
import { analyzePost, type PostAnalysis } from '../analysis.ts';
import { analyzerFor } from '../analyzer.ts';
import { engineFor } from '../clustering/engine.ts';
import { ensureSource, getSource } from '../sources.ts';
import type { IncomingPost } from '../../platforms/index.ts';
import { commitBatch, type BatchPost } from '../store/batch.ts';
import { pgArray, rows, sql } from '../store/sql.ts';
import { invalid, isUniqueViolation } from '../../core/errors.ts';
import { authorHasher, preparePost, RepeatFilter, type AuthorHasher, type PreparedPost } from './prepare.ts';

export const PROCESS_JOB = 'listening.process';
const PROCESS_BATCH = 500;

export interface IngestSummary {
  received: number;
  added: number;
  /** Posts already stored, and the same words posted again by one account the same day (see RepeatFilter). */
  duplicates: number;
  /** Rejected posts by their index in the input. */
  rejected: Array<{ index: number; reason: string }>;
}

export interface IngestOptions {
  /** Create the source when it does not exist yet. */
  create?: { kind: string; label?: string; synthetic?: boolean };
  /** Run analysis and clustering now instead of in the job (tests, the demo backfill). */
  processNow?: boolean;
}

const hashers = new WeakMap<AppContext, AuthorHasher>();
export function hasherFor(ctx: AppContext): AuthorHasher {
  let h = hashers.get(ctx);
  if (!h) hashers.set(ctx, (h = authorHasher(ctx.secrets.derive('author-hash'))));
  return h;
}

const repeatFilters = new WeakMap<AppContext, RepeatFilter>();
/** One filter per installation, shared by every way in, so repeats are caught across batches and imports. */
export function repeatFilterFor(ctx: AppContext): RepeatFilter {
  let f = repeatFilters.get(ctx);
  if (!f) repeatFilters.set(ctx, (f = new RepeatFilter()));
  return f;
}

/** Stores posts for the source `sourceName`: the one function connectors and other features call. */
export async function ingestPosts(ctx: AppContext, sourceName: string, posts: readonly IncomingPost[], options: IngestOptions = {}): Promise<IngestSummary> {
  const source = options.create ? await ensureSource(ctx.db, sourceName, options.create) : await getSource(ctx.db, sourceName);
  if (!source) throw invalid('listening.sourceUnknown', { name: sourceName });
  const hash = hasherFor(ctx);
  const repeats = repeatFilterFor(ctx);
  const now = Date.now();
  const summary: IngestSummary = { received: posts.length, added: 0, duplicates: 0, rejected: [] };
  const ready: PreparedPost[] = [];
  const seen = new Set<string>();
  posts.forEach((p, index) => {
    const r = preparePost(p, hash, now);
    if (!r.ok) summary.rejected.push({ index, reason: r.reason });
    else if (seen.has(r.post.externalId) || repeats.repeats(r.post)) summary.duplicates++;
    else {
      seen.add(r.post.externalId);
      ready.push(r.post);
    }
  });
  for (let i = 0; i < ready.length; i += 1000) {
    const chunk = ready.slice(i, i + 1000);
    const inserted = await rows<{ id: number }>(
      ctx.db,
      sql`INSERT INTO listening_posts (source_id, external_id, parent_external_id, author_hash, posted_at, url, text, status)
        SELECT ${source.id}, v.external_id, v.parent, v.author, v.posted_at, v.url, v.text, 0
        FROM unnest(${pgArray(chunk.map((p) => p.externalId))}::text[], ${pgArray(chunk.map((p) => p.parentExternalId))}::text[], ${pgArray(chunk.map((p) => p.authorHash))}::text[],
          ${pgArray(chunk.map((p) => p.postedAt.toISOString()))}::timestamptz[], ${pgArray(chunk.map((p) => p.url))}::text[], ${pgArray(chunk.map((p) => redact(p.text).text))}::text[])
          AS v(external_id, parent, author, posted_at, url, text)
        ON CONFLICT (source_id, external_id) DO NOTHING RETURNING id`,
    );
    summary.added += inserted.length;
    summary.duplicates += chunk.length - inserted.length;
  }
  if (summary.added) {
    if (options.processNow) await processPending(ctx);
    else await ctx.jobs.enqueue(PROCESS_JOB, {}, { dedupeKey: PROCESS_JOB });
  }
  return summary;
}

interface PendingRow {
  id: number;
  source_id: number;
  external_id: string;
  parent_external_id: string | null;
  author_hash: string | null;
  posted_at: string;
  url: string | null;
  text: string | null;
  kind: string;
}

/** Analyses and clusters stored pending posts until none is left; returns how many. */
export async function processPending(ctx: AppContext, options: { maxBatches?: number } = {}): Promise<number> {
  const analyzer = await analyzerFor(ctx);
  const engine = engineFor(ctx);
  let done = 0;
  for (let b = 0; b < (options.maxBatches ?? Infinity); b++) {
    // The embedded database runs on this thread: let waiting requests through between batches.
    if (b > 0) await new Promise((resolve) => setImmediate(resolve));
    // Analysis happens outside the clustering transaction, which then re-checks the posts are still pending.
    const pending = await rows<PendingRow>(
      ctx.db,
      sql`SELECT p.id, p.source_id, p.external_id, p.parent_external_id, p.author_hash, p.posted_at, p.url, p.text, s.kind
          FROM listening_posts p JOIN listening_sources s ON s.id = p.source_id WHERE p.status = 0 ORDER BY p.id LIMIT ${PROCESS_BATCH}`,
    );
    if (!pending.length) break;
    const analysed = pending.map((p) => ({ p, a: analyzePost(p.text ?? '', analyzer.models, { redacted: true, source: p.kind }) }));
    const n = await engine.run(async (s) => {
      const still = new Set(
        (await rows<{ id: number }>(s.tx, sql`SELECT id FROM listening_posts WHERE id = ANY(${pgArray(pending.map((p) => p.id))}::bigint[]) AND status = 0 FOR UPDATE`)).map((r) => Number(r.id)),
      );
      const batch: BatchPost[] = analysed
        .filter(({ p }) => still.has(Number(p.id)))
        .map(({ p, a }) => ({
          id: Number(p.id),
          isNew: false,
          sourceId: p.source_id,
          externalId: p.external_id,
          parentExternalId: p.parent_external_id,
          authorHash: p.author_hash,
          postedAt: new Date(toIso(p.posted_at)),
          url: p.url,
          analysis: a,
        }));
      await commitBatch(s, batch);
      return batch.length;
    });
    done += n;
  }
  return done;
}

export interface AnalysedPost extends PreparedPost {
  analysis: PostAnalysis;
}

/** Clusters and stores analysed posts of one source; posts already stored are counted as duplicates. */
export async function storeAnalysed(ctx: AppContext, sourceId: number, posts: AnalysedPost[]): Promise<{ added: number; duplicates: number }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await storeOnce(ctx, sourceId, posts);
    } catch (e) {
      // Another way in stored one of these posts between the check and the insert: check again.
      if (!isUniqueViolation(e) || attempt >= 3) throw e;
    }
  }
}

async function storeOnce(ctx: AppContext, sourceId: number, posts: AnalysedPost[]): Promise<{ added: number; duplicates: number }> {
  const unique = new Map<string, AnalysedPost>();
  for (const p of posts) if (!unique.has(p.externalId)) unique.set(p.externalId, p);
  let duplicates = posts.length - unique.size;
  const added = await engineFor(ctx).run(async (s) => {
    const existing = await rows<{ external_id: string }>(
      s.tx,
      sql`SELECT external_id FROM listening_posts WHERE source_id = ${sourceId} AND external_id = ANY(${pgArray([...unique.keys()])}::text[])`,
    );
    for (const e of existing) unique.delete(e.external_id);
    duplicates += existing.length;
    const fresh = [...unique.values()];
    if (!fresh.length) return 0;
    const ids = await rows<{ id: number }>(s.tx, sql`SELECT nextval(pg_get_serial_sequence('listening_posts', 'id')) AS id FROM generate_series(1, ${fresh.length})`);
    const batch: BatchPost[] = fresh.map((p, k) => ({
      id: Number(ids[k].id),
      isNew: true,
      sourceId,
      externalId: p.externalId,
      parentExternalId: p.parentExternalId,
      authorHash: p.authorHash,
      postedAt: p.postedAt,
      url: p.url,
      analysis: p.analysis,
    }));
    await commitBatch(s, batch);
    return batch.length;
  });
  return { added, duplicates };
}

const toIso = (v: string | Date): string => (v instanceof Date ? v.toISOString() : /[+-]\d{2}$/.test(v) ? `${v.replace(' ', 'T')}:00` : v.replace(' ', 'T'));
