// PGlite serves one process per data folder. The running server records itself here, so that a second
// process either talks to it (CLI commands) or stops with a clear message instead of corrupting data.
import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomToken } from '../auth/index.ts';

export interface LockInfo {
  pid: number;
  /** Where the server listens, once it does; CLI commands are forwarded there. */
  url?: string;
  /** Shared secret for forwarded CLI commands; the file is readable by its owner only. */
  token: string;
  startedAt: string;
}

export class DataFolderBusyError extends Error {
  constructor(readonly dataDir: string, readonly holder: LockInfo) {
    super(`the data folder ${dataDir} is in use by another Nhịp Cầu process (pid ${holder.pid}${holder.url ? `, ${holder.url}` : ''}); stop it first, or run this command while it is running so it goes through it`);
  }
}

const lockPath = (dataDir: string) => path.join(dataDir, 'nhipcau.lock');

export async function readLock(dataDir: string): Promise<LockInfo | undefined> {
  try {
    const info = JSON.parse(await readFile(lockPath(dataDir), 'utf8')) as LockInfo;
    return isAlive(info.pid) ? info : undefined;
  } catch {
    return undefined;
  }
}

export interface Lock {
  info: LockInfo;
  setUrl(url: string): Promise<void>;
  release(): Promise<void>;
}

export async function acquireLock(dataDir: string): Promise<Lock> {
  const file = lockPath(dataDir);
  await mkdir(dataDir, { recursive: true });
  const info: LockInfo = { pid: process.pid, token: randomToken(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, JSON.stringify(info), { flag: 'wx', mode: 0o600 });
      return {
        info,
        async setUrl(url) {
          info.url = url;
          await writeFile(file, JSON.stringify(info), { mode: 0o600 });
        },
        async release() {
          const current = await readLock(dataDir);
          if (!current || current.pid === process.pid) await unlink(file).catch(() => {});
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = await readLock(dataDir);
      if (holder && holder.pid !== process.pid) throw new DataFolderBusyError(dataDir, holder);
      await unlink(file).catch(() => {}); // left by a process that died
    }
  }
  throw new Error(`could not lock ${file}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
