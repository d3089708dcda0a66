// The platform sources end to end through the listening door, on the test database: what a poll or a
// webhook hands over is stored as pending posts (authors hashed, text redacted), polling again stores
// nothing twice, and a removal event names the post to withdraw.
import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ingestPosts } from '../../src/listening/ingest/ingest.ts';
import { facebookPlatform } from '../../src/platforms/facebook.ts';
import { configurePlatforms, resetPlatforms, type IncomingPost } from '../../src/platforms/index.ts';
import { youtubePlatform } from '../../src/platforms/youtube.ts';
import { zaloPlatform } from '../../src/platforms/zalo.ts';
import { createTestContext, type TestContext } from '../context.ts';
import { FacebookFake } from '../fakes/facebook.ts';
import { facebookFeedWebhook, zaloTextWebhook } from '../fakes/webhooks.ts';
import { YouTubeFake } from '../fakes/youtube.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  resetPlatforms();
  await ctx?.cleanup();
});

const log = pino({ level: 'silent' });
const signal = new AbortController().signal;
const now = new Date('2026-01-02T00:00:00Z');

async function stored(source: string): Promise<{ external_id: string; parent_external_id: string | null; author_hash: string | null; text: string; status: number }[]> {
  return ctx.database.query(
    `SELECT p.external_id, p.parent_external_id, p.author_hash, p.text, p.status FROM listening_posts p JOIN listening_sources s ON s.id = p.source_id WHERE s.name = $1 ORDER BY p.id`,
    [source],
  );
}

describe('Facebook Page source', () => {
  let fake: FacebookFake;
  beforeEach(async () => {
    fake = await FacebookFake.start({ seed: 51 });
  });
  afterEach(async () => fake.close());

  it('stores polled posts and comments once, redacted, authors hashed', async () => {
    const page = fake.addPage();
    configurePlatforms({ baseUrls: { facebook: fake.url } });
    const connector = facebookPlatform().listen!;
    const settings = connector.settings.parse({ pageId: page.id, pageAccessToken: page.token });
    const post = fake.seedPost(page.id, { message: 'Thông báo lịch tiếp công dân' });
    fake.seedComment(post.id, { message: 'Gọi cho tôi số 0903 123 456 nhé', from: { id: '777001', name: 'Trần Thị B' } });
    const first = await connector.poll!({ settings, cursor: null, signal, log, now, fetch });
    expect(await ingestPosts(ctx, 'fb-phuong-12', first.posts, { create: { kind: 'facebook_page' } })).toMatchObject({ added: 2, rejected: [] });
    const second = await connector.poll!({ settings, cursor: first.cursor, signal, log, now, fetch });
    expect((await ingestPosts(ctx, 'fb-phuong-12', second.posts)).added).toBe(0);
    const rows = await stored('fb-phuong-12');
    expect(rows).toHaveLength(2);
    expect(rows[1]?.parent_external_id).toBe(post.id);
    expect(rows[1]?.text).not.toContain('0903');
    expect(rows[1]?.author_hash).toMatch(/\S/);
    expect(JSON.stringify(rows)).not.toContain('777001');
    expect(rows.every((r) => r.status === 0)).toBe(true); // pending: analysed later by the job, not inline
  });

  it('stores webhook comments, and names removed ones', async () => {
    const receiver = facebookPlatform().listen!.webhook!({ pageId: '1001', pageAccessToken: 'x'.repeat(20), appSecret: 'sec-ret', verifyToken: '', graphVersion: '', watchPosts: 10 }, { secret: () => Buffer.alloc(32) });
    const hook = facebookFeedWebhook(
      '1001',
      [
        { item: 'comment', verb: 'add', post_id: '1001_5', comment_id: '5_1', from: { id: '42', name: 'A' }, message: 'Cống bị nghẹt ở hẻm 12', created_time: 1_767_225_600 },
        { item: 'comment', verb: 'remove', post_id: '1001_5', comment_id: '5_0' },
      ],
      'sec-ret',
    );
    expect(receiver.authenticate({ rawBody: Buffer.from(hook.body), headers: hook.headers, query: {} })).toBe(true);
    const events = receiver.parse(Buffer.from(hook.body));
    const upserts = events.flatMap((e) => (e.type === 'upsert' ? [e.record as IncomingPost] : []));
    expect((await ingestPosts(ctx, 'fb-webhook', upserts, { create: { kind: 'facebook_page' } })).added).toBe(1);
    expect(events.filter((e) => e.type === 'remove')).toEqual([expect.objectContaining({ type: 'remove', externalId: '5_0' })]);
  });
});

describe('YouTube channel source', () => {
  it('stores comment threads and replies', async () => {
    const fake = await YouTubeFake.start({ seed: 52 });
    try {
      const channel = fake.addChannel();
      const video = fake.seedVideo(channel.id);
      fake.seedThread({ videoId: video.id }, { text: 'Khi nào sửa đường?', author: { name: 'X', channelId: 'UCx' }, replies: [{ text: 'Tháng sau', author: { name: 'Y', channelId: 'UCy' } }] });
      configurePlatforms({ baseUrls: { youtube: fake.apiBase } });
      const connector = youtubePlatform().listen!;
      const result = await connector.poll!({ settings: connector.settings.parse({ channelId: channel.id, apiKey: channel.apiKey }), cursor: null, signal, log, now, fetch });
      expect(await ingestPosts(ctx, 'yt-q10', result.posts, { create: { kind: 'youtube_channel' } })).toMatchObject({ added: 2, rejected: [] });
    } finally {
      await fake.close();
    }
  });
});

describe('Zalo OA source', () => {
  it('stores a signed user_send_text with its exact ids', async () => {
    const settings = zaloPlatform().listen!.settings.parse({ appId: '2553928453557884079', oaSecretKey: 'oa-secret-key', oaId: '' });
    const receiver = zaloPlatform().listen!.webhook!(settings, { secret: () => Buffer.alloc(32) });
    const hook = zaloTextWebhook({ appId: settings.appId, oaId: '3662729599332560487', senderId: '6142494823123456789', text: 'Xin hỏi giờ làm việc của phường', msgId: 'm-001' }, 'oa-secret-key', { rawIds: true });
    expect(receiver.authenticate({ rawBody: Buffer.from(hook.body), headers: hook.headers, query: {} })).toBe(true);
    const posts = receiver.parse(Buffer.from(hook.body)).flatMap((e) => (e.type === 'upsert' ? [e.record] : []));
    expect(await ingestPosts(ctx, 'zalo-oa', posts, { create: { kind: 'zalo_oa' } })).toMatchObject({ added: 1 });
    expect((await ingestPosts(ctx, 'zalo-oa', posts)).duplicates).toBe(1);
    const [row] = await stored('zalo-oa');
    expect(row?.external_id).toBe('m-001');
  });
});
