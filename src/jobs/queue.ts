// The job queue contract.
//
// "Accepted" means stored durably in the jobs table: it survives a crash or restart and will run at
// least once, so handlers must be idempotent. "Ran" means a handler returned; a throw is a failure that is
// retried with exponential backoff until maxAttempts, after which the job is "dead" (kept for inspection
// and manual retry). Two ways to run it: inline (the app process runs the handlers, the default and the
// only choice on PGlite) or external (`nhipcau worker` processes claim jobs with FOR UPDATE SKIP LOCKED).
import type { Logger } from 'pino';

export interface EnqueueOptions {
  /** Earliest run time; now by default. */
  runAt?: Date;
  maxAttempts?: number;
  /** Lower runs first. */
  priority?: number;
  /** While a job with this key is queued or running, enqueueing another is a no-op. */
  dedupeKey?: string;
}

export interface JobInfo {
  id: number;
  name: string;
  attempts: number;
  maxAttempts: number;
}

export interface JobContext {
  job: JobInfo;
  log: Logger;
}

export interface JobDefinition<P = unknown> {
  name: string;
  handler: (payload: P, ctx: JobContext) => Promise<void>;
  maxAttempts?: number;
  /** Delay before retry n (1-based). Default: 5 s × 2^(n-1), capped at one hour, with jitter. */
  backoffMs?: (attempt: number) => number;
  /** How many of these run at once in one process. */
  concurrency?: number;
  /** Called once when the job is declared dead. */
  onDead?: (payload: P, error: string, ctx: JobContext) => Promise<void>;
}

export interface QueueStats {
  queued: number;
  running: number;
  done: number;
  dead: number;
}

export interface JobQueue {
  register<P>(definition: JobDefinition<P>): void;
  /** Returns the job id, or null when deduplicated. */
  enqueue<P>(name: string, payload: P, options?: EnqueueOptions): Promise<number | null>;
  /** A cron schedule (minute hour day month weekday, Vietnam time) that enqueues `jobName`. */
  schedule(name: string, cron: string, jobName: string, payload?: unknown): Promise<void>;
  /** Starts claiming and running registered jobs. */
  start(): Promise<void>;
  /** Stops claiming and waits for running handlers. */
  stop(): Promise<void>;
  /** Runs due jobs until none is left (for the CLI and tests). */
  drain(options?: { timeoutMs?: number }): Promise<void>;
  stats(): Promise<QueueStats>;
  /** Puts a dead job back in the queue. */
  retry(id: number): Promise<boolean>;
}

export const defaultBackoff = (attempt: number): number => {
  const base = Math.min(5_000 * 2 ** (attempt - 1), 3_600_000);
  return Math.round(base * (0.8 + Math.random() * 0.4));
};
