// The neutral publisher over ZaloOA: an item becomes an article (cover = first image or the configured
// default; body = paragraphs, further images, the link), verified for its id. Broadcasting the article is a
// separate step (ZaloOA.broadcastArticle) so that a failed broadcast never makes a retry create the article twice.
import { BadRequest } from '../errors.ts';
import { paragraphs, type PublishItem, type Publisher, type PublishResult } from '../types.ts';
import type { ZaloArticleBlock, ZaloOA } from './client.ts';

export interface ArticlePublisherOptions {
  /** Shown as the article's author, e.g. the office's name. */
  author: string;
  /** Cover when the item has no image (Zalo articles need one). */
  defaultCoverUrl?: string;
}

export function articlePublisher(oa: ZaloOA, options: ArticlePublisherOptions): Publisher {
  return {
    async publish(item: PublishItem): Promise<PublishResult> {
      if (item.video) throw new BadRequest({ source: 'zalo', platformMessage: 'video articles are not supported by this publisher' });
      const [cover, ...images] = item.imageUrls ?? [];
      const coverPhotoUrl = cover ?? options.defaultCoverUrl;
      if (!coverPhotoUrl) throw new BadRequest({ source: 'zalo', platformMessage: 'an article needs a cover image' });
      const texts = paragraphs(item.text);
      const body: ZaloArticleBlock[] = [
        ...texts.map((content) => ({ type: 'text' as const, content })),
        ...images.map((url) => ({ type: 'image' as const, url })),
        ...(item.link ? [{ type: 'text' as const, content: item.link }] : []),
      ];
      const title = item.title ?? texts[0] ?? '';
      const { id } = await oa.publishArticle({
        title,
        author: options.author,
        description: texts[0] ?? title,
        coverPhotoUrl,
        body,
        status: item.visibility === 'private' ? 'hide' : 'show',
      });
      return { externalId: id };
    },
  };
}
