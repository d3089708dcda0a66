// The clustering model of this process, kept in step with the database. Clustering is serialised by
// an advisory lock held for the length of one transaction; a version number in listening_state tells
// a process that another one (a worker, the CLI, an analyst's edit) changed issues since it last
// looked, and the model is then rebuilt from the stored issues and recent posts.
import type { AppContext } from '../../app/context.ts';
import type { Db } from '../../db/client.ts';
import { analyzePost } from '../analysis.ts';
import { analyzerFor, type Analyzer } from '../analyzer.ts';
import { saveCentroids } from '../store/batch.ts';
import { rows, sql } from '../store/sql.ts';
import { decodeIssue, toMs, type IssueRow } from './codec.ts';
import { ClusterModel, MAX_GAP_MS, modelOptions } from './model.ts';
import { DocFreq } from './vectors.ts';
import { ConceptAssociations } from './associations.ts';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

const LOCK = 4_717_101;
const ASSOCIATIONS = 'clustering-associations';
const WARM_POSTS = 20_000;
const WARM_WINDOW_MS = 3 * 24 * 3600_000;
const DF_SAVE_EVERY_MS = 60_000;

interface ClusteringState {
  version: number;
  docs: number;
  /** Latest post time clustered (ms). */
  latest: number | null;
}

export interface Session {
  tx: Tx;
  model: ClusterModel;
  analyzer: Analyzer;
  state: ClusteringState;
}

class Engine {
  private model: ClusterModel | null = null;
  private version = -1;
  private dfSavedAt = 0;

  constructor(private readonly ctx: AppContext) {}

  /** Runs `fn` in a transaction that holds the clustering lock, with an up-to-date model. */
  async run<T>(fn: (s: Session) => Promise<T>, options: { changesIssues?: boolean; saveCentroids?: boolean } = {}): Promise<T> {
    const analyzer = await analyzerFor(this.ctx);
    try {
      return await this.ctx.db.transaction(async (tx) => {
        await tx.execute(sql`SELECT pg_advisory_xact_lock(${LOCK})`);
        const state = await readState(tx);
        if (!this.model || state.version !== this.version) {
          this.model = await loadModel(tx, analyzer, state);
          this.dfSavedAt = Date.now();
        }
        // An edit reads issues from the database: give it the latest centroids first.
        if (options.changesIssues || options.saveCentroids) await saveCentroids({ tx, model: this.model, analyzer, state });
        const result = await fn({ tx, model: this.model, analyzer, state });
        state.version += 1;
        state.docs = this.model.df.docs;
        const saveDf = Date.now() - this.dfSavedAt > DF_SAVE_EVERY_MS;
        await writeState(tx, state, saveDf ? this.model : null);
        if (saveDf) this.dfSavedAt = Date.now();
        this.version = state.version;
        return result;
      });
    } catch (e) {
      this.model = null; // rolled back: the model may hold changes the database does not
      throw e;
    } finally {
      if (options.changesIssues) this.model = null;
    }
  }

  /** Saves centroids and document frequencies now (end of an import). */
  async flush(): Promise<void> {
    if (!this.model) return;
    this.dfSavedAt = 0;
    await this.run(async () => undefined, { saveCentroids: true });
  }

  forget(): void {
    this.model = null;
  }
}

const engines = new WeakMap<AppContext, Engine>();
export function engineFor(ctx: AppContext): Engine {
  let e = engines.get(ctx);
  if (!e) engines.set(ctx, (e = new Engine(ctx)));
  return e;
}

async function readState(tx: Tx): Promise<ClusteringState> {
  const [row] = await rows<{ value: Partial<ClusteringState> }>(tx, sql`SELECT value FROM listening_state WHERE key = 'clustering'`);
  return { version: Number(row?.value.version ?? 0), docs: Number(row?.value.docs ?? 0), latest: row?.value.latest ?? null };
}

async function writeState(tx: Tx, state: ClusteringState, model: ClusterModel | null): Promise<void> {
  const value = JSON.stringify(state);
  if (model) {
    const hex = Buffer.from(model.df.toBytes()).toString('hex');
    await tx.execute(sql`INSERT INTO listening_state (key, value, data, updated_at) VALUES ('clustering', ${value}::jsonb, decode(${hex}, 'hex'), now())
      ON CONFLICT (key) DO UPDATE SET value = excluded.value, data = excluded.data, updated_at = now()`);
    // The word ↔ concept associations learned so far, with the posts per concept they are relative to.
    const assoc = model.associations;
    await tx.execute(sql`INSERT INTO listening_state (key, value, data, updated_at) VALUES (${ASSOCIATIONS}, ${JSON.stringify(Object.fromEntries(assoc.conceptPosts))}::jsonb, decode(${Buffer.from(assoc.toBytes()).toString('hex')}, 'hex'), now())
      ON CONFLICT (key) DO UPDATE SET value = excluded.value, data = excluded.data, updated_at = now()`);
  } else {
    await tx.execute(sql`INSERT INTO listening_state (key, value, updated_at) VALUES ('clustering', ${value}::jsonb, now())
      ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`);
  }
}

/** Active issues, then the near-duplicate window and the pool from the latest stored posts. */
async function loadModel(tx: Tx, analyzer: Analyzer, state: ClusteringState): Promise<ClusterModel> {
  const [dfRow] = await rows<{ data: Uint8Array | null }>(tx, sql`SELECT data FROM listening_state WHERE key = 'clustering'`);
  const [assocRow] = await rows<{ value: Record<string, number>; data: Uint8Array | null }>(tx, sql`SELECT value, data FROM listening_state WHERE key = ${ASSOCIATIONS}`);
  const model = new ClusterModel({
    df: DocFreq.fromBytes(dfRow?.data ? new Uint8Array(dfRow.data) : null, state.docs),
    associations: ConceptAssociations.from(assocRow?.data ? new Uint8Array(assocRow.data) : null, assocRow?.value),
    ...modelOptions(analyzer.models),
  });
  const latest = state.latest ?? Date.now();
  const since = new Date(latest - MAX_GAP_MS).toISOString();
  const issues = await rows<IssueRow>(
    tx,
    sql`SELECT id, centroid, pinned, custom_label IS NOT NULL AS renamed, apart, first_seen, last_seen, post_count
        FROM listening_issues WHERE status = 'active' AND (pinned OR last_seen >= ${since}::timestamptz)`,
  );
  for (const row of issues) model.load(decodeIssue(row));
  const merged = await rows<{ id: number; merged_into: number }>(tx, sql`SELECT id, merged_into FROM listening_issues WHERE status = 'merged' AND merged_into IS NOT NULL AND last_seen >= ${since}::timestamptz`);
  for (const m of merged) model.redirects.set(m.id, m.merged_into);

  const recent = await rows<WarmRow>(
    tx,
    sql`SELECT id, source_id, author_hash, posted_at, text, sentiment, frustration, topics, places, ward, encode(signature, 'hex') AS sig, issue_id
        FROM listening_posts WHERE status = 1 AND signature IS NOT NULL AND posted_at >= ${new Date(latest - WARM_WINDOW_MS).toISOString()}::timestamptz
        ORDER BY posted_at DESC, id DESC LIMIT ${WARM_POSTS}`,
  );
  for (const r of recent.reverse()) {
    const needsTerms = r.issue_id === null && r.text;
    const analysed = needsTerms ? analyzePost(r.text as string, analyzer.models, { redacted: true }) : null;
    model.warm(
      {
        id: Number(r.id),
        meta: { sourceId: r.source_id, authorHash: r.author_hash, sentiment: r.sentiment ?? 0, frustration: r.frustration ?? 0 },
        time: toMs(r.posted_at),
        terms: analysed?.terms ?? [],
        topics: r.topics ?? [],
        concepts: analysed?.concepts ?? [],
        places: r.places ?? [],
        ward: r.ward,
        signature: r.sig ? `m1:${r.sig}` : null,
      },
      r.issue_id,
    );
  }
  return model;
}

interface WarmRow {
  id: number;
  source_id: number;
  author_hash: string | null;
  posted_at: string;
  text: string | null;
  sentiment: number | null;
  frustration: number | null;
  topics: string[] | null;
  places: string[] | null;
  ward: string;
  sig: string | null;
  issue_id: number | null;
}
