// Before platform connections, a platform account was kept twice: a listening source held its Page's
// token in its settings (each secret sealed apart, key "listening-source-secrets", prefix "sealed:"), and
// a site's channel account held its own copy (one sealed JSON, key "channel-tokens"). This moves both
// into platform_connections — one row per (platform, account id), secrets sealed once under
// "platform-credentials" — points the sources and channel accounts at it, and empties the old places.
// Where several old places name the same account, the most recently saved value of each field wins.
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { seal, unseal } from '../../app/sealed.ts';
import type { Secrets } from '../../app/secrets.ts';
import type { Database } from '../client.ts';
import type { Upgrade, UpgradeTx } from '../upgrades.ts';

type Values = Record<string, string>;

/** The listening kinds that named a platform account, as they were: settings field → account field. */
const SOURCE_KINDS: Record<string, { platform: string; idField: string; fields: Record<string, string>; fallbackId?: (s: Record<string, unknown>) => string }> = {
  facebook_page: { platform: 'facebook', idField: 'pageId', fields: { pageAccessToken: 'accessToken', appSecret: 'appSecret', verifyToken: 'verifyToken', graphVersion: 'graphVersion' } },
  youtube_channel: { platform: 'youtube', idField: 'channelId', fields: { apiKey: 'apiKey' } },
  zalo_oa: { platform: 'zalo', idField: 'oaId', fields: { appId: 'appId', oaSecretKey: 'oaSecretKey' }, fallbackId: (s) => `app-${String(s.appId ?? '')}` },
};
/** Account fields that are not secret (kept in clear beside the sealed ones). */
const PLAIN = new Set(['appId', 'graphVersion']);
const LEGACY_PREFIX = 'sealed:';

interface Found {
  platform: string;
  externalId: string;
  name: string;
  values: Values;
  at: Date;
  token?: { expiresAt: Date | null; invalidAt: Date | null; lastError: string | null };
  point: (tx: UpgradeTx, connectionId: number) => Promise<void>;
}

const rowsOf = async <T>(tx: UpgradeTx, query: ReturnType<typeof sql>): Promise<T[]> => ((await tx.execute(query)) as unknown as { rows: T[] }).rows;

const sourcesQuery = sql`SELECT id, kind, label, settings, updated_at FROM listening_sources WHERE connection_id IS NULL AND kind IN ('facebook_page', 'youtube_channel', 'zalo_oa') ORDER BY id`;
const accountsQuery = sql`SELECT id, channel, external_id, name, sealed, token_expires_at, token_invalid_at, last_error, updated_at FROM channel_accounts WHERE connection_id IS NULL AND sealed IS NOT NULL ORDER BY id`;

export const upgradePlatformConnections: Upgrade = Object.assign(
  async (tx: UpgradeTx, secrets: Secrets, log: Pick<Logger, 'warn'>): Promise<number> => {
    const found: Found[] = [];
    const sourceKey = secrets.derive('listening-source-secrets');
    for (const s of await rowsOf<{ id: number; kind: string; label: string; settings: Record<string, unknown>; updated_at: string | Date }>(tx, sourcesQuery)) {
      const kind = SOURCE_KINDS[s.kind];
      try {
        const open = Object.fromEntries(Object.entries(s.settings ?? {}).map(([k, v]) => [k, typeof v === 'string' && v.startsWith(LEGACY_PREFIX) ? unseal(sourceKey, v.slice(LEGACY_PREFIX.length)) : v]));
        const values: Values = {};
        for (const [from, to] of Object.entries(kind.fields)) if (typeof open[from] === 'string' && open[from]) values[to] = open[from] as string;
        const own = Object.fromEntries(Object.entries(open).filter(([k]) => k !== kind.idField && !(k in kind.fields)));
        const externalId = String(open[kind.idField] ?? '') || kind.fallbackId?.(open) || '';
        if (!externalId) throw new Error('no account id');
        found.push({
          platform: kind.platform,
          externalId,
          name: s.label,
          values,
          at: new Date(s.updated_at),
          point: async (t, connectionId) => {
            await t.execute(sql`UPDATE listening_sources SET connection_id = ${connectionId}, settings = ${JSON.stringify(own)}::jsonb WHERE id = ${s.id}`);
          },
        });
      } catch (e) {
        log.warn({ source: s.id, err: (e as Error).message }, 'upgrade: a listening source kept its old settings (its secrets could not be read)');
      }
    }
    const channelKey = secrets.derive('channel-tokens');
    for (const a of await rowsOf<{ id: number; channel: string; external_id: string; name: string; sealed: string; token_expires_at: string | Date | null; token_invalid_at: string | Date | null; last_error: string | null; updated_at: string | Date }>(tx, accountsQuery)) {
      try {
        const values = Object.fromEntries(Object.entries(JSON.parse(unseal(channelKey, a.sealed)) as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
        const date = (v: string | Date | null) => (v === null ? null : new Date(v));
        found.push({
          platform: a.channel,
          externalId: a.external_id,
          name: a.name,
          values,
          at: new Date(a.updated_at),
          token: { expiresAt: date(a.token_expires_at), invalidAt: date(a.token_invalid_at), lastError: a.last_error },
          point: async (t, connectionId) => {
            await t.execute(
              sql`UPDATE channel_accounts SET connection_id = ${connectionId}, external_id = NULL, name = NULL, sealed = NULL, token_expires_at = NULL, token_invalid_at = NULL, last_error = NULL WHERE id = ${a.id}`,
            );
          },
        });
      } catch (e) {
        log.warn({ channelAccount: a.id, err: (e as Error).message }, 'upgrade: a channel account kept its old credentials (they could not be read)');
      }
    }

    // Oldest first, so the most recently saved value of a field is the one kept.
    found.sort((a, b) => a.at.getTime() - b.at.getTime());
    const key = secrets.derive('platform-credentials');
    for (const f of found) {
      const [current] = await rowsOf<{ id: number; settings: Values; sealed: string }>(tx, sql`SELECT id, settings, sealed FROM platform_connections WHERE platform = ${f.platform} AND external_id = ${f.externalId}`);
      const merged: Values = { ...(current?.settings ?? {}), ...(current ? (JSON.parse(unseal(key, current.sealed)) as Values) : {}), ...f.values };
      const plain = JSON.stringify(Object.fromEntries(Object.entries(merged).filter(([k]) => PLAIN.has(k))));
      const sealed = seal(key, JSON.stringify(Object.fromEntries(Object.entries(merged).filter(([k]) => !PLAIN.has(k)))));
      let id = current?.id;
      if (id === undefined) {
        const [row] = await rowsOf<{ id: number }>(tx, sql`INSERT INTO platform_connections (platform, external_id, name, settings, sealed) VALUES (${f.platform}, ${f.externalId}, ${f.name || f.externalId}, ${plain}::jsonb, ${sealed}) RETURNING id`);
        id = row.id;
      } else {
        await tx.execute(sql`UPDATE platform_connections SET settings = ${plain}::jsonb, sealed = ${sealed}, updated_at = now() WHERE id = ${id}`);
      }
      // The token's state is the publishing account's (listening never recorded one).
      if (f.token) {
        await tx.execute(sql`UPDATE platform_connections SET name = ${f.name}, token_expires_at = ${f.token.expiresAt}, token_invalid_at = ${f.token.invalidAt}, last_error = ${f.token.lastError} WHERE id = ${id}`);
      }
      await f.point(tx, id);
    }
    return found.length;
  },
  {
    async pending(database: Database): Promise<boolean> {
      const [row] = await database.query<{ n: number }>(
        `SELECT (SELECT count(*) FROM listening_sources WHERE connection_id IS NULL AND kind IN ('facebook_page', 'youtube_channel', 'zalo_oa')) + (SELECT count(*) FROM channel_accounts WHERE connection_id IS NULL AND sealed IS NOT NULL) AS n`,
      );
      return Number(row?.n ?? 0) > 0;
    },
  },
);
