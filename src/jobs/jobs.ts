// The queue's own housekeeping: finished jobs are kept a week.
import type { AppContext } from '../app/context.ts';

export function registerQueueJobs(ctx: AppContext): void {
  ctx.jobs.register({
    name: 'jobs.purge',
    handler: async () => {
      await ctx.database.query(`DELETE FROM jobs WHERE status = 'done' AND finished_at < now() - interval '7 days'`);
    },
  });
}

export async function scheduleQueueJobs(ctx: AppContext): Promise<void> {
  await ctx.jobs.schedule('jobs.purge', '40 3 * * *', 'jobs.purge');
}
