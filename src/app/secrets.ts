// The installation secret: from NHIPCAU_SECRET, from the file NHIPCAU_SECRET_FILE names (outside the data
// folder), or generated once into the data folder. Keys for separate purposes (author hashing, token
// encryption, …) are derived from it, never reused.
import { createHmac, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export type SecretOrigin = 'variable' | 'file' | 'data-folder';

export interface Secrets {
  /** A 32-byte key for one purpose, e.g. derive('author-hash'). */
  derive(purpose: string): Buffer;
  /** Tells two secrets apart without revealing either (an HMAC of a constant): stored in backups' manifests. */
  fingerprint(): string;
  origin: SecretOrigin;
}

/** Where the secret lives when neither the variable nor the file is set. */
export const dataFolderSecret = (dataDir: string): string => path.join(dataDir, 'secret.key');

export async function loadSecrets(options: { secret?: string; secretFile?: string; dataDir: string }): Promise<Secrets> {
  const origin: SecretOrigin = options.secret ? 'variable' : options.secretFile ? 'file' : 'data-folder';
  const master = options.secret ? Buffer.from(options.secret, 'utf8') : options.secretFile ? await namedFileSecret(options.secretFile) : await fileSecret(options.dataDir);
  return secretsFrom(master, origin);
}

export function secretsFrom(master: Buffer, origin: SecretOrigin): Secrets {
  const cache = new Map<string, Buffer>();
  const derive = (purpose: string) => {
    let key = cache.get(purpose);
    if (!key) {
      key = createHmac('sha256', master).update(`nhipcau:${purpose}`).digest();
      cache.set(purpose, key);
    }
    return key;
  };
  return { derive, origin, fingerprint: () => derive('fingerprint').toString('hex').slice(0, 32) };
}

/** The secret a file holds, e.g. one written by the operator (`openssl rand -base64 32 > …`). */
export async function namedFileSecret(file: string): Promise<Buffer> {
  const text = (await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new Error(`cannot read NHIPCAU_SECRET_FILE ${file}: ${e.code ?? e.message}`);
  })).trim();
  if (text.length < 32) throw new Error(`NHIPCAU_SECRET_FILE ${file} holds fewer than 32 characters`);
  return Buffer.from(text, 'utf8');
}

async function fileSecret(dataDir: string): Promise<Buffer> {
  const file = dataFolderSecret(dataDir);
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
