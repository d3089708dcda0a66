// Resident memory of the embedded app: `nhipcau start` on a fresh data folder (first start prepares the
// database and seeds the demo), then idle. Prints RSS after start-up and after a minute of idling.
// Usage: npm run bench:memory [-- --idle-seconds 60]
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const idleSeconds = Number(process.argv[process.argv.indexOf('--idle-seconds') + 1]) || 60;
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'nhipcau-mem-'));
const port = 3900 + Math.floor(Math.random() * 90);
const started = Date.now();
const child = spawn(process.execPath, ['bin/nhipcau.js', 'start'], { env: { ...process.env, NHIPCAU_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', DATABASE_URL: '' }, stdio: ['ignore', 'ignore', 'inherit'] });

const rssMb = async (): Promise<number> => {
  const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
};

try {
  for (;;) {
    if (Date.now() - started > 120_000) throw new Error('the server did not answer /healthz within 120 s');
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const ready = (Date.now() - started) / 1000;
  const login = await fetch(`http://127.0.0.1:${port}/admin/login`);
  const afterStart = await rssMb();
  await new Promise((r) => setTimeout(r, idleSeconds * 1000));
  const idle = await rssMb();
  console.log('embedded app (PGlite), fresh data folder');
  console.log(`  /healthz answered after      ${ready.toFixed(1)} s (login page: HTTP ${login.status})`);
  console.log(`  RSS right after start-up      ${afterStart.toFixed(0)} MB`);
  console.log(`  RSS after ${idleSeconds} s idle         ${idle.toFixed(0)} MB   (target < 400 MB)`);
} finally {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  await rm(dataDir, { recursive: true, force: true });
}
