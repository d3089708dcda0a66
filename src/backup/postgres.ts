// PostgreSQL backups through the server's own client tools: pg_dump (custom format) and pg_restore.
// They come with the PostgreSQL client package (Debian/Ubuntu: postgresql-client), in the same major
// version as the server or newer. The password travels in the environment, never on a command line.
import { spawn } from 'node:child_process';
import { tableCounts } from './manifest.ts';

export class ClientToolMissing extends Error {
  constructor(readonly tool: string) {
    super(`${tool} not found: PostgreSQL backups need the PostgreSQL client tools (pg_dump, pg_restore) on the PATH — Debian/Ubuntu: apt-get install postgresql-client`);
  }
}

/** libpq's environment for a connection URL, so the password is not visible in the process list. */
export function connectionEnv(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env };
}

export function runTool(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    child.on('error', (e: NodeJS.ErrnoException) => reject(e.code === 'ENOENT' ? new ClientToolMissing(tool) : e));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${tool} failed (exit ${code}): ${stderr.trim()}`))));
  });
}

/**
 * Dumps the database to `file` and counts its rows in the same snapshot: the counts are read in a
 * repeatable-read transaction whose snapshot pg_dump is handed, so both see one moment.
 */
export async function dumpPostgres(url: string, file: string): Promise<Record<string, number>> {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const [{ snapshot }] = (await client.query<{ snapshot: string }>('SELECT pg_export_snapshot() AS snapshot')).rows;
    const counts = await tableCounts(async (text, params) => (await client.query(text, params)).rows);
    const { dbname, env } = connectionEnv(url);
    await runTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--snapshot=${snapshot}`, `--file=${file}`, `--dbname=${dbname}`], env);
    await client.query('COMMIT');
    return counts;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function restorePostgres(url: string, file: string): Promise<void> {
  const { dbname, env } = connectionEnv(url);
  await runTool('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${dbname}`, file], env);
}

/** Tables of the app's schemas in a PostgreSQL database (an empty database has none). */
export async function postgresTables(url: string): Promise<number> {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema IN ('public', 'drizzle')`);
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}

/** Empties the database for a forced restore: the app's schemas are dropped and public made again. */
export async function wipePostgres(url: string): Promise<void> {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('DROP SCHEMA IF EXISTS drizzle CASCADE; DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public');
  } finally {
    await client.end();
  }
}
