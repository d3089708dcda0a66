// Catching up after a crash. A post is stored first and clustered after (by the process job, or in the
// import's own transaction); a process killed in between, or a lost wake-up, leaves posts stored but
// outside every issue and outside the totals. The repair job runs at every start and hourly: it marks
// imports whose process died as interrupted, and sends every post still waiting through analysis and
// clustering, which writes the issue counts and the hourly and daily aggregates with them.
import type { AppContext } from '../app/context.ts';
import { processPending } from './ingest/ingest.ts';
import { markInterruptedImports } from './ingest/import.ts';

export const REPAIR_JOB = 'listening.repair';

export async function repairListening(ctx: AppContext): Promise<{ interrupted: number; clustered: number }> {
  const interrupted = await markInterruptedImports(ctx);
  const clustered = await processPending(ctx);
  return { interrupted, clustered };
}
