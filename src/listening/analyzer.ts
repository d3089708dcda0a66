// The text models of this process, loaded once and lazily (the server starts without them), plus
// the installation's own classifiers trained from analysts' labels, reloaded when retrained.
import { deserializeModel, fold, type AnalyzerModels } from '@nhipcau/text-vi';
import type { AppContext } from '../app/context.ts';
import { rows, sql } from './store/sql.ts';

let base: AnalyzerModels | undefined;
/** Shipped models and tables, once per process. */
export async function baseModels(): Promise<AnalyzerModels> {
  if (!base) {
    const { loadAnalyzer } = await import('@nhipcau/text-vi/node');
    base = loadAnalyzer();
  }
  return base;
}

export interface Analyzer {
  models: AnalyzerModels;
  /** Folded place name → the gazetteer's spelling, for labels. */
  placeNames: ReadonlyMap<string, string>;
  placeName(id: string): string;
}

const CHECK_EVERY_MS = 30_000;
const cache = new WeakMap<AppContext, { analyzer: Analyzer; checkedAt: number; version: string }>();

/** The analyzer for this installation; its own models are re-read at most every 30 s. */
export async function analyzerFor(ctx: AppContext): Promise<Analyzer> {
  const hit = cache.get(ctx);
  if (hit && Date.now() - hit.checkedAt < CHECK_EVERY_MS) return hit.analyzer;
  const [v] = await rows<{ v: string | null }>(ctx.db, sql`SELECT string_agg(kind || ':' || trained_at::text, ',' ORDER BY kind) AS v FROM listening_models`);
  const version = v?.v ?? '';
  if (hit && hit.version === version) {
    hit.checkedAt = Date.now();
    return hit.analyzer;
  }
  const models: AnalyzerModels = { ...(await baseModels()) };
  if (version) {
    for (const m of await rows<{ kind: string; model: Uint8Array }>(ctx.db, sql`SELECT kind, model FROM listening_models`)) {
      try {
        const model = deserializeModel(new Uint8Array(m.model));
        if (m.kind === 'sentiment') models.sentimentModel = model;
        if (m.kind === 'topic') models.topicModel = { model, threshold: 0.6 };
      } catch (e) {
        ctx.log.warn({ err: e, kind: m.kind }, 'listening: installation model unreadable; using the shipped one');
      }
    }
  }
  const analyzer = withPlaces(models);
  cache.set(ctx, { analyzer, checkedAt: Date.now(), version });
  return analyzer;
}

export function withPlaces(models: AnalyzerModels): Analyzer {
  const placeNames = new Map<string, string>();
  for (const p of models.gazetteer.places.values()) {
    placeNames.set(fold(p.name), p.name);
    for (const a of p.aliases ?? []) if (!placeNames.has(fold(a))) placeNames.set(fold(a), p.name);
  }
  return { models, placeNames, placeName: (id) => models.gazetteer.places.get(id)?.name ?? id };
}

/** Forgets the cached installation models (after retraining in this process). */
export function invalidateAnalyzer(ctx: AppContext): void {
  cache.delete(ctx);
}
