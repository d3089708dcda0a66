// Reading published content for public pages, feeds and the sitemap. Every list is keyset-friendly and
// served by the (site|section, status, published_at) indexes.
import { and, arrayContains, desc, eq, inArray, lt, max, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { contentItems, mediaFiles, type Audience, type ContentItem, type ItemKind, type MediaFile } from '../schema.ts';

export interface ListQuery {
  siteId?: number;
  siteIds?: number[];
  sectionId?: number;
  kind?: ItemKind;
  audience?: Audience;
  /** Exclude syndicated copies (the portal shows originals only). */
  originalsOnly?: boolean;
  before?: Date;
  limit: number;
  offset?: number;
}

/** Published, and for the audience when one is chosen (items without audiences are for everyone). */
export function publishedWhere(q: Omit<ListQuery, 'limit'>): SQL {
  const conds: SQL[] = [eq(contentItems.status, 'published')];
  if (q.siteId !== undefined) conds.push(eq(contentItems.siteId, q.siteId));
  if (q.siteIds) conds.push(q.siteIds.length ? inArray(contentItems.siteId, q.siteIds) : sql`false`);
  if (q.sectionId !== undefined) conds.push(eq(contentItems.sectionId, q.sectionId));
  if (q.kind) conds.push(eq(contentItems.kind, q.kind));
  if (q.audience) conds.push(or(sql`cardinality(${contentItems.audiences}) = 0`, arrayContains(contentItems.audiences, [q.audience])) as SQL);
  if (q.originalsOnly) conds.push(sql`${contentItems.sourceItemId} is null`);
  if (q.before) conds.push(lt(contentItems.publishedAt, q.before));
  return and(...conds) as SQL;
}

/** List columns (no body). */
export const cardColumns = {
  id: contentItems.id,
  siteId: contentItems.siteId,
  sectionId: contentItems.sectionId,
  kind: contentItems.kind,
  slug: contentItems.slug,
  title: contentItems.title,
  sapo: contentItems.sapo,
  coverMediaId: contentItems.coverMediaId,
  coverAlt: contentItems.coverAlt,
  field: contentItems.field,
  audiences: contentItems.audiences,
  details: contentItems.details,
  publishedAt: contentItems.publishedAt,
  updatedAt: contentItems.updatedAt,
  sourceItemId: contentItems.sourceItemId,
};
export type Card = Pick<ContentItem, keyof typeof cardColumns> & { cover?: MediaFile | null };

export async function listPublished(db: Db, q: ListQuery): Promise<Card[]> {
  const rows = await db
    .select(cardColumns)
    .from(contentItems)
    .where(publishedWhere(q))
    .orderBy(desc(contentItems.publishedAt), desc(contentItems.id))
    .limit(q.limit)
    .offset(q.offset ?? 0);
  return withCovers(db, rows);
}

/** Events that have not ended, soonest first. */
export async function upcomingEvents(db: Db, q: Omit<ListQuery, 'kind'>, now = new Date()): Promise<Card[]> {
  const starts = sql`(${contentItems.details}->>'startsAt')`;
  const rows = await db
    .select(cardColumns)
    .from(contentItems)
    .where(and(publishedWhere({ ...q, kind: 'event' }), sql`${starts} is not null`, sql`coalesce(${contentItems.details}->>'endsAt', ${starts}) >= ${now.toISOString()}`))
    .orderBy(sql`${starts} asc`, desc(contentItems.id))
    .limit(q.limit);
  return withCovers(db, rows);
}

export async function countPublished(db: Db, q: Omit<ListQuery, 'limit'>): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(contentItems).where(publishedWhere(q));
  return Number(row?.n ?? 0);
}

export async function withCovers<T extends { coverMediaId: number | null }>(db: Db, rows: T[]): Promise<Array<T & { cover: MediaFile | null }>> {
  const ids = [...new Set(rows.map((r) => r.coverMediaId).filter((id): id is number => id !== null))];
  const files = ids.length ? await db.select().from(mediaFiles).where(inArray(mediaFiles.id, ids)) : [];
  const byId = new Map(files.map((f) => [f.id, f]));
  return rows.map((r) => ({ ...r, cover: r.coverMediaId ? (byId.get(r.coverMediaId) ?? null) : null }));
}

export async function publishedBySlug(db: Db, siteId: number, slug: string): Promise<ContentItem | undefined> {
  const [row] = await db
    .select()
    .from(contentItems)
    .where(and(eq(contentItems.siteId, siteId), eq(contentItems.slug, slug), eq(contentItems.status, 'published')))
    .limit(1);
  return row;
}

export async function mediaById(db: Db, ids: Array<number | null | undefined>): Promise<Map<number, MediaFile>> {
  const wanted = [...new Set(ids.filter((id): id is number => typeof id === 'number'))];
  if (!wanted.length) return new Map();
  const rows = await db.select().from(mediaFiles).where(inArray(mediaFiles.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Published items by id, newest first (the entries of a feed). */
export async function publishedByIds(db: Db, ids: number[]): Promise<ContentItem[]> {
  if (!ids.length) return [];
  return db.select().from(contentItems).where(and(eq(contentItems.status, 'published'), inArray(contentItems.id, ids))).orderBy(desc(contentItems.publishedAt), desc(contentItems.id));
}

/** When each site last changed a published item (the sitemap index). */
export async function lastPublishedChange(db: Db): Promise<Map<number, Date | null>> {
  const last = await db.select({ siteId: contentItems.siteId, at: max(contentItems.updatedAt) }).from(contentItems).where(eq(contentItems.status, 'published')).groupBy(contentItems.siteId);
  return new Map(last.map((r) => [r.siteId, r.at]));
}

/** A site's published items as its sitemap lists them, newest first. */
export async function sitemapEntries(db: Db, siteId: number): Promise<Array<Pick<ContentItem, 'slug' | 'sectionId' | 'updatedAt'>>> {
  return db
    .select({ slug: contentItems.slug, sectionId: contentItems.sectionId, updatedAt: contentItems.updatedAt })
    .from(contentItems)
    .where(and(eq(contentItems.siteId, siteId), eq(contentItems.status, 'published')))
    .orderBy(desc(contentItems.publishedAt))
    .limit(49_000);
}
