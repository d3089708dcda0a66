// The background jobs of every feature, registered on the queue of each process that runs jobs.
import { purgeExpiredSessions } from '../auth/sessions.ts';
import type { AppContext } from './context.ts';
import { registerCaseJobs, scheduleCaseJobs } from '../cases/jobs.ts';
import { registerAlertJobs, scheduleAlertJobs } from '../listening/alerts/jobs.ts';
import { registerSiteJobs, registerSiteSchedules } from '../sites/jobs.ts';
import { registerListeningJobs, registerListeningSchedules } from '../listening/jobs.ts';

export function registerJobs(ctx: AppContext): void {
  ctx.jobs.register({
    name: 'sessions.purge',
    handler: async (_payload, { log }) => {
      const n = await purgeExpiredSessions(ctx.db);
      if (n) log.info({ purged: n }, 'expired sessions purged');
    },
  });
  ctx.jobs.register({
    name: 'jobs.purge',
    handler: async () => {
      await ctx.database.query(`DELETE FROM jobs WHERE status = 'done' AND finished_at < now() - interval '7 days'`);
    },
  });
  registerCaseJobs(ctx);
  registerAlertJobs(ctx);
  registerSiteJobs(ctx);
  registerListeningJobs(ctx);
}

export async function registerSchedules(ctx: AppContext): Promise<void> {
  await ctx.jobs.schedule('sessions.purge', '17 * * * *', 'sessions.purge');
  await ctx.jobs.schedule('jobs.purge', '40 3 * * *', 'jobs.purge');
  await scheduleCaseJobs(ctx);
  await scheduleAlertJobs(ctx);
  await registerSiteSchedules(ctx);
  await registerListeningSchedules(ctx);
}
