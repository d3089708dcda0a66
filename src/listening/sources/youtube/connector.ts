// A YouTube channel as a listening source: the comment threads on its videos and channel
// (allThreadsRelatedToChannelId), newest first, read back to the newest comment of last time. Reading
// public comments needs only an API key. Each poll stays within a daily budget of quota units kept in the
// cursor (reset at midnight Pacific Time); when it is spent the poll fails with QuotaExceeded and the
// scheduler waits for the reset. A budget is per source: sources sharing one project's key should split
// the project's daily quota between them.
import { z } from 'zod';
import type { ConnectorLogger } from '../../../connectors/http.ts';
import { laterOf, readNewer, type NewerState } from '../../../connectors/newer.ts';
import { YouTubeData } from '../../../connectors/youtube/client.ts';
import { QuotaBudget, type QuotaLedger } from '../../../connectors/youtube/quota.ts';
import { commentThreadsReader } from '../../../connectors/youtube/records.ts';
import type { PollContext, PollResult, SourceConnector } from '../types.ts';

const settings = z.object({
  channelId: z.string().trim().regex(/^UC[\w-]{22}$/, 'UC… (24 characters)'),
  apiKey: z.string().trim().min(20),
  /** Quota units this source may use per day (one unit per page of up to 100 threads). */
  dailyUnits: z.coerce.number().int().min(1).max(1_000_000).default(2000),
});
export type YouTubeChannelSettings = z.infer<typeof settings>;

export interface YouTubeChannelCursor {
  newest?: string;
  pending?: NewerState;
  /** Units spent on the given (Pacific) day. */
  quota?: { day: string; used: number };
}

export interface YouTubeSourceOptions {
  /** Data API base URL (a fake server in tests). */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Pages read per poll; default 5. */
  maxPages?: number;
  now?: () => Date;
}

/** Endpoint overrides for every instance (tests against the fake server, an egress proxy); factory options win. */
export const youtubeSourceEndpoints: { baseUrl?: string; fetch?: typeof fetch } = {};

/** A QuotaLedger over the single day kept in the cursor. */
class CursorLedger implements QuotaLedger {
  constructor(public state: { day: string; used: number } | undefined) {}
  async used(day: string): Promise<number> {
    return this.state?.day === day ? this.state.used : 0;
  }
  async add(day: string, units: number): Promise<number> {
    const used = (await this.used(day)) + units;
    this.state = { day, used };
    return used;
  }
}

export function youtubeChannelConnector(options: YouTubeSourceOptions = {}): SourceConnector<YouTubeChannelSettings> {
  const maxPages = options.maxPages ?? 5;
  return {
    kind: 'youtube_channel',
    name: { vi: 'Kênh YouTube', en: 'YouTube channel' },
    description: {
      vi: 'Bình luận của người xem dưới các video và trên kênh YouTube; đọc định kỳ trong hạn mức hằng ngày của YouTube.',
      en: 'Viewers’ comments under the videos and on the channel; read periodically within YouTube’s daily quota.',
    },
    fields: [
      { name: 'channelId', type: 'text', required: true, label: { vi: 'Mã kênh (Channel ID)', en: 'Channel ID' }, hint: { vi: 'Bắt đầu bằng UC, 24 ký tự.', en: 'Starts with UC, 24 characters.' } },
      { name: 'apiKey', type: 'secret', required: true, label: { vi: 'Khóa API YouTube Data', en: 'YouTube Data API key' } },
      { name: 'dailyUnits', type: 'number', label: { vi: 'Hạn mức dùng mỗi ngày (đơn vị)', en: 'Daily quota units for this source' }, hint: { vi: 'Mỗi trang 100 bình luận tốn 1 đơn vị; dự án có 10.000 đơn vị/ngày.', en: 'Each page of 100 threads costs 1 unit; a project has 10,000 units/day.' } },
    ],
    settings,
    showLinks: false,
    defaultIntervalSeconds: 1800,

    async poll(ctx: PollContext<YouTubeChannelSettings>): Promise<PollResult> {
      const s = ctx.settings;
      const cursor = (ctx.cursor && typeof ctx.cursor === 'object' ? ctx.cursor : {}) as YouTubeChannelCursor;
      const ledger = new CursorLedger(cursor.quota);
      const quota = new QuotaBudget({ dailyBudget: s.dailyUnits, ledger, now: options.now ?? (() => ctx.now) });
      const yt = new YouTubeData({ apiKey: s.apiKey, baseUrl: options.baseUrl ?? youtubeSourceEndpoints.baseUrl, fetch: options.fetch ?? youtubeSourceEndpoints.fetch, quota, timeoutMs: 30_000, log: ctx.log as unknown as ConnectorLogger });
      const firstTime = !cursor.newest && !cursor.pending;
      const read = await readNewer(commentThreadsReader(yt, { allThreadsRelatedToChannelId: s.channelId }), cursor.pending ?? { stopAt: cursor.newest }, {
        maxPages: firstTime ? 1 : maxPages,
        limit: 100,
        signal: ctx.signal,
      });
      const next: YouTubeChannelCursor = { newest: laterOf(cursor.newest, read.newest), pending: firstTime ? undefined : read.pending, quota: ledger.state };
      return { posts: read.items, cursor: next, more: Boolean(next.pending) };
    },
  };
}
