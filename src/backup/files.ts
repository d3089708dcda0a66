// The files a backup carries from the data folder: everything the app stores there (media, case
// attachments…) except what belongs to the running process or is kept apart on purpose.
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Top-level entries of the data folder a backup leaves out: the database (dumped on its own), the
 * process lock, the secret (only with --with-secret), the first-run stamp, uploads being imported, and
 * backups kept in the data folder. */
const LEFT_OUT = new Set(['pglite', 'nhipcau.lock', 'secret.key', 'schema-version', 'uploads', 'backups']);

export async function dataFiles(dataDir: string): Promise<string[]> {
  const entries = await readdir(dataDir, { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return [];
    throw e;
  });
  return entries.filter((e) => !LEFT_OUT.has(e.name) && !e.name.startsWith('.')).map((e) => e.name);
}

/** Counts regular files under the given entries of `dir`. */
export async function countFiles(dir: string, entries: string[]): Promise<number> {
  let n = 0;
  for (const name of entries) {
    const all = await readdir(path.join(dir, name), { recursive: true, withFileTypes: true }).catch(() => null);
    if (all === null) n++;
    else n += all.filter((e) => e.isFile()).length;
  }
  return n;
}
