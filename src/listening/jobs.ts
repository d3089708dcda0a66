// The listening desk's background jobs and their schedules.
import type { AppContext } from '../app/context.ts';
import { MAINTAIN_JOB, mergeSimilarIssues } from './clustering/maintain.ts';
import { DEMO_STREAM_JOB, runDemoStream } from './demo/stream.ts';
import { PROCESS_JOB, processPending } from './ingest/ingest.ts';
import { PURGE_JOB, purgeExpiredText } from './purge.ts';
import { RETRAIN_JOB, retrain } from './labels.ts';
import { POLL_JOB, POLL_SOURCE_JOB, pollDue, pollSource } from './sources/scheduler.ts';
import { rows, sql } from './store/sql.ts';
import { REPAIR_JOB, repairListening } from './repair.ts';
import { runTrends, TRENDS_JOB } from './trends-job.ts';
import { wakeAlerts } from './alerts/jobs.ts';

export function registerListeningJobs(ctx: AppContext): void {
  ctx.jobs.register({
    name: PROCESS_JOB,
    maxAttempts: 10,
    handler: async (_p, { log }) => {
      const n = await processPending(ctx);
      if (n) log.debug({ posts: n }, 'listening: posts analysed and clustered');
    },
  });
  ctx.jobs.register<{ from?: string; to?: string }>({
    name: TRENDS_JOB,
    handler: async (payload, { log }) => {
      const n = await runTrends(ctx, payload ?? {});
      await wakeAlerts(ctx); // alert rules see the new spikes and counts
      if (n) log.info({ spikes: n }, 'listening: spikes found');
    },
  });
  ctx.jobs.register({
    name: POLL_JOB,
    handler: async () => {
      await pollDue(ctx);
      // Posts left pending by a crash between storing and queueing are picked up here.
      const [p] = await rows<{ n: number }>(ctx.db, sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM listening_posts WHERE status = 0 LIMIT 1) s`);
      if (Number(p?.n)) await ctx.jobs.enqueue(PROCESS_JOB, {}, { dedupeKey: PROCESS_JOB });
    },
  });
  ctx.jobs.register<{ sourceId: number }>({ name: POLL_SOURCE_JOB, maxAttempts: 1, concurrency: 4, handler: async ({ sourceId }) => void (await pollSource(ctx, sourceId)) });
  ctx.jobs.register({
    name: PURGE_JOB,
    handler: async (_p, { log }) => {
      const n = await purgeExpiredText(ctx);
      if (n) log.info({ posts: n }, 'listening: text past the retention time deleted');
    },
  });
  ctx.jobs.register({ name: DEMO_STREAM_JOB, maxAttempts: 1, handler: async () => void (ctx.config.demo ? await runDemoStream(ctx) : 0) });
  ctx.jobs.register({
    name: MAINTAIN_JOB,
    maxAttempts: 2,
    handler: async (_p, { log }) => {
      const n = await mergeSimilarIssues(ctx);
      if (n) log.info({ merged: n }, 'listening: similar issues merged');
    },
  });
  ctx.jobs.register({
    name: REPAIR_JOB,
    maxAttempts: 3,
    handler: async (_p, { log }) => {
      const r = await repairListening(ctx);
      if (r.interrupted || r.clustered) log.warn(r, 'listening: caught up after an interruption');
    },
  });
  ctx.jobs.register({ name: RETRAIN_JOB, maxAttempts: 1, handler: async () => void (await retrain(ctx)) });
}

export async function registerListeningSchedules(ctx: AppContext): Promise<void> {
  await ctx.jobs.schedule(POLL_JOB, '* * * * *', POLL_JOB);
  await ctx.jobs.schedule(TRENDS_JOB, '*/10 * * * *', TRENDS_JOB);
  await ctx.jobs.schedule(PURGE_JOB, '20 2 * * *', PURGE_JOB);
  await ctx.jobs.schedule(MAINTAIN_JOB, '7 * * * *', MAINTAIN_JOB);
  await ctx.jobs.schedule(REPAIR_JOB, '37 * * * *', REPAIR_JOB);
  // At every start too: what a crash left behind is caught up before anyone looks.
  await ctx.jobs.enqueue(REPAIR_JOB, {}, { dedupeKey: REPAIR_JOB });
  if (ctx.config.demo) {
    await ctx.jobs.schedule(DEMO_STREAM_JOB, '* * * * *', DEMO_STREAM_JOB);
    await ctx.jobs.enqueue(DEMO_STREAM_JOB, {}, { dedupeKey: DEMO_STREAM_JOB });
  }
}
