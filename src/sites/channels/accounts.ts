// A site's channel accounts: credentials sealed with AES-256-GCM (key from the installation secret),
// never logged and never sent back to a browser; token expiry recorded and shown.
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../app/context.ts';
import { seal, unseal } from '../../app/sealed.ts';
import { audit, type Actor } from '../../audit/log.ts';
import { badRequest, notFound } from '../../web/errors.ts';
import { cleanLine } from '../sanitize.ts';
import { channelAccounts, type ChannelAccount } from '../schema.ts';
import type { Credentials } from './channel.ts';
import { channelDefinition } from './registry.ts';

const KEY_PURPOSE = 'channel-tokens';
const key = (ctx: AppContext) => ctx.secrets.derive(KEY_PURPOSE);

export type TokenState = 'ok' | 'expiring' | 'expired' | 'refused';

/** Expired by date, refused by the platform, or expiring within a week. */
export function tokenState(account: Pick<ChannelAccount, 'tokenExpiresAt' | 'tokenInvalidAt'>, now = Date.now()): TokenState {
  if (account.tokenInvalidAt) return 'refused';
  if (!account.tokenExpiresAt) return 'ok';
  const left = account.tokenExpiresAt.getTime() - now;
  return left <= 0 ? 'expired' : left < 7 * 86_400_000 ? 'expiring' : 'ok';
}

export async function listAccounts(ctx: AppContext, siteId: number): Promise<ChannelAccount[]> {
  return ctx.db.select().from(channelAccounts).where(eq(channelAccounts.siteId, siteId)).orderBy(channelAccounts.channel);
}

export async function getAccount(ctx: AppContext, siteId: number, channel: string): Promise<ChannelAccount | undefined> {
  const [row] = await ctx.db.select().from(channelAccounts).where(and(eq(channelAccounts.siteId, siteId), eq(channelAccounts.channel, channel))).limit(1);
  return row;
}

export function credentialsOf(ctx: AppContext, account: ChannelAccount): Credentials {
  return JSON.parse(unseal(key(ctx), account.sealed)) as Credentials;
}

export interface ConnectInput {
  externalId: string;
  name: string;
  /** Secret fields left empty keep their stored value. */
  credentials: Credentials;
  tokenExpiresAt?: Date | null;
  enabled: boolean;
}

export async function saveAccount(ctx: AppContext, actor: Actor, siteId: number, channel: string, input: ConnectInput): Promise<void> {
  const definition = channelDefinition(channel);
  if (!definition) throw notFound();
  const externalId = cleanLine(input.externalId, 120);
  if (!/^[\w.@-]{1,120}$/.test(externalId)) throw badRequest('sites.channelBadId');
  const existing = await getAccount(ctx, siteId, channel);
  const stored = existing ? credentialsOf(ctx, existing) : {};
  const merged: Credentials = {};
  for (const field of definition.fields) {
    const typed = (input.credentials[field.name] ?? '').trim();
    merged[field.name] = typed !== '' ? typed.slice(0, 4000) : stored[field.name];
    if (field.required && !merged[field.name]) throw badRequest('sites.channelMissing', { field: field.name });
  }
  const replacedSecret = definition.fields.some((f) => f.secret && (input.credentials[f.name] ?? '').trim() !== '');
  const values = {
    externalId,
    name: cleanLine(input.name, 200) || externalId,
    sealed: seal(key(ctx), JSON.stringify(merged)),
    tokenExpiresAt: input.tokenExpiresAt ?? (replacedSecret ? null : (existing?.tokenExpiresAt ?? null)),
    // A new token clears the platform's earlier refusal.
    tokenInvalidAt: replacedSecret ? null : (existing?.tokenInvalidAt ?? null),
    enabled: input.enabled,
    lastError: replacedSecret ? null : (existing?.lastError ?? null),
    updatedAt: new Date(),
  };
  await ctx.db.transaction(async (tx) => {
    if (existing) await tx.update(channelAccounts).set(values).where(eq(channelAccounts.id, existing.id));
    else await tx.insert(channelAccounts).values({ ...values, siteId, channel });
    // Only which fields changed goes to the audit log, never their values.
    await audit(tx, actor, { action: existing ? 'channel.update' : 'channel.connect', targetType: 'site', targetId: siteId, unitId: siteId, details: { channel, externalId, replacedSecret } });
  });
}

export async function disconnectAccount(ctx: AppContext, actor: Actor, siteId: number, channel: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await tx.delete(channelAccounts).where(and(eq(channelAccounts.siteId, siteId), eq(channelAccounts.channel, channel)));
    await audit(tx, actor, { action: 'channel.disconnect', targetType: 'site', targetId: siteId, unitId: siteId, details: { channel } });
  });
}

export async function markRefused(ctx: AppContext, accountId: number, message: string): Promise<void> {
  await ctx.db.update(channelAccounts).set({ tokenInvalidAt: new Date(), lastError: message.slice(0, 500), updatedAt: new Date() }).where(eq(channelAccounts.id, accountId));
}

export async function storeRefreshed(ctx: AppContext, accountId: number, credentials: Credentials, expiresAt?: Date): Promise<void> {
  await ctx.db
    .update(channelAccounts)
    .set({ sealed: seal(key(ctx), JSON.stringify(credentials)), tokenExpiresAt: expiresAt ?? null, tokenInvalidAt: null, lastError: null, updatedAt: new Date() })
    .where(eq(channelAccounts.id, accountId));
}
