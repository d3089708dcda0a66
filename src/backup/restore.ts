// `nhipcau restore FILE`: into an empty data folder (PGlite) or an empty database (PostgreSQL), with
// the server stopped. A target holding data is refused unless forced. Warns when the installation secret
// in use is not the one the backup was made with: author hashes would no longer match new posts of the
// same authors, and sealed credentials (SMTP, connected accounts) could not be opened.
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as tar from 'tar';
import { dataFolderSecret, loadSecrets, secretsFrom } from '../app/secrets.ts';
import type { Config } from '../config/env.ts';
import { openDatabase } from '../db/client.ts';
import { conflict, invalid } from '../core/errors.ts';
import { FILES, FORMAT, MANIFEST, PGLITE_DUMP, POSTGRES_DUMP, SECRET, tableCounts, type Manifest } from './manifest.ts';
import { postgresTables, restorePostgres, wipePostgres } from './postgres.ts';
import { dataFiles } from './files.ts';

export interface RestoreOptions {
  /** Replace what the target holds. */
  force?: boolean;
}

export interface RestoreResult {
  manifest: Manifest;
  /** Row counts of the restored database. */
  tables: Record<string, number>;
  /** Tables whose counts differ from the manifest's. */
  differences: string[];
  secret: 'match' | 'restored' | 'mismatch';
}

export async function readManifest(file: string): Promise<Manifest> {
  let text = '';
  await tar.list({ file, onReadEntry: (e) => (e.path === MANIFEST ? e.on('data', (d: Buffer) => (text += d.toString())) : e.resume()) });
  if (!text) throw invalid('backup.notBackup');
  const m = JSON.parse(text) as Manifest;
  if (m.app !== 'nhipcau' || typeof m.format !== 'number') throw invalid('backup.notBackup');
  if (m.format > FORMAT) throw invalid('backup.newerFormat');
  return m;
}

export async function restoreBackup(config: Config, file: string, options: RestoreOptions = {}): Promise<RestoreResult> {
  const manifest = await readManifest(file);
  const target = config.databaseUrl ? 'postgres' : 'pglite';
  if (manifest.database !== target) throw invalid('backup.otherDatabase', { backup: manifest.database, target });
  const present = await dataFiles(config.dataDir);
  const hasDatabase = config.databaseUrl ? (await postgresTables(config.databaseUrl)) > 0 : await exists(path.join(config.dataDir, 'pglite'));
  if ((hasDatabase || present.length) && !options.force) throw conflict('backup.targetNotEmpty');

  await mkdir(config.dataDir, { recursive: true });
  const stage = await mkdtemp(path.join(config.dataDir, '.nhipcau-restore-'));
  try {
    await tar.extract({ file, cwd: stage, strict: true });
    // The target is emptied only once the archive has been read whole.
    for (const name of present) await rm(path.join(config.dataDir, name), { recursive: true, force: true });
    await rm(path.join(config.dataDir, 'schema-version'), { force: true });
    let tables: Record<string, number>;
    if (config.databaseUrl) {
      if (hasDatabase) await wipePostgres(config.databaseUrl);
      await restorePostgres(config.databaseUrl, path.join(stage, POSTGRES_DUMP));
      const database = await openDatabase({ databaseUrl: config.databaseUrl });
      try {
        tables = await tableCounts(database.query);
      } finally {
        await database.close();
      }
    } else {
      await rm(path.join(config.dataDir, 'pglite'), { recursive: true, force: true });
      const dump = new Blob([await readFile(path.join(stage, PGLITE_DUMP))]);
      const database = await openDatabase({ dataDir: config.dataDir, loadDataDir: dump });
      try {
        tables = await tableCounts(database.query);
      } finally {
        await database.close();
      }
    }
    if (await exists(path.join(stage, FILES))) {
      for (const name of await readdir(path.join(stage, FILES))) await cp(path.join(stage, FILES, name), path.join(config.dataDir, name), { recursive: true });
    }
    const secret = await placeSecret(config, manifest, path.join(stage, SECRET), options);
    const differences = Object.keys({ ...manifest.tables, ...tables }).filter((t) => manifest.tables[t] !== tables[t]);
    return { manifest, tables, differences, secret };
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

/** Puts a secret carried by the backup in the data folder when none is configured; tells whether the secret in use is the backup's. */
async function placeSecret(config: Config, manifest: Manifest, carried: string, options: RestoreOptions): Promise<RestoreResult['secret']> {
  const own = config.secret || config.secretFile;
  const inFolder = dataFolderSecret(config.dataDir);
  if (manifest.withSecret && !own && (options.force || !(await exists(inFolder)))) {
    const text = (await readFile(carried, 'utf8')).trim();
    if (secretsFrom(Buffer.from(text, 'utf8'), 'data-folder').fingerprint() === manifest.secretFingerprint) {
      await writeFile(inFolder, `${text}\n`, { mode: 0o600 });
      return 'restored';
    }
  }
  if (!own && !(await exists(inFolder))) return 'mismatch'; // a new secret would be made at the first start
  const secrets = await loadSecrets({ secret: config.secret, secretFile: config.secretFile, dataDir: config.dataDir });
  return secrets.fingerprint() === manifest.secretFingerprint ? 'match' : 'mismatch';
}

async function exists(p: string): Promise<boolean> {
  return (await readdir(path.dirname(p)).catch(() => [] as string[])).includes(path.basename(p));
}
