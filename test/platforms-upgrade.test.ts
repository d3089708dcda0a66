// Connections made before platform connections are migrated, not lost: on a database at the schema of
// the previous release, listening sources and site channel accounts are written the old way (a Page's
// token in a source's settings, sealed field by field; a site's own sealed copy), then the app migrates
// and upgrades the data. The accounts come back through the one credential store — one row for a Page
// used by both — usable for listening, publishing and the cases' Zalo notices, and nothing is left in
// the old places or in clear.
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../src/app/context.ts';
import { createContext } from '../src/app/modules.ts';
import { seal } from '../src/app/sealed.ts';
import { notifyByZalo } from '../src/cases/zalo.ts';
import { loadConfig } from '../src/config/env.ts';
import { openDatabase, type Database } from '../src/db/client.ts';
import { migrate, MIGRATIONS_FOLDER } from '../src/db/migrate.ts';
import { upgradeData } from '../src/db/upgrades.ts';
import { getSource, openSettings } from '../src/listening/sources.ts';
import { connectorFor } from '../src/listening/sources/registry.ts';
import { configurePlatforms, credentialsOf, resetPlatforms, tokenState } from '../src/platforms/index.ts';
import { getAccount } from '../src/sites/channels/accounts.ts';
import { publishing } from '../src/sites/directory.ts';
import { seedUnits } from './factories.ts';
import { facebookFeedWebhook } from './fakes/webhooks.ts';
import { ZaloFake } from './fakes/zalo.ts';
import { adminUrl, databaseUrl } from './pg-admin.ts';

const UPGRADE = 'platform_connections';
const log = pino({ level: 'silent' });
let database: Database;
let drop: () => Promise<void>;
let ctx: AppContext;
let zalo: ZaloFake;
let tokens: { accessToken: string; refreshToken: string };

/** An empty database: in memory on PGlite, a throw-away one on the PostgreSQL server of DATABASE_URL. */
async function blankDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const db = await openDatabase({});
    return { database: db, drop: () => db.close() };
  }
  const name = `nhipcau_test_${randomBytes(6).toString('hex')}`;
  const pg = (await import('pg')).default;
  const admin = new pg.Client({ connectionString: adminUrl(base) });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const db = await openDatabase({ databaseUrl: databaseUrl(base, name) });
  return {
    database: db,
    async drop() {
      await db.close().catch(() => {});
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** The migrations of the release before platform connections. */
async function olderMigrations(): Promise<{ folder: string; cleanup: () => Promise<void> }> {
  const folder = await mkdtemp(path.join(tmpdir(), 'nhipcau-migrations-'));
  await cp(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(await readFile(journalFile, 'utf8')) as { entries: Array<{ tag: string }> };
  const at = journal.entries.findIndex((e) => e.tag.endsWith(`_${UPGRADE}`));
  expect(at).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  await writeFile(journalFile, JSON.stringify(journal));
  return { folder, cleanup: () => rm(folder, { recursive: true, force: true }) };
}

const q = (text: string, params: unknown[] = []) => database.query(text, params);
const oldSourceSecret = (value: string) => `sealed:${seal(ctx.secrets.derive('listening-source-secrets'), value)}`;
const oldChannelSecrets = (values: Record<string, string>) => seal(ctx.secrets.derive('channel-tokens'), JSON.stringify(values));

const PAGE = '100200300';
const OLD_PAGE_TOKEN = 'EAAold-page-token-from-listening';
const NEW_PAGE_TOKEN = 'EAAnew-page-token-from-the-site';
const APP_SECRET = 'fb-app-secret-kept';
const ZALO_APP = '2553928453557884079';
const OA_SECRET = 'oa-secret-key-kept';
const YT_KEY = 'AIzaOldYouTubeKey-0123456789';
let site12 = 0;
let site10 = 0;

beforeAll(async () => {
  ({ database, drop } = await blankDatabase());
  const older = await olderMigrations();
  try {
    await migrate(database, older.folder);
  } finally {
    await older.cleanup();
  }
  const config = loadConfig({ NHIPCAU_DATA_DIR: `${process.env.TMPDIR ?? '/tmp'}/nhipcau-test-data`, NHIPCAU_SECRET: 'test-secret-test-secret-test-secret-0123', LOG_LEVEL: 'silent' });
  ctx = await createContext(config, { database, log, migrate: false });
  await seedUnits(ctx);
  const sites = await publishing(ctx).sites.current();
  site12 = sites.bySiteSlug('phuong-12')!.unitId;
  site10 = sites.bySiteSlug('phuong-10')!.unitId;
  zalo = await ZaloFake.start();
  tokens = zalo.issueTokens();

  // The old shapes, as the previous release wrote them.
  const fbSettings = { pageId: PAGE, pageAccessToken: oldSourceSecret(OLD_PAGE_TOKEN), appSecret: oldSourceSecret(APP_SECRET), verifyToken: '', graphVersion: '', watchPosts: 5 };
  await q(`INSERT INTO listening_sources (name, kind, label, settings, updated_at) VALUES ('fb-p12', 'facebook_page', 'Trang Phường 12', $1::jsonb, now() - interval '2 days')`, [JSON.stringify(fbSettings)]);
  await q(`INSERT INTO listening_sources (name, kind, label, settings) VALUES ('zalo-app', 'zalo_oa', 'Zalo của ứng dụng', $1::jsonb)`, [JSON.stringify({ appId: ZALO_APP, oaSecretKey: oldSourceSecret(OA_SECRET), oaId: '' })]);
  await q(`INSERT INTO listening_sources (name, kind, label, settings) VALUES ('yt-q10', 'youtube_channel', 'Kênh Quận 10', $1::jsonb)`, [JSON.stringify({ channelId: 'UCabcdefghijklmnopqrstuv', apiKey: oldSourceSecret(YT_KEY), dailyUnits: 500 })]);
  await q(`INSERT INTO listening_sources (name, kind, label, settings) VALUES ('bao', 'rss', 'Báo', $1::jsonb)`, [JSON.stringify({ url: 'https://bao.example/rss.xml' })]);
  await q(`INSERT INTO channel_accounts (site_id, channel, external_id, name, sealed, token_expires_at, updated_at) VALUES ($1, 'facebook', $2, 'Phường 12', $3, now() + interval '30 days', now() - interval '1 day')`, [site12, PAGE, oldChannelSecrets({ accessToken: NEW_PAGE_TOKEN })]);
  await q(`INSERT INTO channel_accounts (site_id, channel, external_id, name, sealed, enabled) VALUES ($1, 'zalo', $2, 'OA Phường 10', $3, true)`, [site10, zalo.oaId, oldChannelSecrets({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, appId: zalo.appId, appSecret: zalo.secretKey })]);

  // The platform connections' migration and every one after it (later releases add their own).
  const journal = JSON.parse(readFileSync(new URL('../src/db/migrations/meta/_journal.json', import.meta.url), 'utf8')) as { entries: Array<{ tag: string }> };
  expect((await migrate(database)).applied).toBe(journal.entries.length - journal.entries.findIndex((e) => e.tag.endsWith('platform_connections')));
  expect(await upgradeData(database, ctx.secrets, log)).toBe(5);
});
afterAll(async () => {
  resetPlatforms();
  await zalo?.close();
  await drop?.();
});

describe('connections of the previous release', () => {
  it('become one account per platform account: a Page used by listening and a site is one connection', async () => {
    const rows = await q(`SELECT platform, external_id, name FROM platform_connections ORDER BY platform, external_id`);
    expect(rows).toEqual([
      { platform: 'facebook', external_id: PAGE, name: 'Phường 12' },
      { platform: 'youtube', external_id: 'UCabcdefghijklmnopqrstuv', name: 'Kênh Quận 10' },
      { platform: 'zalo', external_id: zalo.oaId, name: 'OA Phường 10' },
      { platform: 'zalo', external_id: `app-${ZALO_APP}`, name: 'Zalo của ứng dụng' },
    ]);
    const source = (await getSource(ctx.db, 'fb-p12'))!;
    const account = (await getAccount(ctx, site12, 'facebook'))!;
    expect(source.connectionId).toBe(account.connectionId);
  });

  it('listening sources read their accounts back: settings as before, the latest token, the webhook secret', async () => {
    const source = (await getSource(ctx.db, 'fb-p12'))!;
    expect(source.settings).toEqual({ watchPosts: 5 });
    const connector = connectorFor('facebook_page')!;
    const settings = connector.settings.parse(await openSettings(ctx, source));
    // The site saved its token after the source did: the newer one is kept for both.
    expect(settings).toMatchObject({ pageId: PAGE, pageAccessToken: NEW_PAGE_TOKEN, appSecret: APP_SECRET, watchPosts: 5 });
    const hook = facebookFeedWebhook(PAGE, [{ item: 'comment', verb: 'add', post_id: `${PAGE}_1`, comment_id: '1_1', from: { id: '1', name: 'A' }, message: 'Đèn đường hỏng', created_time: 1_767_225_600 }], APP_SECRET);
    expect(connector.webhook!(settings, { secret: () => Buffer.alloc(32) }).authenticate({ rawBody: Buffer.from(hook.body), headers: hook.headers, query: {} })).toBe(true);

    const app = (await getSource(ctx.db, 'zalo-app'))!;
    expect(connectorFor('zalo_oa')!.settings.parse(await openSettings(ctx, app))).toEqual({ appId: ZALO_APP, oaSecretKey: OA_SECRET, oaId: '' });
    const yt = (await getSource(ctx.db, 'yt-q10'))!;
    expect(await openSettings(ctx, yt)).toEqual({ channelId: 'UCabcdefghijklmnopqrstuv', apiKey: YT_KEY, dailyUnits: 500 });
    const rss = (await getSource(ctx.db, 'bao'))!;
    expect(rss).toMatchObject({ connectionId: null, settings: { url: 'https://bao.example/rss.xml' } });
  });

  it('site channels keep their account, token date and state; the Zalo OA still messages citizens', async () => {
    const fb = (await getAccount(ctx, site12, 'facebook'))!;
    expect(fb).toMatchObject({ externalId: PAGE, name: 'Phường 12', enabled: true });
    expect(tokenState(fb)).toBe('ok');
    expect(fb.tokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    expect(credentialsOf(ctx, fb)).toMatchObject({ accessToken: NEW_PAGE_TOKEN, appSecret: APP_SECRET });
    const oa = (await getAccount(ctx, site10, 'zalo'))!;
    expect(credentialsOf(ctx, oa)).toEqual({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, appId: zalo.appId, appSecret: zalo.secretKey });
    configurePlatforms({ baseUrls: { zalo: zalo.url }, timeoutMs: 2000 });
    const tree = await ctx.units.current();
    const userId = zalo.addFollower();
    expect(await notifyByZalo(ctx, { unitId: tree.getBySlug('phuong-10')!.id, contactZalo: userId }, 'Đã dọn cây đổ.')).toBe(true);
    expect(zalo.messages).toEqual([expect.objectContaining({ userId, text: 'Đã dọn cây đổ.' })]);
  });

  it('leaves nothing in the old places or in clear, and a second start changes nothing', async () => {
    expect(await q(`SELECT 1 FROM channel_accounts WHERE connection_id IS NULL OR sealed IS NOT NULL OR external_id IS NOT NULL OR name IS NOT NULL OR token_expires_at IS NOT NULL`)).toEqual([]);
    expect(await q(`SELECT name FROM listening_sources WHERE kind <> 'rss' AND connection_id IS NULL`)).toEqual([]);
    const everything = JSON.stringify([await q('SELECT * FROM platform_connections'), await q('SELECT * FROM listening_sources'), await q('SELECT * FROM channel_accounts')]);
    for (const secret of [OLD_PAGE_TOKEN, NEW_PAGE_TOKEN, APP_SECRET, OA_SECRET, YT_KEY, tokens.accessToken, zalo.secretKey]) expect(everything).not.toContain(secret);
    expect(everything).not.toContain('sealed:');
    expect(await upgradeData(database, ctx.secrets, log)).toBe(0);
    expect(await q('SELECT count(*)::int AS n FROM platform_connections')).toEqual([{ n: 4 }]);
  });
});
