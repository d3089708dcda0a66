// Backups in the app: the scheduled backup job and its settings page.
import type { Feature } from '../app/feature.ts';
import { registerBackupJobs, scheduleBackupJobs } from './jobs.ts';
import { backupRoutes } from './routes.tsx';

export const feature: Feature = { name: 'backup', routes: [backupRoutes], jobs: { register: registerBackupJobs, schedule: scheduleBackupJobs } };
