// The request helper and the typed errors: redaction, Retry-After, large ids, status mapping, timeouts and
// network failures, and the retry advice generic code takes from the error type alone.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BadRequest, QuotaExceeded, RateLimited, retryAdvice, TokenExpired, Unauthorized, Unavailable } from '../../src/connectors/errors.ts';
import { createHttp, parseRetryAfter, redactUrl, scrub } from '../../src/connectors/http.ts';
import { parseJsonKeepingIds, quoteLargeIntegers } from '../../src/connectors/json.ts';
import { type FakeReply, FakeServer } from '../fakes/server.ts';
import { captureLog } from './harnesses.ts';

describe('redaction', () => {
  it('redacts credential parameters in URLs and keeps the rest', () => {
    const url = redactUrl('https://graph.example/v23.0/1/feed?fields=id&access_token=EAAsecret&after=abc');
    expect(url).toContain('fields=id');
    expect(url).toContain('after=abc');
    expect(url).toContain('access_token=[redacted]');
    expect(url).not.toContain('EAAsecret');
    expect(redactUrl('https://up.example/videos?uploadType=resumable&upload_id=SESSION123')).not.toContain('SESSION123');
    expect(redactUrl('https://api.example/x?key=AIzaKEY')).not.toContain('AIzaKEY');
  });

  it('scrubs known secrets and credential-looking pairs from text', () => {
    expect(scrub('token EAAsecret was refused', ['EAAsecret'])).toBe('token [redacted] was refused');
    expect(scrub('{"access_token":"abc123","x":1}')).toBe('{"access_token":"[redacted]","x":1}');
    expect(scrub('see ?access_token=abc123&limit=2')).toBe('see ?access_token=[redacted]&limit=2');
  });
});

describe('Retry-After', () => {
  const headers = (value: string) => new Headers({ 'retry-after': value });
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter(headers('120'))).toBe(120_000);
    const now = Date.UTC(2026, 0, 1, 0, 0, 0);
    expect(parseRetryAfter(headers('Thu, 01 Jan 2026 00:00:30 GMT'), now)).toBe(30_000);
    expect(parseRetryAfter(headers('Wed, 31 Dec 2025 23:00:00 GMT'), now)).toBe(0);
  });
  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfter(new Headers())).toBeUndefined();
    expect(parseRetryAfter(headers('soon'))).toBeUndefined();
  });
});

describe('large ids', () => {
  it('keeps integers beyond 2^53 exact, as strings', () => {
    const parsed = parseJsonKeepingIds('{"id":6142494823123456789,"n":42,"f":1.5e3,"neg":-9223372036854775807,"s":"12345678901234567890"}') as Record<string, unknown>;
    expect(parsed).toEqual({ id: '6142494823123456789', n: 42, f: 1500, neg: '-9223372036854775807', s: '12345678901234567890' });
  });
  it('leaves strings, escapes and small numbers alone', () => {
    const text = '{"a":"x\\"123456789012345678\\"","b":[1,2,9007199254740991],"c":1234567890123456789.5}';
    expect(quoteLargeIntegers(text)).toBe(text);
  });
});

describe('createHttp', () => {
  const fake = new FakeServer((req): FakeReply => {
    if (req.path === '/json') return { status: 200, body: { id: 6142494823123456789n.toString(), raw: 1 } };
    if (req.path === '/big') return { status: 200, headers: { 'content-type': 'application/json' }, body: '{"user_id":6142494823123456789}' };
    if (req.path === '/text') return { status: 200, headers: { 'content-type': 'text/plain' }, body: 'ok' };
    if (req.path === '/resume') return { status: 308, headers: { range: 'bytes=0-9' }, body: '' };
    if (req.path === '/echo-token') return { status: 400, body: { message: `bad token ${req.query.get('access_token')}` } };
    const status = Number(req.path.slice(1));
    return { status, headers: status === 429 ? { 'retry-after': '3' } : {}, body: { message: `status ${status}` } };
  });
  beforeAll(async () => {
    await fake.start();
  });
  afterAll(async () => {
    await fake.close();
  });
  const http = createHttp({ source: 'test', timeoutMs: 300 });

  it('parses JSON keeping large ids, and tolerates text bodies', async () => {
    expect((await http.request({ url: `${fake.url}/big` })).data).toEqual({ user_id: '6142494823123456789' });
    const text = await http.request({ url: `${fake.url}/text` });
    expect(text.data).toBeUndefined();
    expect(text.text).toBe('ok');
  });

  it('treats accepted non-2xx statuses as answers', async () => {
    const res = await http.request({ method: 'PUT', url: `${fake.url}/resume`, body: new Uint8Array(1), accept: [308] });
    expect(res.status).toBe(308);
    expect(res.headers.get('range')).toBe('bytes=0-9');
  });

  it.each([
    [400, BadRequest],
    [401, TokenExpired],
    [403, Unauthorized],
    [404, BadRequest],
    [429, RateLimited],
    [500, Unavailable],
    [503, Unavailable],
  ])('maps HTTP %i by status when the platform mapper is silent', async (status, type) => {
    const e = await http.request({ url: `${fake.url}/${status}` }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(type);
    if (e instanceof RateLimited) expect(e.retryAfterMs).toBe(3000);
  });

  it('scrubs a token the platform echoes back, from message and stack', async () => {
    const log = captureLog();
    const client = createHttp({ source: 'test', log, mapError: (res, source) => new BadRequest({ source, status: res.status, platformMessage: (res.data as { message: string }).message }) });
    const e = (await client.request({ url: `${fake.url}/echo-token`, query: { access_token: 'EAAleaky' }, secrets: ['EAAleaky'] }).catch((x: unknown) => x)) as BadRequest;
    expect(e).toBeInstanceOf(BadRequest);
    expect(e.message).not.toContain('EAAleaky');
    expect(e.platformMessage).not.toContain('EAAleaky');
    expect(String(e.stack)).not.toContain('EAAleaky');
    expect(log.lines.join('\n')).not.toContain('EAAleaky');
    expect(log.lines.join('\n')).toContain('access_token=[redacted]');
  });

  it('a timeout is Unavailable; on a write the outcome is unknown', async () => {
    fake.inject('hang', { times: 2 });
    const read = (await http.request({ url: `${fake.url}/json` }).catch((x: unknown) => x)) as Unavailable;
    expect(read).toBeInstanceOf(Unavailable);
    expect(read.reason).toBe('timeout');
    expect(read.outcomeUnknown).toBe(false);
    const write = (await http.request({ method: 'POST', url: `${fake.url}/json`, json: {} }).catch((x: unknown) => x)) as Unavailable;
    expect(write.outcomeUnknown).toBe(true);
  });

  it('a refused connection is Unavailable and the write surely did not happen', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const e = (await http.request({ method: 'POST', url: `http://127.0.0.1:${port}/x`, json: {} }).catch((x: unknown) => x)) as Unavailable;
    expect(e).toBeInstanceOf(Unavailable);
    expect(e.reason).toMatch(/^network/);
    expect(e.outcomeUnknown).toBe(false);
  });
});

describe('retryAdvice', () => {
  const d = { source: 'x' };
  it('decides from the type alone', () => {
    expect(retryAdvice(new TokenExpired(d))).toEqual({ retry: false, refreshToken: true, reconnect: true });
    expect(retryAdvice(new Unauthorized(d))).toEqual({ retry: false, reconnect: true });
    expect(retryAdvice(new RateLimited(d, 9000))).toEqual({ retry: true, delayMs: 9000 });
    const now = Date.UTC(2026, 0, 1);
    expect(retryAdvice(new QuotaExceeded(d, new Date(now + 3_600_000)), 1, { now })).toEqual({ retry: true, delayMs: 3_600_000 });
    expect(retryAdvice(new BadRequest(d))).toEqual({ retry: false });
    expect(retryAdvice(new Error('a bug'))).toEqual({ retry: false });
  });
  it('backs off transient failures exponentially, capped, or as the platform says', () => {
    expect(retryAdvice(new Unavailable(d), 1).delayMs).toBe(2000);
    expect(retryAdvice(new Unavailable(d), 3).delayMs).toBe(8000);
    expect(retryAdvice(new Unavailable(d), 30).delayMs).toBe(600_000);
    expect(retryAdvice(new Unavailable(d, 'HTTP 503', false, 45_000), 1).delayMs).toBe(45_000);
    expect(retryAdvice(new Unavailable(d, 'timeout', true))).toEqual({ retry: false, unconfirmed: true });
  });
  it('every error has a kind and TokenExpired is an Unauthorized', () => {
    expect(new TokenExpired(d)).toBeInstanceOf(Unauthorized);
    expect([new TokenExpired(d), new RateLimited(d, 1), new QuotaExceeded(d, new Date()), new BadRequest(d), new Unavailable(d)].map((e) => e.kind)).toEqual([
      'unauthorized',
      'rate_limited',
      'quota_exceeded',
      'bad_request',
      'unavailable',
    ]);
  });
});
