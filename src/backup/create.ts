// `nhipcau backup FILE`: one archive (tar, gzip) with the manifest, the database and the data folder's
// files. On PGlite it runs inside the server that holds the data folder (the CLI forwards it there), so
// the copy comes from the server's own database handle between two transactions; on PostgreSQL pg_dump
// takes one snapshot. The database is copied first, files after: a file uploaded meanwhile is carried
// without its row, never a row without its file.
import { chmod, mkdir, mkdtemp, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import * as tar from 'tar';
import type { AppContext } from '../app/context.ts';
import { dataFolderSecret } from '../app/secrets.ts';
import { countFiles, dataFiles } from './files.ts';
import { appVersion, FILES, FORMAT, lastMigration, MANIFEST, PGLITE_DUMP, POSTGRES_DUMP, SECRET, tableCounts, type Manifest } from './manifest.ts';
import { dumpPostgres } from './postgres.ts';

export interface BackupOptions {
  /** Put the installation secret in the archive (then keep the archive as safe as the secret). */
  withSecret?: boolean;
}

export async function createBackup(ctx: AppContext, file: string, options: BackupOptions = {}): Promise<Manifest> {
  const target = path.resolve(file);
  await mkdir(path.dirname(target), { recursive: true });
  // Staged beside the target, so the finished archive is renamed into place, never seen half-written.
  const stage = await mkdtemp(path.join(path.dirname(target), '.nhipcau-backup-'));
  try {
    await mkdir(path.join(stage, 'database'));
    let tables: Record<string, number>;
    const database = ctx.database;
    if (database.kind === 'postgres') {
      tables = await dumpPostgres(ctx.config.databaseUrl as string, path.join(stage, POSTGRES_DUMP));
    } else {
      if (!database.dumpDataDir) throw new Error('this database cannot be copied');
      // Counted in one transaction just before the copy; a write landing between the two shows as a
      // small difference at restore, which says so.
      tables = await database.db.transaction(async (tx) => tableCounts(async <T,>(text: string) => ((await tx.execute(sql.raw(text))) as unknown as { rows: T[] }).rows));
      const dump = await database.dumpDataDir();
      await writeFile(path.join(stage, PGLITE_DUMP), Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
    }
    const entries = await dataFiles(ctx.config.dataDir);
    if (entries.length) {
      await mkdir(path.join(stage, FILES));
      for (const name of entries) await symlink(path.join(ctx.config.dataDir, name), path.join(stage, FILES, name));
    }
    const withSecret = Boolean(options.withSecret);
    if (withSecret) await writeFile(path.join(stage, SECRET), `${await secretText(ctx)}\n`, { mode: 0o600 });
    const manifest: Manifest = {
      format: FORMAT,
      app: 'nhipcau',
      version: appVersion(),
      schema: await lastMigration(database.query),
      createdAt: new Date().toISOString(),
      database: database.kind,
      tables,
      secretFingerprint: ctx.secrets.fingerprint(),
      withSecret,
      files: await countFiles(ctx.config.dataDir, entries),
    };
    await writeFile(path.join(stage, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    const partial = `${target}.partial`;
    const members = [MANIFEST, 'database', ...(entries.length ? [FILES] : []), ...(withSecret ? [SECRET] : [])];
    // follow: the data folder's entries are linked into the stage and archived as what they point to.
    await tar.create({ gzip: true, file: partial, cwd: stage, follow: true, portable: true }, members);
    await chmod(partial, 0o600); // it may hold personal data (and the secret when asked)
    await rename(partial, target);
    return manifest;
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

/** The secret as configured: the variable, the named file, or the data folder's file. */
async function secretText(ctx: AppContext): Promise<string> {
  if (ctx.config.secret) return ctx.config.secret;
  return (await readFile(ctx.config.secretFile ?? dataFolderSecret(ctx.config.dataDir), 'utf8')).trim();
}
