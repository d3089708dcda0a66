// Graph posts and comments → neutral RemotePost records, and the neutral reader and publisher over the client.
import { BadRequest } from '../errors.ts';
import type { PostReader, PublishItem, Publisher, PublishResult, RemotePost } from '../types.ts';
import type { FacebookGraph, GraphComment, GraphPost } from './client.ts';

/** Graph times look like 2025-01-01T00:00:00+0000; make the offset ISO (+00:00) before parsing. */
export function parseGraphTime(value: string | number | undefined): Date {
  if (typeof value === 'number') return new Date(value * 1000);
  const date = new Date(String(value ?? '').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(date.getTime()) ? new Date(0) : date;
}

export function postRecord(post: GraphPost, pageId: string): RemotePost {
  return {
    kind: 'post',
    externalId: post.id,
    authorExternalId: post.from?.id ?? pageId,
    authorName: post.from?.name,
    createdAt: parseGraphTime(post.created_time),
    text: post.message ?? post.story ?? '',
    url: post.permalink_url,
  };
}

/** Null when Graph withheld the comment id (Page Public Content Access without MODERATE). */
export function commentRecord(comment: GraphComment, objectId: string): RemotePost | null {
  if (!comment.id) return null;
  return {
    kind: 'comment',
    externalId: comment.id,
    parentExternalId: comment.parent?.id ?? objectId,
    threadExternalId: objectId,
    authorExternalId: comment.from?.id ?? '',
    authorName: comment.from?.name,
    createdAt: parseGraphTime(comment.created_time),
    text: comment.message ?? '',
    url: comment.permalink_url,
  };
}

/** A Page's posts, newest first. */
export function pagePostsReader(graph: FacebookGraph, pageId: string): PostReader {
  return {
    async read({ cursor, limit, signal } = {}) {
      const page = await graph.listPagePosts(pageId, { after: cursor, limit, signal });
      return { items: page.items.map((p) => postRecord(p, pageId)), cursor: page.after };
    },
  };
}

/** All comments and replies of one post (or photo, video, comment), newest first. */
export function commentsReader(graph: FacebookGraph, objectId: string): PostReader {
  return {
    async read({ cursor, limit, signal } = {}) {
      const page = await graph.listComments(objectId, { after: cursor, limit, signal });
      return { items: page.items.map((c) => commentRecord(c, objectId)).filter((r): r is RemotePost => r !== null), cursor: page.after };
    },
  };
}

/**
 * Publishes to a Page: photos are uploaded unpublished and attached; without photos the link becomes the
 * post's link preview, with photos it is appended to the message. Videos are not published here.
 */
export function pagePublisher(graph: FacebookGraph, pageId: string): Publisher {
  return {
    async publish(item: PublishItem): Promise<PublishResult> {
      if (item.video) throw new BadRequest({ source: 'facebook', platformMessage: 'video posts are not supported by this publisher' });
      const images = item.imageUrls ?? [];
      const body = [item.title, item.text].filter(Boolean).join('\n\n');
      const attachedMedia: string[] = [];
      for (const url of images) attachedMedia.push((await graph.uploadUnpublishedPhoto(pageId, url)).id);
      const message = images.length && item.link ? `${body}\n\n${item.link}` : body;
      const post = await graph.publishPost(pageId, { message, link: images.length ? undefined : item.link, attachedMedia });
      return { externalId: post.id, url: post.permalinkUrl };
    },
  };
}
