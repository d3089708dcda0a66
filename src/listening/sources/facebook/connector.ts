// A Facebook Page as a listening source: its posts and the comments on its recent posts, polled with a
// stored cursor (newest time read, an unfinished walk, the posts being watched for comments), and its
// feed webhook (comments and posts as they happen, edits and removals). Webhook calls are checked with
// the app secret (X-Hub-Signature-256); the subscription handshake with the verify token.
import { z } from 'zod';
import { FacebookGraph } from '../../../connectors/facebook/client.ts';
import { commentsReader, pagePostsReader } from '../../../connectors/facebook/records.ts';
import { facebookWebhook } from '../../../connectors/facebook/webhook.ts';
import type { ConnectorLogger } from '../../../connectors/http.ts';
import { laterOf, readNewer, type NewerState } from '../../../connectors/newer.ts';
import type { RemotePost, WebhookReceiver } from '../../../connectors/types.ts';
import type { PollContext, PollResult, SourceConnector } from '../types.ts';

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
  /** Graph base URL (a fake server in tests). */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Pages read per walk and poll; default 3. */
  maxPages?: number;
  /** Posts older than this stop being watched for comments; default 14 days. */
  watchDays?: number;
}

const PAGE_SIZE = 100;

/** Endpoint overrides for every instance (tests against the fake server, an egress proxy); factory options win. */
export const facebookSourceEndpoints: { baseUrl?: string; fetch?: typeof fetch } = {};

export function facebookPageConnector(options: FacebookSourceOptions = {}): SourceConnector<FacebookPageSettings> {
  const maxPages = options.maxPages ?? 3;
  const watchMs = (options.watchDays ?? 14) * 86_400_000;
  return {
    kind: 'facebook_page',
    name: { vi: 'Trang Facebook', en: 'Facebook Page' },
    description: {
      vi: 'Bài đăng của một trang Facebook và bình luận của người dân dưới các bài gần đây; đọc định kỳ và nhận ngay qua webhook.',
      en: 'Posts of a Facebook Page and people’s comments under its recent posts; read periodically and received at once through the webhook.',
    },
    fields: [
      { name: 'pageId', type: 'text', required: true, label: { vi: 'Mã trang (Page ID)', en: 'Page ID' }, hint: { vi: 'Dãy số trong phần Giới thiệu của trang.', en: 'The number shown in the Page’s About section.' } },
      { name: 'pageAccessToken', type: 'secret', required: true, label: { vi: 'Mã truy cập của trang (Page access token)', en: 'Page access token' } },
      { name: 'appSecret', type: 'secret', label: { vi: 'Khóa bí mật của ứng dụng (App secret)', en: 'App secret' }, hint: { vi: 'Cần để nhận webhook: dùng để kiểm tra chữ ký X-Hub-Signature-256.', en: 'Needed for the webhook: checks the X-Hub-Signature-256 signature.' } },
      { name: 'verifyToken', type: 'secret', label: { vi: 'Mã xác minh webhook (Verify token)', en: 'Webhook verify token' }, hint: { vi: 'Nhập cùng giá trị ở trang cấu hình Webhooks của ứng dụng.', en: 'Enter the same value on the app’s Webhooks settings.' } },
      { name: 'graphVersion', type: 'text', label: { vi: 'Phiên bản Graph API', en: 'Graph API version' }, hint: { vi: 'Để trống: v23.0.', en: 'Empty: v23.0.' } },
      { name: 'watchPosts', type: 'number', label: { vi: 'Số bài gần đây theo dõi bình luận', en: 'Recent posts watched for comments' } },
    ],
    settings,
    showLinks: false,
    defaultIntervalSeconds: 600,

    async poll(ctx: PollContext<FacebookPageSettings>): Promise<PollResult> {
      const s = ctx.settings;
      const graph = new FacebookGraph({
        pageAccessToken: s.pageAccessToken,
        version: s.graphVersion || undefined,
        baseUrl: options.baseUrl ?? facebookSourceEndpoints.baseUrl,
        fetch: options.fetch ?? facebookSourceEndpoints.fetch,
        timeoutMs: 30_000,
        log: ctx.log as unknown as ConnectorLogger,
      });
      const cursor = readCursor(ctx.cursor);
      const posts: RemotePost[] = [];
      let more = false;

      // Posts: continue an unfinished walk, or read back to the newest post of last time (one page the first time).
      const walk = cursor.pending ?? { stopAt: cursor.newest };
      const firstTime = !cursor.newest && !cursor.pending;
      const read = await readNewer(pagePostsReader(graph, s.pageId), walk, { maxPages: firstTime ? 1 : maxPages, limit: PAGE_SIZE, signal: ctx.signal });
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
        const comments = await readNewer(commentsReader(graph, w.id), w.pending ?? { stopAt: w.newestComment }, { maxPages, limit: PAGE_SIZE, signal: ctx.signal });
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
  };
}

function readCursor(value: unknown): FacebookPageCursor {
  const c = (value && typeof value === 'object' ? value : {}) as Partial<FacebookPageCursor>;
  return { newest: c.newest, pending: c.pending, watch: Array.isArray(c.watch) ? c.watch : [] };
}
