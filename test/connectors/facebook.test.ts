// Facebook Pages specifics against the fake Graph server: cursor paging, publishing (link, photos,
// scheduling), every documented error shape mapped to its typed error, the fake's strictness, and the
// webhook handshake, signature and feed parsing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BadRequest, RateLimited, TokenExpired, Unauthorized, Unavailable } from '../../src/connectors/errors.ts';
import {
  checkFacebookSignature,
  commentRecord,
  commentsReader,
  FacebookGraph,
  facebookHandshake,
  facebookRetryAfterMs,
  facebookUsagePercent,
  pagePublisher,
  parseFacebookFeed,
  parseGraphTime,
} from '../../src/connectors/facebook/index.ts';
import { type FacebookFailure, FacebookFake } from '../fakes/facebook.ts';
import { facebookFeedWebhook } from '../fakes/webhooks.ts';
import { captureLog } from './harnesses.ts';

let fake: FacebookFake;
let page: { id: string; name: string; token: string };
let graph: FacebookGraph;
let log: ReturnType<typeof captureLog>;

beforeEach(async () => {
  fake = await FacebookFake.start({ seed: 7 });
  page = fake.addPage({ name: 'Phường 12 Quận 10' });
  log = captureLog();
  graph = new FacebookGraph({ baseUrl: fake.url, pageAccessToken: page.token, timeoutMs: 300, throttleFallbackMs: 123_000, log });
});
afterEach(async () => {
  await fake.close();
});

const citizen = { id: '100077', name: 'Nguyễn Văn A' };

describe('reading', () => {
  it('pages through the feed with cursors; the last page has none and the token-bearing next URL never leaks', async () => {
    for (let i = 0; i < 5; i++) fake.seedPost(page.id, { message: `Tin ${i}` });
    const first = await graph.listPagePosts(page.id, { limit: 2 });
    expect(first.items.map((p) => p.message)).toEqual(['Tin 4', 'Tin 3']);
    expect(first.after).toBeTruthy();
    expect(JSON.stringify(first)).not.toContain(page.token);
    const second = await graph.listPagePosts(page.id, { limit: 2, after: first.after });
    const third = await graph.listPagePosts(page.id, { limit: 2, after: second.after });
    expect(third.items.map((p) => p.message)).toEqual(['Tin 0']);
    expect(third.after).toBeUndefined();
    const feed = fake.server.requestsTo(`/v23.0/${page.id}/feed`);
    expect(feed[0]?.query.get('fields')).toBe('id,message,story,created_time,permalink_url,from');
    expect(feed[1]?.query.get('after')).toBe(first.after);
  });

  it('reads comments with filter=stream: replies carry their parent comment, all share the post as thread', async () => {
    const post = fake.seedPost(page.id, { message: 'Lịch tiêm chủng' });
    const top = fake.seedComment(post.id, { message: 'Ở đâu vậy ạ?', from: citizen });
    const reply = fake.seedComment(top.id, { message: 'Trạm y tế phường', from: { id: page.id, name: page.name } });
    const { items } = await commentsReader(graph, post.id).read();
    expect(items.map((r) => [r.externalId, r.parentExternalId, r.threadExternalId])).toEqual([
      [reply.id, top.id, post.id],
      [top.id, post.id, post.id],
    ]);
    expect(items[1]).toMatchObject({ kind: 'comment', authorExternalId: citizen.id, authorName: citizen.name, text: 'Ở đâu vậy ạ?' });
    const sent = fake.server.requestsTo(`/v23.0/${post.id}/comments`)[0];
    expect(sent?.query.get('filter')).toBe('stream');
    expect(sent?.query.get('order')).toBe('reverse_chronological');
  });

  it('drops comments whose id Graph withheld and parses Graph times', () => {
    expect(commentRecord({ created_time: '2026-01-01T00:00:00+0000', message: 'x' }, '1_2')).toBeNull();
    expect(parseGraphTime('2026-01-01T07:30:00+0700').toISOString()).toBe('2026-01-01T00:30:00.000Z');
    expect(parseGraphTime(1_767_225_600).toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('an unknown object is a BadRequest with Graph’s message', async () => {
    const e = await graph.listComments('999_999').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BadRequest);
    expect((e as BadRequest).platformMessage).toContain('does not exist');
    expect((e as BadRequest).code).toBe('100/33');
  });

  it('uses the configured version; a bad one is answered by Graph and mapped to BadRequest', async () => {
    const other = new FacebookGraph({ baseUrl: fake.url, pageAccessToken: page.token, version: 'v20.0' });
    await other.listPagePosts(page.id);
    expect(fake.server.requests.at(-1)?.path).toBe(`/v20.0/${page.id}/feed`);
    const broken = new FacebookGraph({ baseUrl: fake.url, pageAccessToken: page.token, version: 'latest' });
    await expect(broken.listPagePosts(page.id)).rejects.toBeInstanceOf(BadRequest);
  });
});

describe('publishing', () => {
  it('publishes a post with a link and returns id and permalink', async () => {
    const result = await graph.publishPost(page.id, { message: 'Thông báo tuyển sinh lớp 6', link: 'https://phuong12.example.vn/tin/1' });
    expect(result.id).toMatch(new RegExp(`^${page.id}_\\d+$`));
    expect(result.permalinkUrl).toMatch(/^https:\/\/www\.facebook\.com\//);
    const [post] = fake.published(page.id);
    expect(post).toMatchObject({ id: result.id, message: 'Thông báo tuyển sinh lớp 6', link: 'https://phuong12.example.vn/tin/1', published: true });
    const req = fake.server.requestsTo(`/v23.0/${page.id}/feed`, 'POST')[0];
    expect(req?.query.get('fields')).toBe('id,permalink_url');
    expect(req?.headers['content-type']).toBe('application/json');
  });

  it('uploads photos unpublished, attaches them, and appends the link to the message', async () => {
    const result = await pagePublisher(graph, page.id).publish({ title: 'Ngày hội', text: 'Hình ảnh ngày hội', link: 'https://phuong12.example.vn/tin/2', imageUrls: ['https://cdn.example/a.jpg', 'https://cdn.example/b.jpg'] });
    const photos = [...fake.photos.values()];
    expect(photos).toHaveLength(2);
    expect(photos.every((p) => !p.published && p.attachedTo === result.externalId)).toBe(true);
    const [post] = fake.published(page.id);
    expect(post?.attached_media).toEqual(photos.map((p) => p.id));
    expect(post?.link).toBeUndefined();
    expect(post?.message).toBe('Ngày hội\n\nHình ảnh ngày hội\n\nhttps://phuong12.example.vn/tin/2');
  });

  it('refuses to attach a photo twice (Graph’s documented error)', async () => {
    const { id } = await graph.uploadUnpublishedPhoto(page.id, 'https://cdn.example/a.jpg');
    await graph.publishPost(page.id, { message: 'Một', attachedMedia: [id] });
    await expect(graph.publishPost(page.id, { message: 'Hai', attachedMedia: [id] })).rejects.toBeInstanceOf(BadRequest);
  });

  it('schedules within the window and refuses outside it', async () => {
    const inTwoDays = new Date(Date.now() + 2 * 86_400_000);
    await graph.publishPost(page.id, { message: 'Hẹn giờ', scheduledPublishTime: inTwoDays });
    const [post] = fake.published(page.id);
    expect(post).toMatchObject({ published: false, scheduled_publish_time: Math.floor(inTwoDays.getTime() / 1000) });
    expect((await graph.listPagePosts(page.id)).items).toEqual([]);
    const e = await graph.publishPost(page.id, { message: 'Quá sớm', scheduledPublishTime: new Date(Date.now() + 60_000) }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BadRequest);
    expect((e as BadRequest).platformMessage).toContain('scheduled publish time is invalid');
  });

  it('checks a post locally before any request', async () => {
    const before = fake.server.requests.length;
    await expect(graph.publishPost(page.id, {})).rejects.toBeInstanceOf(BadRequest);
    await expect(graph.publishPost(page.id, { message: 'x'.repeat(63_207) })).rejects.toBeInstanceOf(BadRequest);
    expect(fake.server.requests.length).toBe(before);
  });

  it('posting to a Page the token does not manage is Unauthorized', async () => {
    const other = fake.addPage();
    await expect(graph.publishPost(other.id, { message: 'x' })).rejects.toBeInstanceOf(Unauthorized);
  });

  it('subscribes the app to feed webhooks', async () => {
    expect(await graph.subscribeApp(page.id)).toBe(true);
    expect(fake.subscriptions.get(page.id)).toEqual(['feed']);
  });
});

describe('error shapes', () => {
  const cases: [string, FacebookFailure, (e: unknown) => void][] = [
    ['190/463 session expired', 'tokenExpired', (e) => expect(e).toBeInstanceOf(TokenExpired)],
    ['190 invalid token', 'tokenInvalid', (e) => {
        expect(e).toBeInstanceOf(Unauthorized);
        expect(e).not.toBeInstanceOf(TokenExpired);
      },
    ],
    ['#200 permission', 'permission', (e) => expect(e).toBeInstanceOf(Unauthorized)],
    ['368/1390008 posting too fast', 'postingTooFast', (e) => expect(e).toMatchObject({ kind: 'rate_limited', retryAfterMs: 123_000, code: '368/1390008' })],
    ['368/1346003 content flagged', 'contentFlagged', (e) => expect(e).toBeInstanceOf(BadRequest)],
    ['code 1 transient', 'unknownError', (e) => expect(e).toBeInstanceOf(Unavailable)],
    ['#4 app limit (X-App-Usage only)', { throttled: 4 }, (e) => expect(e).toMatchObject({ kind: 'rate_limited', retryAfterMs: 123_000 })],
    ['#17 user limit', { throttled: 17 }, (e) => expect(e).toBeInstanceOf(RateLimited)],
    ['#613 rate limit', { throttled: 613 }, (e) => expect(e).toBeInstanceOf(RateLimited)],
    ['#32 page limit with BUC regain time', { throttled: 32, regainMinutes: 12 }, (e) => expect(e).toMatchObject({ kind: 'rate_limited', retryAfterMs: 12 * 60_000 })],
    ['#80001 BUC limit', { throttled: 80001, regainMinutes: 3 }, (e) => expect(e).toMatchObject({ kind: 'rate_limited', retryAfterMs: 3 * 60_000 })],
    ['429 with Retry-After', { http429: true, retryAfter: '120' }, (e) => expect(e).toMatchObject({ kind: 'rate_limited', retryAfterMs: 120_000 })],
    ['429 without Retry-After', { http429: true }, (e) => expect(e).toMatchObject({ kind: 'rate_limited', retryAfterMs: 123_000 })],
    ['500 Graph error', { serverError: 500 }, (e) => expect(e).toBeInstanceOf(Unavailable)],
    ['502 HTML', { serverError: 502, bare: true }, (e) => expect(e).toBeInstanceOf(Unavailable)],
  ];
  it.each(cases)('%s', async (_name, failure, check) => {
    fake.fail(failure);
    const e = await graph.listPagePosts(page.id).catch((x: unknown) => x);
    check(e);
    expect(String((e as Error).message)).not.toContain(page.token);
  });

  it('throttling is also mapped on writes', async () => {
    fake.fail('postingTooFast', { method: 'POST' });
    await expect(graph.publishPost(page.id, { message: 'x' })).rejects.toBeInstanceOf(RateLimited);
    expect(fake.published()).toHaveLength(0);
  });

  it('reads usage headers', () => {
    const headers = new Headers({
      'x-app-usage': '{"call_count":45,"total_cputime":10,"total_time":12}',
      'x-business-use-case-usage': '{"1":[{"type":"pages","call_count":96,"total_cputime":5,"total_time":5,"estimated_time_to_regain_access":0}]}',
    });
    expect(facebookUsagePercent(headers)).toBe(96);
    expect(facebookUsagePercent(new Headers())).toBeUndefined();
    expect(facebookRetryAfterMs(headers, 5000)).toBe(5000);
    expect(facebookRetryAfterMs(new Headers({ 'retry-after': '9', 'x-business-use-case-usage': '{"1":[{"estimated_time_to_regain_access":30}]}' }), 5000)).toBe(9000);
  });

  it('logs URLs with the token redacted', async () => {
    await graph.listPagePosts(page.id);
    expect(log.lines.join('\n')).toContain('access_token=[redacted]');
    expect(log.lines.join('\n')).not.toContain(page.token);
  });
});

describe('the fake refuses drift', () => {
  const get = async (path: string) => {
    const res = await fetch(`${fake.url}${path}`);
    return { status: res.status, body: (await res.json()) as { error: { code: number; message: string } } };
  };
  it('requires a version, a token, known fields, and rejects deprecated ones', async () => {
    expect((await get(`/${page.id}/feed?access_token=${page.token}`)).body.error.code).toBe(2500);
    expect((await get(`/v23.0/${page.id}/feed`)).body.error.code).toBe(2500);
    expect((await get(`/v23.0/${page.id}/feed?access_token=nope`)).body.error.code).toBe(190);
    expect((await get(`/v23.0/${page.id}/feed?fields=id,bogus&access_token=${page.token}`)).body.error.message).toContain('nonexisting field (bogus)');
    expect((await get(`/v23.0/${page.id}/feed?fields=id,link&access_token=${page.token}`)).body.error.code).toBe(12);
    expect((await get(`/v23.0/${page.id}/feed?after=garbage&access_token=${page.token}`)).body.error.code).toBe(100);
  });
  it('requires a JSON or form body on writes, and a message or attachment', async () => {
    const post = (body: string, type: string) => fetch(`${fake.url}/v23.0/${page.id}/feed?access_token=${page.token}`, { method: 'POST', headers: { 'content-type': type }, body }).then((r) => r.json() as Promise<{ error?: { code: number; message: string } }>);
    expect((await post('message=hi', 'text/plain')).error?.code).toBe(100);
    expect((await post('{}', 'application/json')).error?.message).toContain('Missing message or attachment');
    expect((await post('message=Xin%20ch%C3%A0o', 'application/x-www-form-urlencoded')).error).toBeUndefined();
  });
});

describe('webhooks', () => {
  const secret = 'app-secret-xyz';
  it('answers the subscription handshake only with the right token', () => {
    const query = { 'hub.mode': 'subscribe', 'hub.challenge': '1158201444', 'hub.verify_token': 'dung-token' };
    expect(facebookHandshake(query, 'dung-token')).toEqual({ status: 200, body: '1158201444' });
    expect(facebookHandshake({ ...query, 'hub.verify_token': 'sai' }, 'dung-token').status).toBe(403);
    expect(facebookHandshake({ ...query, 'hub.mode': 'unsubscribe' }, 'dung-token').status).toBe(403);
    expect(facebookHandshake({ 'hub.mode': 'subscribe', 'hub.verify_token': 'dung-token' }, 'dung-token').status).toBe(403);
  });

  it('checks the signature over the raw bytes with the app secret', () => {
    const hook = facebookFeedWebhook(page.id, [{ item: 'status', verb: 'add', post_id: `${page.id}_1`, message: 'Xin chào' }], secret);
    expect(checkFacebookSignature(hook.body, hook.headers['x-hub-signature-256'], secret)).toBe(true);
    expect(checkFacebookSignature(hook.body, hook.headers['x-hub-signature-256'], 'other-secret')).toBe(false);
    expect(checkFacebookSignature(hook.body, hook.headers['x-hub-signature-256'], '')).toBe(false);
    expect(checkFacebookSignature(hook.body, hook.headers['x-hub-signature-256']?.toUpperCase().replace('SHA256', 'sha256'), secret)).toBe(true);
  });

  it('turns feed changes into neutral events and skips the rest', () => {
    const hook = facebookFeedWebhook(
      page.id,
      [
        { item: 'status', verb: 'add', post_id: `${page.id}_1`, created_time: 1_767_225_600, message: 'Bài mới của trang' },
        { item: 'post', verb: 'edited', post_id: `${page.id}_2`, from: citizen, message: 'Bài sửa' },
        { item: 'comment', verb: 'add', post_id: `${page.id}_1`, comment_id: '1_10', parent_id: '1_9', from: citizen, message: 'Trả lời', created_time: 1_767_225_660 },
        { item: 'comment', verb: 'remove', post_id: `${page.id}_1`, comment_id: '1_11', parent_id: `${page.id}_1` },
        { item: 'reaction', verb: 'add', post_id: `${page.id}_1`, reaction_type: 'like', from: citizen },
        { item: 'like', verb: 'add', post_id: `${page.id}_1` },
      ],
      secret,
    );
    const events = parseFacebookFeed(Buffer.from(hook.body));
    expect(events).toEqual([
      { type: 'upsert', record: { kind: 'post', externalId: `${page.id}_1`, authorExternalId: page.id, createdAt: new Date('2026-01-01T00:00:00Z'), text: 'Bài mới của trang', parentExternalId: undefined, threadExternalId: undefined, authorName: undefined } },
      { type: 'upsert', record: expect.objectContaining({ kind: 'post', externalId: `${page.id}_2`, authorExternalId: citizen.id, text: 'Bài sửa' }) },
      { type: 'upsert', record: expect.objectContaining({ kind: 'comment', externalId: '1_10', parentExternalId: '1_9', threadExternalId: `${page.id}_1`, authorExternalId: citizen.id, createdAt: new Date('2026-01-01T00:01:00Z') }) },
      { type: 'remove', externalId: '1_11', parentExternalId: `${page.id}_1`, kind: 'comment' },
    ]);
  });

  it('keeps large numeric ids exact and refuses other objects', () => {
    const body = `{"object":"page","entry":[{"id":1234567890123456789,"time":1,"changes":[{"field":"feed","value":{"item":"status","verb":"add","post_id":"1_2","message":"x","sender_id":1234567890123456789}}]}]}`;
    const [event] = parseFacebookFeed(body);
    expect(event?.type === 'upsert' && event.record.authorExternalId).toBe('1234567890123456789');
    expect(() => parseFacebookFeed('{"object":"instagram","entry":[]}')).toThrow(BadRequest);
  });
});
