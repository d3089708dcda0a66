// News sites' RSS and Atom feeds, polled with a conditional GET (ETag / Last-Modified): an unchanged
// feed costs one 304. Items are deduplicated by guid/id when stored.
import { z } from 'zod';
import { SourceFailure } from '../failures.ts';
import type { PlatformDefinition, PollContext, PollResult } from '../types.ts';
import { FeedError, parseFeed } from './parse.ts';

const settings = z.object({
  url: z.string().trim().url().refine((u) => /^https?:\/\//i.test(u), { message: 'http(s)' }),
});
type RssSettings = z.infer<typeof settings>;

interface RssCursor {
  etag?: string;
  lastModified?: string;
}

const MAX_BYTES = 5 * 1024 * 1024;
const USER_AGENT = 'NhipCau/0.1 (+listening desk; RSS reader)';

/** Feeds: read-only, and without an account (a feed is public; its address is the source's setting). */
export const rssPlatform: PlatformDefinition = {
  id: 'rss',
  name: 'platforms.rss',
  listen: {
    kind: 'rss',
    name: 'platforms.rss.source',
    description: 'platforms.rss.sourceDescription',
    fields: [{ name: 'url', type: 'url', required: true, label: 'platforms.rss.url', hint: 'platforms.rss.urlHint' }],
    settings,
    showLinks: true,
    defaultIntervalSeconds: 900,
    poll,
  },
};

async function poll(ctx: PollContext<RssSettings>): Promise<PollResult> {
  const cursor = (ctx.cursor ?? {}) as RssCursor;
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1' };
  if (cursor.etag) headers['if-none-match'] = cursor.etag;
  if (cursor.lastModified) headers['if-modified-since'] = cursor.lastModified;
  let res: Response;
  try {
    res = await ctx.fetch(ctx.settings.url, { headers, signal: ctx.signal, redirect: 'follow' });
  } catch (e) {
    throw new SourceFailure('unavailable', `network: ${(e as Error).name === 'AbortError' ? 'timed out' : ((e as Error).cause as Error | undefined)?.message ?? (e as Error).message}`);
  }
  if (res.status === 304) return { posts: [], cursor };
  if (res.status === 429 || res.status === 503) {
    const retryAfterMs = retryAfter(res.headers.get('retry-after'));
    await res.body?.cancel();
    if (res.status === 429) throw new SourceFailure('rate_limited', `HTTP 429 Too Many Requests`, retryAfterMs);
    throw new SourceFailure('unavailable', 'HTTP 503 Service Unavailable', retryAfterMs);
  }
  if (res.status === 401 || res.status === 403) throw new SourceFailure('unauthorized', `HTTP ${res.status}`);
  if (res.status >= 500) throw new SourceFailure('unavailable', `HTTP ${res.status}`);
  if (!res.ok) throw new SourceFailure('bad_request', `HTTP ${res.status}`);
  const body = await readCapped(res, MAX_BYTES);
  let feed;
  try {
    feed = parseFeed(body, ctx.now);
  } catch (e) {
    if (e instanceof FeedError) throw new SourceFailure('bad_request', `feed unreadable: ${e.message}`);
    throw e;
  }
  return {
    posts: feed.items,
    cursor: { etag: res.headers.get('etag') ?? undefined, lastModified: res.headers.get('last-modified') ?? undefined } satisfies RssCursor,
  };
}

function retryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

async function readCapped(res: Response, max: number): Promise<string> {
  const reader = res.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new SourceFailure('bad_request', `feed larger than ${max / 1048576} MB`);
    }
    chunks.push(value);
  }
  const bytes = Buffer.concat(chunks);
  // The XML declaration may name a legacy encoding; UTF-8 otherwise.
  const declared = /^<\?xml[^>]*encoding=["']([\w-]+)["']/i.exec(bytes.subarray(0, 200).toString('latin1'))?.[1]?.toLowerCase();
  try {
    return new TextDecoder(declared && declared !== 'utf-8' ? declared : 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}
