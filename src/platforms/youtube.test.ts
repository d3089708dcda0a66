// The YouTube channel source against the fake Data API: first and incremental polls, the daily budget
// kept in the cursor (refused once spent, restored after midnight Pacific), the platform's own
// quotaExceeded, and failures as typed kinds.
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { YouTubeFake } from '../../test/fakes/youtube.ts';
import { configurePlatforms, resetPlatforms } from './environment.ts';
import { classifyFailure } from './failures.ts';
import type { PollResult } from './types.ts';
import { type YouTubeChannelCursor, youtubePlatform, type YouTubeChannelSettings } from './youtube.ts';

let fake: YouTubeFake;
let channel: ReturnType<YouTubeFake['addChannel']>;
let videoId: string;
let settings: YouTubeChannelSettings;
let now = new Date('2026-04-01T12:00:00Z');
const connector = () => youtubePlatform({ maxPages: 2 }).listen!;
const log = pino({ level: 'silent' });
const viewer = (i: number) => ({ name: `Khán giả ${i}`, channelId: `UCviewer${i}` });

beforeEach(async () => {
  now = new Date('2026-04-01T12:00:00Z');
  fake = await YouTubeFake.start({ seed: 41 });
  configurePlatforms({ baseUrls: { youtube: fake.apiBase } });
  channel = fake.addChannel({ title: 'Quận 10 TV' });
  videoId = fake.seedVideo(channel.id).id;
  settings = connector().settings.parse({ channelId: channel.id, apiKey: channel.apiKey, dailyUnits: 3 });
});
afterEach(async () => {
  resetPlatforms();
  await fake.close();
});

const poll = (cursor: unknown, s = settings): Promise<PollResult> => connector().poll!({ settings: s, cursor, signal: new AbortController().signal, log, now, fetch });

describe('polling', () => {
  it('reads threads with their replies, then only what is new', async () => {
    const t1 = fake.seedThread({ videoId }, { text: 'Đường Ba Tháng Hai ngập', author: viewer(1), replies: [{ text: 'Nhà tôi cũng vậy', author: viewer(2) }] });
    const first = await poll(null);
    expect(first.posts.map((p) => p.externalId)).toEqual([t1.id, t1.replies[0]?.id]);
    expect(first.posts[0]).toMatchObject({ parentExternalId: videoId, authorExternalId: 'UCviewer1' });
    const t2 = fake.seedThread({ videoId }, { text: 'Cảm ơn phường đã xử lý', author: viewer(3) });
    const second = await poll(first.cursor);
    expect(second.posts.map((p) => p.externalId)).toContain(t2.id);
    expect(fake.server.requests.at(-1)?.query.get('allThreadsRelatedToChannelId')).toBe(channel.id);
    expect((second.cursor as YouTubeChannelCursor).quota).toEqual({ day: '2026-04-01', used: 2 });
  });

  it('stays within the daily units kept in the cursor, and starts again the next Pacific day', async () => {
    fake.seedThread({ videoId }, { text: 'Một', author: viewer(1) });
    let cursor: unknown = null;
    for (let i = 0; i < 3; i++) cursor = (await poll(cursor)).cursor;
    const before = fake.server.requests.length;
    const failure = classifyFailure(await poll(cursor).catch((e: unknown) => e), now.getTime());
    expect(failure.kind).toBe('quota_exceeded');
    expect(failure.retryAfterMs).toBe(Date.parse('2026-04-02T07:00:00Z') - now.getTime()); // midnight PDT
    expect(fake.server.requests.length).toBe(before);
    now = new Date('2026-04-02T07:00:01Z');
    const next = await poll(cursor);
    expect((next.cursor as YouTubeChannelCursor).quota).toEqual({ day: '2026-04-02', used: 1 });
  });

  it('the platform’s quotaExceeded and a revoked key are typed kinds', async () => {
    fake.fail('quotaExceeded');
    expect(classifyFailure(await poll(null).catch((e: unknown) => e)).kind).toBe('quota_exceeded');
    fake.revokeApiKey(channel.apiKey);
    const failure = classifyFailure(await poll(null).catch((e: unknown) => e));
    expect(failure.kind).toBe('unauthorized');
    expect(failure.message).not.toContain(channel.apiKey);
  });

  it('validates settings', () => {
    expect(connector().settings.safeParse({ channelId: 'not-a-channel', apiKey: channel.apiKey }).success).toBe(false);
    expect(connector().settings.parse({ channelId: channel.id, apiKey: channel.apiKey }).dailyUnits).toBe(2000);
  });
});
