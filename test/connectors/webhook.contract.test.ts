// One contract for every WebhookReceiver: only a valid signature over the exact bytes is accepted, and an
// accepted body becomes neutral events. Run unchanged against each implementation (see harnesses.ts).
import { describe, expect, it } from 'vitest';
import { BadRequest } from '../../src/connectors/errors.ts';
import { WEBHOOKS } from './harnesses.ts';

describe.each(WEBHOOKS)('WebhookReceiver contract: $name', (h) => {
  const text = 'Hẻm 285 ngập nước từ sáng, đề nghị phường kiểm tra 🙏';

  it('accepts a good signature and parses the item', () => {
    const hook = h.event(text);
    expect(h.receiver.authenticate({ rawBody: Buffer.from(hook.body), headers: hook.headers })).toBe(true);
    const events = h.receiver.parse(Buffer.from(hook.body));
    expect(events).toHaveLength(1);
    const event = events[0];
    if (event?.type !== 'upsert') throw new Error('expected an upsert');
    expect(event.record).toMatchObject({ externalId: h.expectedId, authorExternalId: h.expectedAuthor, text });
    expect(event.record.createdAt.getTime()).toBeGreaterThan(0);
  });

  it('accepts the body as a string and the header in any case', () => {
    const hook = h.event(text);
    const shouting = Object.fromEntries(Object.entries(hook.headers).map(([k, v]) => [k.toUpperCase(), v]));
    expect(h.receiver.authenticate({ rawBody: hook.body, headers: shouting })).toBe(true);
  });

  it('rejects a bad signature', () => {
    const hook = h.event(text, 'bad');
    expect(h.receiver.authenticate({ rawBody: Buffer.from(hook.body), headers: hook.headers })).toBe(false);
  });

  it('rejects a missing signature', () => {
    const hook = h.event(text, 'missing');
    expect(hook.headers[h.signatureHeader]).toBeUndefined();
    expect(h.receiver.authenticate({ rawBody: Buffer.from(hook.body), headers: hook.headers })).toBe(false);
  });

  it('rejects a replayed signature on a different body', () => {
    const original = h.event(text);
    const other = h.event('Nội dung khác hẳn');
    expect(h.receiver.authenticate({ rawBody: Buffer.from(other.body), headers: original.headers })).toBe(false);
  });

  it('rejects a body changed by one byte (re-serialised JSON included)', () => {
    const hook = h.event(text);
    const reserialised = JSON.stringify(JSON.parse(hook.body), null, 1);
    expect(h.receiver.authenticate({ rawBody: Buffer.from(reserialised), headers: hook.headers })).toBe(false);
    const flipped = Buffer.from(hook.body);
    flipped[flipped.length - 2] ^= 1;
    expect(h.receiver.authenticate({ rawBody: flipped, headers: hook.headers })).toBe(false);
  });

  it('rejects a signature header with a different prefix or case of hex', () => {
    const hook = h.event(text);
    const value = hook.headers[h.signatureHeader] as string;
    const [, hex] = value.split('=');
    expect(h.receiver.authenticate({ rawBody: hook.body, headers: { [h.signatureHeader]: `md5=${hex}` } })).toBe(false);
    expect(h.receiver.authenticate({ rawBody: hook.body, headers: { [h.signatureHeader]: hex as string } })).toBe(false);
  });

  it('skips events of other kinds', () => {
    const hook = h.skipped();
    expect(h.receiver.authenticate({ rawBody: hook.body, headers: hook.headers })).toBe(true);
    expect(h.receiver.parse(hook.body)).toEqual([]);
  });

  it('refuses a body that is not JSON', () => {
    expect(h.receiver.authenticate({ rawBody: 'not json', headers: {} })).toBe(false);
    expect(() => h.receiver.parse(Buffer.from('not json'))).toThrow(BadRequest);
  });
});
