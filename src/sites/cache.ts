// The in-process cache of rendered public pages, keyed by host + path + audience + language.
// Entries remember their site so that publishing on one site drops only its pages (and the portal's).
import { createHash } from 'node:crypto';

export interface CachedPage {
  body: string;
  etag: string;
  contentType: string;
  /** The site the page belongs to; null for pages that aggregate every site (portal, sitemap index). */
  siteId: number | null;
  /** Pages that list several sites' items are dropped on any change. */
  aggregate: boolean;
  storedAt: number;
}

export const CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';

export const etagOf = (body: string): string => `"${createHash('sha1').update(body).digest('base64url')}"`;

export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  hits = 0;
  misses = 0;

  constructor(private readonly maxEntries = 2000, private readonly maxAgeMs = 10 * 60_000) {}

  get(key: string): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (!entry || Date.now() - entry.storedAt > this.maxAgeMs) {
      if (entry) this.entries.delete(key);
      this.misses++;
      return undefined;
    }
    this.hits++;
    return entry;
  }

  set(key: string, page: Omit<CachedPage, 'etag' | 'storedAt'>): CachedPage {
    const entry: CachedPage = { ...page, etag: etagOf(page.body), storedAt: Date.now() };
    if (this.entries.size >= this.maxEntries) {
      // Oldest first: a Map iterates in insertion order.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, entry);
    return entry;
  }

  invalidate(siteId: number | 'all'): void {
    if (siteId === 'all') {
      this.entries.clear();
      return;
    }
    for (const [key, entry] of this.entries) if (entry.siteId === siteId || entry.aggregate) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
