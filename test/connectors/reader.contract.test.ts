// One contract for every PostReader: paging by cursor, neutral records, and the typed errors of every
// failure shape, run unchanged against each implementation (see harnesses.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RateLimited, retryAdvice, Unauthorized, Unavailable } from '../../src/connectors/errors.ts';
import type { RemotePost } from '../../src/connectors/types.ts';
import { READERS, type ReaderSetup } from './harnesses.ts';

const RECORD_KEYS = new Set(['externalId', 'parentExternalId', 'threadExternalId', 'authorExternalId', 'authorName', 'createdAt', 'text', 'url', 'kind']);

async function readAll(setup: ReaderSetup, limit: number): Promise<{ items: RemotePost[]; pages: number }> {
  const items: RemotePost[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await setup.reader.read({ cursor, limit });
    items.push(...page.items);
    cursor = page.cursor;
    pages++;
  } while (cursor && pages < 50);
  return { items, pages };
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a failure');
}

describe.each(READERS)('PostReader contract: $name', (harness) => {
  let setup: ReaderSetup;
  beforeEach(async () => {
    setup = await harness.start();
  });
  afterEach(async () => {
    await setup.close();
  });

  it('reads every item once, newest first, across pages', async () => {
    const ids = setup.seed(7);
    const { items, pages } = await readAll(setup, 3);
    const top = items.filter((r) => ids.includes(r.externalId));
    expect(top.map((r) => r.externalId)).toEqual(ids);
    expect(new Set(items.map((r) => r.externalId)).size).toBe(items.length);
    expect(pages).toBe(3);
  });

  it('returns neutral records only', async () => {
    setup.seed(2);
    const { items } = await setup.reader.read({ limit: 10 });
    expect(items.length).toBeGreaterThanOrEqual(2);
    for (const record of items) {
      for (const key of Object.keys(record)) expect(RECORD_KEYS.has(key), key).toBe(true);
      expect(typeof record.externalId).toBe('string');
      expect(record.externalId).not.toBe('');
      expect(typeof record.authorExternalId).toBe('string');
      expect(record.createdAt).toBeInstanceOf(Date);
      expect(Number.isNaN(record.createdAt.getTime())).toBe(false);
      expect(typeof record.text).toBe('string');
      expect(['post', 'comment', 'message']).toContain(record.kind);
    }
  });

  it('an empty source is one page without a cursor', async () => {
    const page = await setup.reader.read();
    expect(page.items).toEqual([]);
    expect(page.cursor).toBeUndefined();
  });

  it('continues from a cursor without overlap', async () => {
    setup.seed(4);
    const first = await setup.reader.read({ limit: 2 });
    const second = await setup.reader.read({ limit: 2, cursor: first.cursor });
    expect(first.cursor).toBeTruthy();
    const firstIds = new Set(first.items.map((r) => r.externalId));
    expect(second.items.some((r) => firstIds.has(r.externalId))).toBe(false);
  });

  it('refused credentials → Unauthorized (reconnect), with no secret in the message', async () => {
    setup.seed(1);
    setup.expireToken();
    const e = await failure(setup.reader.read());
    expect(e).toBeInstanceOf(Unauthorized);
    expect(retryAdvice(e).reconnect).toBe(true);
    for (const secret of setup.secrets) {
      expect(e.message).not.toContain(secret);
      expect(String(e.stack)).not.toContain(secret);
    }
  });

  it('429 with Retry-After → RateLimited after that many seconds', async () => {
    setup.fail({ http429: true, retryAfter: '7' }, { path: setup.readPath });
    const e = await failure(setup.reader.read());
    expect(e).toBeInstanceOf(RateLimited);
    expect((e as RateLimited).retryAfterMs).toBe(7000);
    expect(retryAdvice(e)).toMatchObject({ retry: true, delayMs: 7000 });
  });

  it('429 without Retry-After → RateLimited with a default wait', async () => {
    setup.fail({ http429: true }, { path: setup.readPath });
    const e = await failure(setup.reader.read());
    expect(e).toBeInstanceOf(RateLimited);
    expect((e as RateLimited).retryAfterMs).toBeGreaterThan(0);
  });

  it('5xx → Unavailable (transient, safe to retry a read)', async () => {
    setup.fail({ serverError: 503 }, { path: setup.readPath });
    const e = await failure(setup.reader.read());
    expect(e).toBeInstanceOf(Unavailable);
    expect((e as Unavailable).outcomeUnknown).toBe(false);
    expect(retryAdvice(e).retry).toBe(true);
  });

  it('a server that never answers → Unavailable(timeout)', async () => {
    setup.fail('hang', { path: setup.readPath });
    const e = await failure(setup.reader.read());
    expect(e).toBeInstanceOf(Unavailable);
    expect((e as Unavailable).reason).toBe('timeout');
  });

  it('an aborted read → Unavailable(aborted)', async () => {
    setup.fail('hang', { path: setup.readPath });
    const controller = new AbortController();
    const read = setup.reader.read({ signal: controller.signal });
    controller.abort();
    const e = await failure(read);
    expect(e).toBeInstanceOf(Unavailable);
    expect((e as Unavailable).reason).toBe('aborted');
  });

  it('never logs a secret', async () => {
    setup.seed(3);
    await readAll(setup, 1);
    setup.fail({ serverError: 500 }, { path: setup.readPath });
    await failure(setup.reader.read());
    setup.expireToken();
    await failure(setup.reader.read());
    expect(setup.logs.length).toBeGreaterThan(3);
    for (const line of setup.logs) for (const secret of setup.secrets) expect(line).not.toContain(secret);
  });
});
