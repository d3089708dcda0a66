// Facebook Pages: a feed post with the link (or the cover photo and the link), on the connector's client.
import { FacebookGraph, pagePublisher } from '../../../connectors/facebook/index.ts';
import type { ChannelDefinition } from '../channel.ts';

export const facebookChannel: ChannelDefinition = {
  id: 'facebook',
  label: 'Facebook Page',
  externalIdLabel: 'sites.ch.pageId',
  fields: [{ name: 'accessToken', label: 'sites.ch.accessToken', secret: true, required: true }],
  accepts: () => true,
  publisher(pageId, credentials, env) {
    const graph = new FacebookGraph({ pageAccessToken: credentials.accessToken ?? '', baseUrl: env.baseUrls.facebook, timeoutMs: env.timeoutMs, fetch: env.fetch });
    const publisher = pagePublisher(graph, pageId);
    // A feed post with a link shows the article's own preview card (Open Graph); photos are not re-uploaded.
    return { publish: (item) => publisher.publish({ ...item, imageUrls: item.link ? [] : item.imageUrls }) };
  },
};
