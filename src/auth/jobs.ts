// Auth's background job: expired sessions and expired login counters are purged every hour.
import type { AppContext } from '../app/context.ts';
import { purgeExpiredSessions } from './sessions.ts';
import { purgeLoginAttempts } from './throttle.ts';

export function registerAuthJobs(ctx: AppContext): void {
  ctx.jobs.register({
    name: 'sessions.purge',
    handler: async (_payload, { log }) => {
      const n = await purgeExpiredSessions(ctx.db);
      if (n) log.info({ purged: n }, 'expired sessions purged');
      await purgeLoginAttempts(ctx.db);
    },
  });
}

export async function scheduleAuthJobs(ctx: AppContext): Promise<void> {
  await ctx.jobs.schedule('sessions.purge', '17 * * * *', 'sessions.purge');
}
