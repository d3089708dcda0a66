// Jobs in the app: the queue's admin page, and its housekeeping.
import type { Feature } from '../app/feature.ts';
import { registerQueueJobs, scheduleQueueJobs } from './jobs.ts';
import { jobRoutes } from './routes.tsx';

export const feature: Feature = { name: 'jobs', routes: [jobRoutes], jobs: { register: registerQueueJobs, schedule: scheduleQueueJobs } };
