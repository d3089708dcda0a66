// Sources: reading and editing the rows of listening_sources, and recording each poll's outcome.
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../app/context.ts';
import { type Actor, audit } from '../audit/index.ts';
import type { Db } from '../db/client.ts';
import { credentialsOf, findConnection, getConnection, nextDelayMs, platformOfKind, saveConnection, type ClassifiedFailure, type ListenCapability, type PlatformConnection } from '../platforms/index.ts';
import { conflict, invalid, isUniqueViolation, notFound } from '../core/errors.ts';
import { listeningSources, type ListeningSource } from './schema.ts';
import { connectorFor } from './sources/registry.ts';
import { rows, sql } from './store/sql.ts';

export const SOURCE_NAME = /^[a-z0-9][a-z0-9._-]{0,62}$/;
export const sourceNameSchema = z.string().trim().toLowerCase().regex(SOURCE_NAME);

export async function listSources(db: Db): Promise<Array<ListeningSource & { posts: number }>> {
  const list = await db.select().from(listeningSources).orderBy(asc(listeningSources.name));
  const counts = await rows<{ source_id: number; n: number }>(db, sql`SELECT source_id, sum(n)::int AS n FROM listening_topic_hourly WHERE topic = '*' GROUP BY source_id`);
  const by = new Map(counts.map((c) => [c.source_id, Number(c.n)]));
  return list.map((s) => ({ ...s, posts: by.get(s.id) ?? 0 }));
}

export async function getSource(db: Db, idOrName: number | string): Promise<ListeningSource | undefined> {
  const [row] = await db
    .select()
    .from(listeningSources)
    .where(typeof idOrName === 'number' ? eq(listeningSources.id, idOrName) : eq(listeningSources.name, idOrName))
    .limit(1);
  return row;
}

/** The named source, created with this kind when it does not exist yet (file imports, the citizen channel, the demo). */
export async function ensureSource(db: Db, name: string, create: { kind: string; label?: string; synthetic?: boolean }): Promise<ListeningSource> {
  const existing = await getSource(db, name);
  if (existing) return existing;
  if (!SOURCE_NAME.test(name)) throw invalid('listening.sourceNameInvalid', { name });
  if (!connectorFor(create.kind)) throw invalid('listening.sourceKindUnknown', { kind: create.kind });
  await db
    .insert(listeningSources)
    .values({ name, kind: create.kind, label: create.label ?? name, synthetic: create.synthetic ?? false })
    .onConflictDoNothing();
  return (await getSource(db, name)) as ListeningSource;
}

export interface SourceInput {
  name: string;
  kind: string;
  label: string;
  settings: Record<string, unknown>;
  intervalSeconds: number;
  enabled: boolean;
}

// A platform source's account (its id, tokens, app secret…) is kept once in the platforms' credential
// store, shared with publishing and messages; the source keeps only its own settings (watchPosts…).

/** The settings fields a source shows of its account, from the connection (secrets only when `secrets`). */
function accountSettings(ctx: AppContext, connector: ListenCapability<any>, connection: PlatformConnection, secrets: boolean): Record<string, unknown> {
  const binding = connector.account;
  if (!binding) return {};
  const values = secrets ? credentialsOf(ctx, connection) : connection.settings;
  const out: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(binding.fields)) if (values[field] !== undefined) out[name] = values[field];
  out[binding.idField] = connection.externalId;
  // The fallback id names the app, not an account: the source names none.
  if (binding.fallbackId && binding.fallbackId(out) === connection.externalId) out[binding.idField] = '';
  return out;
}

/** A source's settings: its own, with its account's (the secrets only when `secrets`). */
async function settingsWithAccount(ctx: AppContext, source: Pick<ListeningSource, 'kind' | 'settings' | 'connectionId'>, secrets: boolean): Promise<Record<string, unknown>> {
  const connector = connectorFor(source.kind);
  const connection = source.connectionId && connector ? await getConnection(ctx.db, source.connectionId) : undefined;
  return { ...(connection && connector ? accountSettings(ctx, connector, connection, secrets) : {}), ...source.settings };
}

/** A source's settings as its connector reads them (secrets unsealed). */
export const openSettings = (ctx: AppContext, source: Pick<ListeningSource, 'kind' | 'settings' | 'connectionId'>) => settingsWithAccount(ctx, source, true);

/** A source's settings that may be shown: its own and its account's plain ones (never a secret). */
export async function visibleSettings(ctx: AppContext, source: Pick<ListeningSource, 'kind' | 'settings' | 'connectionId'>): Promise<Record<string, unknown>> {
  const secret = new Set((connectorFor(source.kind)?.fields ?? []).filter((f) => f.type === 'secret').map((f) => f.name));
  return Object.fromEntries(Object.entries(await settingsWithAccount(ctx, source, false)).filter(([k]) => !secret.has(k)));
}

/**
 * Checks a source's settings with the stored values of its account filled in (secrets left out of a form
 * are kept), then stores the account's part in the credential store: the settings left to the source
 * and its connection.
 */
async function storeSettings(ctx: AppContext, db: Db, kind: string, label: string, typed: Record<string, unknown>, current: Record<string, unknown>): Promise<{ settings: Record<string, unknown>; connectionId: number | null }> {
  const connector = connectorFor(kind);
  const binding = connector?.account;
  const platformId = platformOfKind(kind)?.id;
  if (!binding || !platformId) return { settings: checkSettings(kind, { ...current, ...typed }), connectionId: null };
  const externalIdOf = (s: Record<string, unknown>) => String(s[binding.idField] ?? '').trim() || binding.fallbackId?.(s) || '';
  let candidate = { ...current, ...typed };
  const existing = await findConnection(db, platformId, externalIdOf(candidate));
  if (existing) candidate = { ...accountSettings(ctx, connector, existing, true), ...current, ...typed };
  const parsed = checkSettings(kind, candidate);
  // What was typed replaces the stored value (a new token clears the platform's refusal); the rest is kept.
  const credentials: Record<string, string> = {};
  for (const [name, field] of Object.entries(binding.fields)) if (parsed[name] !== undefined && (!existing || (typed[name] !== undefined && typed[name] !== ''))) credentials[field] = String(parsed[name]);
  const { connection } = await saveConnection(ctx, db, platformId, { externalId: externalIdOf(parsed), name: existing ? undefined : label, credentials });
  const own = Object.fromEntries(Object.entries(parsed).filter(([k]) => k !== binding.idField && !(k in binding.fields)));
  return { settings: own, connectionId: connection.id };
}

/** Validates settings with the connector of the kind. */
export function checkSettings(kind: string, settings: Record<string, unknown>): Record<string, unknown> {
  const connector = connectorFor(kind);
  if (!connector) throw invalid('listening.sourceKindUnknown', { kind });
  const parsed = connector.settings.safeParse(settings);
  if (!parsed.success) throw invalid('listening.sourceSettingsInvalid', { details: parsed.error.issues.map((i) => `${i.path.join('.') || 'settings'}: ${i.message}`).join('; ') });
  return parsed.data as Record<string, unknown>;
}

export async function createSource(ctx: AppContext, actor: Actor, input: SourceInput): Promise<ListeningSource> {
  const connector = connectorFor(input.kind);
  if (!connector || connector.internal) throw invalid('listening.sourceKindUnknown', { kind: input.kind });
  try {
    return await ctx.db.transaction(async (tx) => {
      const stored = await storeSettings(ctx, tx, input.kind, input.label, input.settings, {});
      const [row] = await tx
        .insert(listeningSources)
        .values({ ...input, ...stored, nextPollAt: connector.poll ? new Date() : null })
        .returning();
      await audit(tx, actor, { action: 'listening.source.create', targetType: 'listening_source', targetId: row.id, details: { name: row.name, kind: row.kind } });
      return row;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('listening.sourceNameTaken', { name: input.name });
    throw e;
  }
}

/** Saving settings clears the error and schedules a poll now: a fixed token should be tried at once. Secrets left out are kept. */
export async function updateSource(ctx: AppContext, actor: Actor, source: ListeningSource, patch: Partial<Omit<SourceInput, 'name' | 'kind'>>): Promise<ListeningSource> {
  const connector = connectorFor(source.kind);
  const current = patch.settings ? await openSettings(ctx, source) : {};
  return ctx.db.transaction(async (tx) => {
    const stored = patch.settings ? await storeSettings(ctx, tx, source.kind, patch.label ?? source.label, patch.settings, current) : { settings: source.settings, connectionId: source.connectionId };
    const [row] = await tx
      .update(listeningSources)
      .set({ ...patch, ...stored, failures: 0, lastError: null, status: source.status === 'unhealthy' ? 'idle' : source.status, nextPollAt: connector?.poll ? new Date() : null, updatedAt: new Date() })
      .where(eq(listeningSources.id, source.id))
      .returning();
    if (!row) throw notFound();
    await audit(tx, actor, { action: 'listening.source.update', targetType: 'listening_source', targetId: source.id, details: { label: patch.label, enabled: patch.enabled, intervalSeconds: patch.intervalSeconds, settings: patch.settings ? Object.keys(patch.settings) : undefined } });
    return row;
  });
}

export async function recordPollSuccess(db: Db, source: ListeningSource, cursor: unknown, more: boolean): Promise<void> {
  const next = new Date(Date.now() + (more ? 5_000 : source.intervalSeconds * 1000));
  await db
    .update(listeningSources)
    .set({ cursor: cursor as never, status: 'ok', failures: 0, lastError: null, lastPolledAt: new Date(), lastSuccessAt: new Date(), nextPollAt: next })
    .where(eq(listeningSources.id, source.id));
}

export async function recordPollFailure(db: Db, source: ListeningSource, failure: ClassifiedFailure): Promise<Date> {
  const failures = source.failures + 1;
  const next = new Date(Date.now() + nextDelayMs(failure, failures));
  await db
    .update(listeningSources)
    .set({ status: 'unhealthy', failures, lastError: `${failure.kind}: ${failure.message}`, lastErrorAt: new Date(), lastPolledAt: new Date(), nextPollAt: next })
    .where(eq(listeningSources.id, source.id));
  return next;
}

/** A rejected webhook call: shown on the source, never stored as posts. */
export async function recordRejectedWebhook(db: Db, source: ListeningSource, reason: string): Promise<void> {
  await db
    .update(listeningSources)
    .set({ lastError: `webhook: ${reason}`, lastErrorAt: new Date() })
    .where(eq(listeningSources.id, source.id));
}
