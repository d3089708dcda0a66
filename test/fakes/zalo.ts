// A fake Zalo Official Account API built from shared/api-contracts.md: consultation messages
// (/v3.0/oa/message/cs), articles (/v2.0/article/create → token, /v2.0/article/verify → id), article
// broadcasts (/v2.0/oa/message) and the token refresh (/v4/oa/access_token, form body, secret_key header).
// Like Zalo it answers HTTP 200 with {"error": <non-zero>, "message"} on failures. Codes other than -216
// (token) and -230 (permission) are GUESSES, kept in ERRORS below. Large ids are numeric strings and the
// fake refuses user ids sent as JSON numbers (they would have lost precision).
import { type FakeReply, type FakeRequest, FakeServer, Ids, type InjectMatch, readBody } from './server.ts';

export interface ZaloFakeOptions {
  seed?: number;
  /** Maximum text length of a cs message (GUESS). Default 2000. */
  maxTextLength?: number;
  /** Refresh tokens can be used once (GUESS, default true). */
  singleUseRefreshTokens?: boolean;
  /** expires_in of issued access tokens, in seconds (GUESS: 25 h). */
  accessTokenSeconds?: number;
}

export const ERRORS = {
  tokenInvalid: { error: -216, message: 'Access token is invalid' },
  noPermission: { error: -230, message: 'User has not interacted with the OA in the last 7 days' },
  invalidParams: { error: -201, message: 'Parameters are invalid' },
  userNotFollower: { error: -213, message: 'User has not followed OA' }, // GUESS
  rateLimited: { error: -32, message: 'Request limit exceeded' }, // GUESS
  refreshInvalid: { error: -14014, error_name: 'Invalid refresh token', error_reason: 'Refresh token is invalid or expired', error_description: 'Refresh token is invalid or expired', ref_doc: '' }, // GUESS
  secretInvalid: { error: -14004, error_name: 'Invalid app secret', error_reason: 'secret_key does not match the app', error_description: 'secret_key does not match the app', ref_doc: '' }, // GUESS
} as const;

export interface FakeZaloArticle {
  id: string;
  token: string;
  verified: boolean;
  body: Record<string, unknown>;
}

export interface FakeZaloMessage {
  messageId: string;
  userId: string;
  text?: string;
  quoteMessageId?: string;
}

export interface FakeZaloBroadcast {
  messageId: string;
  articleId: string;
  target: Record<string, unknown>;
}

export type ZaloFailure = 'tokenInvalid' | 'noPermission' | 'rateLimited' | { http429: true; retryAfter?: string } | { serverError: number } | 'hang';

export class ZaloFake {
  readonly server: FakeServer;
  readonly appId: string;
  readonly oaId: string;
  readonly secretKey: string;
  readonly oaSecretKey: string;
  readonly followers = new Set<string>();
  readonly messages: FakeZaloMessage[] = [];
  readonly articles: FakeZaloArticle[] = [];
  readonly broadcasts: FakeZaloBroadcast[] = [];
  private readonly accessTokens = new Map<string, { expired: boolean }>();
  private readonly refreshTokens = new Map<string, { used: boolean }>();
  private readonly ids: Ids;
  private issued = 0;

  private constructor(private readonly options: ZaloFakeOptions) {
    this.ids = new Ids(options.seed ?? 1);
    this.appId = this.ids.bigNumeric(19);
    this.oaId = this.ids.bigNumeric(19);
    this.secretKey = `app-secret-${this.appId.slice(-6)}`;
    this.oaSecretKey = `oa-secret-${this.oaId.slice(-6)}`;
    this.server = new FakeServer((req) => this.handle(req));
  }

  static async start(options: ZaloFakeOptions = {}): Promise<ZaloFake> {
    const fake = new ZaloFake(options);
    await fake.server.start();
    return fake;
  }

  get url(): string {
    return this.server.url;
  }
  close(): Promise<void> {
    return this.server.close();
  }

  // ---- seeding ----

  /** A new access/refresh token pair, as if the OA had just been connected. */
  issueTokens(): { accessToken: string; refreshToken: string } {
    const n = ++this.issued;
    const accessToken = `zalo-access-${n}-${this.oaId.slice(-4)}`;
    const refreshToken = `zalo-refresh-${n}-${this.oaId.slice(-4)}`;
    this.accessTokens.set(accessToken, { expired: false });
    this.refreshTokens.set(refreshToken, { used: false });
    return { accessToken, refreshToken };
  }

  expireToken(accessToken: string): void {
    const entry = this.accessTokens.get(accessToken);
    if (entry) entry.expired = true;
  }

  /** A user who follows the OA and may be messaged; returns the id (a 19-digit string). */
  addFollower(userId = this.ids.bigNumeric(19)): string {
    this.followers.add(userId);
    return userId;
  }

  // ---- control ----

  fail(failure: ZaloFailure, match: InjectMatch = {}): void {
    this.server.inject(failure === 'hang' ? 'hang' : this.failureReply(failure), match);
  }

  failureReply(failure: Exclude<ZaloFailure, 'hang'>): FakeReply {
    if (typeof failure === 'string') return { status: 200, body: ERRORS[failure] };
    if ('http429' in failure) return { status: 429, headers: failure.retryAfter ? { 'retry-after': failure.retryAfter } : {}, body: 'Too Many Requests' };
    return { status: failure.serverError, headers: { 'content-type': 'text/html' }, body: '<html><body>Service Unavailable</body></html>' };
  }

  // ---- the API ----

  private handle(req: FakeRequest): FakeReply {
    if (req.method === 'POST' && req.path === '/v4/oa/access_token') return this.refresh(req);
    const routes: Record<string, (json: Record<string, unknown>) => FakeReply> = {
      '/v3.0/oa/message/cs': (json) => this.sendCs(json),
      '/v2.0/article/create': (json) => this.createArticle(json),
      '/v2.0/article/verify': (json) => this.verifyArticle(json),
      '/v2.0/oa/message': (json) => this.broadcast(json),
    };
    const route = routes[req.path];
    if (!route || req.method !== 'POST') return { status: 404, headers: { 'content-type': 'text/html' }, body: '<html><body>404 Not Found</body></html>' };
    const token = req.headers.access_token;
    const entry = typeof token === 'string' ? this.accessTokens.get(token) : undefined;
    if (!entry || entry.expired) return ok200(ERRORS.tokenInvalid);
    const body = readBody(req, ['json']);
    if (!body.json) return ok200({ ...ERRORS.invalidParams, message: `${ERRORS.invalidParams.message}: ${body.error}` });
    if (/"user_id"\s*:\s*-?\d/.test(req.rawBody.toString('utf8'))) return ok200({ ...ERRORS.invalidParams, message: 'user_id must be a string' });
    return route(body.json);
  }

  private sendCs(json: Record<string, unknown>): FakeReply {
    const recipient = json.recipient as { user_id?: unknown } | undefined;
    const message = json.message as { text?: unknown; attachment?: unknown; quote_message_id?: unknown } | undefined;
    const userId = recipient?.user_id;
    if (typeof userId !== 'string' || !/^\d+$/.test(userId)) return ok200({ ...ERRORS.invalidParams, message: 'recipient.user_id is required' });
    if (!message || (typeof message.text !== 'string' && !message.attachment)) return ok200({ ...ERRORS.invalidParams, message: 'message.text or message.attachment is required' });
    if (typeof message.text === 'string' && (!message.text || [...message.text].length > (this.options.maxTextLength ?? 2000))) return ok200({ ...ERRORS.invalidParams, message: 'message.text is empty or too long' });
    if (!this.followers.has(userId)) return ok200(ERRORS.userNotFollower);
    const messageId = this.ids.base64url(11).replace(/[-_]/g, 'a') + this.ids.base64url(9).replace(/[-_]/g, 'b');
    this.messages.push({ messageId, userId, text: typeof message.text === 'string' ? message.text : undefined, quoteMessageId: typeof message.quote_message_id === 'string' ? message.quote_message_id : undefined });
    return ok200({ error: 0, message: 'Success', data: { message_id: messageId, user_id: userId } });
  }

  private createArticle(json: Record<string, unknown>): FakeReply {
    const missing = ['type', 'title', 'author', 'description', 'cover', 'body', 'status'].filter((k) => json[k] === undefined || json[k] === '');
    if (missing.length) return ok200({ ...ERRORS.invalidParams, message: `missing ${missing.join(', ')}` });
    if (json.type !== 'normal') return ok200({ ...ERRORS.invalidParams, message: 'type must be normal (video articles are not faked)' });
    const cover = json.cover as { cover_type?: unknown; photo_url?: unknown; status?: unknown };
    if (cover?.cover_type !== 'photo' || typeof cover.photo_url !== 'string' || !/^https?:\/\//.test(cover.photo_url)) return ok200({ ...ERRORS.invalidParams, message: 'cover.photo_url is required' });
    const body = json.body;
    if (!Array.isArray(body) || !body.length) return ok200({ ...ERRORS.invalidParams, message: 'body must be a non-empty array' });
    for (const block of body as Record<string, unknown>[]) {
      const ok = (block.type === 'text' && typeof block.content === 'string') || (block.type === 'image' && typeof block.url === 'string') || (block.type === 'video' && typeof block.url === 'string');
      if (!ok) return ok200({ ...ERRORS.invalidParams, message: `invalid body item ${JSON.stringify(block)}` });
    }
    if (!['show', 'hide'].includes(String(json.status))) return ok200({ ...ERRORS.invalidParams, message: 'status must be show or hide' });
    const token = Buffer.from(`article:${this.ids.next()}:${this.appId}`).toString('base64');
    this.articles.push({ id: '', token, verified: false, body: json });
    return ok200({ error: 0, message: 'Success', data: { token } });
  }

  private verifyArticle(json: Record<string, unknown>): FakeReply {
    const article = this.articles.find((a) => a.token === json.token);
    if (!article) return ok200({ ...ERRORS.invalidParams, message: 'token is invalid' });
    if (!article.id) article.id = this.ids.base64url(11).replace(/[-_]/g, 'c');
    article.verified = true;
    return ok200({ error: 0, message: 'Success', data: { id: article.id } });
  }

  private broadcast(json: Record<string, unknown>): FakeReply {
    const target = (json.recipient as { target?: unknown } | undefined)?.target;
    if (!target || typeof target !== 'object') return ok200({ ...ERRORS.invalidParams, message: 'recipient.target is required' });
    const attachment = (json.message as { attachment?: { type?: string; payload?: { template_type?: string; elements?: { media_type?: string; attachment_id?: string }[] } } } | undefined)?.attachment;
    const element = attachment?.payload?.elements?.[0];
    if (attachment?.type !== 'template' || attachment.payload?.template_type !== 'media' || attachment.payload.elements?.length !== 1 || element?.media_type !== 'article')
      return ok200({ ...ERRORS.invalidParams, message: 'message.attachment must be a media template with one article element' });
    const article = this.articles.find((a) => a.verified && a.id === element.attachment_id);
    if (!article) return ok200({ ...ERRORS.invalidParams, message: 'attachment_id is not an article of this OA' });
    const messageId = this.ids.base64url(11).replace(/[-_]/g, 'd');
    this.broadcasts.push({ messageId, articleId: article.id, target: target as Record<string, unknown> });
    return ok200({ error: 0, message: 'Success', data: { message_id: messageId } });
  }

  private refresh(req: FakeRequest): FakeReply {
    if (req.headers.secret_key !== this.secretKey) return ok200(ERRORS.secretInvalid);
    const body = readBody(req, ['form']);
    if (!body.form) return { status: 400, body: { ...ERRORS.refreshInvalid, error_reason: body.error, error_description: body.error } };
    const form = body.form;
    if (form.get('grant_type') !== 'refresh_token' || form.get('app_id') !== this.appId) return ok200({ ...ERRORS.refreshInvalid, error_description: 'grant_type=refresh_token and this app_id are required' });
    const entry = this.refreshTokens.get(form.get('refresh_token') ?? '');
    if (!entry || entry.used) return ok200(ERRORS.refreshInvalid);
    if (this.options.singleUseRefreshTokens ?? true) entry.used = true;
    const pair = this.issueTokens();
    return ok200({ access_token: pair.accessToken, refresh_token: pair.refreshToken, expires_in: String(this.options.accessTokenSeconds ?? 90_000) });
  }
}

const ok200 = (body: unknown): FakeReply => ({ status: 200, body });
