// Facebook Pages. Listening: the Page's posts and the comments on its recent posts, polled with a stored
// cursor (newest time read, an unfinished walk, the posts being watched for comments), and its feed
// webhook (comments and posts as they happen, edits and removals), checked with the app secret
// (X-Hub-Signature-256); the subscription handshake with the verify token. Publishing: a feed post with
// the link (or the cover photo and the link).
import { z } from 'zod';
import { commentsReader, type ConnectorLogger, FacebookGraph, facebookWebhook, laterOf, type NewerState, pagePostsReader, pagePublisher, readNewer, type RemotePost, type WebhookReceiver } from '../connectors/index.ts';
import { platformEnvironment } from './environment.ts';
import { field } from './fields.ts';
import type { PlatformDefinition, PollContext, PollResult, SettingField } from './types.ts';

const settings = z.object({
  pageId: z.string().trim().regex(/^\d{5,25}$/, 'Page id: digits'),
  pageAccessToken: z.string().trim().min(20),
  appSecret: z.string().trim().optional().default(''),
  verifyToken: z.string().trim().optional().default(''),
  graphVersion: z
    .string()
    .trim()
    .regex(/^(v\d+\.\d+)?$/, 'v23.0')
    .optional()
    .default(''),
  /** How many recent posts are watched for new comments. */
  watchPosts: z.coerce.number().int().min(0).max(50).default(10),
});
export type FacebookPageSettings = z.infer<typeof settings>;

export interface FacebookPageCursor {
  /** ISO time of the newest post read. */
  newest?: string;
  /** An unfinished walk back through the feed. */
  pending?: NewerState;
  /** Recent posts read for new comments. */
  watch: { id: string; created: string; newestComment?: string; pending?: NewerState }[];
}

export interface FacebookSourceOptions {
  /** Pages read per walk and poll; default 3. */
  maxPages?: number;
  /** Posts older than this stop being watched for comments; default 14 days. */
  watchDays?: number;
}

const PAGE_SIZE = 100;

const PAGE_ID: SettingField = { name: 'externalId', type: 'text', label: 'platforms.facebook.pageId', hint: 'platforms.facebook.pageIdHint' };
const ACCESS_TOKEN: SettingField = { name: 'accessToken', type: 'secret', label: 'platforms.f.accessToken', hint: 'platforms.facebook.accessTokenHint' };
const APP_SECRET: SettingField = { name: 'appSecret', type: 'secret', label: 'platforms.f.appSecret', hint: 'platforms.facebook.appSecretHint' };
const VERIFY_TOKEN: SettingField = { name: 'verifyToken', type: 'secret', label: 'platforms.facebook.verifyToken', hint: 'platforms.facebook.verifyTokenHint' };
const GRAPH_VERSION: SettingField = { name: 'graphVersion', type: 'text', label: 'platforms.facebook.graphVersion', hint: 'platforms.facebook.graphVersionHint' };

export function facebookPlatform(options: FacebookSourceOptions = {}): PlatformDefinition {
  const maxPages = options.maxPages ?? 3;
  const watchMs = (options.watchDays ?? 14) * 86_400_000;
  const graph = (accessToken: string, version?: string, log?: ConnectorLogger, timeoutMs?: number) => {
    const env = platformEnvironment();
    return new FacebookGraph({ pageAccessToken: accessToken, version: version || undefined, baseUrl: env.baseUrls.facebook, fetch: env.fetch, timeoutMs: timeoutMs ?? env.timeoutMs, log });
  };
  return {
    id: 'facebook',
    name: 'platforms.facebook',
    account: { id: PAGE_ID, fields: [ACCESS_TOKEN, APP_SECRET, VERIFY_TOKEN, GRAPH_VERSION] },
    publish: {
      requires: ['accessToken'],
      accepts: () => true,
      publisher(account) {
        const publisher = pagePublisher(graph(account.credentials.accessToken ?? '', account.credentials.graphVersion), account.externalId);
        // A feed post with a link shows the article's own preview card (Open Graph); photos are not re-uploaded.
        return { publish: (item) => publisher.publish({ ...item, imageUrls: item.link ? [] : item.imageUrls }) };
      },
    },
    listen: {
      kind: 'facebook_page',
      name: 'platforms.facebook.source',
      description: 'platforms.facebook.sourceDescription',
      account: { idField: 'pageId', fields: { pageAccessToken: 'accessToken', appSecret: 'appSecret', verifyToken: 'verifyToken', graphVersion: 'graphVersion' } },
      fields: [
        field(PAGE_ID, 'pageId', { required: true }),
        field(ACCESS_TOKEN, 'pageAccessToken', { required: true }),
        APP_SECRET,
        VERIFY_TOKEN,
        GRAPH_VERSION,
        { name: 'watchPosts', type: 'number', label: 'platforms.facebook.watchPosts' },
      ],
      settings,
      showLinks: false,
      defaultIntervalSeconds: 600,

      async poll(ctx: PollContext<FacebookPageSettings>): Promise<PollResult> {
        const s = ctx.settings;
        const client = graph(s.pageAccessToken, s.graphVersion, ctx.log as unknown as ConnectorLogger, platformEnvironment().timeoutMs ?? 30_000);
        const cursor = readCursor(ctx.cursor);
        const posts: RemotePost[] = [];
        let more = false;

        // Posts: continue an unfinished walk, or read back to the newest post of last time (one page the first time).
        const walk = cursor.pending ?? { stopAt: cursor.newest };
        const firstTime = !cursor.newest && !cursor.pending;
        const read = await readNewer(pagePostsReader(client, s.pageId), walk, { maxPages: firstTime ? 1 : maxPages, limit: PAGE_SIZE, signal: ctx.signal });
        posts.push(...read.items);
        const next: FacebookPageCursor = { newest: laterOf(cursor.newest, read.newest), pending: firstTime ? undefined : read.pending, watch: cursor.watch };
        if (next.pending) more = true;

        // Watch the most recent posts (old and new) for comments, while they are young enough.
        const byId = new Map(next.watch.map((w) => [w.id, w]));
        for (const p of read.items) if (!byId.has(p.externalId)) byId.set(p.externalId, { id: p.externalId, created: p.createdAt.toISOString() });
        const horizon = ctx.now.getTime() - watchMs;
        next.watch = [...byId.values()]
          .filter((w) => Date.parse(w.created) >= horizon)
          .sort((a, b) => Date.parse(b.created) - Date.parse(a.created))
          .slice(0, s.watchPosts);

        for (const w of next.watch) {
          const comments = await readNewer(commentsReader(client, w.id), w.pending ?? { stopAt: w.newestComment }, { maxPages, limit: PAGE_SIZE, signal: ctx.signal });
          posts.push(...comments.items);
          w.newestComment = laterOf(w.newestComment, comments.newest);
          w.pending = comments.pending;
          if (w.pending) more = true;
        }
        return { posts, cursor: next, more };
      },

      webhook(s: FacebookPageSettings): WebhookReceiver {
        return facebookWebhook({ appSecret: s.appSecret, verifyToken: s.verifyToken, pageId: s.pageId });
      },
    },
  };
}

function readCursor(value: unknown): FacebookPageCursor {
  const c = (value && typeof value === 'object' ? value : {}) as Partial<FacebookPageCursor>;
  return { newest: c.newest, pending: c.pending, watch: Array.isArray(c.watch) ? c.watch : [] };
}
