// One contract for every Publisher: one publish makes one post, failures are typed, a write that may have
// happened is flagged so it is never retried blindly, and items a platform cannot take are refused before
// any request. Run unchanged against each implementation (see harnesses.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BadRequest, RateLimited, retryAdvice, Unauthorized, Unavailable } from '../../src/connectors/errors.ts';
import { PUBLISHERS, type PublisherSetup } from './harnesses.ts';

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a failure');
}

describe.each(PUBLISHERS)('Publisher contract: $name', (harness) => {
  let setup: PublisherSetup;
  beforeEach(async () => {
    setup = await harness.start();
  });
  afterEach(async () => {
    await setup.close();
  });

  it('publishes once and returns the platform id', async () => {
    const text = 'Từ ngày 1/7, Phường 12 tiếp nhận hồ sơ trực tuyến.\n\nChi tiết xem tại trang thông tin điện tử.';
    const result = await setup.publisher.publish(setup.item(text));
    expect(result.externalId).toMatch(/\S/);
    const published = setup.published();
    expect(published).toHaveLength(1);
    expect(published[0]?.externalId).toBe(result.externalId);
    expect(published[0]?.text).toContain('Phường 12 tiếp nhận hồ sơ trực tuyến');
  });

  it('refuses an item it cannot publish, before any request', async () => {
    const before = setup.requestCount();
    const e = await failure(setup.publisher.publish(setup.unsupported()));
    expect(e).toBeInstanceOf(BadRequest);
    expect(setup.requestCount()).toBe(before);
  });

  it('refused credentials → Unauthorized, nothing published, no secret in the message', async () => {
    setup.expireToken();
    const e = await failure(setup.publisher.publish(setup.item('Bài thử')));
    expect(e).toBeInstanceOf(Unauthorized);
    expect(setup.published()).toHaveLength(0);
    for (const secret of setup.secrets) expect(e.message).not.toContain(secret);
  });

  it('429 → RateLimited', async () => {
    setup.fail({ http429: true, retryAfter: '30' }, { path: setup.writePath });
    const e = await failure(setup.publisher.publish(setup.item('Bài thử')));
    expect(e).toBeInstanceOf(RateLimited);
    expect((e as RateLimited).retryAfterMs).toBe(30_000);
  });

  it('5xx on the write → Unavailable', async () => {
    setup.fail({ serverError: 503 }, { path: setup.writePath, method: 'POST' });
    const e = await failure(setup.publisher.publish(setup.item('Bài thử')));
    expect(e).toBeInstanceOf(Unavailable);
  });

  it('a write that times out → outcome unknown: marked unconfirmed, not retried', async () => {
    setup.fail('hang', { path: setup.writePath, method: 'POST' });
    const e = await failure(setup.publisher.publish(setup.item('Bài thử')));
    expect(e).toBeInstanceOf(Unavailable);
    expect((e as Unavailable).outcomeUnknown).toBe(true);
    expect(retryAdvice(e)).toEqual({ retry: false, unconfirmed: true });
  });

  it('never logs a secret', async () => {
    await setup.publisher.publish(setup.item('Bài một'));
    setup.expireToken();
    await failure(setup.publisher.publish(setup.item('Bài hai')));
    expect(setup.logs.length).toBeGreaterThan(0);
    for (const line of setup.logs) for (const secret of setup.secrets) expect(line).not.toContain(secret);
  });
});
