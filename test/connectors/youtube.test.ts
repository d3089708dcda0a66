// YouTube specifics against the fake Data API: paging and flattened threads, quota accounting (local budget,
// the platform's quotaExceeded, the Pacific-midnight reset), error reasons, and resumable uploads —
// 308 then 200, resuming after a dropped chunk, after 429, and from a stored session URL.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BadRequest, QuotaExceeded, RateLimited, TokenExpired, Unauthorized, Unavailable } from '../../src/connectors/errors.ts';
import { videoFromBytes } from '../../src/connectors/video.ts';
import {
  channelPublisher,
  commentThreadsReader,
  fitTitle,
  MemoryQuotaLedger,
  QuotaBudget,
  resumeUpload,
  startUpload,
  uploadVideo,
  type VideoMetadata,
  YouTubeData,
} from '../../src/connectors/youtube/index.ts';
import { YouTubeFake, type YouTubeFakeOptions } from '../fakes/youtube.ts';
import { captureLog } from './harnesses.ts';

let fake: YouTubeFake;
let channel: ReturnType<YouTubeFake['addChannel']>;
let sleeps: number[];

async function setup(options: YouTubeFakeOptions = {}, budget = new QuotaBudget({ dailyBudget: 100_000 })) {
  fake = await YouTubeFake.start({ seed: 5, ...options });
  channel = fake.addChannel({ title: 'Quận 10 TV' });
  sleeps = [];
  return new YouTubeData({
    baseUrl: fake.apiBase,
    uploadBaseUrl: fake.uploadBase,
    accessToken: channel.token,
    quota: budget,
    chunkSize: 256 * 1024,
    maxChunkRetries: 3,
    timeoutMs: 300,
    sleep: async (ms) => void sleeps.push(ms),
  });
}
afterEach(async () => {
  await fake?.close();
});

const viewer = (i: number) => ({ name: `Khán giả ${i}`, channelId: `UCviewer${i}` });
const bytes = (n: number) => new Uint8Array(n).map((_, i) => (i * 7) % 256);
const meta: VideoMetadata = { title: 'Hướng dẫn đăng ký tạm trú', description: 'Video hướng dẫn của Công an Phường 12', privacyStatus: 'public' };

describe('comment threads', () => {
  it('pages with nextPageToken and flattens replies under their top-level comment', async () => {
    const yt = await setup();
    const video = fake.seedVideo(channel.id);
    const first = fake.seedThread({ videoId: video.id }, { text: 'Đường Sư Vạn Hạnh kẹt xe', author: viewer(1), replies: [{ text: 'Đúng vậy', author: viewer(2) }] });
    fake.seedThread({ videoId: video.id }, { text: 'Cảm ơn phường', author: viewer(3) });
    const reader = commentThreadsReader(yt, { videoId: video.id });
    const page1 = await reader.read({ limit: 1 });
    expect(page1.items.map((r) => r.text)).toEqual(['Cảm ơn phường']);
    const page2 = await reader.read({ limit: 1, cursor: page1.cursor });
    expect(page2.cursor).toBeUndefined();
    expect(page2.items).toEqual([
      expect.objectContaining({ externalId: first.id, parentExternalId: video.id, threadExternalId: video.id, authorExternalId: 'UCviewer1', authorName: 'Khán giả 1', text: 'Đường Sư Vạn Hạnh kẹt xe', url: `https://www.youtube.com/watch?v=${video.id}&lc=${first.id}` }),
      expect.objectContaining({ externalId: first.replies[0]?.id, parentExternalId: first.id, threadExternalId: video.id, text: 'Đúng vậy' }),
    ]);
    const q = fake.server.requestsTo('/youtube/v3/commentThreads')[0]?.query;
    expect(Object.fromEntries(q ?? [])).toMatchObject({ part: 'id,snippet,replies', videoId: video.id, order: 'time', textFormat: 'plainText', maxResults: '1' });
    expect(fake.server.requestsTo('/youtube/v3/commentThreads')[0]?.headers.authorization).toBe(`Bearer ${channel.token}`);
  });

  it('includes only the replies the API includes (a documented limit)', async () => {
    const yt = await setup({ repliesPerThread: 2 });
    const video = fake.seedVideo(channel.id);
    fake.seedThread({ videoId: video.id }, { text: 'Gốc', author: viewer(1), replies: [1, 2, 3].map((i) => ({ text: `Trả lời ${i}`, author: viewer(i) })) });
    const { items } = await commentThreadsReader(yt, { videoId: video.id }).read();
    expect(items.map((r) => r.text)).toEqual(['Gốc', 'Trả lời 1', 'Trả lời 2']);
  });

  it('reads channel discussions without a video, parented to the channel', async () => {
    const yt = await setup();
    fake.seedThread({ channelId: channel.id }, { text: 'Kênh có lịch tiếp dân không?', author: viewer(4) });
    const { items } = await commentThreadsReader(yt, { allThreadsRelatedToChannelId: channel.id }).read();
    expect(items[0]).toMatchObject({ parentExternalId: channel.id, url: undefined });
  });

  it.each([
    ['commentsDisabled', { commentsDisabled: true }, 'commentsDisabled'],
    ['videoNotFound', null, 'videoNotFound'],
  ])('%s → BadRequest with the reason', async (_n, videoOptions, reason) => {
    const yt = await setup();
    const id = videoOptions ? fake.seedVideo(channel.id, videoOptions).id : 'doesNotExist';
    const e = await yt.listCommentThreads({ videoId: id }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BadRequest);
    expect((e as BadRequest).code).toBe(reason);
  });

  it('an invalid page token → BadRequest invalidPageToken', async () => {
    const yt = await setup();
    const video = fake.seedVideo(channel.id);
    const e = await yt.listCommentThreads({ videoId: video.id }, { pageToken: 'bogus' }).catch((x: unknown) => x);
    expect(e).toMatchObject({ kind: 'bad_request', code: 'invalidPageToken' });
  });

  it.each([
    ['authError 401', 'authError' as const, TokenExpired],
    ['rateLimitExceeded 403', 'rateLimitExceeded' as const, RateLimited],
    ['backendError 503', 'backendError' as const, Unavailable],
    ['quotaExceeded 403', 'quotaExceeded' as const, QuotaExceeded],
  ])('%s → typed error', async (_n, failure, type) => {
    const yt = await setup();
    const video = fake.seedVideo(channel.id);
    fake.fail(failure);
    const e = await yt.listCommentThreads({ videoId: video.id }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(type);
    expect((e as Error).message).not.toContain(channel.token);
    expect((e as Error).message).not.toContain('<a href');
  });

  it('no credentials → refused before any request; a missing or revoked key → Unauthorized', async () => {
    await setup();
    const none = new YouTubeData({ baseUrl: fake.apiBase });
    await expect(none.listCommentThreads({ videoId: 'x' })).rejects.toMatchObject({ kind: 'bad_request', code: 'noCredentials' });
    expect(fake.server.requests).toHaveLength(0);
    const res = await fetch(`${fake.apiBase}/commentThreads?part=snippet&videoId=x`);
    expect(res.status).toBe(403);
    const revoked = new YouTubeData({ baseUrl: fake.apiBase, apiKey: channel.apiKey });
    fake.revokeApiKey(channel.apiKey);
    await expect(revoked.listCommentThreads({ videoId: 'x' })).rejects.toBeInstanceOf(Unauthorized);
  });

  it('the fake refuses drift: no part, no filter, two filters, maxResults out of range', async () => {
    await setup();
    const get = async (query: string) => ((await (await fetch(`${fake.apiBase}/commentThreads?key=${channel.apiKey}&${query}`)).json()) as { error: { errors: { reason: string }[] } }).error.errors[0]?.reason;
    expect(await get('videoId=x')).toBe('missingRequiredParameter');
    expect(await get('part=snippet')).toBe('missingRequiredParameter');
    expect(await get('part=snippet&videoId=x&allThreadsRelatedToChannelId=y')).toBe('incompatibleParameters');
    expect(await get('part=snippet&id=a&maxResults=5')).toBe('incompatibleParameters');
    expect(await get('part=snippet&videoId=x&maxResults=101')).toBe('invalidParameter');
    expect(await get('part=snippet,statistics&videoId=x')).toBe('unknownPart');
  });
});

describe('quota accounting', () => {
  it('charges each call and refuses locally once the budget is spent, without a request', async () => {
    const budget = new QuotaBudget({ dailyBudget: 3 });
    const yt = await setup({}, budget);
    const video = fake.seedVideo(channel.id);
    for (let i = 0; i < 3; i++) await yt.listCommentThreads({ videoId: video.id });
    expect(await budget.remaining()).toBe(0);
    const before = fake.server.requests.length;
    const e = await yt.listCommentThreads({ videoId: video.id }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(QuotaExceeded);
    expect((e as QuotaExceeded).code).toBe('localBudget');
    expect(fake.server.requests.length).toBe(before);
  });

  it('when the platform says quotaExceeded, the day is marked spent', async () => {
    const budget = new QuotaBudget({ dailyBudget: 1000 });
    const yt = await setup({ dailyQuota: 2 }, budget);
    const video = fake.seedVideo(channel.id);
    await yt.listCommentThreads({ videoId: video.id });
    await yt.listCommentThreads({ videoId: video.id });
    const e = (await yt.listCommentThreads({ videoId: video.id }).catch((x: unknown) => x)) as QuotaExceeded;
    expect(e).toBeInstanceOf(QuotaExceeded);
    expect(e.code).toBe('quotaExceeded');
    expect(e.resetAt.getTime()).toBe(budget.resetAt().getTime());
    expect(await budget.remaining()).toBe(0);
  });

  it('resets at midnight Pacific Time, across daylight-saving changes', () => {
    let now = new Date('2026-03-07T20:00:00Z'); // 12:00 PST
    const budget = new QuotaBudget({ now: () => now });
    expect(budget.day()).toBe('2026-03-07');
    expect(budget.resetAt().toISOString()).toBe('2026-03-08T08:00:00.000Z'); // midnight PST
    now = new Date('2026-03-08T12:00:00Z'); // 05:00 PDT, the day clocks moved
    expect(budget.resetAt().toISOString()).toBe('2026-03-09T07:00:00.000Z'); // midnight PDT
    now = new Date('2026-01-01T07:59:59Z'); // 23:59:59 PST on 31 Dec
    expect(budget.day()).toBe('2025-12-31');
  });

  it('a new day has a new budget; costs are configurable; a shared ledger is respected', async () => {
    let now = new Date('2026-05-01T12:00:00Z');
    const ledger = new MemoryQuotaLedger();
    const a = new QuotaBudget({ dailyBudget: 100, costs: { 'videos.insert': 60 }, ledger, now: () => now });
    const b = new QuotaBudget({ dailyBudget: 100, costs: { 'videos.insert': 60 }, ledger, now: () => now });
    const results = await Promise.allSettled([a.spend('videos.insert'), b.spend('videos.insert')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await a.remaining()).toBe(40);
    now = new Date('2026-05-02T12:00:00Z');
    expect(await a.remaining()).toBe(100);
  });

  it('uploadLimitExceeded → QuotaExceeded for about a day, and the daily budget is not marked spent', async () => {
    const budget = new QuotaBudget({ dailyBudget: 100_000 });
    const yt = await setup({}, budget);
    fake.fail('uploadLimitExceeded', { method: 'POST' });
    const e = (await uploadVideo(yt, meta, videoFromBytes(bytes(1000))).catch((x: unknown) => x)) as QuotaExceeded;
    expect(e).toBeInstanceOf(QuotaExceeded);
    expect(e.code).toBe('uploadLimitExceeded');
    const wait = e.retryAfterMs();
    expect(wait).toBeGreaterThan(23 * 3_600_000);
    expect(wait).toBeLessThanOrEqual(24 * 3_600_000);
    expect(await budget.remaining()).toBe(100_000 - 1600);
  });
});

describe('resumable upload', () => {
  it('initiates, gets 308 with Range, then 200 with the video', async () => {
    const yt = await setup();
    const data = bytes(300 * 1024);
    let session = '';
    const video = await uploadVideo(yt, { ...meta, tags: ['phường 12'], notifySubscribers: false }, videoFromBytes(data), { onSession: (url) => void (session = url) });
    expect(video.url).toBe(`https://www.youtube.com/watch?v=${video.id}`);
    expect(video.privacyStatus).toBe('public');
    expect(session).toContain('upload_id=');
    const [init, ...puts] = fake.server.requestsTo('/upload/youtube/v3/videos');
    expect(init?.method).toBe('POST');
    expect(Object.fromEntries(init?.query ?? [])).toEqual({ uploadType: 'resumable', part: 'snippet,status', notifySubscribers: 'false' });
    expect(init?.headers['x-upload-content-length']).toBe(String(data.length));
    expect(init?.headers['x-upload-content-type']).toBe('video/mp4');
    expect(JSON.parse(init?.rawBody.toString() ?? '{}')).toEqual({ snippet: { title: meta.title, description: meta.description, tags: ['phường 12'] }, status: { privacyStatus: 'public', selfDeclaredMadeForKids: false } });
    expect(puts.map((p) => p.headers['content-range'])).toEqual([`bytes 0-262143/${data.length}`, `bytes 262144-${data.length - 1}/${data.length}`]);
    const [stored] = fake.uploads();
    expect(stored?.upload?.bytes.equals(Buffer.from(data))).toBe(true);
    expect(fake.quotaUsed).toBe(1600);
  });

  it('after a dropped chunk, asks what the server holds and resumes from there', async () => {
    const yt = await setup();
    const data = bytes(600 * 1024);
    fake.failNextChunk({ status: 503, keepBytes: 100_000 });
    const video = await uploadVideo(yt, meta, videoFromBytes(data));
    const ranges = fake.server.requestsTo('/upload/youtube/v3/videos', 'PUT').map((p) => p.headers['content-range']);
    expect(ranges).toEqual([`bytes 0-262143/${data.length}`, `bytes */${data.length}`, `bytes 100000-362143/${data.length}`, `bytes 362144-${data.length - 1}/${data.length}`]);
    expect(fake.videos.get(video.id)?.upload?.bytes.equals(Buffer.from(data))).toBe(true);
    expect(sleeps).toEqual([1000]);
  });

  it('honours Retry-After on a 429 chunk', async () => {
    const yt = await setup();
    fake.failNextChunk({ status: 429, retryAfter: '5' });
    await uploadVideo(yt, meta, videoFromBytes(bytes(1000)));
    expect(sleeps).toEqual([5000]);
    expect(fake.uploads()).toHaveLength(1);
  });

  it('resumes a stored session URL in a new process', async () => {
    const yt = await setup({ completeStatus: 201 });
    const data = bytes(700 * 1024);
    const source = videoFromBytes(data);
    const session = await startUpload(yt, meta, source);
    const crashing = resumeUpload(yt, session, source, {
      fresh: true,
      onProgress: () => {
        throw new Error('process stopped');
      },
    });
    await expect(crashing).rejects.toThrow('process stopped');
    const fresh = new YouTubeData({ baseUrl: fake.apiBase, uploadBaseUrl: fake.uploadBase, accessToken: channel.token, chunkSize: 512 * 1024 });
    const video = await resumeUpload(fresh, session, source);
    expect(fake.videos.get(video.id)?.upload?.bytes.equals(Buffer.from(data))).toBe(true);
    const ranges = fake.server.requestsTo('/upload/youtube/v3/videos', 'PUT').map((p) => p.headers['content-range']);
    expect(ranges).toEqual([`bytes 0-262143/${data.length}`, `bytes */${data.length}`, `bytes 262144-${data.length - 1}/${data.length}`]);
    expect(fake.quotaUsed).toBe(1600);
  });

  it('gives up after maxChunkRetries failures in a row', async () => {
    const yt = await setup();
    for (let i = 0; i < 10; i++) fake.fail({ serverError: 503 }, { method: 'PUT' });
    await expect(uploadVideo(yt, meta, videoFromBytes(bytes(1000)))).rejects.toBeInstanceOf(Unavailable);
    expect(sleeps).toEqual([1000, 2000, 4000]);
  });

  it('an expired session is a BadRequest (start a new upload)', async () => {
    const yt = await setup();
    await expect(resumeUpload(yt, `${fake.uploadBase}/videos?uploadType=resumable&upload_id=gone`, videoFromBytes(bytes(10)))).rejects.toBeInstanceOf(BadRequest);
  });

  it('an unverified project gets a private video whatever was asked', async () => {
    const yt = await setup({ unverifiedProject: true });
    const video = await uploadVideo(yt, meta, videoFromBytes(bytes(10)));
    expect(video.privacyStatus).toBe('private');
  });

  it('checks title and description before spending quota; the publisher fits them', async () => {
    const budget = new QuotaBudget({ dailyBudget: 10_000 });
    const yt = await setup({}, budget);
    await expect(uploadVideo(yt, { ...meta, title: 'x'.repeat(101) }, videoFromBytes(bytes(10)))).rejects.toMatchObject({ kind: 'bad_request', code: 'invalidTitle' });
    await expect(uploadVideo(yt, { ...meta, description: 'a <b> tag' }, videoFromBytes(bytes(10)))).rejects.toMatchObject({ code: 'invalidDescription' });
    expect(await budget.remaining()).toBe(10_000);
    expect(fake.server.requests).toHaveLength(0);
    const long = 'Hội nghị tổng kết công tác tuyên giáo năm 2026 của Quận 10 với sự tham dự của đại diện các phường và đơn vị';
    expect([...fitTitle(long)]).toHaveLength(100);
    await channelPublisher(yt).publish({ title: long, text: 'Điểm <mới> năm nay', video: videoFromBytes(bytes(10)) });
    const [stored] = fake.uploads();
    expect(stored?.upload?.snippet.title).toBe(fitTitle(long));
    expect(stored?.upload?.snippet.description).toBe('Điểm ‹mới› năm nay');
  });

  it('an expired token during upload → TokenExpired, token never logged', async () => {
    await setup();
    const log = captureLog();
    const yt = new YouTubeData({ baseUrl: fake.apiBase, uploadBaseUrl: fake.uploadBase, accessToken: () => channel.token, log, chunkSize: 256 * 1024 });
    fake.expireToken(channel.token);
    await expect(uploadVideo(yt, meta, videoFromBytes(bytes(10)))).rejects.toBeInstanceOf(TokenExpired);
    expect(log.lines.join('\n')).not.toContain(channel.token);
  });

  it('refuses a chunk size that is not a multiple of 256 KiB', () => {
    expect(() => new YouTubeData({ chunkSize: 1000 })).toThrow(/256 KiB/);
  });
});
