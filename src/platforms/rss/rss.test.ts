// The RSS/Atom connector against a local fake news site: conditional GET (ETag, Last-Modified),
// RSS 2.0 and Atom, HTML in titles and bodies, odd dates, and the error and rate-limit answers.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { classifyFailure, nextDelayMs } from '../failures.ts';
import { rssPlatform } from './rss.ts';
import { htmlToText, parseFeed } from './parse.ts';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Báo Quận 10</title><link>https://bao.example/</link><description>Tin tức</description>
<item><title>Ngập nặng đường Bà Hạt sau mưa lớn</title><link>https://bao.example/ngap-ba-hat</link><guid isPermaLink="true">https://bao.example/ngap-ba-hat</guid>
  <pubDate>Sat, 14 Nov 2026 09:42:31 +0700</pubDate><description><![CDATA[<p>Nước <b>ngập</b> tới gối&nbsp;ở Bà Hạt.</p><script>alert(1)</script>]]></description><dc:creator>Phóng viên A</dc:creator></item>
<item><title>Kẹt xe &amp; ùn tắc trên đường 3/2</title><guid>tin-2</guid><pubDate>hôm qua</pubDate><description>Giờ cao điểm kẹt xe kéo dài.</description></item>
<item><description></description></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Trang tin Phường 12</title><id>urn:p12</id><updated>2026-11-14T10:00:00Z</updated>
<entry><id>urn:p12:1</id><title type="html">Thông báo &lt;b&gt;lịch tiếp dân&lt;/b&gt;</title><updated>2026-11-14T10:00:00Z</updated><published>2026-11-14T08:00:00+07:00</published>
  <link rel="alternate" href="https://p12.example/1"/><summary>UBND phường tiếp công dân thứ năm hằng tuần.</summary><author><name>Văn phòng</name></author></entry>
</feed>`;

type Mode = 'rss' | 'atom' | 'limited' | 'limited-date' | 'down' | 'gone' | 'forbidden' | 'garbage' | 'slow';
let mode: Mode = 'rss';
let requests: Array<Record<string, string | string[] | undefined>> = [];
const ETAG = '"v1"';
const MODIFIED = 'Sat, 14 Nov 2026 03:00:00 GMT';

const server = http.createServer((req, res) => {
  requests.push(req.headers);
  if (mode === 'slow') return; // never answers
  if (mode === 'limited') return res.writeHead(429, { 'retry-after': '120' }).end('Too Many Requests');
  if (mode === 'limited-date') return res.writeHead(503, { 'retry-after': new Date(Date.now() + 30_000).toUTCString() }).end();
  if (mode === 'down') return res.writeHead(502).end('Bad Gateway');
  if (mode === 'gone') return res.writeHead(404).end();
  if (mode === 'forbidden') return res.writeHead(403).end();
  if (mode === 'garbage') return res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Trang bảo trì</body></html>');
  if (req.headers['if-none-match'] === ETAG || req.headers['if-modified-since'] === MODIFIED) return res.writeHead(304).end();
  res.writeHead(200, { 'content-type': mode === 'atom' ? 'application/atom+xml' : 'application/rss+xml', etag: ETAG, 'last-modified': MODIFIED });
  res.end(mode === 'atom' ? ATOM : RSS);
});

let url = '';
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rss.xml`;
});
afterAll(async () => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  mode = 'rss';
  requests = [];
});

const log = pino({ level: 'silent' });
const now = new Date('2026-11-15T00:00:00Z');
const poll = (cursor: unknown = null, signal = new AbortController().signal) => rssPlatform.listen!.poll!({ settings: { url }, cursor, signal, log, now, fetch });

describe('RSS/Atom connector', () => {
  it('reads RSS items as posts, then asks with ETag and Last-Modified and gets nothing new', async () => {
    const first = await poll();
    expect(first.posts).toHaveLength(2);
    expect(first.posts[0]).toMatchObject({ externalId: 'https://bao.example/ngap-ba-hat', authorName: 'Phóng viên A', url: 'https://bao.example/ngap-ba-hat', createdAt: 'Sat, 14 Nov 2026 09:42:31 +0700' });
    expect(first.posts[0].text).toBe('Ngập nặng đường Bà Hạt sau mưa lớn\nNước ngập tới gối ở Bà Hạt.');
    expect(first.posts[1]).toMatchObject({ externalId: 'tin-2', authorName: 'Báo Quận 10', text: 'Kẹt xe & ùn tắc trên đường 3/2\nGiờ cao điểm kẹt xe kéo dài.' });
    expect(first.cursor).toEqual({ etag: ETAG, lastModified: MODIFIED });
    const second = await poll(first.cursor);
    expect(second.posts).toEqual([]);
    expect(requests[1]).toMatchObject({ 'if-none-match': ETAG, 'if-modified-since': MODIFIED });
  });

  it('reads Atom entries', async () => {
    mode = 'atom';
    const { posts } = await poll();
    expect(posts).toEqual([{ externalId: 'urn:p12:1', authorName: 'Văn phòng', createdAt: '2026-11-14T08:00:00+07:00', text: 'Thông báo lịch tiếp dân\nUBND phường tiếp công dân thứ năm hằng tuần.', url: 'https://p12.example/1' }]);
  });

  it.each([
    ['limited', 'rate_limited', 120_000],
    ['limited-date', 'unavailable', undefined],
    ['down', 'unavailable', undefined],
    ['gone', 'bad_request', undefined],
    ['forbidden', 'unauthorized', undefined],
    ['garbage', 'bad_request', undefined],
  ] as const)('classifies a %s feed as %s', async (m, kind, retryAfterMs) => {
    mode = m;
    const failure = await poll().then(
      () => null,
      (e: unknown) => classifyFailure(e),
    );
    expect(failure?.kind).toBe(kind);
    if (retryAfterMs) expect(failure?.retryAfterMs).toBe(retryAfterMs);
    if (m === 'limited-date') expect(failure?.retryAfterMs).toBeGreaterThan(20_000);
  });

  it('gives up on a feed that never answers when the poll is aborted', async () => {
    mode = 'slow';
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const failure = await poll(null, controller.signal).then(
      () => null,
      (e: unknown) => classifyFailure(e),
    );
    expect(failure).toMatchObject({ kind: 'unavailable', message: expect.stringMatching(/timed out|abort/i) });
  });
});

describe('backoff', () => {
  const fixed = () => 0.5;
  it.each([
    [{ kind: 'rate_limited' as const, retryAfterMs: 120_000, message: '' }, 1, 120_000],
    [{ kind: 'unavailable' as const, message: '' }, 1, 60_000],
    [{ kind: 'unavailable' as const, message: '' }, 4, 480_000],
    [{ kind: 'unavailable' as const, message: '' }, 20, 6 * 3600_000],
    [{ kind: 'unauthorized' as const, message: '' }, 1, 6 * 3600_000],
  ])('%o after %i failures → %i ms', (f, n, ms) => expect(nextDelayMs(f, n, fixed)).toBe(ms));
});

describe('feed text', () => {
  it.each([
    ['<p>Một&nbsp;<b>hai</b></p><p>ba</p>', 'Một hai\nba'],
    ['a &lt;b&gt; &#7871; &#x1EBF;', 'a <b> ế ế'],
    ['<script>alert("x")</script>Tin <style>p{}</style>chính', 'Tin chính'],
  ])('%s', (html, text) => expect(htmlToText(html)).toBe(text));

  it('refuses what is neither RSS nor Atom', () => {
    expect(() => parseFeed('<html/>', now)).toThrow(/neither RSS nor Atom/);
  });
});
