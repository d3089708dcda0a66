// The one credential store: connected platform accounts, keyed by (platform, account id), whatever uses
// them. Secret fields are sealed with AES-256-GCM (key derived from the installation secret for this one
// purpose), never logged and never sent back to a browser; a form that leaves a secret empty keeps the
// stored one. Token expiry and the platform's refusals are recorded here and shown wherever the account
// is used.
import { and, asc, eq, isNull, lt } from 'drizzle-orm';
import type { AppContext } from '../app/context.ts';
import { seal, unseal } from '../app/sealed.ts';
import type { Db } from '../db/client.ts';
import { isForeignKeyViolation } from '../core/errors.ts';
import { platformEnvironment } from './environment.ts';
import { platform } from './registry.ts';
import { platformConnections, type PlatformConnection } from './schema.ts';
import type { ConnectedAccount, Credentials } from './types.ts';

/** The key purpose of every sealed credential. */
export const CREDENTIALS_KEY = 'platform-credentials';
const key = (ctx: Pick<AppContext, 'secrets'>) => ctx.secrets.derive(CREDENTIALS_KEY);

export type TokenState = 'ok' | 'expiring' | 'expired' | 'refused';

/** Expired by date, refused by the platform, or expiring within a week. */
export function tokenState(connection: Pick<PlatformConnection, 'tokenExpiresAt' | 'tokenInvalidAt'>, now = Date.now()): TokenState {
  if (connection.tokenInvalidAt) return 'refused';
  if (!connection.tokenExpiresAt) return 'ok';
  const left = connection.tokenExpiresAt.getTime() - now;
  return left <= 0 ? 'expired' : left < 7 * 86_400_000 ? 'expiring' : 'ok';
}

export async function getConnection(db: Db, id: number): Promise<PlatformConnection | undefined> {
  const [row] = await db.select().from(platformConnections).where(eq(platformConnections.id, id)).limit(1);
  return row;
}

export async function findConnection(db: Db, platformId: string, externalId: string): Promise<PlatformConnection | undefined> {
  const [row] = await db
    .select()
    .from(platformConnections)
    .where(and(eq(platformConnections.platform, platformId), eq(platformConnections.externalId, externalId)))
    .limit(1);
  return row;
}

/** The connected accounts of a platform, for a form to offer (ids and names only are shown). */
export async function listConnections(db: Db, platformId: string): Promise<PlatformConnection[]> {
  return db.select().from(platformConnections).where(eq(platformConnections.platform, platformId)).orderBy(asc(platformConnections.name));
}

/** Every field of the account: plain settings and unsealed secrets. */
export function credentialsOf(ctx: Pick<AppContext, 'secrets'>, connection: Pick<PlatformConnection, 'settings' | 'sealed'>): Credentials {
  return { ...connection.settings, ...(JSON.parse(unseal(key(ctx), connection.sealed)) as Credentials) };
}

export function accountOf(ctx: Pick<AppContext, 'secrets'>, connection: Pick<PlatformConnection, 'externalId' | 'name' | 'settings' | 'sealed'>): ConnectedAccount {
  return { externalId: connection.externalId, name: connection.name, credentials: credentialsOf(ctx, connection) };
}

/** Splits an account's fields into plain settings and the sealed secrets, by the platform's field types. */
function stored(ctx: Pick<AppContext, 'secrets'>, platformId: string, credentials: Credentials): { settings: Record<string, string>; sealed: string } {
  const fields = platform(platformId)?.account?.fields ?? [];
  const settings: Record<string, string> = {};
  const secrets: Credentials = {};
  for (const f of fields) {
    const value = credentials[f.name];
    if (value === undefined || value === '') continue;
    if (f.type === 'secret') secrets[f.name] = value;
    else settings[f.name] = value;
  }
  return { settings, sealed: seal(key(ctx), JSON.stringify(secrets)) };
}

export interface ConnectionInput {
  externalId: string;
  /** Kept when absent. */
  name?: string;
  /** Fields typed in; empty or absent ones keep their stored value. */
  credentials: Credentials;
  /** When the access token ends, if known; a new secret without it clears the stored date. */
  tokenExpiresAt?: Date | null;
}

/** Connects an account, or updates the one already connected with this id. */
export async function saveConnection(ctx: Pick<AppContext, 'secrets'>, db: Db, platformId: string, input: ConnectionInput): Promise<{ connection: PlatformConnection; replacedSecret: boolean; created: boolean }> {
  const fields = platform(platformId)?.account?.fields ?? [];
  const existing = await findConnection(db, platformId, input.externalId);
  const before = existing ? credentialsOf(ctx, existing) : {};
  const merged: Credentials = {};
  for (const f of fields) {
    const typed = (input.credentials[f.name] ?? '').trim();
    merged[f.name] = typed !== '' ? typed.slice(0, 4000) : before[f.name];
  }
  const replacedSecret = fields.some((f) => f.type === 'secret' && (input.credentials[f.name] ?? '').trim() !== '');
  const values = {
    ...stored(ctx, platformId, merged),
    name: input.name?.trim() || existing?.name || input.externalId,
    tokenExpiresAt: input.tokenExpiresAt ?? (replacedSecret ? null : (existing?.tokenExpiresAt ?? null)),
    // A new token clears the platform's earlier refusal.
    tokenInvalidAt: replacedSecret ? null : (existing?.tokenInvalidAt ?? null),
    lastError: replacedSecret ? null : (existing?.lastError ?? null),
    updatedAt: new Date(),
  };
  if (existing) {
    const [connection] = await db.update(platformConnections).set(values).where(eq(platformConnections.id, existing.id)).returning();
    return { connection, replacedSecret, created: false };
  }
  const [connection] = await db
    .insert(platformConnections)
    .values({ ...values, platform: platformId, externalId: input.externalId })
    .returning();
  return { connection, replacedSecret, created: true };
}

/** Removes an account nothing uses any more (its secrets go with it); one still in use is kept. */
export async function dropConnectionIfUnused(db: Db, id: number): Promise<boolean> {
  try {
    return (await db.delete(platformConnections).where(eq(platformConnections.id, id)).returning()).length > 0;
  } catch (e) {
    if (isForeignKeyViolation(e)) return false;
    throw e;
  }
}

export async function markRefused(db: Db, id: number, message: string): Promise<void> {
  await db.update(platformConnections).set({ tokenInvalidAt: new Date(), lastError: message.slice(0, 500), updatedAt: new Date() }).where(eq(platformConnections.id, id));
}

/** Renews the account's access token where its platform can; the new tokens are stored sealed. */
export async function refreshConnection(ctx: Pick<AppContext, 'secrets' | 'db'>, connectionId: number): Promise<ConnectedAccount> {
  const connection = await getConnection(ctx.db, connectionId);
  const definition = connection && platform(connection.platform);
  if (!connection || !definition?.refresh) throw new Error('this account cannot refresh its tokens');
  const account = accountOf(ctx, connection);
  const renewed = await definition.refresh(account, platformEnvironment());
  await ctx.db
    .update(platformConnections)
    .set({ ...stored(ctx, connection.platform, renewed.credentials), tokenExpiresAt: renewed.expiresAt ?? null, tokenInvalidAt: null, lastError: null, updatedAt: new Date() })
    .where(eq(platformConnections.id, connection.id));
  return { ...account, credentials: renewed.credentials };
}

/** Accounts whose access token ends within a day are refreshed ahead of time where the platform allows it. */
export async function refreshExpiringTokens(ctx: Pick<AppContext, 'secrets' | 'db'>, now = new Date()): Promise<{ refreshed: number; failed: number }> {
  const soon = new Date(now.getTime() + 24 * 3600_000);
  const due = await ctx.db
    .select()
    .from(platformConnections)
    .where(and(isNull(platformConnections.tokenInvalidAt), lt(platformConnections.tokenExpiresAt, soon)));
  let refreshed = 0;
  let failed = 0;
  for (const connection of due) {
    if (!platform(connection.platform)?.refresh) continue;
    try {
      await refreshConnection(ctx, connection.id);
      refreshed++;
    } catch (e) {
      failed++;
      const message = (e instanceof Error ? e.message : String(e)).slice(0, 500);
      await ctx.db.update(platformConnections).set({ lastError: message, updatedAt: new Date() }).where(eq(platformConnections.id, connection.id));
    }
  }
  return { refreshed, failed };
}

/** Sends a text message through the account (a Zalo OA's consultation message to a citizen). */
export async function sendMessage(ctx: Pick<AppContext, 'secrets' | 'db'>, connectionId: number, userId: string, text: string): Promise<{ messageId: string }> {
  const connection = await getConnection(ctx.db, connectionId);
  const definition = connection && platform(connection.platform);
  if (!connection || !definition?.message) throw new Error('this account cannot send messages');
  return definition.message(accountOf(ctx, connection), platformEnvironment()).sendText(userId, text);
}
