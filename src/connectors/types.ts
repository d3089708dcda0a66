// The neutral records and capabilities that listening and publishing consume. Nothing here names a
// platform: each platform folder turns its own shapes into these, and a capability a platform lacks is
// simply not implemented by it (optional methods, not flags).

/** One piece of public text read from a platform: a post, a comment or a reply, or a message sent to us. */
export interface RemotePost {
  /** The platform's id of this item (a string, even when the platform uses large numbers). */
  externalId: string;
  /** The item this one answers: the post of a top-level comment, the comment of a reply. */
  parentExternalId?: string;
  /** The root of the conversation (the post or video), when known. */
  threadExternalId?: string;
  /** The platform's id of the author; '' when the platform withholds it. Hash it before storage. */
  authorExternalId: string;
  authorName?: string;
  createdAt: Date;
  text: string;
  url?: string;
  kind: 'post' | 'comment' | 'message';
}

/** One page of a read. Pass `cursor` back to read the next page; absent on the last page. */
export interface ReadPage {
  items: RemotePost[];
  cursor?: string;
}

export interface ReadOptions {
  cursor?: string;
  /** Page size; the platform's maximum is applied. */
  limit?: number;
  /** Aborts the read (e.g. a poll over its time limit). */
  signal?: AbortSignal;
}

/** Reads public items page by page, newest first where the platform allows it. */
export interface PostReader {
  read(options?: ReadOptions): Promise<ReadPage>;
}

/** A change announced by a platform's webhook. */
export type InboundEvent =
  | { type: 'upsert'; record: RemotePost }
  | { type: 'remove'; externalId: string; parentExternalId?: string; kind: RemotePost['kind'] };

export interface WebhookRequest {
  /** The body exactly as received: signatures are computed over these bytes. */
  rawBody: Buffer | string;
  headers: Record<string, string | string[] | undefined>;
}

/** Authenticates and reads a platform's webhook calls. */
export interface WebhookReceiver {
  /** True only when the request carries a valid signature over this exact body. */
  authenticate(req: WebhookRequest): boolean;
  /** The neutral events of an authenticated body (events of other kinds are skipped). */
  parse(rawBody: Buffer | string): InboundEvent[];
  /** The subscription handshake answer, for platforms that verify a callback URL with a GET. */
  handshake?(query: Record<string, unknown>): { status: number; body: string };
}

/** Bytes of a video, readable in ranges so an interrupted upload can resume. */
export interface VideoSource {
  size: number;
  contentType: string;
  read(start: number, end: number): Promise<Uint8Array>;
}

/** What to publish on a channel. Each publisher uses what its platform supports and refuses what it needs but lacks. */
export interface PublishItem {
  title?: string;
  /** The text, plain; paragraphs separated by blank lines. */
  text: string;
  /** A link to the full article on our site. */
  link?: string;
  /** Public URLs of images; the first is the cover where one is needed. */
  imageUrls?: string[];
  video?: VideoSource;
  /** Where the platform has visibility settings; default public. */
  visibility?: 'public' | 'unlisted' | 'private';
}

export interface PublishResult {
  externalId: string;
  url?: string;
}

/**
 * Publishes to one of the office's own channels. A publish is not retried inside: on a failure with
 * `outcomeUnknown` the post may exist, so the caller records it as unconfirmed.
 */
export interface Publisher {
  publish(item: PublishItem): Promise<PublishResult>;
}

/** Splits plain text into paragraphs (blank-line separated), trimmed, empty ones dropped. */
export const paragraphs = (text: string): string[] =>
  text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
