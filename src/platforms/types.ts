// One definition per outside platform (Facebook, YouTube, Zalo; feeds as a read-only one), with optional
// capabilities: read posts and receive webhooks (listening), publish (the sites' cross-posts), send
// messages (notices to citizens) and refresh tokens. Generic code — the listening scheduler and webhook
// route, cross-posting, the settings forms, the credential store — sees only these types; a platform's
// name appears only in its own file here. See README.md beside this file.
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { PublishItem, PublishResult } from '../connectors/index.ts';
import type { MessageKey } from '../i18n/catalog.ts';

/** A settings field, rendered by the generic forms (listening sources, a site's channels) and validated by a schema. */
export interface SettingField {
  name: string;
  label: MessageKey;
  hint?: MessageKey;
  /** Secret fields are stored sealed and never shown back (left empty in a form: the stored value is kept). */
  type: 'text' | 'url' | 'number' | 'textarea' | 'checkbox' | 'secret';
  required?: boolean;
}

/** An account's values by field name: its secrets (tokens, keys) and its plain settings (app id, API version). */
export interface Credentials {
  [name: string]: string | undefined;
}

/** Where the platforms are reached: their real addresses unless tests (local fakes) or a proxy say otherwise. */
export interface PlatformEnvironment {
  /** Base URLs by key: facebook, youtube, youtube-upload, zalo, zalo-oauth. */
  baseUrls: Record<string, string | undefined>;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** A connected account as the capabilities use it (from the credential store). */
export interface ConnectedAccount {
  /** The account's id on the platform: a Page id, a channel id, an OA id. */
  externalId: string;
  name: string;
  credentials: Credentials;
}

/** What a platform account is made of: its id on the platform and its fields (secrets sealed at rest). */
export interface AccountSpec {
  /** The account's id on the platform (stored as the connection's external id). */
  id: SettingField;
  fields: SettingField[];
}

// ——— Listening: read posts (poll) and receive webhooks ———

/** A post as a platform hands it over, before anything is stored. Authors are hashed and text is redacted at the door. */
export interface IncomingPost {
  /** The platform's id of the item, unique within the source (a string even for large numbers). */
  externalId: string;
  /** The item this one answers (the post of a comment, the comment of a reply). */
  parentExternalId?: string | null;
  /** The platform's id of the author; '' or absent when withheld. Never stored: replaced by a keyed hash. */
  authorExternalId?: string | null;
  /** Used only when there is no author id, and hashed the same way. */
  authorName?: string | null;
  /** When the post was written (its own time, not when we read it): a Date, ISO/RFC text or epoch seconds/ms. */
  createdAt: Date | string | number;
  text: string;
  url?: string | null;
}

/** A change announced by a push source (webhook). */
export type InboundEvent = { type: 'upsert'; record: IncomingPost } | { type: 'remove'; externalId: string };

export interface WebhookRequest {
  /** The body exactly as received: signatures are computed over these bytes. */
  rawBody: Buffer;
  headers: Record<string, string | string[] | undefined>;
  query: Record<string, unknown>;
}

/** Authenticates and reads a push source's webhook calls (POST/GET /webhooks/listening/:source). */
export interface WebhookReceiver {
  /** True only when the request carries a valid signature over this exact body. Rejected calls are logged and answered 401. */
  authenticate(req: WebhookRequest): boolean;
  /** The events of an authenticated body; events of other kinds are skipped. May throw on a malformed body (answered 400). */
  parse(rawBody: Buffer): InboundEvent[];
  /** The answer to a platform's GET subscription handshake, for platforms that verify a callback URL. */
  handshake?(query: Record<string, unknown>): { status: number; body: string };
}

export interface PollContext<S> {
  settings: S;
  /** What the last successful poll returned as `cursor` (null the first time). */
  cursor: unknown;
  /** Aborted when the poll runs over its time limit (2 minutes) or the process stops. */
  signal: AbortSignal;
  log: Logger;
  now: Date;
  /** Fetch for addresses an analyst typed in: refuses the server's own network unless configured (src/app/outbound.ts). */
  fetch: typeof fetch;
}

export interface PollResult {
  posts: IncomingPost[];
  /** Stored after the posts are: a crash in between re-reads posts, which are then dropped as duplicates. */
  cursor: unknown;
  /** More is waiting now (a further page): poll again soon instead of after the interval. */
  more?: boolean;
}

/**
 * How a listening source's settings name its platform account: the settings field that holds the
 * account's id, and the fields kept with the account (by their name there) rather than with the source.
 */
export interface AccountBinding {
  idField: string;
  /** Source settings field → account field (`pageAccessToken` → `accessToken`). */
  fields: Record<string, string>;
  /** The account id for settings that name none (a Zalo app listening to every OA it serves). */
  fallbackId?(settings: Record<string, unknown>): string;
}

/** What listening reads from a platform: one kind of source (a row of listening_sources). */
export interface ListenCapability<S = Record<string, unknown>> {
  /** Stored in listening_sources.kind; lower-case, never renamed. */
  kind: string;
  name: MessageKey;
  description: MessageKey;
  /** The source's settings form, account fields included (under the source's names for them). */
  fields: SettingField[];
  /** Validates the settings object (the form's strings are coerced by the field types first). */
  settings: z.ZodType<S>;
  /** Which settings belong to the platform account (kept once in the credential store, shared with publishing). */
  account?: AccountBinding;
  /** Whether links to the original items may be shown (public news articles: yes; people's comments: no). */
  showLinks?: boolean;
  /** Default polling interval for new sources of this kind. */
  defaultIntervalSeconds?: number;
  /** Read posts: what is new since the cursor. Throw the typed errors of src/connectors/errors.ts. */
  poll?(ctx: PollContext<S>): Promise<PollResult>;
  /** Receive webhooks: how to authenticate and read a push source's calls, for these settings. */
  webhook?(settings: S, env: { secret: (purpose: string) => Buffer }): WebhookReceiver;
  /** Sources created by the system (file imports, the demo, the citizen channel) cannot be created from the settings page. */
  internal?: boolean;
}

// ——— Publishing, messages, tokens ———

export interface Publisher {
  publish(item: PublishItem): Promise<PublishResult>;
}

export interface PublishStep {
  name: string;
  label: MessageKey;
  /** Runs with the platform id of the post made by the publisher. */
  run(postExternalId: string, account: ConnectedAccount, env: PlatformEnvironment): Promise<PublishResult>;
}

export interface PublishCapability {
  /** Account fields publishing cannot do without. */
  requires: string[];
  /** Whether this platform takes the item at all (e.g. only items with a video). */
  accepts(item: { hasVideo: boolean }): boolean;
  publisher(account: ConnectedAccount, env: PlatformEnvironment): Publisher;
  /** Further writes after the post, each recorded (and so done) once, e.g. a broadcast of a created article. */
  steps?: PublishStep[];
}

export interface Messenger {
  /** Sends a text message to a person on the platform (a Zalo user id). */
  sendText(userId: string, text: string): Promise<{ messageId: string }>;
}

export interface PlatformDefinition {
  /** Stable key stored with connections, a site's channels and its posts: 'facebook', 'youtube', 'zalo', 'rss'. */
  id: string;
  name: MessageKey;
  /** Platforms without accounts (feeds) have none. */
  account?: AccountSpec;
  /** Read posts and/or receive webhooks. */
  listen?: ListenCapability<any>;
  publish?: PublishCapability;
  message?(account: ConnectedAccount, env: PlatformEnvironment): Messenger;
  /** Renews an expired access token where the platform allows it. */
  refresh?(account: ConnectedAccount, env: PlatformEnvironment): Promise<{ credentials: Credentials; expiresAt?: Date }>;
}

/**
 * How a failure is understood, from its `kind` alone (the typed errors of src/connectors/errors.ts
 * carry these kinds): anything else counts as `unavailable`.
 */
export type FailureKind = 'unauthorized' | 'rate_limited' | 'quota_exceeded' | 'bad_request' | 'unavailable';

export interface ClassifiedFailure {
  kind: FailureKind;
  /** When the platform said when to come back (Retry-After, a quota reset). */
  retryAfterMs?: number;
  message: string;
}
