// Token expiry: accounts whose access token ends within a day are refreshed ahead of time where the
// platform allows it; the others are shown as expiring or expired on the site's channel page and items.
import { and, eq, isNull, lt } from 'drizzle-orm';
import type { AppContext } from '../../app/context.ts';
import { channelAccounts } from '../schema.ts';
import { credentialsOf, storeRefreshed } from './accounts.ts';
import { channelEnvironment } from './channel.ts';
import { channelDefinition } from './registry.ts';

export async function refreshExpiringTokens(ctx: AppContext, now = new Date()): Promise<{ refreshed: number; failed: number }> {
  const soon = new Date(now.getTime() + 24 * 3600_000);
  const accounts = await ctx.db
    .select()
    .from(channelAccounts)
    .where(and(eq(channelAccounts.enabled, true), isNull(channelAccounts.tokenInvalidAt), lt(channelAccounts.tokenExpiresAt, soon)));
  let refreshed = 0;
  let failed = 0;
  for (const account of accounts) {
    const definition = channelDefinition(account.channel);
    if (!definition?.refresh) continue;
    try {
      const renewed = await definition.refresh(credentialsOf(ctx, account), channelEnvironment());
      await storeRefreshed(ctx, account.id, renewed.credentials, renewed.expiresAt);
      refreshed++;
    } catch (e) {
      failed++;
      const message = (e instanceof Error ? e.message : String(e)).slice(0, 500);
      await ctx.db.update(channelAccounts).set({ lastError: message, updatedAt: new Date() }).where(eq(channelAccounts.id, account.id));
    }
  }
  return { refreshed, failed };
}
