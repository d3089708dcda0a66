// A Zalo Official Account as a listening source: the text messages people send to the OA, pushed by
// Zalo's webhook (user_send_text). Calls are checked with X-ZEvent-Signature (app id + body + timestamp
// + OA secret key). Zalo wants HTTP 200 within 2 s, so the webhook route only verifies, stores and
// answers; analysis runs later. There is nothing to poll.
import { z } from 'zod';
import { zaloWebhook } from '../../../connectors/zalo/webhook.ts';
import type { WebhookReceiver } from '../../../connectors/types.ts';
import type { SourceConnector } from '../types.ts';

const settings = z.object({
  appId: z.string().trim().regex(/^\d{5,25}$/, 'digits'),
  oaSecretKey: z.string().trim().min(8),
  /** Only messages to this OA (one app can serve several). */
  oaId: z
    .string()
    .trim()
    .regex(/^(\d{5,25})?$/, 'digits')
    .optional()
    .default(''),
});
export type ZaloOaSettings = z.infer<typeof settings>;

export function zaloOaConnector(): SourceConnector<ZaloOaSettings> {
  return {
    kind: 'zalo_oa',
    name: { vi: 'Zalo Official Account', en: 'Zalo Official Account' },
    description: {
      vi: 'Tin nhắn người dân gửi đến Zalo OA của đơn vị, nhận qua webhook của Zalo.',
      en: 'Messages people send to the unit’s Zalo OA, received through Zalo’s webhook.',
    },
    fields: [
      { name: 'appId', type: 'text', required: true, label: { vi: 'Mã ứng dụng (App ID)', en: 'App ID' } },
      { name: 'oaSecretKey', type: 'secret', required: true, label: { vi: 'Khóa bí mật của OA (OA secret key)', en: 'OA secret key' }, hint: { vi: 'Khóa của OA trong trang Webhook, không phải khóa bí mật của ứng dụng.', en: 'The OA’s key on the Webhook page, not the app secret.' } },
      { name: 'oaId', type: 'text', label: { vi: 'Mã OA (để trống: mọi OA của ứng dụng)', en: 'OA ID (empty: every OA of the app)' } },
    ],
    settings,
    showLinks: false,

    webhook(s: ZaloOaSettings): WebhookReceiver {
      const receiver = zaloWebhook({ appId: s.appId, oaSecretKey: s.oaSecretKey });
      return {
        authenticate: (req) => receiver.authenticate(req),
        parse: (rawBody) => receiver.parse(rawBody).filter((e) => !s.oaId || e.type !== 'upsert' || e.record.threadExternalId === s.oaId),
      };
    },
  };
}
