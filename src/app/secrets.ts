// The installation secret: from NHIPCAU_SECRET, or generated once into the data folder.
// Keys for separate purposes (author hashing, token encryption, …) are derived from it, never reused.
import { createHmac, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface Secrets {
  /** A 32-byte key for one purpose, e.g. derive('author-hash'). */
  derive(purpose: string): Buffer;
}

export async function loadSecrets(options: { secret?: string; dataDir: string }): Promise<Secrets> {
  const master = options.secret ? Buffer.from(options.secret, 'utf8') : await fileSecret(options.dataDir);
  const cache = new Map<string, Buffer>();
  return {
    derive(purpose) {
      let key = cache.get(purpose);
      if (!key) {
        key = createHmac('sha256', master).update(`nhipcau:${purpose}`).digest();
        cache.set(purpose, key);
      }
      return key;
    },
  };
}

async function fileSecret(dataDir: string): Promise<Buffer> {
  const file = path.join(dataDir, 'secret.key');
  try {
    const text = (await readFile(file, 'utf8')).trim();
    if (text.length >= 32) return Buffer.from(text, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' }).catch(async (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EEXIST') throw e; // another process won the race: use its secret
  });
  return Buffer.from((await readFile(file, 'utf8')).trim(), 'utf8');
}
