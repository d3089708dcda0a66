// The e-mail digest per audience ("nội dung nào, đối tượng đó"): readers subscribe with double opt-in;
// once a week each confirmed subscriber gets the new items for their audience (and site, if chosen).
import { randomBytes } from 'node:crypto';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../app/context.ts';
import { translate, type MessageKey } from '../i18n/catalog.ts';
import { send } from '../mail/index.ts';
import { publishing } from './directory.ts';
import { listPublished } from './public/queries.ts';
import { AUDIENCES, digestSubscribers, type Audience, type DigestSubscriber } from './schema.ts';
import { itemUrlOf, originOf } from './urls.ts';

export const subscribeSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  audience: z.enum(AUDIENCES),
  siteId: z.number().int().positive().nullable(),
});

const label = (a: Audience) => translate('vi', `sites.audience.${a}` as MessageKey);

/** Stores (or renews) a subscription and sends the confirmation link. Returns whether mail went out. */
export async function subscribe(ctx: AppContext, input: z.infer<typeof subscribeSchema>): Promise<boolean> {
  const token = randomBytes(24).toString('base64url');
  const existing = await ctx.db
    .select()
    .from(digestSubscribers)
    .where(and(eq(digestSubscribers.email, input.email), eq(digestSubscribers.audience, input.audience), input.siteId ? eq(digestSubscribers.siteId, input.siteId) : sql`${digestSubscribers.siteId} is null`));
  if (existing[0]?.confirmedAt) return true;
  if (existing[0]) await ctx.db.update(digestSubscribers).set({ token }).where(eq(digestSubscribers.id, existing[0].id));
  else await ctx.db.insert(digestSubscribers).values({ ...input, token });
  const link = `${originOf(ctx)}/nhan-tin/xac-nhan?token=${token}`;
  return send(ctx, { to: input.email, subject: translate('vi', 'sites.mail.confirmSubject'), text: `${translate('vi', 'sites.mail.confirmText', { audience: label(input.audience) })}\n\n${link}\n` });
}

export async function confirm(ctx: AppContext, token: string): Promise<boolean> {
  if (!/^[\w-]{20,60}$/.test(token)) return false;
  const rows = await ctx.db.update(digestSubscribers).set({ confirmedAt: new Date() }).where(eq(digestSubscribers.token, token)).returning({ id: digestSubscribers.id });
  return rows.length > 0;
}

export async function unsubscribe(ctx: AppContext, token: string): Promise<boolean> {
  if (!/^[\w-]{20,60}$/.test(token)) return false;
  const rows = await ctx.db.delete(digestSubscribers).where(eq(digestSubscribers.token, token)).returning({ id: digestSubscribers.id });
  return rows.length > 0;
}

/** One e-mail per confirmed subscriber with the items published since their last digest (at most a week). */
export async function sendDigests(ctx: AppContext, now = new Date()): Promise<number> {
  const subscribers = await ctx.db.select().from(digestSubscribers).where(isNotNull(digestSubscribers.confirmedAt));
  const index = await publishing(ctx).sites.current();
  const origin = originOf(ctx);
  const url = itemUrlOf(ctx, index);
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  let sent = 0;
  const groups = new Map<string, DigestSubscriber[]>();
  for (const s of subscribers) {
    const since = s.lastSentAt && s.lastSentAt > weekAgo ? s.lastSentAt : weekAgo;
    const key = `${s.audience}|${s.siteId ?? ''}|${since.toISOString().slice(0, 13)}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  for (const members of groups.values()) {
    const { audience, siteId } = members[0];
    const since = members[0].lastSentAt && members[0].lastSentAt > weekAgo ? members[0].lastSentAt : weekAgo;
    const cards = (await listPublished(ctx.db, { audience, siteId: siteId ?? undefined, siteIds: siteId ? undefined : index.active().map((s) => s.unitId), originalsOnly: !siteId, limit: 20 })).filter((c) => c.publishedAt && c.publishedAt > since);
    if (!cards.length) continue;
    const lines = cards.map((c) => `• ${c.title}\n  ${url(c)}`);
    for (const s of members) {
      const unsub = `${origin}/nhan-tin/huy?token=${s.token}`;
      const ok = await send(ctx, {
        to: s.email,
        subject: translate('vi', 'sites.mail.digestSubject', { audience: label(audience) }),
        text: `${translate('vi', 'sites.mail.digestIntro', { audience: label(audience) })}\n\n${lines.join('\n\n')}\n\n${translate('vi', 'sites.mail.unsubscribe')}: ${unsub}\n`,
        headers: { 'List-Unsubscribe': `<${unsub}>` },
      });
      if (!ok) return sent;
      await ctx.db.update(digestSubscribers).set({ lastSentAt: now }).where(eq(digestSubscribers.id, s.id));
      sent++;
    }
  }
  return sent;
}
