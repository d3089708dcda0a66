// The demo's first week of listening, made while the demo is seeded (in the short-lived setup process of
// a first start) rather than by the server's first jobs: the dashboard shows issues and a spike at once,
// and the server does not spend its first seconds analysing.
import type { AppContext } from '../../app/context.ts';
import { processPending } from '../ingest/ingest.ts';
import { runTrends } from '../trends-job.ts';
import { runDemoStream } from './stream.ts';

export async function seedListeningDemo(ctx: AppContext, now = Date.now()): Promise<number> {
  const added = await runDemoStream(ctx, now);
  await processPending(ctx);
  await runTrends(ctx, {});
  return added;
}
