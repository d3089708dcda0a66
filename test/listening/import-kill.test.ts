// A real crash: `nhipcau import` is killed (SIGKILL) part-way through a file, then run again. Nothing
// accepted is lost and nothing is counted twice — posts, issue counts and hourly aggregates agree — and the
// killed run is listed as interrupted, not as running with stale figures.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makePosts } from '../../bench/listening/make-posts.ts';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { openTestDatabase } from '../context.ts';

const BIN = fileURLToPath(new URL('../../bin/nhipcau.js', import.meta.url));
const COUNT = 12_000;
let dir: string;
let env: Record<string, string>;
let drop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'nhipcau-kill-'));
  await makePosts(path.join(dir, 'posts.jsonl'), COUNT, 5, 20);
  env = { ...(process.env as Record<string, string>), NHIPCAU_DATA_DIR: path.join(dir, 'data'), NHIPCAU_DEMO: 'false', LOG_LEVEL: 'warn', NHIPCAU_SECRET: 'kill-test-secret-kill-test-secret-0123' };
  if (process.env.DATABASE_URL) {
    const db = await openTestDatabase();
    await db.database.close();
    if (db.url) env.DATABASE_URL = db.url;
    drop = db.drop;
  } else delete env.DATABASE_URL;
}, 120_000);

afterAll(async () => {
  await drop?.();
  await rm(dir, { recursive: true, force: true });
});

/** Runs the CLI; with `killAtNew`, kills it (SIGKILL) once its progress shows that many posts stored. */
function run(args: string[], killAtNew?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, cwd: dir });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
      const stored = [...out.matchAll(/([\d,]+) mới\/new/g)].map((m) => Number(m[1].replace(/,/g, '')));
      if (killAtNew !== undefined && stored.some((n) => n >= killAtNew)) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => resolve({ code, signal, out }));
  });
}

it('an import killed half-way and run again stores every post exactly once', async () => {
  // Migrations first, so that the kill lands in the import itself.
  expect((await run(['migrate'])).code).toBe(0);
  const killed = await run(['import', 'posts.jsonl', '--source', 'kill-test', '--progress'], 2_000);
  expect(killed.signal).toBe('SIGKILL');
  const again = await run(['import', 'posts.jsonl', '--source', 'kill-test']);
  expect(again.code, again.out).toBe(0);
  const added = Number(/mới \/ new:\s+(\d+)/.exec(again.out)?.[1]);
  const duplicates = Number(/trùng \/ duplicates:\s+(\d+)/.exec(again.out)?.[1]);
  expect(added + duplicates).toBe(COUNT);
  expect(duplicates).toBeGreaterThanOrEqual(2_000); // the first run had stored these before it was killed
  if (process.env.KILL_TEST_VERBOSE) console.log(killed, again.out);

  let database: Database | undefined;
  try {
    database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATABASE_URL ? undefined : env.NHIPCAU_DATA_DIR });
    const [r] = await database.query<{ posts: number; distinct_ids: number; pending: number; hourly: number; issues: number; assigned: number; voices: number; voice_rows: number }>(
      `SELECT (SELECT count(*)::int FROM listening_posts) AS posts,
              (SELECT count(DISTINCT external_id)::int FROM listening_posts) AS distinct_ids,
              (SELECT count(*)::int FROM listening_posts WHERE status = 0) AS pending,
              (SELECT coalesce(sum(n), 0)::int FROM listening_topic_hourly WHERE topic = '*') AS hourly,
              (SELECT coalesce(sum(post_count), 0)::int FROM listening_issues WHERE status <> 'merged') AS issues,
              (SELECT count(*)::int FROM listening_posts WHERE issue_id IS NOT NULL) AS assigned,
              (SELECT coalesce(sum(voices), 0)::int FROM listening_issues WHERE status <> 'merged') AS voices,
              (SELECT count(*)::int FROM listening_issue_voices) AS voice_rows`,
    );
    expect(r).toMatchObject({ posts: COUNT, distinct_ids: COUNT, pending: 0, hourly: COUNT });
    expect(r.issues).toBe(r.assigned);
    expect(r.voices).toBe(r.voice_rows);
    // The killed run is listed as interrupted (found at the next start), with the figures it last wrote.
    const imports = await database.query<{ status: string; read: number; finished: boolean }>(`SELECT status, read, finished_at IS NOT NULL AS finished FROM listening_imports ORDER BY id`);
    expect(imports.map((i) => i.status)).toEqual(['interrupted', 'done']);
    expect(imports[0].finished).toBe(true);
  } finally {
    await database?.close();
  }
}, 300_000);
