// YouTube Data API v3 client: commentThreads.list (by video or all threads related to a channel) and
// videos.insert through the resumable upload protocol (upload.ts). Every call is charged to a QuotaBudget
// first; when the platform says quotaExceeded anyway, the budget is marked spent for the day.
// Reads may use an API key (public data) or an OAuth access token; uploads need the token.
import { BadRequest, QuotaExceeded } from '../errors.ts';
import { type ConnectorLogger, createHttp, type HttpClient, type HttpRequest, type HttpResponse, resolveToken, type TokenSource } from '../http.ts';
import { youtubeErrorMapper } from './errors.ts';
import { QuotaBudget, type QuotaOperation } from './quota.ts';

export interface YouTubeConfig {
  /** OAuth access token (value or function returning the current one); required for uploads. */
  accessToken?: TokenSource;
  /** API key for reading public data when there is no token. */
  apiKey?: string;
  /** Default https://www.googleapis.com/youtube/v3 */
  baseUrl?: string;
  /** Default https://www.googleapis.com/upload/youtube/v3 */
  uploadBaseUrl?: string;
  quota?: QuotaBudget;
  timeoutMs?: number;
  /** Timeout of one upload chunk; default 120 s. */
  chunkTimeoutMs?: number;
  /** Upload chunk size; a multiple of 256 KiB, default 8 MiB. */
  chunkSize?: number;
  /** Retries of one chunk after 429/5xx/timeouts before giving up; default 5. */
  maxChunkRetries?: number;
  /** Backoff base between chunk retries when the platform gives no hint; default 1 s. */
  retryBaseMs?: number;
  /** Waits between chunk retries; injectable so tests do not wait. */
  sleep?: (ms: number) => Promise<void>;
  defaultRetryAfterMs?: number;
  fetch?: typeof fetch;
  log?: ConnectorLogger;
}

export interface YtComment {
  kind?: string;
  id: string;
  snippet: {
    channelId?: string;
    videoId?: string;
    textDisplay?: string;
    textOriginal?: string;
    authorDisplayName?: string;
    authorChannelId?: { value?: string };
    authorChannelUrl?: string;
    parentId?: string;
    likeCount?: number;
    publishedAt: string;
    updatedAt?: string;
  };
}

export interface YtCommentThread {
  kind?: string;
  id: string;
  snippet: { channelId?: string; videoId?: string; totalReplyCount?: number; topLevelComment: YtComment };
  replies?: { comments: YtComment[] };
}

export type ThreadFilter = { videoId: string } | { allThreadsRelatedToChannelId: string };

export interface ThreadListOptions {
  pageToken?: string;
  /** 1–100; default 100 (one quota unit per page whatever the size). */
  maxResults?: number;
  order?: 'time' | 'relevance';
  textFormat?: 'plainText' | 'html';
  moderationStatus?: 'published' | 'heldForReview' | 'likelySpam';
  signal?: AbortSignal;
}

export interface VideoMetadata {
  title: string;
  description?: string;
  tags?: string[];
  categoryId?: string;
  privacyStatus: 'private' | 'public' | 'unlisted';
  madeForKids?: boolean;
  notifySubscribers?: boolean;
}

export interface UploadedVideo {
  id: string;
  url: string;
  /** As the platform set it: unverified API projects can only upload private videos. */
  privacyStatus?: string;
}

export const MAX_TITLE_LENGTH = 100;
export const MAX_DESCRIPTION_BYTES = 5000;
const CHUNK_UNIT = 256 * 1024;

export class YouTubeData {
  readonly quota: QuotaBudget;
  readonly baseUrl: string;
  readonly uploadBaseUrl: string;
  readonly chunkSize: number;
  /** @internal shared with upload.ts */
  readonly http: HttpClient;

  constructor(readonly config: YouTubeConfig) {
    this.quota = config.quota ?? new QuotaBudget();
    this.baseUrl = (config.baseUrl ?? 'https://www.googleapis.com/youtube/v3').replace(/\/+$/, '');
    this.uploadBaseUrl = (config.uploadBaseUrl ?? 'https://www.googleapis.com/upload/youtube/v3').replace(/\/+$/, '');
    this.chunkSize = config.chunkSize ?? 32 * CHUNK_UNIT;
    if (this.chunkSize <= 0 || this.chunkSize % CHUNK_UNIT !== 0) throw new Error('chunkSize must be a positive multiple of 256 KiB');
    this.http = createHttp({
      source: 'youtube',
      mapError: youtubeErrorMapper({ quotaResetAt: () => this.quota.resetAt(), defaultRetryAfterMs: config.defaultRetryAfterMs ?? 60_000 }),
      defaultRetryAfterMs: config.defaultRetryAfterMs,
      timeoutMs: config.timeoutMs,
      fetch: config.fetch,
      log: config.log,
      secrets: config.apiKey ? [config.apiKey] : [],
    });
  }

  /** One page of comment threads (top-level comment and some replies each), newest first by default. */
  async listCommentThreads(filter: ThreadFilter, options: ThreadListOptions = {}): Promise<{ items: YtCommentThread[]; nextPageToken?: string }> {
    const res = await this.charged('commentThreads.list', () =>
      this.send<{ items?: YtCommentThread[]; nextPageToken?: string }>({
        url: `${this.baseUrl}/commentThreads`,
        query: {
          part: 'id,snippet,replies',
          ...filter,
          maxResults: Math.max(1, Math.min(100, Math.floor(options.maxResults ?? 100))),
          order: options.order ?? 'time',
          textFormat: options.textFormat ?? 'plainText',
          moderationStatus: options.moderationStatus,
          pageToken: options.pageToken,
        },
        signal: options.signal,
      }),
    );
    if (!Array.isArray(res.data?.items)) throw new BadRequest({ source: 'youtube', platformMessage: 'unexpected commentThreads response' });
    return { items: res.data.items, nextPageToken: res.data.nextPageToken || undefined };
  }

  /** Checks metadata the way the platform would, before any quota is spent. */
  validateMetadata(meta: VideoMetadata): void {
    const refuse = (reason: string, message: string) => new BadRequest({ source: 'youtube', code: reason, platformMessage: message });
    if (!meta.title.trim()) throw refuse('invalidTitle', 'title is empty');
    if ([...meta.title].length > MAX_TITLE_LENGTH) throw refuse('invalidTitle', `title longer than ${MAX_TITLE_LENGTH} characters`);
    if (/[<>]/.test(meta.title)) throw refuse('invalidTitle', 'title contains < or >');
    const description = meta.description ?? '';
    if (Buffer.byteLength(description, 'utf8') > MAX_DESCRIPTION_BYTES) throw refuse('invalidDescription', `description longer than ${MAX_DESCRIPTION_BYTES} bytes`);
    if (/[<>]/.test(description)) throw refuse('invalidDescription', 'description contains < or >');
  }

  /** @internal Sends a request with the credentials this client has. */
  async send<T>(req: HttpRequest & { needsToken?: boolean }): Promise<HttpResponse<T>> {
    const token = this.config.accessToken !== undefined ? await resolveToken(this.config.accessToken) : undefined;
    if (!token && (req.needsToken || !this.config.apiKey)) throw new BadRequest({ source: 'youtube', code: 'noCredentials', platformMessage: 'an OAuth access token is required' });
    const headers = { ...req.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) };
    const query = token ? req.query : { ...req.query, key: this.config.apiKey };
    return this.http.request<T>({ ...req, headers, query, secrets: [...(req.secrets ?? []), token] });
  }

  /** @internal Charges the quota, runs the call, and marks the day spent if the platform refuses on quota. */
  async charged<T>(operation: QuotaOperation, call: () => Promise<T>): Promise<T> {
    await this.quota.spend(operation);
    try {
      return await call();
    } catch (e) {
      if (e instanceof QuotaExceeded && e.code !== 'uploadLimitExceeded') await this.quota.exhaust();
      throw e;
    }
  }
}

export const watchUrl = (videoId: string): string => `https://www.youtube.com/watch?v=${encodeURIComponent(videoId)}`;
