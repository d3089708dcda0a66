// Facebook Graph API (Pages) client: read a Page's posts and the comments of any object, publish to the
// Page feed (with a link or with photos uploaded unpublished first), subscribe the app to Page webhooks.
// The Page access token goes in the access_token query parameter, as the Graph docs show; http.ts redacts
// it from every logged URL and scrubs it from errors. Paging follows cursors.after; the `next` URL Graph
// returns embeds the token and is never stored or logged.
import { BadRequest, Unavailable } from '../errors.ts';
import { type ConnectorLogger, createHttp, type HttpClient, type QueryValue, resolveToken, type TokenSource } from '../http.ts';
import { graphErrorMapper } from './errors.ts';

export interface FacebookConfig {
  /** The Page access token (a value, or a function returning the current one). */
  pageAccessToken: TokenSource;
  /** Graph version, e.g. 'v23.0'. Postiz posts with v20.0; current docs show v25.0/v26.0. */
  version?: string;
  /** Default https://graph.facebook.com; a fake server's URL in tests. */
  baseUrl?: string;
  timeoutMs?: number;
  /** Wait after throttling when neither Retry-After nor usage headers say; default 5 min. */
  throttleFallbackMs?: number;
  fetch?: typeof fetch;
  log?: ConnectorLogger;
}

export const DEFAULT_GRAPH_VERSION = 'v23.0';

export interface GraphUser {
  id: string;
  name?: string;
}

export interface GraphPost {
  id: string;
  message?: string;
  story?: string;
  created_time: string;
  permalink_url?: string;
  from?: GraphUser;
}

export interface GraphComment {
  /** Withheld from apps using Page Public Content Access without MODERATE on the Page. */
  id?: string;
  message?: string;
  created_time: string;
  from?: GraphUser;
  parent?: { id: string };
  permalink_url?: string;
}

export interface GraphList<T> {
  items: T[];
  /** Cursor of the next page; absent on the last page. */
  after?: string;
}

export interface FeedPostInput {
  message?: string;
  link?: string;
  /** Ids of photos uploaded with published=false. */
  attachedMedia?: string[];
  /** With a future time: a scheduled post (published=false). */
  scheduledPublishTime?: Date;
}

export const POST_FIELDS = 'id,message,story,created_time,permalink_url,from';
export const COMMENT_FIELDS = 'id,message,created_time,from,parent,permalink_url';
export const MAX_MESSAGE_LENGTH = 63_206;

export class FacebookGraph {
  readonly version: string;
  readonly baseUrl: string;
  private readonly http: HttpClient;

  constructor(private readonly config: FacebookConfig) {
    this.version = config.version ?? DEFAULT_GRAPH_VERSION;
    this.baseUrl = (config.baseUrl ?? 'https://graph.facebook.com').replace(/\/+$/, '');
    const throttleFallbackMs = config.throttleFallbackMs ?? 5 * 60_000;
    this.http = createHttp({
      source: 'facebook',
      mapError: graphErrorMapper(throttleFallbackMs),
      defaultRetryAfterMs: throttleFallbackMs,
      timeoutMs: config.timeoutMs,
      fetch: config.fetch,
      log: config.log,
    });
  }

  /** A Page's posts, newest first. `edge` 'feed' includes visitors' posts; 'published_posts' only the Page's. */
  async listPagePosts(pageId: string, options: { limit?: number; after?: string; edge?: 'feed' | 'posts' | 'published_posts'; signal?: AbortSignal } = {}): Promise<GraphList<GraphPost>> {
    return this.list<GraphPost>(`${pageId}/${options.edge ?? 'feed'}`, { fields: POST_FIELDS, limit: clampLimit(options.limit), after: options.after }, options.signal);
  }

  /** Comments of a post, photo, video or comment; filter=stream returns replies too, each with `parent`. */
  async listComments(
    objectId: string,
    options: { limit?: number; after?: string; filter?: 'stream' | 'toplevel'; order?: 'chronological' | 'reverse_chronological'; signal?: AbortSignal } = {},
  ): Promise<GraphList<GraphComment>> {
    return this.list<GraphComment>(`${objectId}/comments`, {
      fields: COMMENT_FIELDS,
      filter: options.filter ?? 'stream',
      order: options.order ?? 'reverse_chronological',
      limit: clampLimit(options.limit),
      after: options.after,
    }, options.signal);
  }

  /** Uploads a photo by URL without publishing it, for attached_media. */
  async uploadUnpublishedPhoto(pageId: string, url: string): Promise<{ id: string }> {
    const res = await this.call<{ id: string }>('POST', `${pageId}/photos`, {}, { url, published: false });
    return { id: requireId(res.id, 'photo') };
  }

  /** Publishes (or schedules) a post on the Page feed; returns its id and permalink. */
  async publishPost(pageId: string, input: FeedPostInput): Promise<{ id: string; permalinkUrl?: string }> {
    if (!input.message && !input.link && !input.attachedMedia?.length) throw new BadRequest({ source: 'facebook', platformMessage: 'a post needs a message, a link or media' });
    if (input.message && input.message.length > MAX_MESSAGE_LENGTH) throw new BadRequest({ source: 'facebook', platformMessage: `message longer than ${MAX_MESSAGE_LENGTH} characters` });
    const body: Record<string, unknown> = { message: input.message, link: input.link };
    if (input.attachedMedia?.length) body.attached_media = input.attachedMedia.map((id) => ({ media_fbid: id }));
    if (input.scheduledPublishTime) {
      body.published = false;
      body.scheduled_publish_time = Math.floor(input.scheduledPublishTime.getTime() / 1000);
    }
    const res = await this.call<{ id: string; permalink_url?: string }>('POST', `${pageId}/feed`, { fields: 'id,permalink_url' }, body);
    return { id: requireId(res.id, 'post'), permalinkUrl: res.permalink_url };
  }

  /** Subscribes this app to the Page's webhook fields (feed by default). */
  async subscribeApp(pageId: string, fields: string[] = ['feed']): Promise<boolean> {
    const res = await this.call<{ success?: boolean | string }>('POST', `${pageId}/subscribed_apps`, { subscribed_fields: fields.join(',') });
    return res.success === true || res.success === 'true';
  }

  private async list<T>(path: string, query: Record<string, QueryValue>, signal?: AbortSignal): Promise<GraphList<T>> {
    const res = await this.call<{ data?: T[]; paging?: { cursors?: { after?: string }; next?: string } }>('GET', path, query, undefined, signal);
    if (!Array.isArray(res.data)) throw new BadRequest({ source: 'facebook', platformMessage: `unexpected list response from ${path.replace(/^\d+/, '{id}')}` });
    const after = res.paging?.next ? res.paging.cursors?.after : undefined;
    return { items: res.data, after };
  }

  private async call<T>(method: 'GET' | 'POST', path: string, query: Record<string, QueryValue>, json?: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
    const token = await resolveToken(this.config.pageAccessToken);
    const res = await this.http.request<T>({
      method,
      url: `${this.baseUrl}/${this.version}/${path}`,
      query: { ...query, access_token: token },
      json: json && Object.fromEntries(Object.entries(json).filter(([, v]) => v !== undefined)),
      secrets: [token],
      signal,
    });
    return (res.data ?? {}) as T;
  }
}

const clampLimit = (limit: number | undefined): number => Math.max(1, Math.min(100, Math.floor(limit ?? 25)));

/** A success without an id is drift: the write may have happened, so the outcome is unknown. */
function requireId(id: unknown, what: string): string {
  if (typeof id !== 'string' || !id) throw new Unavailable({ source: 'facebook', platformMessage: `no id in the ${what} response` }, 'unexpected response', true);
  return id;
}
