// Zalo Official Account API client: consultation (cs) messages to a user, articles (create → token →
// verify → id) and broadcasting an article to followers. The OA access token goes in the access_token
// header. Large numeric ids travel as strings both ways. The token refresh lives in tokens.ts.
import { BadRequest, Unavailable } from '../errors.ts';
import { type ConnectorLogger, createHttp, type HttpClient, resolveToken, type TokenSource } from '../http.ts';
import { type ZaloErrorKind, zaloErrorMapper } from './errors.ts';

export interface ZaloConfig {
  /** The OA access token (value, or a function returning the current one — see tokens.ts). */
  accessToken: TokenSource;
  /** Default https://openapi.zalo.me */
  baseUrl?: string;
  /** Overrides of the error-code table (errors.ts). */
  errorKinds?: Partial<Record<number, ZaloErrorKind>>;
  /** Wait after a rate-limit error without Retry-After; default 60 s. */
  rateLimitWaitMs?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
  log?: ConnectorLogger;
}

export type ZaloArticleBlock = { type: 'text'; content: string } | { type: 'image'; url: string; caption?: string } | { type: 'video'; url: string; thumb?: string };

export interface ZaloArticleInput {
  title: string;
  author: string;
  description: string;
  coverPhotoUrl: string;
  body: ZaloArticleBlock[];
  status?: 'show' | 'hide';
  comment?: 'show' | 'hide';
}

/** Follower targeting of a broadcast; the code tables are not public (numeric codes as in the SDK sample). */
export type ZaloBroadcastTarget = Partial<Record<'ages' | 'gender' | 'locations' | 'cities' | 'platform', string | number>>;

export class ZaloOA {
  readonly baseUrl: string;
  private readonly http: HttpClient;

  constructor(private readonly config: ZaloConfig) {
    this.baseUrl = (config.baseUrl ?? 'https://openapi.zalo.me').replace(/\/+$/, '');
    this.http = createHttp({
      source: 'zalo',
      mapError: zaloErrorMapper({ kinds: config.errorKinds, rateLimitWaitMs: config.rateLimitWaitMs ?? 60_000 }),
      defaultRetryAfterMs: config.rateLimitWaitMs,
      timeoutMs: config.timeoutMs,
      fetch: config.fetch,
      log: config.log,
    });
  }

  /** Sends a consultation text message to a user (in reply to them; a time window applies). */
  async sendText(userId: string, text: string, options: { quoteMessageId?: string } = {}): Promise<{ messageId: string }> {
    if (!/^\d+$/.test(userId)) throw new BadRequest({ source: 'zalo', platformMessage: 'user id must be a numeric string' });
    const message: Record<string, string> = { text };
    if (options.quoteMessageId) message.quote_message_id = options.quoteMessageId;
    const data = await this.post<{ message_id?: string }>('/v3.0/oa/message/cs', { recipient: { user_id: userId }, message }, true);
    return { messageId: requireString(data?.message_id, 'message_id') };
  }

  /** Creates an article; Zalo answers with a token to exchange for the article id (verifyArticle). */
  async createArticle(input: ZaloArticleInput): Promise<{ token: string }> {
    const data = await this.post<{ token?: string }>(
      '/v2.0/article/create',
      {
        type: 'normal',
        title: input.title,
        author: input.author,
        description: input.description,
        cover: { cover_type: 'photo', photo_url: input.coverPhotoUrl, status: 'show' },
        body: input.body,
        status: input.status ?? 'show',
        comment: input.comment ?? 'show',
      },
      true,
    );
    return { token: requireString(data?.token, 'token') };
  }

  /** The article id for a creation token. */
  async verifyArticle(token: string): Promise<{ id: string }> {
    const data = await this.post<{ id?: string; article_id?: string }>('/v2.0/article/verify', { token }, false);
    return { id: requireString(data?.id ?? data?.article_id, 'id') };
  }

  /** create → verify. */
  async publishArticle(input: ZaloArticleInput): Promise<{ id: string }> {
    const { token } = await this.createArticle(input);
    return this.verifyArticle(token);
  }

  /** Broadcasts an article to followers (optionally targeted). */
  async broadcastArticle(articleId: string, target: ZaloBroadcastTarget = {}): Promise<{ messageId: string }> {
    const data = await this.post<{ message_id?: string }>(
      '/v2.0/oa/message',
      {
        recipient: { target },
        message: { attachment: { type: 'template', payload: { template_type: 'media', elements: [{ media_type: 'article', attachment_id: articleId }] } } },
      },
      true,
    );
    return { messageId: requireString(data?.message_id, 'message_id') };
  }

  /** POSTs JSON and returns `data` of the {error:0,message,data} envelope. `write` marks calls that create something. */
  private async post<T>(path: string, body: unknown, write: boolean): Promise<T | undefined> {
    const token = await resolveToken(this.config.accessToken);
    const res = await this.http.request<{ error?: number; data?: T }>({ method: 'POST', url: `${this.baseUrl}${path}`, headers: { access_token: token }, json: body, secrets: [token] });
    if (!res.data || typeof res.data !== 'object') throw new Unavailable({ source: 'zalo', status: res.status, platformMessage: 'answer is not JSON' }, 'unexpected response', write);
    return res.data.data;
  }
}

/** A success envelope without the expected id is drift; a write may have happened. */
function requireString(value: unknown, what: string): string {
  if (typeof value === 'string' && value) return value;
  if (typeof value === 'number') return String(value);
  throw new Unavailable({ source: 'zalo', platformMessage: `no ${what} in the answer` }, 'unexpected response', true);
}
