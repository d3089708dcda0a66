// The alert jobs: evaluation (on a schedule, and woken after clustering and spike detection through
// wakeAlerts), and one delivery job per alert and channel, retried with backoff by the queue.
import type { AppContext } from '../../app/context.ts';
import { emailAlert, EMAIL_JOB, postWebhook, WEBHOOK_JOB } from './deliver.ts';
import { evaluateAlerts } from './evaluate.ts';

export const ALERTS_JOB = 'listening.alerts';

/** Asks for an evaluation soon (deduplicated while one is waiting). */
export async function wakeAlerts(ctx: AppContext): Promise<void> {
  await ctx.jobs.enqueue(ALERTS_JOB, {}, { dedupeKey: ALERTS_JOB });
}

export function registerAlertJobs(ctx: AppContext): void {
  ctx.jobs.register({ name: ALERTS_JOB, handler: async (_p, { log }) => {
    const r = await evaluateAlerts(ctx);
    if (r.fired || r.suppressed) log.info(r, 'listening alerts evaluated');
  } });
  ctx.jobs.register<{ alertId: number }>({ name: EMAIL_JOB, maxAttempts: 6, handler: async ({ alertId }) => void (await emailAlert(ctx, alertId)) });
  // 30 s, 1 min, 2 min … up to 1 h between tries of a webhook that fails.
  ctx.jobs.register<{ alertId: number }>({ name: WEBHOOK_JOB, maxAttempts: 8, backoffMs: (n) => Math.min(30_000 * 2 ** (n - 1), 3_600_000), handler: async ({ alertId }) => void (await postWebhook(ctx, alertId)) });
}

export async function scheduleAlertJobs(ctx: AppContext): Promise<void> {
  await ctx.jobs.schedule(ALERTS_JOB, '*/10 * * * *', ALERTS_JOB);
}
