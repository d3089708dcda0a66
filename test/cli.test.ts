// The `nhipcau` command as users run it: a child process, stdin for the password, exit codes.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLock } from '../src/app/lock.ts';
import { startWeb, type Running } from '../src/app/processes.ts';
import { FORWARD_HEADER, FORWARD_PATH, forward } from '../src/cli/forward.ts';
import { loadConfig } from '../src/config/env.ts';
import { generatePosts } from '../src/listening/demo/generate.ts';
import { openTestDatabase } from './context.ts';

const BIN = path.resolve(import.meta.dirname, '../bin/nhipcau.js');

function run(args: string[], env: Record<string, string>, stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

let dataDir: string;
let dbEnv: Record<string, string> = {};
let dropDb: (() => Promise<void>) | undefined;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'nhipcau-cli-'));
  if (process.env.DATABASE_URL) {
    const db = await openTestDatabase();
    await db.database.close();
    dbEnv = { DATABASE_URL: db.url as string, NHIPCAU_DEMO: 'true' };
    dropDb = db.drop;
  }
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await dropDb?.();
});

describe('nhipcau CLI', () => {
  it('prints help for the program and for each command', async () => {
    const top = await run(['--help'], {});
    expect(top.code).toBe(0);
    for (const name of ['start', 'worker', 'migrate', 'demo', 'user']) expect(top.stdout).toContain(name);
    const add = await run(['user', 'add', '--help'], {});
    expect(add.code).toBe(0);
    expect(add.stdout).toContain('--email');
    expect(add.stdout).toContain('district_admin');
  });

  it('user add reads the password from stdin and the new account can log in', async () => {
    const env = { NHIPCAU_DATA_DIR: dataDir, ...dbEnv };
    const res = await run(['user', 'add', '--email', 'canbo@phuong12.vn', '--role', 'editor', '--unit', 'phuong-12', '--name', 'Cán bộ Phường 12'], env, 'mat-khau-du-dai\n');
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('canbo@phuong12.vn');
    const running = await startWeb(loadConfig({ ...env, PORT: '0', LOG_LEVEL: 'silent' }), pino({ level: 'silent' }));
    try {
      const login = await fetch(`${running.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'canbo@phuong12.vn', password: 'mat-khau-du-dai' }) });
      expect(login.status).toBe(200);
      // While the server runs, a command goes through it (the embedded database has one owner).
      const second = await run(['user', 'add', '--email', 'thu.hai@phuong12.vn', '--role', 'member', '--unit', 'phuong-12-kp-1'], env, 'mat-khau-thu-hai\n');
      expect(second.code).toBe(0);
      const login2 = await fetch(`${running.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'thu.hai@phuong12.vn', password: 'mat-khau-thu-hai' }) });
      expect(login2.status).toBe(200);
      if (!dbEnv.DATABASE_URL) {
        const start = await run(['start'], env);
        expect(start.code).toBe(2);
        expect(start.stderr).toContain('in use by another Nhịp Cầu process');
      }
    } finally {
      await running.close();
    }
  }, 90_000);

  it('explains bad arguments with exit code 2', async () => {
    const env = { NHIPCAU_DATA_DIR: dataDir, ...dbEnv };
    const role = await run(['user', 'add', '--email', 'a@b.vn', '--role', 'king', '--unit', 'quan-10'], env, 'password-123\n');
    expect(role.code).toBe(2);
    expect(role.stderr).toContain('district_admin');
    const unit = await run(['user', 'add', '--email', 'a@b.vn', '--role', 'editor', '--unit', 'khong-co'], env, 'password-123\n');
    expect(unit.code).toBe(2);
    expect(unit.stderr).toContain('khong-co');
    const short = await run(['user', 'add', '--email', 'a@b.vn', '--role', 'editor', '--unit', 'quan-10'], env, 'ngan\n');
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('8');
    const unknown = await run(['frobnicate'], env);
    expect(unknown.code).toBe(2);
  }, 60_000);

  it('start prints the address and the demo login, serves the login page, and stops cleanly on SIGTERM', async () => {
    if (process.env.DATABASE_URL) return; // the embedded default is what `npm start` runs
    const dir = await mkdtemp(path.join(os.tmpdir(), 'nhipcau-start-'));
    const port = String(4100 + Math.floor(Math.random() * 800));
    const child = spawn(process.execPath, [BIN, 'start'], { env: { ...process.env, DATABASE_URL: '', NHIPCAU_DATA_DIR: dir, PORT: port, LOG_LEVEL: 'warn' } });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    try {
      await expect.poll(() => stdout, { timeout: 60_000, interval: 200 }).toContain('nhipcau-demo');
      expect(stdout).toContain(`http://127.0.0.1:${port}/admin`);
      expect(stdout).toContain('admin@quan10.demo');
      const login = await fetch(`http://127.0.0.1:${port}/admin/login`);
      expect(login.status).toBe(200);
      expect(await login.text()).toContain('Đăng nhập');
      const exited = new Promise<number | null>((r) => child.once('exit', r));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      await expect(readFile(path.join(dir, 'nhipcau.lock'))).rejects.toThrow();
    } finally {
      child.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    }
  }, 90_000);

  it('a forwarded import streams its progress and summary while the server works', async () => {
    if (process.env.DATABASE_URL) return; // forwarding exists for the embedded database only
    const dir = await mkdtemp(path.join(os.tmpdir(), 'nhipcau-forward-'));
    const env = { NHIPCAU_DATA_DIR: path.join(dir, 'data'), DATABASE_URL: '', NHIPCAU_DEMO: 'false' };
    const file = path.join(dir, 'posts.jsonl');
    const start = Date.UTC(2026, 10, 1);
    const posts = [...generatePosts({ seed: 3, start, gapMs: 60_000, count: 3000, authors: 400 })];
    await writeFile(file, posts.map((p) => JSON.stringify({ id: p.id, author: p.author, created_at: p.createdAt.toISOString(), text: p.text })).join('\n') + '\n');
    const running = await startWeb(loadConfig({ ...env, PORT: '0', LOG_LEVEL: 'silent' }), pino({ level: 'silent' }));
    try {
      const lock = await readLock(env.NHIPCAU_DATA_DIR);
      expect(lock?.url).toBe(running.url);
      // Output arrives as the server writes it: when the first progress line is here, the import is still running.
      const events: Array<{ kind: 'out' | 'err'; text: string }> = [];
      let statusAtFirstProgress: Promise<string> | undefined;
      const io = {
        out: (text: string) => void events.push({ kind: 'out', text }),
        err: (text: string) => {
          events.push({ kind: 'err', text });
          statusAtFirstProgress ??= running.ctx.database.query<{ status: string }>(`SELECT status FROM listening_imports ORDER BY id DESC LIMIT 1`).then((r) => r[0]?.status ?? 'none');
        },
        readStdin: async () => '',
        interactive: true,
        tty: true,
      };
      const code = await forward(lock as NonNullable<typeof lock>, ['import', file, '--source', 'forwarded'], io);
      expect(code).toBe(0);
      expect(await statusAtFirstProgress).toBe('running');
      const progress = events.filter((e) => e.kind === 'err');
      // The caller's terminal travels with the command: the bar redraws itself with carriage returns.
      expect(progress.length).toBeGreaterThan(1);
      for (const p of progress.slice(0, -1)) expect(p.text).toMatch(/^\r .*dòng\/lines/);
      expect(progress.at(-1)?.text).toBe('\n');
      const summary = events.filter((e) => e.kind === 'out').map((e) => e.text).join('');
      expect(summary).toContain('mới / new:             3000');
      expect(events.at(-1)?.kind).toBe('out');
      // As a user runs it (a child process, no terminal): --progress prints one line per update, then the summary.
      const again = await run(['import', file, '--source', 'forwarded', '--progress'], env);
      expect(again.code).toBe(0);
      expect(again.stderr).toMatch(/dòng\/lines .*\n$/);
      expect(again.stdout).toContain('trùng / duplicates:    3000');
      // Errors of the command keep their exit code and message.
      const missing = await run(['import', path.join(dir, 'nothing.jsonl'), '--source', 'forwarded'], env);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('nothing.jsonl');
      // A caller that does not ask for a stream (an older client) gets one JSON answer at the end.
      const old = await fetch(new URL(FORWARD_PATH, running.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [FORWARD_HEADER]: lock?.token ?? '' },
        body: JSON.stringify({ argv: ['import', path.join(dir, 'nothing.jsonl')], stdin: '' }),
      });
      expect(old.headers.get('content-type')).toContain('application/json');
      expect(await old.json()).toMatchObject({ code: 2, stdout: '' });
      const refused = await fetch(new URL(FORWARD_PATH, running.url), { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/x-ndjson', [FORWARD_HEADER]: 'wrong' }, body: JSON.stringify({ argv: ['migrate'], stdin: '' }) });
      expect(refused.status).toBe(403);
    } finally {
      await running.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('refuses a worker without a database server, with a clear message', async () => {
    const res = await run(['worker'], { NHIPCAU_DATA_DIR: dataDir });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('DATABASE_URL');
  });
});
