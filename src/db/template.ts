// A migrated, empty embedded database, made once when the app is installed (`npm install` runs
// scripts/build.mjs --template). A new data folder starts as a copy of it: about a second instead of
// PostgreSQL's initdb and every migration (five to six seconds). Without it, the folder is made from scratch.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { openDatabase } from './client.ts';
import { migrate, MIGRATIONS_FOLDER } from './migrate.ts';

/** The project folder: the nearest one above this file with the app's package.json. */
function appRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && existsSync(path.join(dir, 'bin', 'nhipcau.js'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

/** The template for the current migrations (its name changes with them). */
export function templateFile(): string {
  const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  const key = `${migrations.length}-${(migrations.at(-1)?.hash ?? 'none').slice(0, 16)}`;
  return path.join(appRoot(), 'node_modules', '.cache', 'nhipcau', `pglite-${key}.tar.gz`);
}

export async function readTemplate(): Promise<Blob | undefined> {
  try {
    return new Blob([await readFile(templateFile())]);
  } catch {
    return undefined;
  }
}

/** Makes the template unless it exists; returns its path. */
export async function ensureTemplate(): Promise<string> {
  const file = templateFile();
  if (existsSync(file)) return file;
  const database = await openDatabase({});
  try {
    await migrate(database);
    const client = (database.db as unknown as { $client: { dumpDataDir(c: 'gzip'): Promise<Blob> } }).$client;
    const dump = Buffer.from(await (await client.dumpDataDir('gzip')).arrayBuffer());
    await mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}`;
    await writeFile(tmp, dump);
    await rename(tmp, file);
  } finally {
    await database.close();
  }
  return file;
}
