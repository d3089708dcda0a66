// `nhipcau brief` as users run it: a child process, forwarded to the running server that holds the
// embedded database (the file lands relative to the caller's directory), or on its own; exit codes.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWeb } from '../../src/app/processes.ts';
import { loadConfig } from '../../src/config/env.ts';
import { lastWeek } from '../../src/brief/period.ts';
import { openTestDatabase } from '../context.ts';
import { seedCases, seedWeek, WEEK } from './brief-seed.ts';
import { docxText, pdfText, unzipEntry } from './files.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/nhipcau.js');

function run(args: string[], env: Record<string, string>, cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '', NHIPCAU_PUBLIC_URL: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end();
  });
}

let dir: string;
let env: Record<string, string>;
let dropDb: (() => Promise<void>) | undefined;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'nhipcau-brief-cli-'));
  await mkdir(path.join(dir, 'work', 'out'), { recursive: true });
  env = { NHIPCAU_DATA_DIR: path.join(dir, 'data'), NHIPCAU_DEMO: 'true' };
  if (process.env.DATABASE_URL) {
    const db = await openTestDatabase();
    await db.database.close();
    env.DATABASE_URL = db.url as string;
    dropDb = db.drop;
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await dropDb?.();
});

describe('nhipcau brief', () => {
  it('explains itself and refuses bad arguments with exit code 2', async () => {
    const cwd = path.join(dir, 'work');
    const help = await run(['brief', '--help'], env, cwd);
    expect(help.code).toBe(0);
    for (const s of ['--from', '--to', '--out', '.docx']) expect(help.stdout).toContain(s);
    const missing = await run(['brief', '--from', '2026-11-09'], env, cwd);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--to');
    const order = await run(['brief', '--from', '2026-11-15', '--to', '2026-11-09', '--out', 'x.pdf'], env, cwd);
    expect(order.code).toBe(2);
    expect(order.stderr).toContain('Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.');
    const format = await run(['brief', '--from', '09/11/2026', '--to', '2026-11-15', '--out', 'x.pdf'], env, cwd);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('YYYY-MM-DD');
    const span = await run(['brief', '--from', '2025-01-01', '--to', '2026-11-15', '--out', 'x.pdf'], env, cwd);
    expect(span.code).toBe(2);
    expect(span.stderr).toContain('một năm');
    const ext = await run(['brief', '--from', WEEK.from, '--to', WEEK.to, '--out', 'x.txt'], env, cwd);
    expect(ext.code).toBe(2);
    expect(ext.stderr).toContain('.pdf');
  }, 90_000);

  it('writes the PDF and the DOCX relative to the caller, through a running server and on its own', async () => {
    const cwd = path.join(dir, 'work');
    const running = await startWeb(loadConfig({ ...env, PORT: '0', LOG_LEVEL: 'silent' }), pino({ level: 'silent' }));
    try {
      await seedWeek(running.ctx);
      await seedCases(running.ctx);
      const res = await run(['brief', '--from', WEEK.from, '--to', WEEK.to, '--out', 'out/ban-tin.pdf'], env, cwd);
      expect(res.stderr).toBe('');
      expect(res.code).toBe(0);
      expect(res.stdout).toContain(path.join(cwd, 'out', 'ban-tin.pdf'));
    } finally {
      await running.close();
    }
    const pdf = await readFile(path.join(cwd, 'out', 'ban-tin.pdf'));
    const pages = await pdfText(pdf);
    const text = pages.join('\n');
    for (const s of ['BÁO CÁO TÓM TẮT TÌNH HÌNH DƯ LUẬN XÃ HỘI', 'Tuần từ ngày 09/11/2026 đến ngày 15/11/2026', 'Phường 12', 'Kết quả xử lý phản ánh', 'Đề xuất']) expect(text).toContain(s);
    expect(pages.length).toBeLessThanOrEqual(6);
    // Without a public URL, no links: neither the app's paths nor the server's local address.
    expect(text).not.toMatch(/\/admin|localhost|127\.0\.0\.1/);
    expect(pdf.includes(Buffer.from('/URI ('))).toBe(false);
    // With the server stopped, the command opens the database itself.
    const alone = await run(['brief', '--from', WEEK.from, '--to', WEEK.to, '--out', 'ban-tin.docx'], { ...env, NHIPCAU_PUBLIC_URL: 'https://nhipcau.quan10.test' }, cwd);
    expect(alone.stderr).toBe('');
    expect(alone.code).toBe(0);
    const docx = await readFile(path.join(cwd, 'ban-tin.docx'));
    expect(docxText(unzipEntry(docx, 'word/document.xml')?.toString('utf8') ?? '')).toContain('Các vấn đề nổi bật');
    expect(unzipEntry(docx, 'word/_rels/document.xml.rels')?.toString()).toContain('https://nhipcau.quan10.test/admin/listening');
  }, 120_000);

  it("the demo's last week fits in six pages, page one naming its issues and next steps", async () => {
    // The data folder was started with NHIPCAU_DEMO: the demo stream covers the days before now.
    const cwd = path.join(dir, 'work');
    const week = lastWeek();
    const res = await run(['brief', '--from', week.from, '--to', week.to, '--out', 'demo.pdf'], env, cwd);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const pages = await pdfText(await readFile(path.join(cwd, 'demo.pdf')));
    expect(pages.length).toBeLessThanOrEqual(6);
    expect(pages[0]).toContain('2. Các vấn đề nổi bật');
    expect(pages[0]).toContain('4. Đề xuất');
    expect(pages[0]).not.toContain('không ghi nhận ý kiến nào');
    expect(pages.join('\n')).not.toMatch(/SELECT|src\/|localhost|\/admin/);
  }, 120_000);
});
