// YouTube: items with a video file are uploaded (resumable) to the channel; others are not taken.
import { channelPublisher, QuotaBudget, YouTubeData } from '../../../connectors/youtube/index.ts';
import type { ChannelDefinition } from '../channel.ts';

// One budget per process for the installation's API project (videos.insert costs 1,600 of 10,000 a day).
const quota = new QuotaBudget({});

export const youtubeChannel: ChannelDefinition = {
  id: 'youtube',
  label: 'YouTube',
  externalIdLabel: 'sites.ch.channelId',
  fields: [{ name: 'accessToken', label: 'sites.ch.accessToken', secret: true, required: true }],
  accepts: (item) => Boolean(item.details.videoMediaId),
  publisher(_channelId, credentials, env) {
    const yt = new YouTubeData({ accessToken: credentials.accessToken ?? '', baseUrl: env.baseUrls.youtube, uploadBaseUrl: env.baseUrls['youtube-upload'], quota, timeoutMs: env.timeoutMs, fetch: env.fetch });
    return channelPublisher(yt, { categoryId: '25', tags: ['Quận 10'] });
  },
};
