// Analysts' labels on posts (sentiment, topic) and the installation's own classifiers trained from
// them: the sentiment model is blended with the lexicon rules, the topic model adds its topic when
// confident. Retraining replaces the models; analysis picks them up within 30 seconds.
import { evaluateLabels, classify, serializeModel, trainClassifier, type LabeledText } from '@nhipcau/text-vi';
import type { AppContext } from '../app/context.ts';
import { type Actor, audit } from '../audit/index.ts';
import { invalid, notFound } from '../core/errors.ts';
import { invalidateAnalyzer } from './analyzer.ts';
import { LABEL_KINDS, type LabelKind } from './schema.ts';
import { rows, sql } from './store/sql.ts';

export const RETRAIN_JOB = 'listening.retrain';
export const MIN_LABELS = 20;
export const SENTIMENT_VALUES = ['negative', 'neutral', 'positive'] as const;

export async function setLabel(ctx: AppContext, actor: Actor, postId: number, kind: LabelKind, value: string | null): Promise<void> {
  if (!LABEL_KINDS.includes(kind)) throw invalid();
  if (value !== null && kind === 'sentiment' && !(SENTIMENT_VALUES as readonly string[]).includes(value)) throw invalid();
  if (value !== null && kind === 'topic' && !/^[a-z0-9-]{1,60}$/.test(value)) throw invalid();
  await ctx.db.transaction(async (tx) => {
    const [post] = await rows<{ id: number }>(tx, sql`SELECT id FROM listening_posts WHERE id = ${postId}`);
    if (!post) throw notFound();
    if (value === null) await tx.execute(sql`DELETE FROM listening_labels WHERE post_id = ${postId} AND kind = ${kind}`);
    else
      await tx.execute(sql`INSERT INTO listening_labels (post_id, kind, value, user_id) VALUES (${postId}, ${kind}, ${value}, ${typeof actor === 'object' ? actor.id : null})
        ON CONFLICT (post_id, kind) DO UPDATE SET value = excluded.value, user_id = excluded.user_id, created_at = now()`);
    await audit(tx, actor, { action: 'listening.label', targetType: 'listening_post', targetId: postId, details: { kind, value } });
  });
}

export interface LabelStats {
  kind: LabelKind;
  count: number;
  byValue: Record<string, number>;
  model: { trainedAt: string; examples: number; metrics: Record<string, unknown> } | null;
}

export async function labelStats(ctx: AppContext): Promise<LabelStats[]> {
  const counts = await rows<{ kind: LabelKind; value: string; n: number }>(ctx.db, sql`SELECT kind, value, count(*)::int AS n FROM listening_labels GROUP BY kind, value ORDER BY kind, value`);
  const models = await rows<{ kind: LabelKind; trained_at: string; examples: number; metrics: Record<string, unknown> }>(ctx.db, sql`SELECT kind, trained_at, examples, metrics FROM listening_models`);
  return LABEL_KINDS.map((kind) => {
    const byValue: Record<string, number> = {};
    for (const c of counts.filter((c) => c.kind === kind)) byValue[c.value] = Number(c.n);
    const m = models.find((x) => x.kind === kind);
    return { kind, count: Object.values(byValue).reduce((a, b) => a + b, 0), byValue, model: m ? { trainedAt: String(m.trained_at), examples: Number(m.examples), metrics: m.metrics } : null };
  });
}

/** Trains each kind that has enough labels; returns the kinds trained. */
export async function retrain(ctx: AppContext): Promise<LabelKind[]> {
  const trained: LabelKind[] = [];
  for (const kind of LABEL_KINDS) {
    const examples = (
      await rows<{ text: string; value: string }>(ctx.db, sql`SELECT p.text, l.value FROM listening_labels l JOIN listening_posts p ON p.id = l.post_id WHERE l.kind = ${kind} AND p.text IS NOT NULL ORDER BY l.post_id`)
    ).map((r): LabeledText => ({ text: r.text, label: r.value }));
    if (examples.length < MIN_LABELS || new Set(examples.map((e) => e.label)).size < 2) continue;
    // A fifth held out to report accuracy, then the model is trained on everything.
    const test = examples.filter((_, i) => i % 5 === 4);
    const probe = trainClassifier(examples.filter((_, i) => i % 5 !== 4), { epochs: 15, holdout: 0, seed: 1 });
    const evaluation = evaluateLabels(
      test.map((e) => String(e.label)),
      test.map((e) => classify(probe, e.text).label),
    );
    const model = trainClassifier(examples, { epochs: 15, holdout: 0, seed: 1 });
    const bytes = Buffer.from(serializeModel(model)).toString('hex');
    const metrics = { accuracy: Math.round(evaluation.accuracy * 1000) / 1000, macroF1: Math.round(evaluation.macroF1 * 1000) / 1000, heldOut: test.length, labels: model.labels };
    await ctx.db.execute(sql`INSERT INTO listening_models (kind, model, examples, metrics, trained_at) VALUES (${kind}, decode(${bytes}, 'hex'), ${examples.length}, ${JSON.stringify(metrics)}::jsonb, now())
      ON CONFLICT (kind) DO UPDATE SET model = excluded.model, examples = excluded.examples, metrics = excluded.metrics, trained_at = now()`);
    await audit(ctx.db, 'system', { action: 'listening.retrain', targetType: 'listening_model', targetId: kind, details: { examples: examples.length, ...metrics } });
    trained.push(kind);
  }
  invalidateAnalyzer(ctx);
  return trained;
}
