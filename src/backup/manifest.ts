// What a backup says about itself (manifest.json at the top of the archive): the format, the app's
// version and schema, when, which database, the rows of each table, and a fingerprint of the
// installation secret the data was made with (never the secret itself, unless asked for).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database, DbKind } from '../db/client.ts';

export const FORMAT = 1;
export const MANIFEST = 'manifest.json';
export const PGLITE_DUMP = 'database/pglite.tar.gz';
export const POSTGRES_DUMP = 'database/postgres.dump';
/** Files of the data folder (media, case attachments…) under this folder of the archive. */
export const FILES = 'files';
export const SECRET = 'secret.key';

export interface Manifest {
  format: number;
  app: string;
  version: string;
  /** The last migration applied to the data. */
  schema: string | null;
  createdAt: string;
  database: DbKind;
  tables: Record<string, number>;
  /** HMAC of a constant with the installation secret: tells at restore whether the secret matches. */
  secretFingerprint: string;
  withSecret: boolean;
  files: number;
}

/** The app's version, from the package.json above this file (sources, or a build under dist/). */
export function appVersion(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'nhipcau' && pkg.version) return pkg.version;
    } catch {
      // not here: look one folder up
    }
  }
  return 'unknown';
}

/** Row counts of every table, read in one snapshot when `query` runs inside a transaction. */
export async function tableCounts(query: Database['query']): Promise<Record<string, number>> {
  const tables = await query<{ name: string }>(
    `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND table_schema IN ('public', 'drizzle') ORDER BY table_schema, table_name`,
  );
  if (!tables.length) return {};
  const [row] = await query<Record<string, number>>(`SELECT ${tables.map((t, i) => `(SELECT count(*) FROM ${t.name})::int AS c${i}`).join(', ')}`);
  return Object.fromEntries(tables.map((t, i) => [t.name.replace(/^public\./, '').replace(/"/g, ''), Number(row[`c${i}`])]));
}

export async function lastMigration(query: Database['query']): Promise<string | null> {
  const [exists] = await query<{ t: string | null }>(`SELECT to_regclass('drizzle.__drizzle_migrations')::text AS t`);
  if (!exists?.t) return null;
  const [row] = await query<{ hash: string; created_at: string }>('SELECT hash, created_at::text FROM drizzle.__drizzle_migrations ORDER BY created_at DESC LIMIT 1');
  return row ? `${row.created_at}:${row.hash.slice(0, 12)}` : null;
}
