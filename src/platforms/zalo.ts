// Zalo Official Accounts. Listening: the text messages people send to the OA, pushed by Zalo's webhook
// (user_send_text), checked with X-ZEvent-Signature (app id + body + timestamp + OA secret key). Zalo
// wants HTTP 200 within 2 s, so the webhook route only verifies, stores and answers; analysis runs later.
// There is nothing to poll. Publishing: the item becomes an OA article, then a broadcast of it to
// followers (a separate step, so a failed broadcast never creates the article twice). Messages: a
// consultation message to a citizen's Zalo user id. Access tokens are refreshed with the refresh token.
import { z } from 'zod';
import { articlePublisher, type WebhookReceiver, ZaloOA, ZaloOAuth, zaloWebhook } from '../connectors/index.ts';
import { field } from './fields.ts';
import type { ConnectedAccount, PlatformDefinition, PlatformEnvironment, SettingField } from './types.ts';

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

const OA_ID: SettingField = { name: 'externalId', type: 'text', label: 'platforms.zalo.oaId' };
const ACCESS_TOKEN: SettingField = { name: 'accessToken', type: 'secret', label: 'platforms.f.accessToken', hint: 'platforms.zalo.accessTokenHint' };
const REFRESH_TOKEN: SettingField = { name: 'refreshToken', type: 'secret', label: 'platforms.f.refreshToken' };
const APP_ID: SettingField = { name: 'appId', type: 'text', label: 'platforms.f.appId' };
const APP_SECRET: SettingField = { name: 'appSecret', type: 'secret', label: 'platforms.f.appSecret' };
const OA_SECRET_KEY: SettingField = { name: 'oaSecretKey', type: 'secret', label: 'platforms.zalo.oaSecretKey', hint: 'platforms.zalo.oaSecretKeyHint' };

const oa = (account: ConnectedAccount, env: PlatformEnvironment) => new ZaloOA({ accessToken: account.credentials.accessToken ?? '', baseUrl: env.baseUrls.zalo, timeoutMs: env.timeoutMs, fetch: env.fetch });

export function zaloPlatform(): PlatformDefinition {
  return {
    id: 'zalo',
    name: 'platforms.zalo',
    account: { id: OA_ID, fields: [ACCESS_TOKEN, REFRESH_TOKEN, APP_ID, APP_SECRET, OA_SECRET_KEY] },
    publish: {
      requires: ['accessToken'],
      accepts: () => true,
      publisher: (account, env) => articlePublisher(oa(account, env), { author: account.name }),
      steps: [
        {
          name: 'broadcast',
          label: 'platforms.zalo.broadcast',
          async run(articleId, account, env) {
            const { messageId } = await oa(account, env).broadcastArticle(articleId, {});
            return { externalId: messageId };
          },
        },
      ],
    },
    message: (account, env) => ({ sendText: (userId, text) => oa(account, env).sendText(userId, text) }),
    async refresh(account, env) {
      const { refreshToken, appId, appSecret } = account.credentials;
      if (!refreshToken || !appId || !appSecret) throw new Error('no refresh token');
      const oauth = new ZaloOAuth({ appId, secretKey: appSecret, baseUrl: env.baseUrls['zalo-oauth'] ?? env.baseUrls.zalo, timeoutMs: env.timeoutMs, fetch: env.fetch });
      const tokens = await oauth.refresh(refreshToken);
      return { credentials: { ...account.credentials, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken }, expiresAt: tokens.expiresAt };
    },
    listen: {
      kind: 'zalo_oa',
      name: 'platforms.zalo.source',
      description: 'platforms.zalo.sourceDescription',
      // A source without an OA id listens to every OA of its app: its account is the app's.
      account: { idField: 'oaId', fields: { appId: 'appId', oaSecretKey: 'oaSecretKey' }, fallbackId: (s) => `app-${String(s.appId ?? '')}` },
      fields: [field(APP_ID, 'appId', { required: true }), field(OA_SECRET_KEY, 'oaSecretKey', { required: true }), field(OA_ID, 'oaId', { label: 'platforms.zalo.oaIdAny' })],
      settings,
      showLinks: false,

      webhook(s: ZaloOaSettings): WebhookReceiver {
        const receiver = zaloWebhook({ appId: s.appId, oaSecretKey: s.oaSecretKey });
        return {
          authenticate: (req) => receiver.authenticate(req),
          parse: (rawBody) => receiver.parse(rawBody).filter((e) => !s.oaId || e.type !== 'upsert' || e.record.threadExternalId === s.oaId),
        };
      },
    },
  };
}
