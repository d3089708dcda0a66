// Sends a command line to the server that holds the embedded database, and relays its output.
import type { LockInfo } from '../app/lock.ts';
import type { CliIO } from './io.ts';

export const FORWARD_PATH = '/api/internal/cli';
export const FORWARD_HEADER = 'x-nhipcau-cli-token';

export async function forward(lock: LockInfo, argv: string[], io: CliIO): Promise<number> {
  if (!lock.url) throw new Error(`the server (pid ${lock.pid}) holding the data folder is still starting; try again in a few seconds`);
  const stdin = io.interactive ? '' : await io.readStdin();
  const res = await fetch(new URL(FORWARD_PATH, lock.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', [FORWARD_HEADER]: lock.token },
    body: JSON.stringify({ argv, stdin }),
  });
  if (!res.ok) throw new Error(`the running server (pid ${lock.pid}) refused the command: HTTP ${res.status}`);
  const body = (await res.json()) as { code: number; stdout: string; stderr: string };
  if (body.stderr) io.err(body.stderr);
  if (body.stdout) io.out(body.stdout);
  return body.code;
}
