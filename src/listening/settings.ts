// Installation settings of the desk (kept in the shared settings table under "listening").
import { z } from 'zod';
import type { AppContext } from '../app/context.ts';
import { type Actor, audit } from '../audit/index.ts';
import { settings } from '../db/settings-schema.ts';
import { rows, sql } from './store/sql.ts';
import { VOICE_SKETCH } from './store/batch.ts';

export const listeningSettingsSchema = z.object({
  /** Days the text of posts is kept; aggregates stay. */
  retentionDays: z.coerce.number().int().min(1).max(3650).default(90),
  /** Fewer distinct voices than this: not shown broken down by place. */
  minVoices: z.coerce.number().int().min(2).max(VOICE_SKETCH).default(3),
});
export type ListeningSettings = z.infer<typeof listeningSettingsSchema>;

const KEY = 'listening';
const TTL_MS = 30_000;
const cache = new WeakMap<AppContext, { at: number; value: ListeningSettings }>();

export async function listingSettings(ctx: AppContext): Promise<ListeningSettings> {
  const hit = cache.get(ctx);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
  const [row] = await rows<{ value: unknown }>(ctx.db, sql`SELECT value FROM settings WHERE key = ${KEY}`);
  const parsed = listeningSettingsSchema.safeParse(row?.value ?? {});
  const value = parsed.success ? parsed.data : listeningSettingsSchema.parse({});
  cache.set(ctx, { at: Date.now(), value });
  return value;
}

export async function saveListeningSettings(ctx: AppContext, actor: Actor, value: ListeningSettings): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(settings)
      .values({ key: KEY, value })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
    await audit(tx, actor, { action: 'listening.settings.update', targetType: 'settings', targetId: KEY, details: value });
  });
  cache.delete(ctx);
}
