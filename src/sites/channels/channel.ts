// One interface for every outside channel a site cross-posts to. Generic code (accounts, jobs, pages)
// only sees ChannelDefinition; each platform has its own adapter file built on its connector client.
import type { MessageKey } from '../../i18n/catalog.ts';
import type { ContentItem } from '../schema.ts';

export interface CredentialField {
  name: string;
  label: MessageKey;
  /** Secret fields are sealed and never shown again. */
  secret: boolean;
  required: boolean;
}

export interface Credentials {
  [name: string]: string | undefined;
}

export interface ChannelEnvironment {
  /** Overrides of platform base URLs by channel id (local fake servers in tests). */
  baseUrls: Record<string, string>;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface ChannelDefinition {
  /** Stable key stored with accounts and posts. */
  id: string;
  /** Display name. */
  label: string;
  /** Label of the account's id on the platform (page id, channel id, OA id). */
  externalIdLabel: MessageKey;
  fields: CredentialField[];
  /** Whether this channel takes the item at all (e.g. only items with a video). */
  accepts(item: ContentItem): boolean;
  /** Adjusts the neutral post to what this channel needs (e.g. a video source). */
  publisher(externalId: string, credentials: Credentials, env: ChannelEnvironment, account?: { name: string }): Publisher;
  /** Further writes after the post, each recorded (and so done) once, e.g. a broadcast of a created article. */
  steps?: ChannelStep[];
  /** Renews an expired access token where the platform allows it. */
  refresh?(credentials: Credentials, env: ChannelEnvironment): Promise<{ credentials: Credentials; expiresAt?: Date }>;
}

/** What a channel is asked to publish (the connectors' neutral PublishItem has this shape). */
export interface PublishItem {
  title?: string;
  /** Plain text; paragraphs separated by blank lines. */
  text: string;
  /** The full item on our site. */
  link?: string;
  /** Public URLs of images; the first is the cover. */
  imageUrls?: string[];
  video?: { size: number; contentType: string; read(start: number, end: number): Promise<Uint8Array> };
  visibility?: 'public' | 'unlisted' | 'private';
}

export interface Publisher {
  publish(item: PublishItem): Promise<{ externalId: string; url?: string }>;
}

export interface ChannelStep {
  name: string;
  label: MessageKey;
  /** Runs with the platform id of the post made by the channel's publisher. */
  run(postExternalId: string, accountExternalId: string, credentials: Credentials, env: ChannelEnvironment): Promise<{ externalId: string; url?: string }>;
}

const environment: ChannelEnvironment = { baseUrls: {} };

/** Points channels at other servers (tests, e2e) or a proxy. */
export function configureChannels(patch: Partial<ChannelEnvironment>): void {
  Object.assign(environment, patch, { baseUrls: { ...environment.baseUrls, ...(patch.baseUrls ?? {}) } });
}

export const channelEnvironment = (): ChannelEnvironment => environment;
