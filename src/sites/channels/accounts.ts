// A site's channels: which platform account (src/platforms' credential store) it posts with on each
// platform, and whether posting there is enabled. The account's secrets stay sealed in the store, never
// logged and never sent back to a browser; its token expiry is recorded there and shown here.
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../app/context.ts';
import { type Actor, audit } from '../../audit/index.ts';
import { credentialsOf, dropConnectionIfUnused, platform, platformConnections, saveConnection, type Credentials } from '../../platforms/index.ts';
import { invalid, notFound } from '../../core/errors.ts';
import { cleanLine } from '../sanitize.ts';
import { channelAccounts, type ChannelAccount } from '../schema.ts';

const columns = {
  id: channelAccounts.id,
  siteId: channelAccounts.siteId,
  channel: channelAccounts.channel,
  enabled: channelAccounts.enabled,
  connectionId: platformConnections.id,
  externalId: platformConnections.externalId,
  name: platformConnections.name,
  settings: platformConnections.settings,
  sealed: platformConnections.sealed,
  tokenExpiresAt: platformConnections.tokenExpiresAt,
  tokenInvalidAt: platformConnections.tokenInvalidAt,
  lastError: platformConnections.lastError,
};

const accounts = (ctx: AppContext) => ctx.db.select(columns).from(channelAccounts).innerJoin(platformConnections, eq(channelAccounts.connectionId, platformConnections.id));

export async function listAccounts(ctx: AppContext, siteId: number): Promise<ChannelAccount[]> {
  return accounts(ctx).where(eq(channelAccounts.siteId, siteId)).orderBy(channelAccounts.channel);
}

export async function getAccount(ctx: AppContext, siteId: number, channel: string): Promise<ChannelAccount | undefined> {
  const [row] = await accounts(ctx)
    .where(and(eq(channelAccounts.siteId, siteId), eq(channelAccounts.channel, channel)))
    .limit(1);
  return row;
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
  const definition = platform(channel);
  if (!definition?.publish) throw notFound();
  const externalId = cleanLine(input.externalId, 120);
  if (!/^[\w.@-]{1,120}$/.test(externalId)) throw invalid('sites.channelBadId');
  const existing = await getAccount(ctx, siteId, channel);
  // Stored secrets stand in for empty fields only on the account this site already posts with: an
  // account connected elsewhere is not posted to by a site that does not hold its tokens.
  const stored = existing?.externalId === externalId ? credentialsOf(ctx, existing) : {};
  for (const name of definition.publish.requires) if (!(input.credentials[name] ?? '').trim() && !stored[name]) throw invalid('sites.channelMissing', { field: name });
  await ctx.db.transaction(async (tx) => {
    const { connection, replacedSecret } = await saveConnection(ctx, tx, channel, { externalId, name: cleanLine(input.name, 200) || externalId, credentials: input.credentials, tokenExpiresAt: input.tokenExpiresAt });
    const values = { connectionId: connection.id, enabled: input.enabled, updatedAt: new Date() };
    if (existing) await tx.update(channelAccounts).set(values).where(eq(channelAccounts.id, existing.id));
    else await tx.insert(channelAccounts).values({ ...values, siteId, channel });
    // Only which fields changed goes to the audit log, never their values.
    await audit(tx, actor, { action: existing ? 'channel.update' : 'channel.connect', targetType: 'site', targetId: siteId, unitId: siteId, details: { channel, externalId, replacedSecret } });
  });
  if (existing && existing.externalId !== externalId) await dropConnectionIfUnused(ctx.db, existing.connectionId);
}

export async function disconnectAccount(ctx: AppContext, actor: Actor, siteId: number, channel: string): Promise<void> {
  const existing = await getAccount(ctx, siteId, channel);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(channelAccounts).where(and(eq(channelAccounts.siteId, siteId), eq(channelAccounts.channel, channel)));
    await audit(tx, actor, { action: 'channel.disconnect', targetType: 'site', targetId: siteId, unitId: siteId, details: { channel } });
  });
  // The account's secrets go too, unless listening or another site still uses it.
  if (existing) await dropConnectionIfUnused(ctx.db, existing.connectionId);
}
