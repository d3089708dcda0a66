// Backup → wipe → restore, on PGlite and (with DATABASE_URL) PostgreSQL: the same rows in every table,
// the same content, the data folder's files, a login that still works, and the installation secret
// handled on purpose (left out unless asked, a warning when the one in use is not the backup's).
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../src/app/context.ts';
import { createContext } from '../src/app/modules.ts';
import { createBackup, readManifest, restoreBackup, runScheduledBackup, saveBackupSettings, type Manifest } from '../src/backup/index.ts';
import { loadConfig, type Config } from '../src/config/env.ts';
import { openDatabase, type Database } from '../src/db/client.ts';
import { ingestPosts } from '../src/listening/index.ts';
import { openTestDatabase, type TestContext } from './context.ts';
import { buildUser, seedUnits, TEST_PASSWORD } from './factories.ts';
import { buildTestApp, login } from './http.ts';

const SECRET = 'backup-test-secret-backup-test-secret-01';
const OTHER_SECRET = 'another-secret-another-secret-another-02';
const pg = Boolean(process.env.DATABASE_URL);
let root: string;
let ctx: AppContext;
let source: Awaited<ReturnType<typeof openTestDatabase>>;
let target: Awaited<ReturnType<typeof openTestDatabase>> | undefined;

const configFor = (dataDir: string, url: string | undefined, env: Record<string, string> = {}): Config =>
  loadConfig({ NHIPCAU_DATA_DIR: dataDir, LOG_LEVEL: 'silent', NHIPCAU_DEMO: 'false', ...(url ? { DATABASE_URL: url } : {}), ...env });

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'nhipcau-backup-'));
  source = await openTestDatabase();
  // On PGlite the backup copies the server's database handle; the test's database lives in memory, as
  // the running server's lives in its folder.
  ctx = await createContext(configFor(path.join(root, 'data'), source.url, { NHIPCAU_SECRET: SECRET }), { database: source.database, log: pino({ level: 'silent' }), migrate: false });
  await seedUnits(ctx);
  await buildUser(ctx, { email: 'bientap@phuong12.vn', role: 'editor', unit: 'phuong-12' });
  await ingestPosts(
    ctx,
    'backup-test',
    Array.from({ length: 40 }, (_, i) => ({ externalId: `p${i}`, authorExternalId: `a${i % 7}`, createdAt: new Date(Date.UTC(2026, 10, 20, 8, i)), text: `Đường Ba Tháng Hai ngập nước sau cơn mưa chiều nay, bài ${i}` })),
    { create: { kind: 'file' }, processNow: true },
  );
  await mkdir(path.join(root, 'data', 'media', '2026'), { recursive: true });
  await writeFile(path.join(root, 'data', 'media', '2026', 'anh.jpg'), 'not really a jpeg');
  await writeFile(path.join(root, 'data', 'secret.key'), `${SECRET}\n`); // must stay out of a plain backup
}, 120_000);

afterAll(async () => {
  await source?.drop();
  await target?.drop();
  await rm(root, { recursive: true, force: true });
});

async function snapshot(database: Database): Promise<{ users: unknown[]; posts: unknown[]; issues: unknown[] }> {
  return {
    users: await database.query(`SELECT id, email, display_name, password_hash FROM users ORDER BY id`),
    posts: await database.query(`SELECT id, external_id, author_hash, text, issue_id, topics FROM listening_posts ORDER BY id`),
    issues: await database.query(`SELECT id, post_count, voices FROM listening_issues ORDER BY id`),
  };
}

/** The empty place a restore goes to: a new data folder, and on PostgreSQL a fresh database (migrated: not empty). */
async function restoreTarget(name: string): Promise<{ dataDir: string; url?: string }> {
  const dataDir = path.join(root, name);
  if (!pg) return { dataDir };
  target ??= await openTestDatabase();
  return { dataDir, url: target.url };
}

describe('backup and restore', () => {
  let file: string;
  let manifest: Manifest;

  it('writes one archive with a manifest, the database and the files, but not the secret', async () => {
    file = path.join(root, 'out', 'nhipcau.tar.gz');
    manifest = await createBackup(ctx, file);
    expect(manifest).toMatchObject({ app: 'nhipcau', format: 1, database: pg ? 'postgres' : 'pglite', withSecret: false, files: 1 });
    expect(manifest.tables.users).toBe(1);
    expect(manifest.tables.listening_posts).toBe(40);
    expect(manifest.secretFingerprint).toBe(ctx.secrets.fingerprint());
    expect(await readManifest(file)).toEqual(manifest);
    const names: string[] = [];
    await tar.list({ file, onReadEntry: (e) => void names.push(e.path) });
    expect(names).toContain('files/media/2026/anh.jpg');
    expect(names.some((n) => n.includes('secret'))).toBe(false);
    const dump = new Uint8Array(await readFile(file));
    expect(Buffer.from(dump).includes(Buffer.from(SECRET))).toBe(false);
  });

  it('restores into an empty place: same rows and content, the files, and a login that works', async () => {
    const before = await snapshot(ctx.database);
    const where = await restoreTarget('restored');
    const config = configFor(where.dataDir, where.url, { NHIPCAU_SECRET: SECRET });
    if (pg) {
      // A database that holds tables is refused without --force.
      await expect(restoreBackup(config, file)).rejects.toMatchObject({ messageKey: 'backup.targetNotEmpty' });
    }
    const result = await restoreBackup(config, file, { force: pg });
    expect(result.differences).toEqual([]);
    expect(result.tables).toEqual(manifest.tables);
    expect(result.secret).toBe('match');
    expect(await readFile(path.join(where.dataDir, 'media', '2026', 'anh.jpg'), 'utf8')).toBe('not really a jpeg');

    const restored = await createContext(config, { log: pino({ level: 'silent' }) });
    try {
      expect(await snapshot(restored.database)).toEqual(before);
      const app = await buildTestApp(restored as TestContext);
      const session = await login(app.app, 'bientap@phuong12.vn', TEST_PASSWORD);
      expect((await session.request('GET', '/admin')).statusCode).toBe(200);
      await app.app.close();
    } finally {
      await restored.database.close();
    }
    // A second restore into what is now full is refused; --force replaces it.
    await expect(restoreBackup(config, file)).rejects.toMatchObject({ messageKey: 'backup.targetNotEmpty' });
    expect((await restoreBackup(config, file, { force: true })).differences).toEqual([]);
  }, 120_000);

  it('warns when the secret in use is not the one the backup was made with', async () => {
    const where = await restoreTarget('other-secret');
    const result = await restoreBackup(configFor(where.dataDir, where.url, { NHIPCAU_SECRET: OTHER_SECRET }), file, { force: true });
    expect(result.secret).toBe('mismatch');
    // No secret configured and none in the folder: a new one would be made, so it cannot match.
    const bare = await restoreTarget('no-secret');
    expect((await restoreBackup(configFor(bare.dataDir, bare.url), file, { force: true })).secret).toBe('mismatch');
  }, 120_000);

  it('carries the secret only when asked, and puts it back where none is configured', async () => {
    const withSecret = path.join(root, 'out', 'with-secret.tar.gz');
    expect((await createBackup(ctx, withSecret, { withSecret: true })).withSecret).toBe(true);
    const where = await restoreTarget('with-secret');
    const result = await restoreBackup(configFor(where.dataDir, where.url), withSecret, { force: true });
    expect(result.secret).toBe('restored');
    expect((await readFile(path.join(where.dataDir, 'secret.key'), 'utf8')).trim()).toBe(SECRET);
  }, 120_000);

  it('refuses what is not a backup, and a backup of the other kind of database', async () => {
    const junk = path.join(root, 'junk.tar.gz');
    await tar.create({ gzip: true, file: junk, cwd: path.join(root, 'data') }, ['media']);
    const where = await restoreTarget('junk');
    await expect(restoreBackup(configFor(where.dataDir, where.url), junk)).rejects.toMatchObject({ messageKey: 'backup.notBackup' });
    const other = pg ? { dataDir: path.join(root, 'pglite-target') } : { dataDir: path.join(root, 'pg-target'), url: 'postgres://nobody@127.0.0.1:1/none' };
    await expect(restoreBackup(configFor(other.dataDir, other.url), file)).rejects.toMatchObject({ messageKey: 'backup.otherDatabase' });
  });

  it('scheduled backups keep the latest N and only their own files', async () => {
    const dir = path.join(root, 'scheduled');
    const scheduled = await createContext(configFor(path.join(root, 'data'), source.url, { NHIPCAU_SECRET: SECRET, NHIPCAU_BACKUP_DIR: dir }), { database: source.database, log: pino({ level: 'silent' }), migrate: false });
    expect(await runScheduledBackup(scheduled)).toBeNull(); // off until enabled
    await saveBackupSettings(scheduled, 'system', { enabled: true, hour: 3, keep: 2 });
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'notes.txt'), 'the operator\'s own file');
    const days = ['2026-12-01T20:00:00Z', '2026-12-02T20:00:00Z', '2026-12-03T20:00:00Z'];
    for (const d of days) await runScheduledBackup(scheduled, new Date(d));
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(dir)).sort()).toEqual(['nhipcau-20261203-0300.tar.gz', 'nhipcau-20261204-0300.tar.gz', 'notes.txt']);
    const [schedule] = await scheduled.database.query<{ cron: string }>(`SELECT cron FROM job_schedules WHERE name = 'backup.scheduled'`);
    expect(schedule.cron).toBe('0 3 * * *');
  }, 120_000);
});
