// The one interface every source of public posts implements: files, feeds, platform pages and
// channels, the citizen channel. Generic code (scheduler, ingestion, settings pages) only sees this;
// nothing outside a connector's own folder names a platform. See README.md beside this file.
import type { Logger } from 'pino';
import type { z } from 'zod';

/** A post as a connector hands it over, before anything is stored. Authors are hashed and text is redacted at the door. */
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

/** A settings field, rendered by the generic settings page and validated by `settings`. */
export interface SettingField {
  name: string;
  label: { vi: string; en: string };
  hint?: { vi: string; en: string };
  type: 'text' | 'url' | 'number' | 'textarea' | 'checkbox' | 'secret';
  required?: boolean;
}

export interface SourceConnector<S = Record<string, unknown>> {
  /** Stored in listening_sources.kind; lower-case, never renamed. */
  kind: string;
  name: { vi: string; en: string };
  description: { vi: string; en: string };
  fields: SettingField[];
  /** Validates the settings object (the form's strings are coerced by the field types first). */
  settings: z.ZodType<S>;
  /** Whether links to the original items may be shown (public news articles: yes; people's comments: no). */
  showLinks?: boolean;
  /** Default polling interval for new sources of this kind. */
  defaultIntervalSeconds?: number;
  /** Pull sources: read what is new since the cursor. Throw the typed errors described in README.md. */
  poll?(ctx: PollContext<S>): Promise<PollResult>;
  /** Push sources: how to authenticate and read webhook calls, for these settings. */
  webhook?(settings: S, env: { secret: (purpose: string) => Buffer }): WebhookReceiver;
  /** Sources created by the system (file imports, the demo, the citizen channel) cannot be created from the settings page. */
  internal?: boolean;
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
