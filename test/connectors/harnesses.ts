// Every implementation of each capability, set up against its fake server, in neutral terms, so that one
// contract suite per capability (reader, publisher, webhook) runs unchanged against all of them.
import { commentsReader, FacebookGraph, facebookWebhook, pagePostsReader, pagePublisher } from '../../src/connectors/facebook/index.ts';
import type { ConnectorLogger } from '../../src/connectors/http.ts';
import type { PostReader, PublishItem, Publisher, WebhookReceiver } from '../../src/connectors/types.ts';
import { videoFromBytes } from '../../src/connectors/video.ts';
import { channelPublisher, commentThreadsReader, QuotaBudget, YouTubeData } from '../../src/connectors/youtube/index.ts';
import { articlePublisher, ZaloOA, zaloWebhook } from '../../src/connectors/zalo/index.ts';
import { FacebookFake } from '../fakes/facebook.ts';
import type { InjectMatch } from '../fakes/server.ts';
import { facebookFeedWebhook, type SignatureMode, type SignedWebhook, zaloTextWebhook, zaloWebhook as zaloEventWebhook } from '../fakes/webhooks.ts';
import { YouTubeFake } from '../fakes/youtube.ts';
import { ZaloFake } from '../fakes/zalo.ts';

/** Failures every platform can be made to answer. */
export type CommonFailure = { http429: true; retryAfter?: string } | { serverError: number } | 'hang';

/** A logger that keeps every line, to check that no secret is ever logged. */
export function captureLog(): ConnectorLogger & { lines: string[] } {
  const lines: string[] = [];
  const write = (obj: object, msg?: string) => lines.push(`${JSON.stringify(obj)} ${msg ?? ''}`);
  return { lines, debug: write, warn: write };
}

interface Common {
  /** Secrets that must never appear in errors or logs. */
  secrets: string[];
  logs: string[];
  expireToken(): void;
  fail(failure: CommonFailure, match?: InjectMatch): void;
  close(): Promise<void>;
}

export interface ReaderSetup extends Common {
  reader: PostReader;
  /** Seeds `n` items; returns their ids in the order the reader returns them. */
  seed(n: number): string[];
  /** Paths of the read requests, for failure injection. */
  readPath: string | RegExp;
}

export interface ReaderHarness {
  name: string;
  start(): Promise<ReaderSetup>;
}

const TIMEOUT_MS = 300; // the clients' timeout in these tests; 'hang' answers are cut by it

const people = (i: number) => ({ id: String(900_000 + i), name: `Người dân ${i}` });

export const READERS: ReaderHarness[] = [
  {
    name: 'page posts (facebook)',
    async start() {
      const fake = await FacebookFake.start({ seed: 11 });
      const page = fake.addPage();
      const log = captureLog();
      const graph = new FacebookGraph({ baseUrl: fake.url, pageAccessToken: page.token, timeoutMs: TIMEOUT_MS, log });
      return {
        reader: pagePostsReader(graph, page.id),
        seed: (n) => Array.from({ length: n }, (_, i) => fake.seedPost(page.id, { message: `Bài viết số ${i + 1} về ngập nước đường Ba Tháng Hai` }).id).reverse(),
        readPath: /\/feed$/,
        secrets: [page.token],
        logs: log.lines,
        expireToken: () => fake.expireToken(page.token),
        fail: (f, m) => fake.fail(f, m),
        close: () => fake.close(),
      };
    },
  },
  {
    name: 'comments of a post (facebook)',
    async start() {
      const fake = await FacebookFake.start({ seed: 12 });
      const page = fake.addPage();
      const post = fake.seedPost(page.id, { message: 'Thông báo lịch cắt điện' });
      const log = captureLog();
      const graph = new FacebookGraph({ baseUrl: fake.url, pageAccessToken: page.token, timeoutMs: TIMEOUT_MS, log });
      return {
        reader: commentsReader(graph, post.id),
        seed: (n) => Array.from({ length: n }, (_, i) => fake.seedComment(post.id, { message: `Bình luận ${i + 1}: sao cắt điện hoài vậy`, from: people(i) }).id).reverse(),
        readPath: /\/comments$/,
        secrets: [page.token],
        logs: log.lines,
        expireToken: () => fake.expireToken(page.token),
        fail: (f, m) => fake.fail(f, m),
        close: () => fake.close(),
      };
    },
  },
  {
    name: 'comment threads of a video (youtube, OAuth token)',
    async start() {
      const fake = await YouTubeFake.start({ seed: 13 });
      const channel = fake.addChannel();
      const video = fake.seedVideo(channel.id);
      const log = captureLog();
      const yt = new YouTubeData({ baseUrl: fake.apiBase, uploadBaseUrl: fake.uploadBase, accessToken: channel.token, timeoutMs: TIMEOUT_MS, log, quota: new QuotaBudget({ dailyBudget: 1000 }) });
      return {
        reader: commentThreadsReader(yt, { videoId: video.id }),
        seed: (n) => Array.from({ length: n }, (_, i) => fake.seedThread({ videoId: video.id }, { text: `Ý kiến ${i + 1}: đường xuống cấp quá`, author: { name: `Khán giả ${i}`, channelId: `UCviewer${i}` } }).id).reverse(),
        readPath: '/youtube/v3/commentThreads',
        secrets: [channel.token],
        logs: log.lines,
        expireToken: () => fake.expireToken(channel.token),
        fail: (f, m) => fake.fail(f, m),
        close: () => fake.close(),
      };
    },
  },
  {
    name: 'comment threads related to a channel (youtube, API key)',
    async start() {
      const fake = await YouTubeFake.start({ seed: 14 });
      const channel = fake.addChannel();
      const video = fake.seedVideo(channel.id);
      const log = captureLog();
      const key = channel.apiKey;
      const yt = new YouTubeData({ baseUrl: fake.apiBase, apiKey: key, timeoutMs: TIMEOUT_MS, log });
      return {
        reader: commentThreadsReader(yt, { allThreadsRelatedToChannelId: channel.id }),
        seed: (n) => Array.from({ length: n }, (_, i) => fake.seedThread({ videoId: video.id }, { text: `Góp ý ${i + 1}`, author: { name: `Khán giả ${i}`, channelId: `UCviewer${i}` } }).id).reverse(),
        readPath: '/youtube/v3/commentThreads',
        secrets: [key],
        logs: log.lines,
        // An API key does not expire, but it can be revoked: refused the same way (credentials, reconnect).
        expireToken: () => fake.revokeApiKey(key),
        fail: (f, m) => fake.fail(f, m),
        close: () => fake.close(),
      };
    },
  },
];

export interface PublisherSetup extends Common {
  publisher: Publisher;
  /** An item this platform publishes. */
  item(text: string): PublishItem;
  /** An item this platform cannot publish (refused before any request). */
  unsupported(): PublishItem;
  /** What the fake recorded as published: ids and the text it carries. */
  published(): { externalId: string; text: string }[];
  /** The first write request of a publish, for failure injection. */
  writePath: string | RegExp;
  requestCount(): number;
}

export interface PublisherHarness {
  name: string;
  start(): Promise<PublisherSetup>;
}

const video = () => videoFromBytes(new Uint8Array(300 * 1024).map((_, i) => i % 251), 'video/mp4');

export const PUBLISHERS: PublisherHarness[] = [
  {
    name: 'page feed (facebook)',
    async start() {
      const fake = await FacebookFake.start({ seed: 21 });
      const page = fake.addPage();
      const log = captureLog();
      const graph = new FacebookGraph({ baseUrl: fake.url, pageAccessToken: page.token, timeoutMs: TIMEOUT_MS, log });
      return {
        publisher: pagePublisher(graph, page.id),
        item: (text) => ({ title: 'Thông báo', text, link: 'https://phuong12.quan10.example.vn/tin/1' }),
        unsupported: () => ({ text: 'Video', video: video() }),
        published: () => fake.published(page.id).map((p) => ({ externalId: p.id, text: p.message ?? '' })),
        writePath: /\/feed$/,
        requestCount: () => fake.server.requests.length,
        secrets: [page.token],
        logs: log.lines,
        expireToken: () => fake.expireToken(page.token),
        fail: (f, m) => fake.fail(f, m),
        close: () => fake.close(),
      };
    },
  },
  {
    name: 'channel video upload (youtube)',
    async start() {
      const fake = await YouTubeFake.start({ seed: 22, costs: { insert: 100 } });
      const channel = fake.addChannel();
      const log = captureLog();
      const yt = new YouTubeData({ baseUrl: fake.apiBase, uploadBaseUrl: fake.uploadBase, accessToken: channel.token, timeoutMs: TIMEOUT_MS, log, chunkSize: 256 * 1024, maxChunkRetries: 2, sleep: async () => {} });
      return {
        publisher: channelPublisher(yt),
        item: (text) => ({ title: 'Hướng dẫn thủ tục', text, link: 'https://phuong12.quan10.example.vn/tin/2', video: video() }),
        unsupported: () => ({ title: 'Không có video', text: 'Chỉ có chữ' }),
        published: () => fake.uploads().map((v) => ({ externalId: v.id, text: String(v.upload?.snippet.description ?? '') })),
        writePath: '/upload/youtube/v3/videos',
        requestCount: () => fake.server.requests.length,
        secrets: [channel.token],
        logs: log.lines,
        expireToken: () => fake.expireToken(channel.token),
        fail: (f, m) => fake.fail(f, m),
        close: () => fake.close(),
      };
    },
  },
  {
    name: 'OA article (zalo)',
    async start() {
      const fake = await ZaloFake.start({ seed: 23 });
      const tokens = fake.issueTokens();
      const log = captureLog();
      const oa = new ZaloOA({ baseUrl: fake.url, accessToken: tokens.accessToken, timeoutMs: TIMEOUT_MS, log });
      return {
        publisher: articlePublisher(oa, { author: 'Ban Tuyên giáo Quận 10' }),
        item: (text) => ({ title: 'Thông báo', text, imageUrls: ['https://phuong12.quan10.example.vn/anh/1.jpg'], link: 'https://phuong12.quan10.example.vn/tin/3' }),
        unsupported: () => ({ text: 'Không có ảnh bìa' }),
        published: () =>
          fake.articles
            .filter((a) => a.verified)
            .map((a) => ({ externalId: a.id, text: (a.body.body as { type: string; content?: string }[]).map((b) => b.content ?? '').join('\n') })),
        writePath: '/v2.0/article/create',
        requestCount: () => fake.server.requests.length,
        secrets: [tokens.accessToken, tokens.refreshToken],
        logs: log.lines,
        expireToken: () => fake.expireToken(tokens.accessToken),
        fail: (f, m) => fake.fail(f, m),
        close: () => fake.close(),
      };
    },
  },
];

export interface WebhookHarness {
  name: string;
  receiver: WebhookReceiver;
  /** A signed event carrying one new inbound item with this text. */
  event(text: string, signature?: SignatureMode): SignedWebhook;
  /** A signed event of a kind that must be skipped. */
  skipped(): SignedWebhook;
  /** The externalId the event's item must have. */
  expectedId: string;
  expectedAuthor: string;
  signatureHeader: string;
}

const FB_SECRET = 'fb-app-secret-0123456789';
const ZALO = { appId: '2553928453557884079', oaId: '3662729599332560487', oaSecretKey: 'oa-secret-key-abcdef' };

export const WEBHOOKS: WebhookHarness[] = [
  {
    name: 'page feed webhook (facebook)',
    receiver: facebookWebhook({ appSecret: FB_SECRET, verifyToken: 'verify-me' }),
    event: (text, signature) =>
      facebookFeedWebhook('1001', [{ item: 'comment', verb: 'add', post_id: '1001_55', comment_id: '55_77', parent_id: '1001_55', created_time: 1_767_225_600, from: { id: '4242', name: 'Người dân' }, message: text }], FB_SECRET, { signature }),
    skipped: () => facebookFeedWebhook('1001', [{ item: 'reaction', verb: 'add', post_id: '1001_55', reaction_type: 'like', from: { id: '4242', name: 'Người dân' } }], FB_SECRET),
    expectedId: '55_77',
    expectedAuthor: '4242',
    signatureHeader: 'x-hub-signature-256',
  },
  {
    name: 'OA messages webhook (zalo)',
    receiver: zaloWebhook({ appId: ZALO.appId, oaSecretKey: ZALO.oaSecretKey }),
    event: (text, signature) => zaloTextWebhook({ appId: ZALO.appId, oaId: ZALO.oaId, senderId: '6142494823123456789', text, msgId: 'cb31dff1c39642cc1b83' }, ZALO.oaSecretKey, { signature }),
    skipped: () => zaloEventWebhook({ app_id: ZALO.appId, event_name: 'follow', follower: { id: '6142494823123456789' }, oa_id: ZALO.oaId, timestamp: '1767225600000' }, ZALO.appId, ZALO.oaSecretKey),
    expectedId: 'cb31dff1c39642cc1b83',
    expectedAuthor: '6142494823123456789',
    signatureHeader: 'x-zevent-signature',
  },
];
