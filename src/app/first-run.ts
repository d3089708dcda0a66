// Creating and migrating an embedded database grows PGlite's WebAssembly heap for good (about +150 MB).
// So the server does that work in a short-lived child process (`nhipcau migrate`) and opens a ready
// database itself. A stamp in the data folder records the schema it was prepared for.
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { MIGRATIONS_FOLDER } from '../db/migrate.ts';

// The CLI of the same build as this file: compiled JavaScript in dist/, or TypeScript through tsx.
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const MAIN = fileURLToPath(new URL(FROM_SOURCE ? '../cli/main.ts' : '../cli/main.js', import.meta.url));
const stampPath = (dataDir: string) => path.join(dataDir, 'schema-version');
const latestSchema = (): string => readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).at(-1)?.hash ?? 'none';

export async function isPrepared(dataDir: string): Promise<boolean> {
  try {
    return (await readFile(stampPath(dataDir), 'utf8')).trim() === latestSchema();
  } catch {
    return false;
  }
}

export async function markPrepared(dataDir: string): Promise<void> {
  await writeFile(stampPath(dataDir), `${latestSchema()}\n`);
}

export async function prepareInChild(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const code = await new Promise<number>((resolve, reject) => {
    const args = FROM_SOURCE ? ['--import', 'tsx', MAIN, 'migrate'] : [MAIN, 'migrate'];
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (c) => resolve(c ?? 1));
  });
  if (code !== 0) throw new Error(`preparing the embedded database failed (nhipcau migrate exited with ${code})`);
}
