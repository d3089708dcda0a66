// The backup feature's job: the daily scheduled backup.
import type { AppContext } from '../app/context.ts';
import { BACKUP_JOB, runScheduledBackup, scheduleBackups } from './schedule.ts';

export function registerBackupJobs(ctx: AppContext): void {
  ctx.jobs.register({
    name: BACKUP_JOB,
    maxAttempts: 2,
    handler: async (_p, { log }) => {
      const file = await runScheduledBackup(ctx);
      if (file) log.info({ file }, 'backup: scheduled backup written');
    },
  });
}

export const scheduleBackupJobs = (ctx: AppContext): Promise<void> => scheduleBackups(ctx);
