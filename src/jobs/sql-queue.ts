// The jobs table as a queue. The same SQL runs on PGlite and PostgreSQL.
import { randomUUID } from 'node:crypto';
import { Cron } from 'croner';
import type { Logger } from 'pino';
import { desc, eq } from 'drizzle-orm';
import type { Database, Db } from '../db/client.ts';
import { jobSchedules, jobs, type Job } from './schema.ts';
import { defaultBackoff, type EnqueueOptions, type JobDefinition, type JobQueue, type QueueStats } from './queue.ts';
import { VN_TIME_ZONE } from '../core/time.ts';

const CHANNEL = 'nhipcau_jobs';

interface ClaimedRow {
  id: number;
  name: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
}

export interface SqlQueueOptions {
  /** Wait between polls when idle (NOTIFY wakes workers sooner on PostgreSQL). */
  pollMs?: number;
  /** A job running longer than this is presumed abandoned by a dead worker and requeued. */
  staleAfterMs?: number;
  /** How often cron schedules are checked. */
  scheduleEveryMs?: number;
}

export class SqlJobQueue implements JobQueue {
  private readonly definitions = new Map<string, JobDefinition<any>>();
  private readonly running = new Map<string, number>();
  private readonly inflight = new Set<Promise<void>>();
  private readonly workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  private started = false;
  private timer: NodeJS.Timeout | undefined;
  private scheduleTimer: NodeJS.Timeout | undefined;
  private unlisten: (() => Promise<void>) | undefined;
  private pumping = false;
  private pumpAgain = false;
  private readonly pollMs: number;
  private readonly staleAfterMs: number;
  private readonly scheduleEveryMs: number;

  constructor(private readonly database: Database, private readonly log: Logger, options: SqlQueueOptions = {}) {
    this.pollMs = options.pollMs ?? 1_000;
    this.staleAfterMs = options.staleAfterMs ?? 15 * 60_000;
    this.scheduleEveryMs = options.scheduleEveryMs ?? 15_000;
  }

  register<P>(definition: JobDefinition<P>): void {
    if (this.definitions.has(definition.name)) throw new Error(`job ${definition.name} registered twice`);
    this.definitions.set(definition.name, definition);
  }

  async enqueue<P>(name: string, payload: P, options: EnqueueOptions = {}): Promise<number | null> {
    const rows = await this.database.query<{ id: number }>(
      `INSERT INTO jobs (name, payload, run_at, max_attempts, priority, dedupe_key)
       VALUES ($1, $2::jsonb, COALESCE($3::timestamptz, now()), $4, $5, $6)
       ON CONFLICT (dedupe_key) WHERE status in ('queued','running') DO NOTHING
       RETURNING id`,
      [name, JSON.stringify(payload ?? {}), options.runAt?.toISOString() ?? null, options.maxAttempts ?? this.definitions.get(name)?.maxAttempts ?? 5, options.priority ?? 0, options.dedupeKey ?? null],
    );
    const id = rows[0]?.id ?? null;
    if (id !== null) this.wake();
    return id === null ? null : Number(id);
  }

  async schedule(name: string, cron: string, jobName: string, payload: unknown = {}): Promise<void> {
    const next = nextRun(cron, new Date());
    await this.database.query(
      `INSERT INTO job_schedules (name, cron, job_name, payload, next_run_at) VALUES ($1, $2, $3, $4::jsonb, $5)
       ON CONFLICT (name) DO UPDATE SET cron = EXCLUDED.cron, job_name = EXCLUDED.job_name, payload = EXCLUDED.payload,
         next_run_at = CASE WHEN job_schedules.cron = EXCLUDED.cron THEN job_schedules.next_run_at ELSE EXCLUDED.next_run_at END`,
      [name, cron, jobName, JSON.stringify(payload), next.toISOString()],
    );
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.requeueAbandoned(this.database.kind === 'pglite');
    if (this.database.kind === 'postgres') this.unlisten = await this.database.listen(CHANNEL, () => this.wake(false));
    this.timer = setInterval(() => this.wake(false), this.pollMs);
    this.timer.unref();
    this.scheduleTimer = setInterval(() => void this.tick().catch((e) => this.log.error({ err: e }, 'job schedules failed')), this.scheduleEveryMs);
    this.scheduleTimer.unref();
    await this.runSchedules();
    this.wake(false);
  }

  async stop(): Promise<void> {
    this.started = false;
    clearInterval(this.timer);
    clearInterval(this.scheduleTimer);
    await this.unlisten?.();
    this.unlisten = undefined;
    while (this.inflight.size) await Promise.allSettled([...this.inflight]);
  }

  async drain({ timeoutMs = 120_000 }: { timeoutMs?: number } = {}): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.pump(true);
      while (this.inflight.size) await Promise.allSettled([...this.inflight]);
      const [row] = await this.database.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM jobs WHERE status = 'queued' AND run_at <= now() AND name = ANY($1)`,
        [[...this.definitions.keys()]],
      );
      if (!Number(row?.n)) return;
      if (Date.now() > deadline) throw new Error('jobs did not finish in time');
    }
  }

  async stats(): Promise<QueueStats> {
    const rows = await this.database.query<{ status: keyof QueueStats; n: number }>(`SELECT status, count(*)::int AS n FROM jobs GROUP BY status`);
    const out: QueueStats = { queued: 0, running: 0, done: 0, dead: 0 };
    for (const r of rows) out[r.status] = Number(r.n);
    return out;
  }

  async retry(id: number): Promise<boolean> {
    const rows = await this.database.query(
      `UPDATE jobs SET status = 'queued', attempts = 0, run_at = now(), last_error = NULL, finished_at = NULL WHERE id = $1 AND status = 'dead' RETURNING id`,
      [id],
    );
    if (rows.length) this.wake();
    return rows.length > 0;
  }

  private async tick(): Promise<void> {
    await this.runSchedules();
    if (this.database.kind === 'postgres') await this.requeueAbandoned(false);
  }

  /** Runs cron schedules that are due; claiming the row makes each slot fire once across processes. */
  async runSchedules(now = new Date()): Promise<void> {
    const due = await this.database.query<{ name: string; cron: string; job_name: string; payload: unknown }>(
      `SELECT name, cron, job_name, payload FROM job_schedules WHERE next_run_at <= $1`,
      [now.toISOString()],
    );
    for (const s of due) {
      const next = nextRun(s.cron, now);
      // Still due when the row lock is held: PostgreSQL re-checks the condition after a concurrent update.
      const claimed = await this.database.query(
        `UPDATE job_schedules SET next_run_at = $1, last_run_at = $2 WHERE name = $3 AND next_run_at <= $2 RETURNING name`,
        [next.toISOString(), now.toISOString(), s.name],
      );
      if (claimed.length) await this.enqueue(s.job_name, s.payload, { dedupeKey: `cron:${s.name}` });
    }
  }

  /** Signals the pump; `notify` also tells other processes on a server. */
  private wake(notify = true): void {
    if (notify && this.database.kind === 'postgres') void this.database.query(`SELECT pg_notify('${CHANNEL}', '')`).catch(() => {});
    if (this.started) void this.pump(false);
  }

  private async pump(force: boolean): Promise<void> {
    if (!this.started && !force) return;
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    try {
      do {
        this.pumpAgain = false;
        for (const def of this.definitions.values()) {
          const free = (def.concurrency ?? 1) - (this.running.get(def.name) ?? 0);
          if (free <= 0) continue;
          const claimed = await this.claim(def.name, free);
          for (const row of claimed) this.track(this.execute(def, row));
          if (claimed.length === free) this.pumpAgain = true;
        }
      } while (this.pumpAgain && (this.started || force) && this.inflight.size < 64);
    } catch (e) {
      this.log.error({ err: e }, 'job pump failed');
    } finally {
      this.pumping = false;
    }
  }

  private track(p: Promise<void>): void {
    this.inflight.add(p);
    void p.finally(() => this.inflight.delete(p));
  }

  private async claim(name: string, limit: number): Promise<ClaimedRow[]> {
    return this.database.query<ClaimedRow>(
      `UPDATE jobs SET status = 'running', locked_at = now(), locked_by = $3, attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM jobs WHERE status = 'queued' AND name = $1 AND run_at <= now()
         ORDER BY priority, run_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING id, name, payload, attempts, max_attempts`,
      [name, limit, this.workerId],
    );
  }

  private async execute(def: JobDefinition<any>, row: ClaimedRow): Promise<void> {
    this.running.set(def.name, (this.running.get(def.name) ?? 0) + 1);
    const job = { id: Number(row.id), name: row.name, attempts: row.attempts, maxAttempts: row.max_attempts };
    const log = this.log.child({ job: job.name, jobId: job.id, attempt: job.attempts });
    try {
      await def.handler(row.payload, { job, log });
      await this.database.query(`UPDATE jobs SET status = 'done', finished_at = now(), locked_by = NULL, last_error = NULL WHERE id = $1`, [job.id]);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (job.attempts >= job.maxAttempts) {
        log.error({ err: e }, 'job dead after last attempt');
        await this.database.query(`UPDATE jobs SET status = 'dead', finished_at = now(), locked_by = NULL, last_error = $2 WHERE id = $1`, [job.id, message.slice(0, 2000)]);
        await def.onDead?.(row.payload, message, { job, log }).catch((err) => log.error({ err }, 'onDead hook failed'));
      } else {
        const delay = (def.backoffMs ?? defaultBackoff)(job.attempts);
        log.warn({ err: e, retryInMs: delay }, 'job failed; will retry');
        await this.database.query(
          `UPDATE jobs SET status = 'queued', locked_by = NULL, last_error = $2, run_at = now() + ($3::int * interval '1 millisecond') WHERE id = $1`,
          [job.id, message.slice(0, 2000), delay],
        );
      }
    } finally {
      this.running.set(def.name, (this.running.get(def.name) ?? 1) - 1);
      if (this.started) this.pumpAgain = true, void this.pump(false);
    }
  }

  /** Jobs left running by a crashed process go back to the queue (all of them on PGlite: one process only). */
  private async requeueAbandoned(all: boolean): Promise<void> {
    const rows = await this.database.query(
      all
        ? `UPDATE jobs SET status = 'queued', locked_by = NULL WHERE status = 'running' RETURNING id`
        : `UPDATE jobs SET status = 'queued', locked_by = NULL WHERE status = 'running' AND locked_at < now() - ($1::int * interval '1 millisecond') RETURNING id`,
      all ? [] : [this.staleAfterMs],
    );
    if (rows.length) this.log.warn({ count: rows.length }, 'requeued jobs abandoned by a stopped process');
  }
}

export function nextRun(cron: string, after: Date): Date {
  const next = new Cron(cron, { paused: true, timezone: VN_TIME_ZONE }).nextRun(after);
  if (!next) throw new Error(`cron "${cron}" never runs`);
  return next;
}

/** Jobs that failed for good, last first (for the administrators' page). */
export async function deadJobs(db: Db, limit = 100): Promise<Job[]> {
  return db.select().from(jobs).where(eq(jobs.status, 'dead')).orderBy(desc(jobs.finishedAt)).limit(limit);
}

export async function listSchedules(db: Db): Promise<Array<typeof jobSchedules.$inferSelect>> {
  return db.select().from(jobSchedules).orderBy(jobSchedules.name);
}
