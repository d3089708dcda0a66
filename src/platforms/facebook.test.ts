// The Facebook Page source against the fake Graph server: first poll, incremental polls with the stored
// cursor (new posts, new comments on watched posts, long backlogs continued with `more`), failures as
// typed kinds, and the webhook receiver (handshake, signature, other Pages skipped).
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FacebookFake } from '../../test/fakes/facebook.ts';
import { facebookFeedWebhook } from '../../test/fakes/webhooks.ts';
import { configurePlatforms, resetPlatforms } from './environment.ts';
import { classifyFailure } from './failures.ts';
import type { IncomingPost, PollResult } from './types.ts';
import { type FacebookPageCursor, facebookPlatform, type FacebookPageSettings } from './facebook.ts';

let fake: FacebookFake;
let page: { id: string; token: string };
let settings: FacebookPageSettings;
const connector = () => facebookPlatform({ maxPages: 2 }).listen!;
const log = pino({ level: 'silent' });
const now = new Date('2026-01-02T00:00:00Z');
const citizen = (i: number) => ({ id: String(5000 + i), name: `Người dân ${i}` });

beforeEach(async () => {
  fake = await FacebookFake.start({ seed: 31 });
  configurePlatforms({ baseUrls: { facebook: fake.url } });
  page = fake.addPage({ name: 'UBND Phường 12' });
  settings = connector().settings.parse({ pageId: page.id, pageAccessToken: page.token, appSecret: 'app-secret-abc', verifyToken: 'xac-minh-123', watchPosts: 3 });
});
afterEach(async () => {
  resetPlatforms();
  await fake.close();
});

const poll = (cursor: unknown): Promise<PollResult> => connector().poll!({ settings, cursor, signal: new AbortController().signal, log, now, fetch });
const ids = (posts: IncomingPost[]) => posts.map((p) => p.externalId);

describe('polling', () => {
  it('reads the first page of posts and the comments of the recent ones', async () => {
    const post = fake.seedPost(page.id, { message: 'Lịch cắt nước ngày 5/1' });
    const c1 = fake.seedComment(post.id, { message: 'Cắt cả ngày hả?', from: citizen(1) });
    const result = await poll(null);
    expect(ids(result.posts)).toEqual([post.id, c1.id]);
    expect(result.more).toBe(false);
    const cursor = result.cursor as FacebookPageCursor;
    expect(cursor.newest).toBe(new Date(Date.parse(post.created_time.replace('+0000', 'Z'))).toISOString());
    expect(cursor.watch.map((w) => w.id)).toEqual([post.id]);
    expect(result.posts[1]).toMatchObject({ parentExternalId: post.id, authorExternalId: '5001', text: 'Cắt cả ngày hả?' });
  });

  it('next time reads only what is new (plus the boundary, dropped as a duplicate when stored)', async () => {
    const post = fake.seedPost(page.id, { message: 'Bài 1' });
    const first = await poll(null);
    const newPost = fake.seedPost(page.id, { message: 'Bài 2' });
    const reply = fake.seedComment(post.id, { message: 'Bình luận mới', from: citizen(2) });
    const second = await poll(first.cursor);
    expect(ids(second.posts)).toEqual(expect.arrayContaining([newPost.id, reply.id]));
    expect(ids(second.posts).filter((id) => id !== post.id)).toHaveLength(2);
    const third = await poll(second.cursor);
    expect(ids(third.posts).every((id) => ids(second.posts).includes(id))).toBe(true);
  });

  it('a long backlog is read over several polls with `more`, nothing skipped', async () => {
    const before = fake.seedPost(page.id, { message: 'Cũ' });
    const first = await poll(null);
    const burst = Array.from({ length: 250 }, (_, i) => fake.seedPost(page.id, { message: `Bài ${i}` }).id);
    const seen = new Set<string>();
    let cursor = first.cursor;
    let polls = 0;
    for (;;) {
      const r = await poll(cursor);
      for (const id of ids(r.posts)) seen.add(id);
      cursor = r.cursor;
      polls++;
      if (!r.more) break;
    }
    expect(polls).toBe(2);
    expect(burst.every((id) => seen.has(id))).toBe(true);
    expect(seen.has(before.id)).toBe(true);
  });

  it('watches only the most recent posts for comments', async () => {
    const posts = Array.from({ length: 5 }, (_, i) => fake.seedPost(page.id, { message: `Bài ${i}` }));
    const result = await poll(null);
    expect((result.cursor as FacebookPageCursor).watch.map((w) => w.id)).toEqual(posts.slice(2).reverse().map((p) => p.id));
    const commentRequests = fake.server.requests.filter((r) => r.path.endsWith('/comments'));
    expect(commentRequests).toHaveLength(3);
  });

  it('fails with typed kinds the scheduler understands', async () => {
    fake.seedPost(page.id, { message: 'x' });
    fake.fail({ throttled: 32, regainMinutes: 7 });
    expect(classifyFailure(await poll(null).catch((e: unknown) => e))).toMatchObject({ kind: 'rate_limited', retryAfterMs: 7 * 60_000 });
    fake.expireToken(page.token);
    const failure = classifyFailure(await poll(null).catch((e: unknown) => e));
    expect(failure.kind).toBe('unauthorized');
    expect(failure.message).not.toContain(page.token);
  });

  it('validates settings', () => {
    expect(connector().settings.safeParse({ pageId: 'abc', pageAccessToken: page.token }).success).toBe(false);
    expect(connector().settings.safeParse({ pageId: page.id, pageAccessToken: page.token, graphVersion: 'latest' }).success).toBe(false);
  });
});

describe('webhook', () => {
  const env = { secret: () => Buffer.alloc(32) };
  it('answers the handshake with the verify token only', () => {
    const receiver = connector().webhook!(settings, env);
    expect(receiver.handshake?.({ 'hub.mode': 'subscribe', 'hub.verify_token': 'xac-minh-123', 'hub.challenge': '42' })).toEqual({ status: 200, body: '42' });
    expect(receiver.handshake?.({ 'hub.mode': 'subscribe', 'hub.verify_token': 'sai', 'hub.challenge': '42' })?.status).toBe(403);
    const noToken = connector().webhook!({ ...settings, verifyToken: '' }, env);
    expect(noToken.handshake?.({ 'hub.mode': 'subscribe', 'hub.verify_token': '', 'hub.challenge': '42' })?.status).toBe(403);
  });

  it('accepts signed events of this Page and skips other Pages', () => {
    const receiver = connector().webhook!(settings, env);
    const mine = facebookFeedWebhook(page.id, [{ item: 'comment', verb: 'add', post_id: `${page.id}_1`, comment_id: '1_2', from: citizen(3), message: 'Đèn đường hỏng' }], 'app-secret-abc');
    expect(receiver.authenticate({ rawBody: Buffer.from(mine.body), headers: mine.headers, query: {} })).toBe(true);
    expect(receiver.parse(Buffer.from(mine.body))).toHaveLength(1);
    const other = facebookFeedWebhook('999', [{ item: 'comment', verb: 'add', post_id: '999_1', comment_id: '1_3', from: citizen(4), message: 'Trang khác' }], 'app-secret-abc');
    expect(receiver.parse(Buffer.from(other.body))).toEqual([]);
    const unsigned = facebookFeedWebhook(page.id, [], 'app-secret-abc', { signature: 'bad' });
    expect(receiver.authenticate({ rawBody: Buffer.from(unsigned.body), headers: unsigned.headers, query: {} })).toBe(false);
  });

  it('without an app secret every call is refused', () => {
    const receiver = connector().webhook!({ ...settings, appSecret: '' }, env);
    const hook = facebookFeedWebhook(page.id, [], '');
    expect(receiver.authenticate({ rawBody: Buffer.from(hook.body), headers: hook.headers, query: {} })).toBe(false);
  });
});
