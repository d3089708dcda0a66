// Sends a command line to the server that holds the embedded database, and relays its output.
// The working directory travels with it (so relative file paths mean what the user meant), and there
// is no time limit: an import of a large file may run for many minutes.
import http from 'node:http';
import type { LockInfo } from '../app/lock.ts';
import type { CliIO } from './io.ts';

export const FORWARD_PATH = '/api/internal/cli';
export const FORWARD_HEADER = 'x-nhipcau-cli-token';

export async function forward(lock: LockInfo, argv: string[], io: CliIO): Promise<number> {
  if (!lock.url) throw new Error(`the server (pid ${lock.pid}) holding the data folder is still starting; try again in a few seconds`);
  const stdin = io.interactive ? '' : await io.readStdin();
  const payload = JSON.stringify({ argv, stdin, cwd: process.cwd() });
  const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = http.request(new URL(FORWARD_PATH, lock.url), { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), [FORWARD_HEADER]: lock.token } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
  if (status < 200 || status >= 300) throw new Error(`the running server (pid ${lock.pid}) refused the command: HTTP ${status}`);
  const body = JSON.parse(text) as { code: number; stdout: string; stderr: string };
  if (body.stderr) io.err(body.stderr);
  if (body.stdout) io.out(body.stdout);
  return body.code;
}
