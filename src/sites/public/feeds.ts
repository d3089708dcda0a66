// RSS 2.0 and Atom (RFC 4287) for a site, a section or the whole portal, with absolute URLs and stable ids.
import { htmlToText } from '../sanitize.ts';
import type { ContentItem } from '../schema.ts';

export interface FeedSpec {
  title: string;
  description: string;
  /** Absolute URL of the HTML page the feed mirrors. */
  link: string;
  /** Absolute URLs of the two feeds. */
  rss: string;
  atom: string;
  entries: Array<{ item: Pick<ContentItem, 'id' | 'title' | 'sapo' | 'body' | 'publishedAt' | 'updatedAt' | 'tags'>; url: string; image?: string; author: string }>;
}

async function build(spec: FeedSpec) {
  // Loaded with the first feed request.
  const { Feed } = await import('feed');
  const updated = spec.entries.reduce<Date>((max, e) => (e.item.updatedAt > max ? e.item.updatedAt : max), new Date(0));
  const feed = new Feed({
    id: spec.link,
    title: spec.title,
    description: spec.description,
    link: spec.link,
    language: 'vi',
    updated: spec.entries.length ? updated : new Date(0),
    generator: 'Nhịp Cầu',
    copyright: spec.title,
    ttl: 30,
    feedLinks: { rss: spec.rss, atom: spec.atom },
    author: { name: spec.title, link: spec.link },
  });
  for (const { item, url, image, author } of spec.entries) {
    feed.addItem({
      title: item.title,
      id: url,
      guid: url,
      link: url,
      date: item.updatedAt,
      published: item.publishedAt ?? item.updatedAt,
      description: item.sapo || htmlToText(item.body).slice(0, 300),
      content: item.body,
      author: [{ name: author }],
      category: item.tags.map((t) => ({ name: t, term: t })),
      ...(image ? { image: { url: image, type: 'image/jpeg' } } : {}),
    });
  }
  return feed;
}

export const rssXml = async (spec: FeedSpec): Promise<string> => (await build(spec)).rss2();
export const atomXml = async (spec: FeedSpec): Promise<string> => (await build(spec)).atom1();
