// Opens the database: embedded PGlite in the data folder by default, PostgreSQL when DATABASE_URL is set.
// Both give the same drizzle type, so everything above this file is written once.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DbKind;
  /** Runs a statement with positional parameters and returns rows (for the few places drizzle cannot express). */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Subscribes to NOTIFY on a channel; returns an unsubscribe function. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  /**
   * Runs `fn` while this process holds the advisory lock `key`, so that processes sharing a database
   * server do start-up work one at a time. The lock is taken and released on one connection of its own
   * (a session lock taken through the pool could be released on another connection, and never freed).
   * An embedded database has one process (the data folder's lock): `fn` just runs.
   */
  exclusive<T>(key: number, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** PGlite only: a copy of the data folder (gzipped tar) for backups, taken between transactions after a checkpoint. */
  dumpDataDir?(): Promise<Blob>;
}

export interface OpenOptions {
  databaseUrl?: string;
  /** Folder for PGlite data; `pglite/` is created inside it. Omit for an in-memory database. */
  dataDir?: string;
  /** PGlite only: start from a dumped data folder (a migrated template, for tests). */
  loadDataDir?: Blob;
  /** PGlite only: PostgreSQL's buffer cache inside the process (default 32MB; PostgreSQL's own default, 128MB, would double idle memory). */
  sharedBuffers?: string;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options);
}

async function openPglite(options: OpenOptions): Promise<Database> {
  const [{ PGlite }, { unaccent }, { pg_trgm }, { drizzle }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/unaccent'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('drizzle-orm/pglite'),
  ]);
  let dir: string | undefined;
  let loadDataDir = options.loadDataDir;
  if (options.dataDir) {
    dir = path.join(options.dataDir, 'pglite');
    await mkdir(options.dataDir, { recursive: true }); // PGlite does not create parent folders
    if (!loadDataDir && !existsSync(path.join(dir, 'PG_VERSION'))) loadDataDir = await (await import('./template.ts')).readTemplate();
  }
  const client = await PGlite.create(dir, {
    extensions: { unaccent, pg_trgm },
    loadDataDir,
    postgresqlconf: [`shared_buffers=${options.sharedBuffers ?? '32MB'}`],
  });
  const db = drizzle({ client, schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    async query<T>(text: string, params: unknown[] = []) {
      return (await client.query<T>(text, params)).rows;
    },
    async listen(channel, onNotify) {
      const unsub = await client.listen(channel, onNotify);
      return async () => unsub();
    },
    exclusive: (_key, fn) => fn(),
    async close() {
      await client.close();
    },
    async dumpDataDir() {
      await client.query('CHECKPOINT');
      // PGlite's transaction mutex keeps the copy from falling inside a transaction; the copy itself
      // holds the query mutex, so nothing writes while it is taken.
      const exclusive = (client as unknown as { _runExclusiveTransaction<T>(fn: () => Promise<T>): Promise<T> })._runExclusiveTransaction.bind(client);
      return exclusive(() => client.dumpDataDir('gzip'));
    },
  };
}

async function openPostgres(url: string): Promise<Database> {
  const [{ default: pg }, { drizzle }] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres')]);
  // Timestamps come back as Date objects and bigint counts as numbers (they stay below 2^53 here).
  pg.types.setTypeParser(20, (v: string) => Number(v));
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on('error', () => {}); // idle-client errors surface on the next query instead of crashing
  const db = drizzle({ client: pool, schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    async query<T>(text: string, params: unknown[] = []) {
      return (await pool.query(text, params)).rows as T[];
    },
    async listen(channel, onNotify) {
      const client = await pool.connect();
      const handler = (msg: { channel: string; payload?: string }) => {
        if (msg.channel === channel) onNotify(msg.payload ?? '');
      };
      client.on('notification', handler);
      await client.query(`LISTEN ${quoteIdent(channel)}`);
      return async () => {
        client.off('notification', handler);
        await client.query(`UNLISTEN ${quoteIdent(channel)}`).catch(() => {});
        client.release();
      };
    },
    async exclusive(key, fn) {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [key]);
        try {
          return await fn();
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [key]);
        }
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;
