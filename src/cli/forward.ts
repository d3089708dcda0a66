// Sends a command line to the server that holds the embedded database, and relays its output as the
// server writes it: the answer is a stream of JSON lines (NDJSON), {"out": text} and {"err": text} as
// the command prints, then {"code": n} when it ends — so an import's progress bar and summary appear
// while the server works. The working directory travels with it (so relative file paths mean what the
// user meant), and whether standard error is a terminal (progress bars are drawn on one). There is no
// time limit: an import of a large file may run for many minutes. A server that answers with one JSON
// object ({code, stdout, stderr}, before streaming existed) is understood too.
import http from 'node:http';
import type { LockInfo } from '../app/lock.ts';
import type { CliIO } from './io.ts';

export const FORWARD_PATH = '/api/internal/cli';
export const FORWARD_HEADER = 'x-nhipcau-cli-token';
export const NDJSON = 'application/x-ndjson';

/** One line of the streamed answer. */
export type ForwardLine = { out: string } | { err: string } | { code: number };

export async function forward(lock: LockInfo, argv: string[], io: CliIO): Promise<number> {
  if (!lock.url) throw new Error(`the server (pid ${lock.pid}) holding the data folder is still starting; try again in a few seconds`);
  const stdin = io.interactive ? '' : await io.readStdin();
  const payload = JSON.stringify({ argv, stdin, cwd: process.cwd(), tty: Boolean(io.tty) });
  return new Promise<number>((resolve, reject) => {
    const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), accept: `${NDJSON}, application/json`, [FORWARD_HEADER]: lock.token };
    const req = http.request(new URL(FORWARD_PATH, lock.url), { method: 'POST', headers }, (res) => {
      res.on('error', reject);
      const status = res.statusCode ?? 0;
      if (status < 200 || status >= 300) {
        res.resume();
        return reject(new Error(`the running server (pid ${lock.pid}) refused the command: HTTP ${status}`));
      }
      if (!String(res.headers['content-type'] ?? '').startsWith(NDJSON)) return legacy(res, io).then(resolve, reject);
      res.setEncoding('utf8');
      let pending = '';
      let code: number | undefined;
      const line = (text: string) => {
        if (!text.trim()) return;
        const msg = JSON.parse(text) as Partial<{ out: string; err: string; code: number }>;
        if (typeof msg.err === 'string') io.err(msg.err);
        if (typeof msg.out === 'string') io.out(msg.out);
        if (typeof msg.code === 'number') code = msg.code;
      };
      res.on('data', (chunk: string) => {
        pending += chunk;
        let nl: number;
        while ((nl = pending.indexOf('\n')) >= 0) {
          line(pending.slice(0, nl));
          pending = pending.slice(nl + 1);
        }
      });
      res.on('end', () => {
        line(pending);
        if (code === undefined) reject(new Error(`the running server (pid ${lock.pid}) stopped before the command finished`));
        else resolve(code);
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** The whole answer in one JSON object, from a server started before answers were streamed. */
async function legacy(res: http.IncomingMessage, io: CliIO): Promise<number> {
  const chunks: Buffer[] = [];
  for await (const c of res) chunks.push(c as Buffer);
  const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { code: number; stdout: string; stderr: string };
  if (body.stderr) io.err(body.stderr);
  if (body.stdout) io.out(body.stdout);
  return body.code;
}
