// Background work of the publishing network: cross-posts (retried with the platform's own delays by
// posts.ts), scheduled publication, token refresh ahead of expiry, and the weekly e-mail digest.
import type { AppContext } from '../app/context.ts';
import { CROSSPOST_JOB, runCrossPost } from './channels/posts.ts';
import { refreshExpiringTokens } from '../platforms/index.ts';
import { publishDue } from './workflow.ts';

export function registerSiteJobs(ctx: AppContext): void {
  ctx.jobs.register<{ postId: number }>({
    name: CROSSPOST_JOB,
    // The record, not the queue, decides whether to post: one attempt per job, retries are new jobs.
    maxAttempts: 1,
    concurrency: 2,
    handler: async ({ postId }, { log }) => {
      const status = await runCrossPost(ctx, postId);
      log.info({ postId, status }, 'cross-post');
    },
  });
  ctx.jobs.register({
    name: 'sites.publish-due',
    handler: async (_payload, { log }) => {
      const n = await publishDue(ctx);
      if (n) log.info({ published: n }, 'scheduled items published');
    },
  });
  ctx.jobs.register({
    name: 'sites.channel-tokens',
    handler: async (_payload, { log }) => {
      const result = await refreshExpiringTokens(ctx);
      if (result.refreshed || result.failed) log.info(result, 'channel tokens refreshed');
    },
  });
  ctx.jobs.register({
    name: 'sites.digest',
    handler: async (_payload, { log }) => {
      const { sendDigests } = await import('./digest.ts');
      const sent = await sendDigests(ctx);
      log.info({ sent }, 'digests sent');
    },
  });
}

export async function registerSiteSchedules(ctx: AppContext): Promise<void> {
  await ctx.jobs.schedule('sites.publish-due', '* * * * *', 'sites.publish-due');
  await ctx.jobs.schedule('sites.digest', '0 7 * * 1', 'sites.digest');
  await ctx.jobs.schedule('sites.channel-tokens', '12 * * * *', 'sites.channel-tokens');
}
