// Zalo Official Account: the item becomes an OA article, then a broadcast of it to followers (a separate
// step, so a failed broadcast never creates the article twice). Access tokens are refreshed with the
// refresh token when the platform says they expired.
import { articlePublisher, ZaloOA, ZaloOAuth } from '../../../connectors/zalo/index.ts';
import type { ChannelDefinition, ChannelEnvironment, Credentials } from '../channel.ts';

const oa = (credentials: Credentials, env: ChannelEnvironment) => new ZaloOA({ accessToken: credentials.accessToken ?? '', baseUrl: env.baseUrls.zalo, timeoutMs: env.timeoutMs, fetch: env.fetch });

export const zaloChannel: ChannelDefinition = {
  id: 'zalo',
  label: 'Zalo Official Account',
  externalIdLabel: 'sites.ch.oaId',
  fields: [
    { name: 'accessToken', label: 'sites.ch.accessToken', secret: true, required: true },
    { name: 'refreshToken', label: 'sites.ch.refreshToken', secret: true, required: false },
    { name: 'appId', label: 'sites.ch.appId', secret: false, required: false },
    { name: 'appSecret', label: 'sites.ch.appSecret', secret: true, required: false },
  ],
  accepts: () => true,
  publisher(_oaId, credentials, env, account) {
    return articlePublisher(oa(credentials, env), { author: account?.name ?? 'Ban Tuyên giáo' });
  },
  steps: [
    {
      name: 'broadcast',
      label: 'sites.ch.broadcast',
      async run(articleId, _oaId, credentials, env) {
        const { messageId } = await oa(credentials, env).broadcastArticle(articleId, {});
        return { externalId: messageId };
      },
    },
  ],
  async refresh(credentials, env) {
    if (!credentials.refreshToken || !credentials.appId || !credentials.appSecret) throw new Error('no refresh token');
    const oauth = new ZaloOAuth({ appId: credentials.appId, secretKey: credentials.appSecret, baseUrl: env.baseUrls['zalo-oauth'] ?? env.baseUrls.zalo, timeoutMs: env.timeoutMs, fetch: env.fetch });
    const tokens = await oauth.refresh(credentials.refreshToken);
    return { credentials: { ...credentials, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken }, expiresAt: tokens.expiresAt };
  },
};
