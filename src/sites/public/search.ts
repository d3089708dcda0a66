// Accent-insensitive search over published items: full text with the vi_unaccent configuration (so
// "ngap nuoc" finds "Ngập nước", either tone-mark placement), and a trigram/substring fallback on titles.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { contentItems } from '../schema.ts';
import { cardColumns, withCovers, type Card } from './queries.ts';

export const MAX_QUERY = 200;

/** NFC, no control characters, bounded: what the database sees of a reader's query. */
export const cleanQuery = (q: string): string =>
  q
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUERY);

export async function searchPublished(db: Db, rawQuery: string, options: { siteId?: number; limit?: number; offset?: number } = {}): Promise<{ total: number; items: Card[] }> {
  const q = cleanQuery(rawQuery);
  if (!q) return { total: 0, items: [] };
  const tsq = sql`websearch_to_tsquery('vi_unaccent', ${q})`;
  const like = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const match = sql`(${contentItems.search} @@ ${tsq} or f_unaccent(lower(${contentItems.title})) like f_unaccent(${like}))`;
  const where = sql`${contentItems.status} = 'published' and ${match}${options.siteId !== undefined ? sql` and ${contentItems.siteId} = ${options.siteId}` : sql``}`;
  const limit = Math.min(options.limit ?? 20, 50);
  const [rows, [count]] = await Promise.all([
    db
      .select(cardColumns)
      .from(contentItems)
      .where(where)
      .orderBy(sql`ts_rank(${contentItems.search}, ${tsq}) desc`, sql`${contentItems.publishedAt} desc`)
      .limit(limit)
      .offset(options.offset ?? 0),
    db.select({ n: sql<number>`count(*)::int` }).from(contentItems).where(where),
  ]);
  return { total: Number(count?.n ?? 0), items: await withCovers(db, rows) };
}
