// A fresh, migrated database and app context for one test file — PGlite by default, PostgreSQL when
// DATABASE_URL is set — so every integration test runs unchanged on both.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pino from 'pino';
import { inject } from 'vitest';
import type { AppContext } from '../src/app/context.ts';
import { createContext } from '../src/app/modules.ts';
import { loadConfig } from '../src/config/env.ts';
import { openDatabase, type Database } from '../src/db/client.ts';
import { adminUrl, databaseUrl } from './pg-admin.ts';

export interface TestContext extends AppContext {
  /** Drops the throw-away database. */
  cleanup(): Promise<void>;
}

export async function openTestDatabase(): Promise<{ database: Database; url?: string; drop(): Promise<void> }> {
  const pgTemplate = inject('pgTemplate');
  const base = process.env.DATABASE_URL;
  if (pgTemplate && base) {
    const name = `nhipcau_test_${randomBytes(6).toString('hex')}`;
    const pg = (await import('pg')).default;
    const admin = new pg.Client({ connectionString: adminUrl(base) });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${pgTemplate}`);
    const url = databaseUrl(base, name);
    const database = await openDatabase({ databaseUrl: url });
    return {
      database,
      url,
      async drop() {
        await database.close().catch(() => {});
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const tarball = await readFile(inject('pgliteTemplate'));
  const database = await openDatabase({ loadDataDir: new Blob([tarball]) });
  return { database, drop: () => database.close() };
}

export async function createTestContext(env: Record<string, string> = {}): Promise<TestContext> {
  const { database, drop } = await openTestDatabase();
  const config = loadConfig({ NHIPCAU_DATA_DIR: `${process.env.TMPDIR ?? '/tmp'}/nhipcau-test-data`, NHIPCAU_SECRET: 'test-secret-test-secret-test-secret-0123', LOG_LEVEL: 'silent', NHIPCAU_OUTBOUND_PRIVATE: '1', ...env });
  const ctx = await createContext(config, { database, log: pino({ level: process.env.TEST_LOG ?? 'silent' }), migrate: false });
  return { ...ctx, cleanup: drop };
}
