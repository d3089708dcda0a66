// Content items (articles, exemplary profiles, documents, events, pages): validation, saving with a
// revision per change, and reading. Workflow transitions live in workflow.ts.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../app/context.ts';
import { type Actor, audit } from '../audit/index.ts';
import type { Db } from '../db/client.ts';
import { invalid, notFound } from '../core/errors.ts';
import { publishing, type SiteView } from './directory.ts';
import { cleanLine, sanitizeRichText } from './sanitize.ts';
import { AUDIENCES, CONTENT_FIELDS, contentItems, contentRevisions, ITEM_KINDS, type ContentItem, type ContentRevision, type ItemDetails, type ItemStatus } from './schema.ts';
import { slugify, uniqueSlug } from './slug.ts';

const line = (max: number) => z.string().max(max * 4).transform((s) => cleanLine(s, max));
const optionalLine = (max: number) => line(max).transform((s) => (s === '' ? undefined : s)).optional();
/** A point in time, stored as ISO 8601 UTC (so that SQL can order by it). */
const isoDate = z
  .string()
  .trim()
  .max(40)
  .refine((s) => s === '' || !Number.isNaN(Date.parse(s)), { message: 'date' })
  .transform((s) => (s === '' ? undefined : new Date(s).toISOString()))
  .optional();
/** A calendar day, YYYY-MM-DD. */
const isoDay = z
  .string()
  .trim()
  .max(40)
  .refine((s) => s === '' || /^\d{4}-\d{2}-\d{2}$/.test(s), { message: 'date' })
  .transform((s) => (s === '' ? undefined : s))
  .optional();

export const detailsSchema = z
  .object({
    subjectType: z.enum(['person', 'collective']).optional(),
    subjectName: optionalLine(200),
    unitName: optionalLine(200),
    achievement: optionalLine(500),
    number: optionalLine(80),
    issuedOn: isoDay,
    issuer: optionalLine(200),
    fileMediaId: z.number().int().positive().optional(),
    startsAt: isoDate,
    endsAt: isoDate,
    location: optionalLine(300),
    videoMediaId: z.number().int().positive().optional(),
  })
  .default({});

export const itemInputSchema = z.object({
  kind: z.enum(ITEM_KINDS),
  sectionId: z.number().int().positive(),
  title: line(300).pipe(z.string().min(3)),
  slug: z
    .string()
    .trim()
    .max(200)
    .transform((s) => (s === '' ? undefined : slugify(s)))
    .optional(),
  sapo: line(1000).default(''),
  body: z.string().max(1_000_000).default(''),
  coverMediaId: z.number().int().positive().nullish(),
  coverAlt: optionalLine(300),
  tags: z.array(line(60)).max(20).default([]),
  field: z.enum(CONTENT_FIELDS).nullish(),
  audiences: z.array(z.enum(AUDIENCES)).default([]),
  details: detailsSchema,
  channels: z.array(z.string().regex(/^[a-z0-9_-]{2,30}$/)).max(10).default([]),
  syndicateTo: z.array(z.number().int().positive()).max(200).default([]),
});
export type ItemInput = z.infer<typeof itemInputSchema>;

/** The content fields copied into every revision. */
export function snapshotOf(item: Pick<ContentItem, 'tags' | 'field' | 'audiences' | 'details' | 'coverMediaId' | 'coverAlt' | 'kind' | 'sectionId'>): Record<string, unknown> {
  return { tags: item.tags, field: item.field, audiences: item.audiences, details: item.details, coverMediaId: item.coverMediaId, coverAlt: item.coverAlt, kind: item.kind, sectionId: item.sectionId };
}

const actorId = (actor: Actor): number | null => (typeof actor === 'string' ? null : actor.id);
const actorLabel = (actor: Actor): string => (typeof actor === 'string' ? actor : actor.email);

function normalise(site: SiteView, input: ItemInput) {
  const section = site.sections.find((s) => s.id === input.sectionId);
  if (!section) throw invalid('sites.invalidSection');
  const tags = [...new Set(input.tags.map((t) => t.toLowerCase()).filter(Boolean))];
  return {
    kind: input.kind,
    sectionId: section.id,
    title: input.title,
    sapo: input.sapo,
    body: sanitizeRichText(input.body),
    coverMediaId: input.coverMediaId ?? null,
    coverAlt: input.coverAlt ?? null,
    tags,
    field: input.field ?? null,
    audiences: [...new Set(input.audiences)],
    details: input.details as ItemDetails,
    channels: [...new Set(input.channels)],
    syndicateTo: [...new Set(input.syndicateTo)].filter((id) => id !== site.unitId),
  };
}

async function slugTaken(db: Db, siteId: number, slug: string, exceptId?: number): Promise<boolean> {
  const rows = await db
    .select({ id: contentItems.id })
    .from(contentItems)
    .where(and(eq(contentItems.siteId, siteId), eq(contentItems.slug, slug), exceptId ? sql`${contentItems.id} <> ${exceptId}` : undefined))
    .limit(1);
  return rows.length > 0;
}

export async function createItem(ctx: AppContext, actor: Actor, site: SiteView, input: ItemInput, extra: { sourceItemId?: number; status?: ContentItem['status']; publishedAt?: Date } = {}, db: Db = ctx.db): Promise<ContentItem> {
  const values = normalise(site, input);
  const item = await db.transaction(async (tx) => {
    const slug = await uniqueSlug(input.slug ?? slugify(values.title), (s) => slugTaken(tx, site.unitId, s));
    const [row] = await tx
      .insert(contentItems)
      .values({ ...values, siteId: site.unitId, slug, authorId: actorId(actor), sourceItemId: extra.sourceItemId ?? null, status: extra.status ?? 'draft', publishedAt: extra.publishedAt ?? null })
      .returning();
    await tx.insert(contentRevisions).values({ itemId: row.id, version: 1, title: row.title, sapo: row.sapo, body: row.body, snapshot: snapshotOf(row), authorId: actorId(actor), authorLabel: actorLabel(actor), note: extra.sourceItemId ? 'syndicated' : null });
    await audit(tx, actor, { action: 'item.create', targetType: 'item', targetId: row.id, unitId: site.unitId, details: { title: row.title, kind: row.kind } });
    return row;
  });
  return item;
}

export async function updateItem(ctx: AppContext, actor: Actor, site: SiteView, item: ContentItem, input: ItemInput, note?: string): Promise<ContentItem> {
  const values = normalise(site, input);
  const slug = input.slug && input.slug !== item.slug ? await uniqueSlug(input.slug, (s) => slugTaken(ctx.db, site.unitId, s, item.id)) : item.slug;
  const changed = values.title !== item.title || values.sapo !== item.sapo || values.body !== item.body || JSON.stringify(snapshotOf({ ...item, ...values })) !== JSON.stringify(snapshotOf(item));
  const updated = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(contentItems)
      .set({ ...values, slug, version: changed ? item.version + 1 : item.version, localEdits: item.sourceItemId ? true : item.localEdits, updatedAt: new Date() })
      .where(and(eq(contentItems.id, item.id), eq(contentItems.version, item.version)))
      .returning();
    if (!row) throw invalid('sites.editConflict');
    if (changed) {
      await tx.insert(contentRevisions).values({ itemId: row.id, version: row.version, title: row.title, sapo: row.sapo, body: row.body, snapshot: snapshotOf(row), authorId: actorId(actor), authorLabel: actorLabel(actor), note: note ?? null });
    }
    await audit(tx, actor, { action: 'item.update', targetType: 'item', targetId: row.id, unitId: site.unitId, details: { version: row.version } });
    return row;
  });
  if (updated.status === 'published') await publishing(ctx).invalidate(site.unitId);
  return updated;
}

export async function getItem(db: Db, id: number): Promise<ContentItem> {
  const [row] = await db.select().from(contentItems).where(eq(contentItems.id, id)).limit(1);
  if (!row) throw notFound();
  return row;
}

export async function listRevisions(db: Db, itemId: number) {
  return db.select().from(contentRevisions).where(eq(contentRevisions.itemId, itemId)).orderBy(desc(contentRevisions.version));
}

export async function getRevision(db: Db, itemId: number, version: number): Promise<ContentRevision> {
  const [revision] = await db.select().from(contentRevisions).where(and(eq(contentRevisions.itemId, itemId), eq(contentRevisions.version, version)));
  if (!revision) throw notFound();
  return revision;
}

/** The site an item belongs to, or undefined when there is no such item. */
export async function siteIdOfItem(db: Db, id: number): Promise<number | undefined> {
  const [row] = await db.select({ siteId: contentItems.siteId }).from(contentItems).where(eq(contentItems.id, id));
  return row?.siteId;
}

/** A site's items, last changed first, of one status or all. */
export async function listSiteItems(db: Db, siteId: number, status?: ItemStatus, limit = 200): Promise<ContentItem[]> {
  return db
    .select()
    .from(contentItems)
    .where(and(eq(contentItems.siteId, siteId), status ? eq(contentItems.status, status) : undefined))
    .orderBy(desc(contentItems.updatedAt))
    .limit(limit);
}

/** How many items each site has, by status. */
export async function itemCounts(db: Db, siteIds: number[]): Promise<Map<number, Partial<Record<ItemStatus, number>>>> {
  const rows = await db
    .select({ siteId: contentItems.siteId, status: contentItems.status, n: sql<number>`count(*)::int` })
    .from(contentItems)
    .where(inArray(contentItems.siteId, siteIds.length ? siteIds : [-1]))
    .groupBy(contentItems.siteId, contentItems.status);
  const counts = new Map<number, Partial<Record<ItemStatus, number>>>();
  for (const r of rows) counts.set(r.siteId, { ...(counts.get(r.siteId) ?? {}), [r.status]: Number(r.n) });
  return counts;
}

/** Input of an existing item, for re-saving it (restore, syndication updates). */
export function inputOf(item: ContentItem): ItemInput {
  return {
    kind: item.kind,
    sectionId: item.sectionId,
    title: item.title,
    slug: item.slug,
    sapo: item.sapo,
    body: item.body,
    coverMediaId: item.coverMediaId,
    coverAlt: item.coverAlt ?? undefined,
    tags: item.tags,
    field: item.field,
    audiences: item.audiences,
    details: item.details as ItemInput['details'],
    channels: item.channels,
    syndicateTo: item.syndicateTo,
  };
}
