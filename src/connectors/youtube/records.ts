// Comment threads → neutral RemotePost records (the top-level comment and the replies the thread carries),
// and the neutral reader and publisher over the client.
import { BadRequest } from '../errors.ts';
import type { PostReader, PublishItem, Publisher, PublishResult, RemotePost } from '../types.ts';
import { MAX_TITLE_LENGTH, type ThreadFilter, type VideoMetadata, watchUrl, type YouTubeData, type YtComment, type YtCommentThread } from './client.ts';
import { uploadVideo, type UploadOptions } from './upload.ts';

function commentRecord(comment: YtComment, parent: string, thread: string, videoId: string | undefined): RemotePost {
  const s = comment.snippet;
  return {
    kind: 'comment',
    externalId: comment.id,
    parentExternalId: parent,
    threadExternalId: thread,
    authorExternalId: s.authorChannelId?.value ?? '',
    authorName: s.authorDisplayName,
    createdAt: new Date(s.publishedAt),
    text: s.textOriginal ?? s.textDisplay ?? '',
    url: videoId ? `${watchUrl(videoId)}&lc=${encodeURIComponent(comment.id)}` : undefined,
  };
}

/**
 * The records of one thread: its top-level comment (parent: the video, or the channel for channel
 * discussions) and the replies included in the thread (the API includes only some; see README).
 */
export function threadRecords(thread: YtCommentThread): RemotePost[] {
  const top = thread.snippet.topLevelComment;
  const videoId = thread.snippet.videoId ?? top.snippet.videoId;
  const root = videoId ?? thread.snippet.channelId ?? top.snippet.channelId ?? '';
  const records = [commentRecord(top, root, root, videoId)];
  for (const reply of thread.replies?.comments ?? []) records.push(commentRecord(reply, reply.snippet.parentId ?? top.id, root, videoId));
  return records;
}

/** Comment threads of a video or of everything related to a channel, newest first, one quota call per page. */
export function commentThreadsReader(yt: YouTubeData, filter: ThreadFilter): PostReader {
  return {
    async read({ cursor, limit, signal } = {}) {
      const page = await yt.listCommentThreads(filter, { pageToken: cursor, maxResults: limit, signal });
      return { items: page.items.flatMap(threadRecords), cursor: page.nextPageToken };
    },
  };
}

export interface ChannelPublisherOptions extends UploadOptions {
  categoryId?: string;
  tags?: string[];
  notifySubscribers?: boolean;
}

/** Publishes a video item: title from the item (or its first line), description from the text and link. */
export function channelPublisher(yt: YouTubeData, options: ChannelPublisherOptions = {}): Publisher {
  return {
    async publish(item: PublishItem): Promise<PublishResult> {
      if (!item.video) throw new BadRequest({ source: 'youtube', code: 'mediaBodyRequired', platformMessage: 'a video is required' });
      const meta: VideoMetadata = {
        title: fitTitle(item.title ?? item.text.split('\n')[0] ?? ''),
        description: fitDescription([item.text, item.link].filter(Boolean).join('\n\n')),
        tags: options.tags,
        categoryId: options.categoryId,
        privacyStatus: item.visibility ?? 'public',
        notifySubscribers: options.notifySubscribers,
      };
      const video = await uploadVideo(yt, meta, item.video, options);
      return { externalId: video.id, url: video.url };
    },
  };
}

/** Angle brackets are refused by the platform; they become look-alike quotes. */
const noAngles = (text: string): string => text.replace(/</g, '‹').replace(/>/g, '›');

export function fitTitle(text: string): string {
  const chars = [...noAngles(text).replace(/\s+/g, ' ').trim()];
  return chars.length <= MAX_TITLE_LENGTH ? chars.join('') : `${chars.slice(0, MAX_TITLE_LENGTH - 1).join('').trimEnd()}…`;
}

export function fitDescription(text: string, maxBytes = 5000): string {
  let out = noAngles(text);
  while (Buffer.byteLength(out, 'utf8') > maxBytes) out = [...out].slice(0, -Math.max(1, Math.ceil((Buffer.byteLength(out, 'utf8') - maxBytes) / 4))).join('');
  return out;
}
