// Zalo OA specifics against the fake: consultation messages, articles (create → token → verify → id),
// broadcasts, the HTTP-200 error envelope mapped to typed errors, token refresh (form body, secret_key
// header, single-use refresh tokens, one refresh at a time), and the webhook signature and events.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BadRequest, RateLimited, TokenExpired, Unauthorized, Unavailable } from '../../src/connectors/errors.ts';
import { checkZaloSignature, parseZaloEvent, tokenKeeper, ZaloOA, ZaloOAuth, type ZaloTokens, zaloSignature, zaloWebhook } from '../../src/connectors/zalo/index.ts';
import { ZaloFake } from '../fakes/zalo.ts';
import { zaloTextWebhook, zaloWebhook as signedZaloEvent } from '../fakes/webhooks.ts';
import { captureLog } from './harnesses.ts';

let fake: ZaloFake;
let tokens: { accessToken: string; refreshToken: string };
let oa: ZaloOA;
let log: ReturnType<typeof captureLog>;

beforeEach(async () => {
  fake = await ZaloFake.start({ seed: 9 });
  tokens = fake.issueTokens();
  log = captureLog();
  oa = new ZaloOA({ baseUrl: fake.url, accessToken: tokens.accessToken, timeoutMs: 300, rateLimitWaitMs: 45_000, log });
});
afterEach(async () => {
  await fake.close();
});

const article = { title: 'Thông báo lịch tiếp công dân', author: 'UBND Phường 12', description: 'Lịch tiếp công dân tháng 7', coverPhotoUrl: 'https://cdn.example/cover.jpg', body: [{ type: 'text' as const, content: 'Thứ Năm hằng tuần.' }] };

describe('messages and articles', () => {
  it('sends a consultation message with the user id as a string and the token in the header', async () => {
    const user = fake.addFollower();
    expect(user).toMatch(/^\d{19}$/);
    const { messageId } = await oa.sendText(user, 'Phường đã tiếp nhận phản ánh của anh/chị.', { quoteMessageId: 'cb31dff1c39642cc1b83' });
    expect(fake.messages).toEqual([{ messageId, userId: user, text: 'Phường đã tiếp nhận phản ánh của anh/chị.', quoteMessageId: 'cb31dff1c39642cc1b83' }]);
    const req = fake.server.requestsTo('/v3.0/oa/message/cs')[0];
    expect(req?.headers.access_token).toBe(tokens.accessToken);
    expect(req?.query.toString()).toBe('');
    expect(req?.rawBody.toString()).toContain(`"user_id":"${user}"`);
  });

  it('creates an article, exchanges the token for its id, and broadcasts it', async () => {
    const { id } = await oa.publishArticle(article);
    expect(fake.articles[0]).toMatchObject({ id, verified: true });
    expect(fake.articles[0]?.body).toMatchObject({ type: 'normal', cover: { cover_type: 'photo', photo_url: article.coverPhotoUrl, status: 'show' }, status: 'show', comment: 'show' });
    const { messageId } = await oa.broadcastArticle(id, { cities: 4 });
    expect(fake.broadcasts).toEqual([{ messageId, articleId: id, target: { cities: 4 } }]);
  });

  it('an unknown article or a non-follower is a BadRequest with Zalo’s message', async () => {
    const e = await oa.broadcastArticle('nope').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BadRequest);
    expect((e as BadRequest).code).toBe(-201);
    const f = (await oa.sendText('1234567890123456789', 'Chào').catch((x: unknown) => x)) as BadRequest;
    expect(f).toBeInstanceOf(BadRequest);
    expect(f.platformMessage).toContain('not followed');
  });

  it('refuses a user id that is not a numeric string before any request', async () => {
    await expect(oa.sendText('12e5', 'x')).rejects.toBeInstanceOf(BadRequest);
    expect(fake.server.requests).toHaveLength(0);
  });

  it('the fake refuses numeric user ids and non-JSON bodies (drift)', async () => {
    const post = (body: string, type = 'application/json') => fetch(`${fake.url}/v3.0/oa/message/cs`, { method: 'POST', headers: { access_token: tokens.accessToken, 'content-type': type }, body }).then((r) => r.json() as Promise<{ error: number; message: string }>);
    expect(await post('{"recipient":{"user_id":6142494823123456789},"message":{"text":"x"}}')).toMatchObject({ error: -201 });
    expect(await post('recipient=1', 'application/x-www-form-urlencoded')).toMatchObject({ error: -201 });
  });
});

describe('errors in the HTTP-200 envelope', () => {
  it.each([
    ['-216 token invalid', 'tokenInvalid' as const, TokenExpired],
    ['-230 no permission', 'noPermission' as const, Unauthorized],
    ['-32 rate limited (GUESS)', 'rateLimited' as const, RateLimited],
  ])('%s', async (_n, failure, type) => {
    const user = fake.addFollower();
    fake.fail(failure);
    const e = await oa.sendText(user, 'x').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(type);
    expect((e as { status?: number }).status).toBe(200);
    if (e instanceof RateLimited) expect(e.retryAfterMs).toBe(45_000);
    expect(fake.messages).toHaveLength(0);
  });

  it('an expired token is answered -216 on every call', async () => {
    fake.expireToken(tokens.accessToken);
    await expect(oa.publishArticle(article)).rejects.toBeInstanceOf(TokenExpired);
    expect(log.lines.join('\n')).not.toContain(tokens.accessToken);
  });

  it('the code table can be overridden per client', async () => {
    const strict = new ZaloOA({ baseUrl: fake.url, accessToken: tokens.accessToken, errorKinds: { [-213]: 'unauthorized' } });
    await expect(strict.sendText('1234567890123456789', 'x')).rejects.toBeInstanceOf(Unauthorized);
  });

  it('HTTP failures map by status', async () => {
    fake.fail({ serverError: 502 });
    await expect(oa.publishArticle(article)).rejects.toBeInstanceOf(Unavailable);
    fake.fail({ http429: true, retryAfter: '11' });
    await expect(oa.publishArticle(article)).rejects.toMatchObject({ kind: 'rate_limited', retryAfterMs: 11_000 });
  });
});

describe('token refresh', () => {
  const oauth = () => new ZaloOAuth({ appId: fake.appId, secretKey: fake.secretKey, baseUrl: fake.url, log });

  it('posts a form with the secret_key header and returns the new pair', async () => {
    const now = new Date('2026-07-01T00:00:00Z');
    const next = await oauth().refresh(tokens.refreshToken, now);
    expect(next.accessToken).not.toBe(tokens.accessToken);
    expect(next.expiresAt.toISOString()).toBe('2026-07-02T01:00:00.000Z');
    const req = fake.server.requestsTo('/v4/oa/access_token')[0];
    expect(req?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(req?.headers.secret_key).toBe(fake.secretKey);
    expect(Object.fromEntries(new URLSearchParams(req?.rawBody.toString()))).toEqual({ refresh_token: tokens.refreshToken, app_id: fake.appId, grant_type: 'refresh_token' });
    const fresh = new ZaloOA({ baseUrl: fake.url, accessToken: next.accessToken });
    expect((await fresh.publishArticle(article)).id).toBeTruthy();
  });

  it('a used refresh token or a wrong secret → Unauthorized (reconnect), secrets scrubbed', async () => {
    await oauth().refresh(tokens.refreshToken);
    const reused = (await oauth().refresh(tokens.refreshToken).catch((x: unknown) => x)) as Unauthorized;
    expect(reused).toBeInstanceOf(Unauthorized);
    expect(reused).not.toBeInstanceOf(TokenExpired);
    const wrong = new ZaloOAuth({ appId: fake.appId, secretKey: 'wrong-secret', baseUrl: fake.url, log });
    const e = (await wrong.refresh(tokens.refreshToken).catch((x: unknown) => x)) as Error;
    expect(e).toBeInstanceOf(Unauthorized);
    const text = [reused.message, e.message, ...log.lines].join('\n');
    for (const secret of [tokens.refreshToken, fake.secretKey, 'wrong-secret']) expect(text).not.toContain(secret);
  });

  it('tokenKeeper refreshes ahead of expiry, once for concurrent callers, saving before use', async () => {
    let now = new Date('2026-07-01T00:00:00Z');
    let stored: ZaloTokens = { ...tokens, expiresAt: new Date('2026-07-01T01:00:00Z') };
    const saves: string[] = [];
    const keeper = tokenKeeper({
      oauth: oauth(),
      load: async () => stored,
      save: async (t) => {
        saves.push(t.accessToken);
        stored = t;
      },
      now: () => now,
    });
    expect(await keeper.accessToken()).toBe(tokens.accessToken);
    now = new Date('2026-07-01T00:57:00Z'); // within the 5-minute margin
    const [a, b, c] = await Promise.all([keeper.accessToken(), keeper.accessToken(), keeper.accessToken()]);
    expect(new Set([a, b, c]).size).toBe(1);
    expect(a).not.toBe(tokens.accessToken);
    expect(saves).toEqual([a]);
    expect(fake.server.requestsTo('/v4/oa/access_token')).toHaveLength(1);
    const client = new ZaloOA({ baseUrl: fake.url, accessToken: keeper.accessToken });
    const user = fake.addFollower();
    await client.sendText(user, 'Xin chào');
    expect(fake.server.requestsTo('/v3.0/oa/message/cs')[0]?.headers.access_token).toBe(a);
  });
});

describe('webhooks', () => {
  const config = { appId: '2553928453557884079', oaSecretKey: 'oa-secret-key-abcdef' };
  const event = { appId: config.appId, oaId: '3662729599332560487', senderId: '6142494823123456789', text: 'Chào A4B', msgId: 'cb31dff1c39642cc1b83', timestamp: '1699003881354' };

  it('signs app_id + body + timestamp + OA secret key, the timestamp taken from the event', () => {
    const hook = zaloTextWebhook(event, config.oaSecretKey);
    expect(hook.headers['x-zevent-signature']).toBe(zaloSignature(hook.body, config, '1699003881354'));
    expect(checkZaloSignature(hook.body, hook.headers['x-zevent-signature'], config)).toBe(true);
    expect(checkZaloSignature(hook.body, hook.headers['x-zevent-signature'], { ...config, oaSecretKey: 'the-app-secret' })).toBe(false);
    expect(checkZaloSignature(hook.body, hook.headers['x-zevent-signature'], { ...config, appId: '1' })).toBe(false);
  });

  it('parses user_send_text with exact large ids, even when sent as bare numbers', () => {
    const hook = zaloTextWebhook(event, config.oaSecretKey, { rawIds: true });
    expect(hook.body).toContain('"id":6142494823123456789');
    expect(checkZaloSignature(hook.body, hook.headers['x-zevent-signature'], config)).toBe(true);
    expect(parseZaloEvent(hook.body)).toEqual([
      { type: 'upsert', record: { kind: 'message', externalId: event.msgId, threadExternalId: event.oaId, authorExternalId: '6142494823123456789', createdAt: new Date(1699003881354), text: 'Chào A4B' } },
    ]);
  });

  it('a replay window can be set (off by default: Zalo retries for hours)', () => {
    const hook = zaloTextWebhook(event, config.oaSecretKey);
    const receiver = zaloWebhook({ ...config, maxAgeMs: 10 * 60_000, now: () => 1699003881354 + 11 * 60_000 });
    expect(receiver.authenticate({ rawBody: hook.body, headers: hook.headers })).toBe(false);
    expect(zaloWebhook(config).authenticate({ rawBody: hook.body, headers: hook.headers })).toBe(true);
  });

  it('skips other events and refuses a user_send_text without ids', () => {
    const image = signedZaloEvent({ app_id: config.appId, event_name: 'user_send_image', sender: { id: '1' }, timestamp: '1' }, config.appId, config.oaSecretKey);
    expect(parseZaloEvent(image.body)).toEqual([]);
    expect(() => parseZaloEvent('{"event_name":"user_send_text","message":{"text":"x"},"timestamp":"1"}')).toThrow(BadRequest);
  });
});
