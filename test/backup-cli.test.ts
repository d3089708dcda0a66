// `nhipcau backup` while the server runs on the embedded database (the copy goes through the server's
// own database handle: the data folder is locked), and `nhipcau restore` refused until it is stopped.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startWeb, type Running } from '../src/app/processes.ts';
import { loadConfig } from '../src/config/env.ts';

const BIN = path.resolve(import.meta.dirname, '../bin/nhipcau.js');
const SECRET = 'backup-cli-secret-backup-cli-secret-0001';
let dir: string;

function run(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '', NHIPCAU_SECRET: SECRET, NHIPCAU_DEMO: 'false', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end();
  });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'nhipcau-backup-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it.skipIf(Boolean(process.env.DATABASE_URL))('backs up through the running server, and restores once it is stopped', async () => {
  const env = { NHIPCAU_DATA_DIR: path.join(dir, 'data') };
  expect((await run(['migrate'], env)).code).toBe(0); // prepared here: the server's own preparation reads the process's environment
  let running: Running | undefined = await startWeb(loadConfig({ ...env, NHIPCAU_SECRET: SECRET, NHIPCAU_DEMO: 'false', PORT: '0', LOG_LEVEL: 'silent' }), pino({ level: 'silent' }));
  try {
    const backup = await run(['backup', 'sao-luu.tar.gz'], env);
    expect(backup.stderr).toContain('--with-secret');
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain(path.join(dir, 'sao-luu.tar.gz'));
    expect((await stat(path.join(dir, 'sao-luu.tar.gz'))).size).toBeGreaterThan(1000);
    const refused = await run(['restore', 'sao-luu.tar.gz', '--force'], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('dừng máy chủ trước khi phục hồi');
  } finally {
    await running.close();
    running = undefined;
  }
  const notEmpty = await run(['restore', 'sao-luu.tar.gz'], env);
  expect(notEmpty.code).toBe(2);
  expect(notEmpty.stderr).toContain('--force');
  const restored = await run(['restore', 'sao-luu.tar.gz'], { NHIPCAU_DATA_DIR: path.join(dir, 'restored') });
  expect(restored.code, restored.stderr).toBe(0);
  expect(restored.stdout).toContain('Đã phục hồi');
  expect(restored.stderr).toBe('');
}, 240_000);
