// The face of jobs (see README.md): the durable queue every feature registers its jobs on.
export type { EnqueueOptions, JobContext, JobDefinition, JobInfo, JobQueue, QueueStats } from './queue.ts';
export { SqlJobQueue } from './sql-queue.ts';
