import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { SqlJobQueue, nextRun } from '../src/jobs/sql-queue.ts';
import { createTestContext, type TestContext } from './context.ts';

let ctx: TestContext;
const log = pino({ level: 'silent' });

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.cleanup());

const status = async (id: number | null) => (await ctx.database.query<{ status: string; attempts: number; last_error: string | null }>('SELECT status, attempts, last_error FROM jobs WHERE id = $1', [id]))[0];

describe('job queue', () => {
  it('runs an enqueued job once and marks it done', async () => {
    const q = new SqlJobQueue(ctx.database, log);
    const seen: unknown[] = [];
    q.register<{ n: number }>({ name: 'test.once', handler: async (p) => void seen.push(p.n) });
    const id = await q.enqueue('test.once', { n: 7 });
    await q.drain();
    expect(seen).toEqual([7]);
    expect(await status(id)).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('retries a failing job with backoff, then declares it dead and calls onDead', async () => {
    const q = new SqlJobQueue(ctx.database, log);
    let calls = 0;
    const dead: string[] = [];
    q.register({
      name: 'test.fails',
      maxAttempts: 3,
      backoffMs: () => 0,
      handler: async () => {
        calls++;
        throw new Error(`boom ${calls}`);
      },
      onDead: async (_p, error) => void dead.push(error),
    });
    const id = await q.enqueue('test.fails', {});
    await q.drain();
    expect(calls).toBe(3);
    expect(await status(id)).toMatchObject({ status: 'dead', attempts: 3, last_error: 'boom 3' });
    expect(dead).toEqual(['boom 3']);
    expect(await q.retry(id as number)).toBe(true);
    expect((await status(id)).status).toBe('queued');
  });

  it('schedules the retry in the future with the default backoff', async () => {
    const q = new SqlJobQueue(ctx.database, log);
    q.register({ name: 'test.later', handler: async () => Promise.reject(new Error('not yet')) });
    const id = await q.enqueue('test.later', {});
    await q.drain();
    const [row] = await ctx.database.query<{ status: string; delay: number }>(`SELECT status, extract(epoch from run_at - now())::float AS delay FROM jobs WHERE id = $1`, [id]);
    expect(row.status).toBe('queued');
    expect(row.delay).toBeGreaterThan(2);
  });

  it('deduplicates while a job with the same key is queued', async () => {
    const q = new SqlJobQueue(ctx.database, log);
    const a = await q.enqueue('test.dedupe', {}, { dedupeKey: 'k1' });
    const b = await q.enqueue('test.dedupe', {}, { dedupeKey: 'k1' });
    expect(a).toBeTypeOf('number');
    expect(b).toBeNull();
  });

  it('jobs survive a restart: a job left running by a dead process runs again', async () => {
    const first = new SqlJobQueue(ctx.database, log, { staleAfterMs: 0 });
    const id = await first.enqueue('test.survive', { v: 1 });
    await ctx.database.query(`UPDATE jobs SET status = 'running', locked_at = now() - interval '1 hour', attempts = 1 WHERE id = $1`, [id]);
    const second = new SqlJobQueue(ctx.database, log, { staleAfterMs: 0, pollMs: 20 });
    const ran: number[] = [];
    second.register<{ v: number }>({ name: 'test.survive', handler: async (p) => void ran.push(p.v) });
    await second.start();
    await expect.poll(() => ran, { timeout: 5000 }).toEqual([1]);
    await second.stop();
    expect((await status(id)).status).toBe('done');
  });

  it('claims each job by exactly one of several concurrent workers', async () => {
    const runs = new Map<number, number>();
    const queues = [0, 1, 2].map(() => new SqlJobQueue(ctx.database, log, { pollMs: 10 }));
    for (const q of queues) {
      q.register<{ i: number }>({ name: 'test.many', concurrency: 4, handler: async (p) => void runs.set(p.i, (runs.get(p.i) ?? 0) + 1) });
    }
    for (let i = 0; i < 60; i++) await queues[0].enqueue('test.many', { i });
    await Promise.all(queues.map((q) => q.start()));
    await expect.poll(() => runs.size, { timeout: 10_000 }).toBe(60);
    await Promise.all(queues.map((q) => q.stop()));
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
  });

  it('fires a cron slot once even when two processes check it', async () => {
    const a = new SqlJobQueue(ctx.database, log);
    const b = new SqlJobQueue(ctx.database, log);
    await a.schedule('test.cron', '*/5 * * * *', 'test.cron-job');
    await ctx.database.query(`UPDATE job_schedules SET next_run_at = now() - interval '1 minute' WHERE name = 'test.cron'`);
    await Promise.all([a.runSchedules(), b.runSchedules()]);
    const rows = await ctx.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE name = 'test.cron-job'`);
    expect(rows[0].n).toBe(1);
    const [s] = await ctx.database.query<{ next: Date }>(`SELECT next_run_at AS next FROM job_schedules WHERE name = 'test.cron'`);
    expect(new Date(s.next).getTime()).toBeGreaterThan(Date.now());
  });

  it('computes cron times in Vietnam time', () => {
    // 07:00 on Monday in Hồ Chí Minh City is 00:00 UTC.
    const next = nextRun('0 7 * * 1', new Date('2026-11-26T00:00:00Z'));
    expect(next.toISOString()).toBe('2026-11-30T00:00:00.000Z');
  });
});
