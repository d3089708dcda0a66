// YouTube channels. Listening: the comment threads on the channel's videos and channel
// (allThreadsRelatedToChannelId), newest first, read back to the newest comment of last time. Reading
// public comments needs only an API key. Each poll stays within a daily budget of quota units kept in the
// cursor (reset at midnight Pacific Time); when it is spent the poll fails with QuotaExceeded and the
// scheduler waits for the reset. A budget is per source: sources sharing one project's key should split
// the project's daily quota between them. Publishing: items with a video file are uploaded (resumable)
// with the channel's OAuth access token; others are not taken.
import { z } from 'zod';
import { channelPublisher, commentThreadsReader, type ConnectorLogger, laterOf, type NewerState, QuotaBudget, type QuotaLedger, readNewer, YouTubeData } from '../connectors/index.ts';
import { platformEnvironment } from './environment.ts';
import { field } from './fields.ts';
import type { PlatformDefinition, PollContext, PollResult, SettingField } from './types.ts';

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
  /** Pages read per poll; default 5. */
  maxPages?: number;
  now?: () => Date;
}

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

const CHANNEL_ID: SettingField = { name: 'externalId', type: 'text', label: 'platforms.youtube.channelId', hint: 'platforms.youtube.channelIdHint' };
const ACCESS_TOKEN: SettingField = { name: 'accessToken', type: 'secret', label: 'platforms.f.accessToken', hint: 'platforms.youtube.accessTokenHint' };
const API_KEY: SettingField = { name: 'apiKey', type: 'secret', label: 'platforms.youtube.apiKey', hint: 'platforms.youtube.apiKeyHint' };

// One budget per process for the installation's API project (videos.insert costs 1,600 of 10,000 a day).
const uploadQuota = new QuotaBudget({});

export function youtubePlatform(options: YouTubeSourceOptions = {}): PlatformDefinition {
  const maxPages = options.maxPages ?? 5;
  return {
    id: 'youtube',
    name: 'platforms.youtube',
    account: { id: CHANNEL_ID, fields: [ACCESS_TOKEN, API_KEY] },
    publish: {
      requires: ['accessToken'],
      accepts: (item) => item.hasVideo,
      publisher(account) {
        const env = platformEnvironment();
        const yt = new YouTubeData({ accessToken: account.credentials.accessToken ?? '', baseUrl: env.baseUrls.youtube, uploadBaseUrl: env.baseUrls['youtube-upload'], quota: uploadQuota, timeoutMs: env.timeoutMs, fetch: env.fetch });
        return channelPublisher(yt, { categoryId: '25', tags: ['Quận 10'] });
      },
    },
    listen: {
      kind: 'youtube_channel',
      name: 'platforms.youtube.source',
      description: 'platforms.youtube.sourceDescription',
      account: { idField: 'channelId', fields: { apiKey: 'apiKey' } },
      fields: [
        field(CHANNEL_ID, 'channelId', { required: true }),
        field(API_KEY, 'apiKey', { required: true, hint: undefined }),
        { name: 'dailyUnits', type: 'number', label: 'platforms.youtube.dailyUnits', hint: 'platforms.youtube.dailyUnitsHint' },
      ],
      settings,
      showLinks: false,
      defaultIntervalSeconds: 1800,

      async poll(ctx: PollContext<YouTubeChannelSettings>): Promise<PollResult> {
        const s = ctx.settings;
        const env = platformEnvironment();
        const cursor = (ctx.cursor && typeof ctx.cursor === 'object' ? ctx.cursor : {}) as YouTubeChannelCursor;
        const ledger = new CursorLedger(cursor.quota);
        const quota = new QuotaBudget({ dailyBudget: s.dailyUnits, ledger, now: options.now ?? (() => ctx.now) });
        const yt = new YouTubeData({ apiKey: s.apiKey, baseUrl: env.baseUrls.youtube, fetch: env.fetch, quota, timeoutMs: env.timeoutMs ?? 30_000, log: ctx.log as unknown as ConnectorLogger });
        const firstTime = !cursor.newest && !cursor.pending;
        const read = await readNewer(commentThreadsReader(yt, { allThreadsRelatedToChannelId: s.channelId }), cursor.pending ?? { stopAt: cursor.newest }, {
          maxPages: firstTime ? 1 : maxPages,
          limit: 100,
          signal: ctx.signal,
        });
        const next: YouTubeChannelCursor = { newest: laterOf(cursor.newest, read.newest), pending: firstTime ? undefined : read.pending, quota: ledger.state };
        return { posts: read.items, cursor: next, more: Boolean(next.pending) };
      },
    },
  };
}
