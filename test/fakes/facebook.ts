// A fake Facebook Graph API (Pages) built from shared/api-contracts.md: Page feed and comments with cursor
// paging, publishing with link or unpublished photos + attached_media, subscribed_apps, and Graph's error
// shapes. Requests that drift from the contract (no version prefix, no or unknown token, unknown or
// deprecated fields, bad content type, missing message) get Graph's documented error answer.
import { cursor, type FakeReply, type FakeRequest, FakeServer, Ids, type InjectMatch, readBody, TickClock } from './server.ts';

export interface FacebookFakeOptions {
  seed?: number;
  /** Allowed scheduled_publish_time window in seconds from now (unresolved in the contract: 10 min–30 days or –6 months). */
  scheduleWindow?: { minSeconds: number; maxSeconds: number };
  /** HTTP status of throttling errors (the contract says 400 or 403). */
  throttleStatus?: 400 | 403;
}

export interface FakeFbPost {
  id: string;
  pageId: string;
  message?: string;
  link?: string;
  created_time: string;
  permalink_url: string;
  from: { id: string; name: string };
  attached_media: string[];
  published: boolean;
  scheduled_publish_time?: number;
  /** true when created through the API (what the code under test published). */
  viaApi: boolean;
}

export interface FakeFbComment {
  id: string;
  /** The post the comment belongs to. */
  postId: string;
  parentId?: string;
  message: string;
  created_time: string;
  from: { id: string; name: string };
  permalink_url: string;
}

export interface FakeFbPhoto {
  id: string;
  pageId: string;
  url: string;
  published: boolean;
  attachedTo?: string;
}

export type FacebookFailure =
  | 'tokenExpired'
  | 'tokenInvalid'
  | 'permission'
  | 'postingTooFast'
  | 'contentFlagged'
  | 'unknownError'
  | { throttled: 4 | 17 | 32 | 613 | 80001; regainMinutes?: number; usagePercent?: number }
  | { http429: true; retryAfter?: string }
  | { serverError: number; bare?: boolean }
  | 'hang';

const POST_FIELDS = new Set(['id', 'message', 'story', 'created_time', 'updated_time', 'permalink_url', 'from', 'full_picture', 'status_type', 'is_published', 'attachments', 'shares']);
const DEPRECATED_POST_FIELDS = new Set(['caption', 'description', 'link', 'name', 'object_id', 'source', 'type']);
const COMMENT_FIELDS = new Set(['id', 'message', 'created_time', 'from', 'parent', 'permalink_url', 'like_count', 'comment_count', 'attachment', 'is_hidden']);
const MAX_MESSAGE = 63_206;

export const graphTime = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, '+0000');

export class FacebookFake {
  readonly server: FakeServer;
  readonly pages = new Map<string, { id: string; name: string }>();
  readonly posts: FakeFbPost[] = [];
  readonly comments: FakeFbComment[] = [];
  readonly photos = new Map<string, FakeFbPhoto>();
  readonly subscriptions = new Map<string, string[]>();
  private readonly tokens = new Map<string, { pageId: string; expired: boolean }>();
  private readonly ids: Ids;
  private readonly clock = new TickClock();
  private trace = 0;

  private constructor(private readonly options: FacebookFakeOptions) {
    this.ids = new Ids(options.seed ?? 1);
    this.server = new FakeServer((req) => this.handle(req));
  }

  static async start(options: FacebookFakeOptions = {}): Promise<FacebookFake> {
    const fake = new FacebookFake(options);
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

  /** A Page and its Page access token. */
  addPage(page: { id?: string; name?: string; token?: string } = {}): { id: string; name: string; token: string } {
    const id = page.id ?? String(100_000_000_000_000 + this.ids.next());
    const name = page.name ?? `Trang ${id}`;
    const token = page.token ?? `EAAfake${id}token`;
    this.pages.set(id, { id, name });
    this.tokens.set(token, { pageId: id, expired: false });
    return { id, name, token };
  }

  /** From now on the token is refused with 190/463 (expired session). */
  expireToken(token: string): void {
    const entry = this.tokens.get(token);
    if (entry) entry.expired = true;
  }

  seedPost(pageId: string, post: { message: string; from?: { id: string; name: string }; createdAt?: Date }): FakeFbPost {
    return this.createPost(pageId, { message: post.message, attached_media: [], published: true, from: post.from, createdAt: post.createdAt, viaApi: false });
  }

  seedComment(objectId: string, comment: { message: string; from: { id: string; name: string }; createdAt?: Date }): FakeFbComment {
    const parent = this.comments.find((c) => c.id === objectId);
    const post = parent ? this.posts.find((p) => p.id === parent.postId) : this.posts.find((p) => p.id === objectId);
    if (!post) throw new Error(`fake: no post or comment ${objectId}`);
    const localPost = post.id.split('_')[1];
    const id = `${localPost}_${this.ids.next()}`;
    const created = comment.createdAt ?? this.clock.tick();
    const record: FakeFbComment = {
      id,
      postId: post.id,
      parentId: parent?.id,
      message: comment.message,
      created_time: graphTime(created),
      from: comment.from,
      permalink_url: `${post.permalink_url}?comment_id=${id}`,
    };
    this.comments.push(record);
    return record;
  }

  // ---- control ----

  /** Answers the next matching request(s) with one of Graph's documented failures. */
  fail(failure: FacebookFailure, match: InjectMatch = {}): void {
    this.server.inject(failure === 'hang' ? 'hang' : this.failureReply(failure), match);
  }

  /** Posts created through the API (what the code under test published), oldest first. */
  published(pageId?: string): FakeFbPost[] {
    return this.posts.filter((p) => p.viaApi && (!pageId || p.pageId === pageId));
  }

  failureReply(failure: Exclude<FacebookFailure, 'hang'>): FakeReply {
    const fbtrace_id = this.fbtrace();
    const error = (status: number, body: Record<string, unknown>, headers?: Record<string, string>): FakeReply => ({ status, headers, body: { error: { type: 'OAuthException', ...body, fbtrace_id } } });
    if (failure === 'tokenExpired')
      return error(400, { message: 'Error validating access token: Session has expired on Thursday, 01-Jan-26 00:00:00 PST. The current time is Thursday, 01-Jan-26 01:00:00 PST.', code: 190, error_subcode: 463 });
    if (failure === 'tokenInvalid') return error(400, { message: 'Invalid OAuth access token - Cannot parse access token', code: 190 });
    if (failure === 'permission') return error(403, { message: "(#200) The user hasn't authorized the application to perform this action", code: 200 });
    if (failure === 'postingTooFast')
      return error(400, { message: '(#368) The action attempted has been deemed abusive or is otherwise disallowed', code: 368, error_subcode: 1390008, error_user_title: "You're Posting Too Fast", error_user_msg: "You're posting too fast. Please slow down." });
    if (failure === 'contentFlagged') return error(400, { message: '(#368) The action attempted has been deemed abusive or is otherwise disallowed', code: 368, error_subcode: 1346003 });
    if (failure === 'unknownError') return error(500, { message: 'An unknown error has occurred.', code: 1, is_transient: true });
    if ('throttled' in failure) {
      const code = failure.throttled;
      const usage = failure.usagePercent ?? 100;
      const headers: Record<string, string> = { 'x-app-usage': JSON.stringify({ call_count: usage, total_cputime: Math.floor(usage / 4), total_time: Math.floor(usage / 3) }) };
      if (code === 32 || code === 80001) {
        const bucket = { type: 'pages', call_count: usage, total_cputime: 10, total_time: 12, estimated_time_to_regain_access: failure.regainMinutes ?? 0 };
        headers['x-business-use-case-usage'] = JSON.stringify({ [this.pages.keys().next().value ?? '0']: [bucket] });
      }
      const messages: Record<number, string> = {
        4: '(#4) Application request limit reached',
        17: '(#17) User request limit reached',
        32: '(#32) Page request limit reached',
        613: '(#613) Calls to this api have exceeded the rate limit.',
        80001: '(#80001) There have been too many calls to this Page account. Wait a bit and try again.',
      };
      return error(this.options.throttleStatus ?? 403, { message: messages[code], code, is_transient: true }, headers);
    }
    if ('http429' in failure) return { status: 429, headers: failure.retryAfter ? { 'retry-after': failure.retryAfter } : {}, body: 'Too Many Requests' };
    if (failure.bare) return { status: failure.serverError, headers: { 'content-type': 'text/html' }, body: '<html><body>Bad Gateway</body></html>' };
    return error(failure.serverError, { message: 'An unexpected error has occurred. Please retry your request later.', code: 2, is_transient: true });
  }

  // ---- the API ----

  private fbtrace(): string {
    return `Afake${String(++this.trace).padStart(6, '0')}`;
  }

  private graphError(message: string, code: number, extra: Record<string, unknown> = {}, status = 400): FakeReply {
    return { status, body: { error: { message, type: code === 190 ? 'OAuthException' : 'GraphMethodException', code, ...extra, fbtrace_id: this.fbtrace() } } };
  }

  private handle(req: FakeRequest): FakeReply {
    const match = /^\/(v\d+\.\d+)\/(.+)$/.exec(req.path);
    if (!match) return this.graphError(`Unknown path components: ${req.path} (a version prefix such as /v23.0 is required)`, 2500);
    const segments = (match[2] as string).split('/').filter(Boolean);
    // A POST may carry everything in the query (Graph accepts that); a body must be JSON or a form.
    const body = req.method === 'POST' && req.rawBody.length ? readBody(req, ['json', 'form']) : {};
    if (body.error) return this.graphError(`(#100) ${body.error}`, 100);
    const param = (name: string): string | undefined => {
      const fromBody = body.json?.[name] ?? body.form?.get(name) ?? undefined;
      return req.query.get(name) ?? (fromBody === undefined || fromBody === null ? undefined : typeof fromBody === 'string' ? fromBody : JSON.stringify(fromBody));
    };
    const token = param('access_token');
    if (!token) return this.graphError('An active access token must be used to query information about the current user.', 2500);
    const auth = this.tokens.get(token);
    if (!auth) return this.graphError('Invalid OAuth access token - Cannot parse access token', 190);
    if (auth.expired) return this.failureReply('tokenExpired');

    const [id, edge, ...rest] = segments;
    if (!id || !edge || rest.length) return this.graphError(`Unknown path components: /${segments.slice(1).join('/')}`, 2500);
    if (req.method === 'GET' && ['feed', 'posts', 'published_posts'].includes(edge)) return this.listPosts(req, id, edge);
    if (req.method === 'GET' && edge === 'comments') return this.listComments(req, id);
    if (req.method === 'POST' && edge === 'feed') return this.publish(req, id, auth.pageId, body.json, param);
    if (req.method === 'POST' && edge === 'photos') return this.uploadPhoto(id, auth.pageId, body.json, param);
    if (req.method === 'POST' && edge === 'subscribed_apps') return this.subscribe(id, auth.pageId, param);
    return this.graphError(`Unknown path components: /${edge}`, 2500);
  }

  private fields(req: FakeRequest, allowed: Set<string>, nodeType: string, fallback: string[]): string[] | FakeReply {
    const raw = req.query.get('fields');
    const list = raw ? raw.split(',').map((f) => f.trim().replace(/\{.*$/, '')) : fallback;
    for (const field of list) {
      if (nodeType === 'PagePost' && DEPRECATED_POST_FIELDS.has(field)) return this.graphError(`(#12) ${field} field is deprecated for versions v3.3 and higher`, 12);
      if (!allowed.has(field)) return this.graphError(`(#100) Tried accessing nonexisting field (${field}) on node type (${nodeType})`, 100);
    }
    return list;
  }

  private page<T>(req: FakeRequest, tag: string, items: T[], render: (item: T) => Record<string, unknown>): FakeReply {
    const limitText = req.query.get('limit');
    if (limitText !== null && !/^\d+$/.test(limitText)) return this.graphError('(#100) The parameter limit must be an integer', 100);
    const limit = Math.min(100, Math.max(1, Number(limitText ?? 25)));
    let start = 0;
    const after = req.query.get('after');
    if (after !== null) {
      const decoded = cursor.decode(tag, after);
      if (decoded === undefined) return this.graphError('(#100) The after cursor is invalid', 100);
      start = decoded;
    }
    const slice = items.slice(start, start + limit);
    const body: Record<string, unknown> = { data: slice.map(render) };
    if (slice.length) {
      const paging: Record<string, unknown> = { cursors: { before: cursor.encode(tag, start), after: cursor.encode(tag, start + slice.length) } };
      if (start + slice.length < items.length) {
        const next = new URL(`${this.url}${req.path}`);
        for (const [k, v] of req.query) next.searchParams.set(k, v);
        next.searchParams.set('after', cursor.encode(tag, start + slice.length));
        paging.next = next.toString(); // like Graph: the token rides along in `next`
      }
      body.paging = paging;
    }
    return { status: 200, body };
  }

  private listPosts(req: FakeRequest, pageId: string, edge: string): FakeReply {
    if (!this.pages.has(pageId)) return this.unsupported(pageId);
    const fields = this.fields(req, POST_FIELDS, 'PagePost', ['created_time', 'message', 'story', 'id']);
    if (!Array.isArray(fields)) return fields;
    const posts = this.posts
      .filter((p) => p.pageId === pageId && p.published && (edge !== 'published_posts' || p.from.id === pageId))
      .sort((a, b) => b.created_time.localeCompare(a.created_time) || b.id.localeCompare(a.id));
    return this.page(req, `posts:${pageId}`, posts, (p) => pick({ ...p, message: p.message, story: undefined }, fields));
  }

  private listComments(req: FakeRequest, objectId: string): FakeReply {
    const isPost = this.posts.some((p) => p.id === objectId);
    const isComment = this.comments.some((c) => c.id === objectId);
    if (!isPost && !isComment) return this.unsupported(objectId);
    const filter = req.query.get('filter') ?? 'toplevel';
    if (filter !== 'toplevel' && filter !== 'stream') return this.graphError(`(#100) param filter must be one of {toplevel, stream} - got "${filter}"`, 100);
    const order = req.query.get('order') ?? 'chronological';
    if (order !== 'chronological' && order !== 'reverse_chronological') return this.graphError(`(#100) param order must be one of {chronological, reverse_chronological} - got "${order}"`, 100);
    const fields = this.fields(req, COMMENT_FIELDS, 'Comment', ['created_time', 'from', 'message', 'id']);
    if (!Array.isArray(fields)) return fields;
    let list = isPost
      ? this.comments.filter((c) => c.postId === objectId && (filter === 'stream' || !c.parentId))
      : this.comments.filter((c) => c.parentId === objectId);
    list = [...list].sort((a, b) => a.created_time.localeCompare(b.created_time) || a.id.localeCompare(b.id));
    if (order === 'reverse_chronological') list.reverse();
    return this.page(req, `comments:${objectId}:${filter}:${order}`, list, (c) =>
      pick({ id: c.id, message: c.message, created_time: c.created_time, from: c.from, parent: c.parentId ? { id: c.parentId } : undefined, permalink_url: c.permalink_url, like_count: 0, comment_count: this.comments.filter((r) => r.parentId === c.id).length }, fields),
    );
  }

  private publish(req: FakeRequest, pageId: string, tokenPage: string, json: Record<string, unknown> | undefined, param: (n: string) => string | undefined): FakeReply {
    if (!this.pages.has(pageId)) return this.unsupported(pageId);
    if (pageId !== tokenPage) return this.failureReply('permission');
    const message = param('message');
    const link = param('link');
    if (message !== undefined && message.length > MAX_MESSAGE) return this.graphError(`(#100) Param message must be at most ${MAX_MESSAGE} characters long`, 100);
    if (link !== undefined && !/^https?:\/\/\S+$/.test(link)) return this.graphError('(#100) Param link must be a valid URL', 100);
    const media = this.attachedMedia(json, req);
    if (!Array.isArray(media)) return media;
    for (const id of media) {
      const photo = this.photos.get(id);
      if (!photo || photo.pageId !== pageId || photo.published || photo.attachedTo) return this.graphError(`(#100) media_fbid ${id} is not an unpublished photo of this Page`, 100);
    }
    if (!message && !link && !media.length) return this.graphError('(#100) Missing message or attachment', 100);
    const publishedParam = param('published');
    const scheduled = param('scheduled_publish_time');
    let published = publishedParam === undefined ? true : publishedParam === 'true';
    let scheduledAt: number | undefined;
    if (scheduled !== undefined) {
      const window = this.options.scheduleWindow ?? { minSeconds: 600, maxSeconds: 30 * 86_400 };
      const nowSeconds = Math.floor(Date.now() / 1000);
      scheduledAt = Number(scheduled);
      if (published || !Number.isInteger(scheduledAt) || scheduledAt < nowSeconds + window.minSeconds || scheduledAt > nowSeconds + window.maxSeconds)
        return this.graphError('(#100) The specified scheduled publish time is invalid.', 100);
      published = false;
    }
    const post = this.createPost(pageId, { message, link, attached_media: media, published, viaApi: true, scheduledAt });
    for (const id of media) (this.photos.get(id) as FakeFbPhoto).attachedTo = post.id;
    const fields = (req.query.get('fields') ?? 'id').split(',');
    return { status: 200, body: pick({ id: post.id, permalink_url: post.permalink_url }, fields) };
  }

  private attachedMedia(json: Record<string, unknown> | undefined, req: FakeRequest): string[] | FakeReply {
    let raw: unknown = json?.attached_media;
    if (raw === undefined) {
      const form = new URLSearchParams(String(req.headers['content-type'] ?? '').includes('form') ? req.rawBody.toString('utf8') : '');
      const entries = [...form.entries()].filter(([k]) => /^attached_media\[\d+\]$/.test(k));
      if (entries.length) raw = entries.map(([, v]) => JSON.parse(v) as unknown);
    }
    if (raw === undefined) return [];
    if (!Array.isArray(raw) || raw.some((m) => !m || typeof m !== 'object' || typeof (m as { media_fbid?: unknown }).media_fbid !== 'string'))
      return this.graphError('(#100) attached_media must be an array of {"media_fbid": "<id>"}', 100);
    return raw.map((m) => (m as { media_fbid: string }).media_fbid);
  }

  private uploadPhoto(pageId: string, tokenPage: string, json: Record<string, unknown> | undefined, param: (n: string) => string | undefined): FakeReply {
    if (!this.pages.has(pageId)) return this.unsupported(pageId);
    if (pageId !== tokenPage) return this.failureReply('permission');
    const url = param('url');
    if (!url || !/^https?:\/\/\S+$/.test(url)) return this.graphError('(#100) Param url must be a valid URL (or upload a source file)', 100);
    const published = String(json?.published ?? param('published') ?? 'true') === 'true';
    const id = String(200_000_000_000_000 + this.ids.next());
    this.photos.set(id, { id, pageId, url, published });
    if (!published) return { status: 200, body: { id } };
    const post = this.createPost(pageId, { message: undefined, attached_media: [id], published: true, viaApi: true });
    return { status: 200, body: { id, post_id: post.id } };
  }

  private subscribe(pageId: string, tokenPage: string, param: (n: string) => string | undefined): FakeReply {
    if (pageId !== tokenPage) return this.failureReply('permission');
    const fields = param('subscribed_fields');
    if (!fields) return this.graphError('(#100) The parameter subscribed_fields is required', 100);
    this.subscriptions.set(pageId, fields.split(','));
    return { status: 200, body: { success: 'true' } };
  }

  private unsupported(id: string): FakeReply {
    return this.graphError(`Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, 100, { error_subcode: 33 });
  }

  private createPost(
    pageId: string,
    input: { message?: string; link?: string; attached_media: string[]; published: boolean; from?: { id: string; name: string }; createdAt?: Date; viaApi: boolean; scheduledAt?: number },
  ): FakeFbPost {
    const page = this.pages.get(pageId);
    if (!page) throw new Error(`fake: no page ${pageId}`);
    const local = String(this.ids.next());
    const post: FakeFbPost = {
      id: `${pageId}_${local}`,
      pageId,
      message: input.message,
      link: input.link,
      created_time: graphTime(input.createdAt ?? this.clock.tick()),
      permalink_url: `https://www.facebook.com/${pageId}/posts/${local}`,
      from: input.from ?? { id: page.id, name: page.name },
      attached_media: input.attached_media,
      published: input.published,
      scheduled_publish_time: input.scheduledAt,
      viaApi: input.viaApi,
    };
    this.posts.push(post);
    return post;
  }
}

function pick(source: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) if (source[f] !== undefined) out[f] = source[f];
  return out;
}
