// A fake YouTube Data API v3 built from shared/api-contracts.md: commentThreads.list (by video, by channel,
// by id) with pageToken paging, videos.insert through the resumable protocol (initiate → session URL →
// PUT chunks, 308 with Range until complete, status queries with "bytes */total"), a configurable daily
// quota with per-call costs, and Google's error shape. Drift (no credentials, missing part, no or several
// filters, bad values, chunks out of order or not a multiple of 256 KiB) gets Google's error answer.
import { cursor, type FakeReply, type FakeRequest, FakeServer, Ids, type InjectMatch, TickClock } from './server.ts';

export interface YouTubeFakeOptions {
  seed?: number;
  /** Daily quota units (the contract's sources disagree: make it what the test needs). Default 10,000. */
  dailyQuota?: number;
  /** Cost per call: commentThreads.list 1; videos.insert 1600 by default (or 100, or 1 in the newest docs). */
  costs?: { list?: number; insert?: number };
  /** Non-final chunks must be a multiple of this; default 256 KiB. */
  chunkGranularity?: number;
  /** Unverified API projects (created after 28 Jul 2020) can only upload private videos. */
  unverifiedProject?: boolean;
  /** Status of the answer that completes an upload: 200 (default) or 201. */
  completeStatus?: 200 | 201;
  /** Replies included per thread (the API includes only some). Default 5. */
  repliesPerThread?: number;
}

export interface FakeYtComment {
  id: string;
  videoId?: string;
  channelId: string;
  parentId?: string;
  text: string;
  author: { name: string; channelId: string };
  publishedAt: string;
}

export interface FakeYtThread {
  id: string;
  videoId?: string;
  channelId: string;
  top: FakeYtComment;
  replies: FakeYtComment[];
}

export interface FakeYtVideo {
  id: string;
  channelId: string;
  title: string;
  commentsDisabled: boolean;
  upload?: { snippet: Record<string, unknown>; status: Record<string, unknown>; bytes: Buffer; contentType: string; notifySubscribers?: string };
}

interface UploadSession {
  id: string;
  channelId: string;
  snippet: Record<string, unknown>;
  status: Record<string, unknown>;
  total: number;
  contentType: string;
  notifySubscribers?: string;
  chunks: Buffer[];
  received: number;
  videoId?: string;
}

export type YouTubeFailure =
  | 'quotaExceeded'
  | 'uploadLimitExceeded'
  | 'authError'
  | 'rateLimitExceeded'
  | 'backendError'
  | { http429: true; retryAfter?: string }
  | { serverError: number }
  | 'hang';

const MAX_TITLE = 100;
const MAX_DESCRIPTION_BYTES = 5000;

export class YouTubeFake {
  readonly server: FakeServer;
  readonly channels = new Map<string, { id: string; title: string }>();
  readonly videos = new Map<string, FakeYtVideo>();
  readonly threads: FakeYtThread[] = [];
  readonly sessions = new Map<string, UploadSession>();
  /** Units charged today. */
  quotaUsed = 0;
  private readonly tokens = new Map<string, { channelId: string; expired: boolean }>();
  private readonly apiKeys = new Set<string>();
  private readonly chunkFailures: { status: number; keepBytes: number; retryAfter?: string }[] = [];
  private readonly ids: Ids;
  private readonly clock = new TickClock();

  private constructor(private readonly options: YouTubeFakeOptions) {
    this.ids = new Ids(options.seed ?? 1);
    this.server = new FakeServer((req) => this.handle(req));
  }

  static async start(options: YouTubeFakeOptions = {}): Promise<YouTubeFake> {
    const fake = new YouTubeFake(options);
    await fake.server.start();
    return fake;
  }

  get url(): string {
    return this.server.url;
  }
  /** What the client's baseUrl should be. */
  get apiBase(): string {
    return `${this.url}/youtube/v3`;
  }
  /** What the client's uploadBaseUrl should be. */
  get uploadBase(): string {
    return `${this.url}/upload/youtube/v3`;
  }
  close(): Promise<void> {
    return this.server.close();
  }

  // ---- seeding ----

  addChannel(channel: { id?: string; title?: string; token?: string; apiKey?: string } = {}): { id: string; title: string; token: string; apiKey: string } {
    const id = channel.id ?? `UC${this.ids.base64url(11)}${this.ids.base64url(11)}`;
    const title = channel.title ?? `Kênh ${id}`;
    const token = channel.token ?? `ya29.fake-${id}`;
    const apiKey = channel.apiKey ?? `AIzaFake${id}`;
    this.channels.set(id, { id, title });
    this.tokens.set(token, { channelId: id, expired: false });
    this.apiKeys.add(apiKey);
    return { id, title, token, apiKey };
  }

  /** From now on this bearer token is answered 401 authError. */
  expireToken(token: string): void {
    const entry = this.tokens.get(token);
    if (entry) entry.expired = true;
  }

  /** From now on this API key is answered 400 "API key not valid". */
  revokeApiKey(key: string): void {
    this.apiKeys.delete(key);
  }

  seedVideo(channelId: string, video: { title?: string; commentsDisabled?: boolean } = {}): FakeYtVideo {
    if (!this.channels.has(channelId)) throw new Error(`fake: no channel ${channelId}`);
    const id = this.ids.base64url(11);
    const record: FakeYtVideo = { id, channelId, title: video.title ?? `Video ${id}`, commentsDisabled: video.commentsDisabled ?? false };
    this.videos.set(id, record);
    return record;
  }

  /** A comment thread on a video (or, with `channelId` and no video, a channel discussion). */
  seedThread(target: { videoId: string } | { channelId: string }, thread: { text: string; author: { name: string; channelId: string }; replies?: { text: string; author: { name: string; channelId: string } }[] }): FakeYtThread {
    const videoId = 'videoId' in target ? target.videoId : undefined;
    const channelId = videoId ? (this.videos.get(videoId)?.channelId ?? '') : (target as { channelId: string }).channelId;
    if (!channelId) throw new Error('fake: unknown video');
    const comment = (text: string, author: { name: string; channelId: string }, parentId?: string): FakeYtComment => ({
      id: parentId ? `${parentId}.${this.ids.base64url(11)}` : `Ug${this.ids.base64url(11)}${this.ids.base64url(11)}`,
      videoId,
      channelId,
      parentId,
      text,
      author,
      publishedAt: this.clock.tick().toISOString(),
    });
    const top = comment(thread.text, thread.author);
    const record: FakeYtThread = { id: top.id, videoId, channelId, top, replies: (thread.replies ?? []).map((r) => comment(r.text, r.author, top.id)) };
    this.threads.push(record);
    return record;
  }

  // ---- control ----

  fail(failure: YouTubeFailure, match: InjectMatch = {}): void {
    this.server.inject(failure === 'hang' ? 'hang' : this.failureReply(failure), match);
  }

  /** The next chunk PUT keeps its first `keepBytes` bytes and answers `status` (a dropped upload). */
  failNextChunk(options: { status?: number; keepBytes?: number; retryAfter?: string } = {}): void {
    this.chunkFailures.push({ status: options.status ?? 503, keepBytes: options.keepBytes ?? 0, retryAfter: options.retryAfter });
  }

  /** Videos uploaded through the API. */
  uploads(): FakeYtVideo[] {
    return [...this.videos.values()].filter((v) => v.upload);
  }

  failureReply(failure: Exclude<YouTubeFailure, 'hang'>): FakeReply {
    if (failure === 'quotaExceeded') return this.quotaExceeded();
    if (failure === 'uploadLimitExceeded') return gError(400, 'uploadLimitExceeded', 'The user has exceeded the number of videos they may upload.', 'youtube.video');
    if (failure === 'authError') return this.authError();
    if (failure === 'rateLimitExceeded') return gError(403, 'rateLimitExceeded', 'The request cannot be completed because you have exceeded your rate limit.', 'youtube.quota');
    if (failure === 'backendError') return gError(503, 'backendError', 'Backend Error', 'global');
    if ('http429' in failure) return { ...gError(429, 'rateLimitExceeded', 'Too Many Requests', 'global'), headers: failure.retryAfter ? { 'retry-after': failure.retryAfter } : {} };
    return failure.serverError >= 500 && failure.serverError !== 503 ? { status: failure.serverError, headers: { 'content-type': 'text/html' }, body: '<html><title>Error</title></html>' } : gError(failure.serverError, 'backendError', 'Backend Error', 'global');
  }

  // ---- the API ----

  private quotaExceeded(): FakeReply {
    return gError(403, 'quotaExceeded', 'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.', 'youtube.quota');
  }
  private authError(): FakeReply {
    return gError(401, 'authError', 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.', 'global', { location: 'Authorization', locationType: 'header' }, 'UNAUTHENTICATED');
  }

  /** Who is calling: a channel (bearer), 'key' (API key) or an error answer. */
  private caller(req: FakeRequest, needsToken: boolean): { channelId?: string } | FakeReply {
    const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
    if (bearer) {
      const entry = this.tokens.get(bearer);
      if (!entry || entry.expired) return this.authError();
      return { channelId: entry.channelId };
    }
    if (needsToken) return gError(401, 'required', 'Login Required.', 'global', { location: 'Authorization', locationType: 'header' }, 'UNAUTHENTICATED');
    const key = req.query.get('key');
    if (!key) return gError(403, 'forbidden', 'The request is missing a valid API key.', 'global', {}, 'PERMISSION_DENIED');
    if (!this.apiKeys.has(key)) {
      const reply = gError(400, 'badRequest', 'API key not valid. Please pass a valid API key.', 'global', {}, 'INVALID_ARGUMENT');
      (reply.body as { error: Record<string, unknown> }).error.details = [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' }];
      return reply;
    }
    return {};
  }

  private charge(cost: number): FakeReply | undefined {
    if (this.quotaUsed + cost > (this.options.dailyQuota ?? 10_000)) return this.quotaExceeded();
    this.quotaUsed += cost;
    return undefined;
  }

  private handle(req: FakeRequest): FakeReply {
    if (req.path === '/youtube/v3/commentThreads' && req.method === 'GET') return this.listThreads(req);
    if (req.path === '/upload/youtube/v3/videos' && req.method === 'POST') return this.initiate(req);
    if (req.path === '/upload/youtube/v3/videos' && req.method === 'PUT') return this.putChunk(req);
    return { status: 404, headers: { 'content-type': 'text/html' }, body: `<html><body>Not Found: ${req.method} ${req.path}</body></html>` };
  }

  private listThreads(req: FakeRequest): FakeReply {
    const who = this.caller(req, false);
    if ('status' in who) return who;
    const charged = this.charge(this.options.costs?.list ?? 1);
    if (charged) return charged;
    const q = req.query;
    const part = q.get('part');
    if (!part) return gError(400, 'missingRequiredParameter', 'No value was specified for the required parameter: part', 'youtube.parameter', { location: 'part', locationType: 'parameter' });
    const parts = part.split(',').map((p) => p.trim());
    const unknown = parts.find((p) => !['id', 'snippet', 'replies'].includes(p));
    if (unknown) return gError(400, 'unknownPart', `'${unknown}'`, 'youtube.part', { location: 'part', locationType: 'parameter' });
    const filters = ['videoId', 'allThreadsRelatedToChannelId', 'id', 'channelId'].filter((f) => q.has(f));
    if (filters.length === 0) return gError(400, 'missingRequiredParameter', 'No filter selected. Expected one of: videoId, allThreadsRelatedToChannelId, id, channelId', 'youtube.parameter');
    if (filters.length > 1) return gError(400, 'incompatibleParameters', `Incompatible parameters specified in the request: ${filters.join(', ')}`, 'youtube.parameter');
    const maxText = q.get('maxResults');
    if (maxText !== null && q.has('id')) return gError(400, 'incompatibleParameters', 'The maxResults parameter cannot be used with the id parameter.', 'youtube.parameter');
    if (maxText !== null && (!/^\d+$/.test(maxText) || Number(maxText) < 1 || Number(maxText) > 100)) return gError(400, 'invalidParameter', `Invalid value '${maxText}'. Values must be within the range: [1, 100]`, 'youtube.parameter', { location: 'maxResults', locationType: 'parameter' });
    const order = q.get('order') ?? 'time';
    if (order !== 'time' && order !== 'relevance') return gError(400, 'invalidParameter', `Invalid value '${order}' for order`, 'youtube.parameter', { location: 'order', locationType: 'parameter' });
    const textFormat = q.get('textFormat') ?? 'html';
    if (textFormat !== 'html' && textFormat !== 'plainText') return gError(400, 'invalidParameter', `Invalid value '${textFormat}' for textFormat`, 'youtube.parameter', { location: 'textFormat', locationType: 'parameter' });
    const moderation = q.get('moderationStatus') ?? 'published';
    if (!['published', 'heldForReview', 'likelySpam'].includes(moderation)) return gError(400, 'invalidParameter', `Invalid value '${moderation}' for moderationStatus`, 'youtube.parameter');
    if (moderation !== 'published' && !who.channelId) return gError(403, 'forbidden', 'The request is not properly authorized to retrieve held comments.', 'youtube.commentThread');

    let threads: FakeYtThread[];
    const videoId = q.get('videoId');
    const channelId = q.get('allThreadsRelatedToChannelId') ?? q.get('channelId');
    if (videoId !== null) {
      const video = this.videos.get(videoId);
      if (!video) return gError(404, 'videoNotFound', 'The video identified by the videoId parameter could not be found.', 'youtube.commentThread', { location: 'videoId', locationType: 'parameter' });
      if (video.commentsDisabled) return gError(403, 'commentsDisabled', 'The video identified by the videoId parameter has disabled comments.', 'youtube.commentThread', { location: 'videoId', locationType: 'parameter' });
      threads = this.threads.filter((t) => t.videoId === videoId);
    } else if (channelId !== null) {
      if (!this.channels.has(channelId)) return gError(404, 'channelNotFound', 'The channel identified by the channelId parameter could not be found.', 'youtube.commentThread');
      threads = this.threads.filter((t) => t.channelId === channelId && (q.has('allThreadsRelatedToChannelId') || !t.videoId));
    } else {
      const wanted = new Set((q.get('id') ?? '').split(','));
      threads = this.threads.filter((t) => wanted.has(t.id));
    }
    if (moderation !== 'published') threads = [];
    threads = [...threads].sort((a, b) => b.top.publishedAt.localeCompare(a.top.publishedAt) || b.id.localeCompare(a.id));

    const limit = Number(maxText ?? 20);
    const tag = `threads:${videoId ?? channelId ?? q.get('id')}:${order}`;
    let start = 0;
    const pageToken = q.get('pageToken');
    if (pageToken !== null) {
      const decoded = cursor.decode(tag, pageToken);
      if (decoded === undefined) return gError(400, 'invalidPageToken', 'The request specifies an invalid page token.', 'youtube.parameter', { location: 'pageToken', locationType: 'parameter' });
      start = decoded;
    }
    const slice = threads.slice(start, start + limit);
    const body: Record<string, unknown> = {
      kind: 'youtube#commentThreadListResponse',
      etag: `etag-${start}-${slice.length}`,
      pageInfo: { totalResults: slice.length, resultsPerPage: limit },
      items: slice.map((t) => this.renderThread(t, parts, textFormat)),
    };
    if (start + slice.length < threads.length) body.nextPageToken = cursor.encode(tag, start + slice.length);
    return { status: 200, body };
  }

  private renderComment(c: FakeYtComment, textFormat: string): Record<string, unknown> {
    return {
      kind: 'youtube#comment',
      etag: `etag-${c.id}`,
      id: c.id,
      snippet: {
        channelId: c.channelId,
        videoId: c.videoId,
        textDisplay: textFormat === 'html' ? c.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>') : c.text,
        textOriginal: c.text,
        parentId: c.parentId,
        authorDisplayName: c.author.name,
        authorProfileImageUrl: `https://yt3.ggpht.com/${c.author.channelId}`,
        authorChannelUrl: `http://www.youtube.com/channel/${c.author.channelId}`,
        authorChannelId: { value: c.author.channelId },
        canRate: true,
        viewerRating: 'none',
        likeCount: 0,
        moderationStatus: 'published',
        publishedAt: c.publishedAt,
        updatedAt: c.publishedAt,
      },
    };
  }

  private renderThread(t: FakeYtThread, parts: string[], textFormat: string): Record<string, unknown> {
    const out: Record<string, unknown> = { kind: 'youtube#commentThread', etag: `etag-${t.id}`, id: t.id };
    if (parts.includes('snippet'))
      out.snippet = { channelId: t.channelId, videoId: t.videoId, canReply: true, totalReplyCount: t.replies.length, isPublic: true, topLevelComment: this.renderComment(t.top, textFormat) };
    if (parts.includes('replies') && t.replies.length) out.replies = { comments: t.replies.slice(0, this.options.repliesPerThread ?? 5).map((r) => this.renderComment(r, textFormat)) };
    return out;
  }

  private initiate(req: FakeRequest): FakeReply {
    const who = this.caller(req, true);
    if ('status' in who) return who;
    const charged = this.charge(this.options.costs?.insert ?? 1600);
    if (charged) return charged;
    if (req.query.get('uploadType') !== 'resumable') return gError(400, 'badRequest', "Fake supports uploadType=resumable only; got '" + (req.query.get('uploadType') ?? '') + "'", 'global');
    const part = req.query.get('part');
    if (!part) return gError(400, 'missingRequiredParameter', 'No value was specified for the required parameter: part', 'youtube.parameter', { location: 'part', locationType: 'parameter' });
    const parts = part.split(',');
    const unknown = parts.find((p) => !['id', 'snippet', 'status', 'contentDetails', 'recordingDetails', 'localizations'].includes(p));
    if (unknown) return gError(400, 'unknownPart', `'${unknown}'`, 'youtube.part');
    if (!/^application\/json/.test(String(req.headers['content-type'] ?? ''))) return gError(400, 'badContent', 'The metadata must be sent as application/json', 'global');
    const total = Number(req.headers['x-upload-content-length']);
    const contentType = String(req.headers['x-upload-content-type'] ?? '');
    if (!Number.isInteger(total) || total <= 0) return gError(400, 'badRequest', 'X-Upload-Content-Length must be a positive integer', 'global');
    if (!/^video\/|^application\/octet-stream$/.test(contentType)) return gError(400, 'badContent', `Media type '${contentType}' is not supported.`, 'global');
    let meta: { snippet?: Record<string, unknown>; status?: Record<string, unknown> };
    try {
      meta = JSON.parse(req.rawBody.toString('utf8')) as typeof meta;
    } catch {
      return gError(400, 'parseError', 'Parse Error', 'global');
    }
    const snippet = meta.snippet ?? {};
    const title = typeof snippet.title === 'string' ? snippet.title : '';
    if (!parts.includes('snippet') || !title.trim()) return gError(400, 'invalidTitle', 'The request metadata specifies an invalid or empty video title.', 'youtube.video');
    if ([...title].length > MAX_TITLE || /[<>]/.test(title)) return gError(400, 'invalidTitle', 'The request metadata specifies an invalid video title.', 'youtube.video');
    const description = typeof snippet.description === 'string' ? snippet.description : '';
    if (Buffer.byteLength(description) > MAX_DESCRIPTION_BYTES || /[<>]/.test(description)) return gError(400, 'invalidDescription', 'The request metadata specifies an invalid video description.', 'youtube.video');
    const status = meta.status ?? {};
    if (status.privacyStatus !== undefined && !['private', 'public', 'unlisted'].includes(String(status.privacyStatus))) return gError(400, 'invalidVideoMetadata', 'The request metadata is invalid.', 'youtube.video');
    const id = this.ids.base64url(11);
    this.sessions.set(id, { id, channelId: who.channelId as string, snippet, status, total, contentType, notifySubscribers: req.query.get('notifySubscribers') ?? undefined, chunks: [], received: 0 });
    return { status: 200, headers: { location: `${this.uploadBase}/videos?uploadType=resumable&upload_id=${id}` }, body: '' };
  }

  private putChunk(req: FakeRequest): FakeReply {
    const session = this.sessions.get(req.query.get('upload_id') ?? '');
    if (!session) return gError(404, 'notFound', 'Upload session not found or expired.', 'global');
    const who = this.caller(req, true);
    if ('status' in who) return who;
    const range = String(req.headers['content-range'] ?? '');
    const query = /^bytes \*\/(\d+)$/.exec(range);
    if (query) {
      if (Number(query[1]) !== session.total) return gError(400, 'badRequest', 'Content-Range total does not match X-Upload-Content-Length', 'global');
      return this.progress(session);
    }
    const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(range);
    if (!m) return gError(400, 'badRequest', `Invalid Content-Range '${range}'`, 'global');
    const [start, end, total] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (session.videoId) return this.progress(session);
    if (total !== session.total) return gError(400, 'badRequest', 'Content-Range total does not match X-Upload-Content-Length', 'global');
    if (start !== session.received) return gError(400, 'badRequest', `Chunk starts at ${start}, the server holds ${session.received} bytes`, 'global');
    if (end < start || end >= total || req.rawBody.length !== end - start + 1) return gError(400, 'badRequest', 'Content-Range does not match the body length', 'global');
    const granularity = this.options.chunkGranularity ?? 256 * 1024;
    if (end + 1 < total && req.rawBody.length % granularity !== 0) return gError(400, 'badRequest', `Non-final chunks must be a multiple of ${granularity} bytes`, 'global');
    const failure = this.chunkFailures.shift();
    if (failure) {
      const kept = req.rawBody.subarray(0, Math.min(failure.keepBytes, req.rawBody.length));
      if (kept.length) {
        session.chunks.push(Buffer.from(kept));
        session.received += kept.length;
      }
      const reply = failure.status === 429 ? this.failureReply({ http429: true, retryAfter: failure.retryAfter }) : gError(failure.status, 'backendError', 'Backend Error', 'global');
      return reply;
    }
    session.chunks.push(Buffer.from(req.rawBody));
    session.received += req.rawBody.length;
    if (session.received === session.total) this.complete(session);
    return this.progress(session);
  }

  private progress(session: UploadSession): FakeReply {
    if (session.videoId) return { status: this.options.completeStatus ?? 200, body: this.renderVideo(this.videos.get(session.videoId) as FakeYtVideo) };
    return { status: 308, headers: session.received ? { range: `bytes=0-${session.received - 1}` } : {}, body: '' };
  }

  private complete(session: UploadSession): void {
    const id = session.id.slice(0, 11);
    const privacy = this.options.unverifiedProject ? 'private' : String(session.status.privacyStatus ?? 'public');
    this.videos.set(id, {
      id,
      channelId: session.channelId,
      title: String(session.snippet.title),
      commentsDisabled: false,
      upload: { snippet: session.snippet, status: { ...session.status, privacyStatus: privacy }, bytes: Buffer.concat(session.chunks), contentType: session.contentType, notifySubscribers: session.notifySubscribers },
    });
    session.videoId = id;
  }

  private renderVideo(video: FakeYtVideo): Record<string, unknown> {
    return {
      kind: 'youtube#video',
      etag: `etag-${video.id}`,
      id: video.id,
      snippet: { ...video.upload?.snippet, channelId: video.channelId, publishedAt: new Date(0).toISOString() },
      status: { uploadStatus: 'uploaded', ...video.upload?.status },
    };
  }
}

function gError(status: number, reason: string, message: string, domain: string, extra: Record<string, string> = {}, statusText?: string): FakeReply {
  return {
    status,
    body: { error: { code: status, message, errors: [{ message, domain, reason, ...extra }], ...(statusText ? { status: statusText } : {}) } },
  };
}
