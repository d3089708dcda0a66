// RSS 2.0 and Atom (RFC 4287) into posts: a news item's title and text (HTML removed), its link,
// author (or the feed's title: the site is the voice) and date. Items without a usable date are
// dated when we first saw them.
import { XMLParser } from 'fast-xml-parser';
import type { IncomingPost } from '../types.ts';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link' || name === 'category',
});

export interface ParsedFeed {
  title: string;
  items: IncomingPost[];
}

export function parseFeed(xml: string, seenAt: Date): ParsedFeed {
  let doc: Record<string, any>;
  try {
    doc = parser.parse(xml) as Record<string, any>;
  } catch (e) {
    throw new FeedError(`not XML: ${(e as Error).message.slice(0, 200)}`);
  }
  if (doc.rss?.channel || doc['rdf:RDF']) {
    const channel = doc.rss?.channel ?? doc['rdf:RDF'].channel ?? {};
    const title = text(channel.title);
    const items = (doc.rss?.channel?.item ?? doc['rdf:RDF']?.item ?? []) as any[];
    return { title, items: items.map((it) => rssItem(it, title, seenAt)).filter((p): p is IncomingPost => !!p) };
  }
  if (doc.feed) {
    const title = text(doc.feed.title);
    const entries = (doc.feed.entry ?? []) as any[];
    return { title, items: entries.map((e) => atomEntry(e, title, seenAt)).filter((p): p is IncomingPost => !!p) };
  }
  throw new FeedError('neither RSS nor Atom');
}

export class FeedError extends Error {}

function rssItem(it: any, feedTitle: string, seenAt: Date): IncomingPost | null {
  const title = text(it.title);
  const body = htmlToText(text(it['content:encoded']) || text(it.description));
  const link = firstLink(it.link);
  const guid = text(it.guid);
  const id = guid || link || (title ? `${title}|${text(it.pubDate)}` : '');
  const content = joinText(title, body);
  if (!id || !content) return null;
  return {
    externalId: id.slice(0, 300),
    authorName: text(it['dc:creator']) || text(it.author) || feedTitle || null,
    createdAt: text(it.pubDate) || text(it['dc:date']) || seenAt,
    text: content,
    url: link || (/^https?:\/\//.test(guid) ? guid : null),
  };
}

function atomEntry(e: any, feedTitle: string, seenAt: Date): IncomingPost | null {
  const title = htmlToText(text(e.title));
  const body = htmlToText(text(e.content) || text(e.summary));
  const links = (e.link ?? []) as any[];
  const alternate = links.find((l) => !l['@rel'] || l['@rel'] === 'alternate') ?? links[0];
  const url = alternate?.['@href'] ? String(alternate['@href']) : null;
  const id = text(e.id) || url || '';
  const content = joinText(title, body);
  if (!id || !content) return null;
  return {
    externalId: id.slice(0, 300),
    authorName: text(e.author?.name) || feedTitle || null,
    createdAt: text(e.published) || text(e.updated) || seenAt,
    text: content,
    url,
  };
}

function firstLink(link: unknown): string {
  const list = Array.isArray(link) ? link : [link];
  for (const l of list) {
    const t = typeof l === 'object' && l ? text((l as any)['@href'] ?? (l as any)['#text']) : text(l);
    if (t) return t;
  }
  return '';
}

function text(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object' && '#text' in (v as object)) return text((v as any)['#text']);
  return '';
}

const joinText = (title: string, body: string): string => (body && !body.startsWith(title) ? `${title}\n${body}` : body || title).trim();

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…', laquo: '«', raquo: '»', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“' };

/** Text of an HTML fragment: scripts and styles dropped, tags removed, entities decoded, whitespace collapsed. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<br\s*\/?>|<\/p>|<\/div>|<\/li>/gi, '\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}
