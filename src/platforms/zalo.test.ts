// The Zalo OA source: a push source whose webhook receiver accepts only Zalo-signed user_send_text
// events (ids kept exact), skips other events and, when an OA id is set, other OAs' messages.
import { describe, expect, it } from 'vitest';
import { zaloTextWebhook, zaloWebhook } from '../../test/fakes/webhooks.ts';
import { zaloPlatform } from './zalo.ts';

const appId = '2553928453557884079';
const oaId = '3662729599332560487';
const oaSecretKey = 'oa-secret-key-0123';
const env = { secret: () => Buffer.alloc(32) };
const connector = zaloPlatform().listen!;
const settings = connector.settings.parse({ appId, oaSecretKey, oaId });
const event = { appId, oaId, senderId: '6142494823123456789', text: 'Cho hỏi thủ tục đăng ký khai sinh', msgId: 'a1b2c3d4e5f6' };

describe('Zalo OA source', () => {
  it('is a push source with a settings form', () => {
    expect(connector.poll).toBeUndefined();
    expect(connector.fields.map((f) => [f.name, f.type])).toEqual([
      ['appId', 'text'],
      ['oaSecretKey', 'secret'],
      ['oaId', 'text'],
    ]);
    expect(connector.settings.safeParse({ appId: 'abc', oaSecretKey }).success).toBe(false);
  });

  it('accepts a signed user_send_text and reads it as an incoming message', () => {
    const receiver = connector.webhook!(settings, env);
    const hook = zaloTextWebhook(event, oaSecretKey, { rawIds: true });
    expect(receiver.authenticate({ rawBody: Buffer.from(hook.body), headers: hook.headers, query: {} })).toBe(true);
    expect(receiver.parse(Buffer.from(hook.body))).toEqual([
      { type: 'upsert', record: expect.objectContaining({ externalId: event.msgId, authorExternalId: event.senderId, text: event.text, createdAt: new Date(1767225600000) }) },
    ]);
  });

  it('rejects bad, missing and replayed signatures', () => {
    const receiver = connector.webhook!(settings, env);
    for (const signature of ['bad', 'missing'] as const) {
      const hook = zaloTextWebhook(event, oaSecretKey, { signature });
      expect(receiver.authenticate({ rawBody: Buffer.from(hook.body), headers: hook.headers, query: {} })).toBe(false);
    }
    const a = zaloTextWebhook(event, oaSecretKey);
    const b = zaloTextWebhook({ ...event, text: 'Nội dung khác' }, oaSecretKey);
    expect(receiver.authenticate({ rawBody: Buffer.from(b.body), headers: a.headers, query: {} })).toBe(false);
  });

  it('skips other events and messages to another OA of the same app', () => {
    const receiver = connector.webhook!(settings, env);
    const follow = zaloWebhook({ app_id: appId, event_name: 'follow', follower: { id: '1' }, timestamp: '1' }, appId, oaSecretKey);
    expect(receiver.parse(Buffer.from(follow.body))).toEqual([]);
    const elsewhere = zaloTextWebhook({ ...event, oaId: '1111111111111111111' }, oaSecretKey);
    expect(receiver.parse(Buffer.from(elsewhere.body))).toEqual([]);
    const anyOa = connector.webhook!({ ...settings, oaId: '' }, env);
    expect(anyOa.parse(Buffer.from(elsewhere.body))).toHaveLength(1);
  });
});
