// Sites and sections: every unit gets a site with default sections; unit admins edit name, colours,
// contact block, host name, menu and sections. Every change is audited and drops the site's cached pages.
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../app/context.ts';
import { type Actor, audit } from '../audit/index.ts';
import { conflict, invalid, isUniqueViolation, notFound } from '../core/errors.ts';
import { publishing } from './directory.ts';
import { cleanLine } from './sanitize.ts';
import { AUDIENCES, contentItems, ITEM_KINDS, sites, siteSections, type Site } from './schema.ts';
import { slugOf } from '../org/index.ts';
import { RESERVED_SECTION_SLUGS } from './slug.ts';

/** Creates the missing sites (one per unit) with their default sections. */
export async function ensureSites(ctx: AppContext): Promise<number> {
  const pub = publishing(ctx);
  pub.sites.invalidate();
  const before = (await ctx.db.select({ id: sites.unitId }).from(sites)).length;
  const after = (await pub.sites.current()).all().length;
  if (after !== before) await pub.sites.changed();
  return after - before;
}

const optional = (max: number) =>
  z
    .string()
    .max(max * 2)
    .transform((s) => cleanLine(s, max))
    .transform((s) => (s === '' ? undefined : s))
    .optional();

const hrefSchema = z
  .string()
  .trim()
  .max(500)
  .refine((h) => /^\/(?!\/)[\w\-./?=&%#]*$/.test(h) || /^https?:\/\/[^\s"'<>]+$/i.test(h), { message: 'url' });

export const siteSettingsSchema = z.object({
  name: z.string().max(400).transform((s) => cleanLine(s, 200)).pipe(z.string().min(2)),
  tagline: optional(200),
  // The header shows white text on this colour: it must keep WCAG AA contrast (4.5:1).
  colour: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^#[0-9a-f]{6}$/)
    .refine((c) => contrastWithWhite(c) >= 4.5, { message: 'contrast' }),
  hostName: z
    .string()
    .trim()
    .toLowerCase()
    .max(253)
    .transform((s) => s.replace(/\.$/, ''))
    .refine((s) => s === '' || /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(s), { message: 'host' })
    .transform((s) => (s === '' ? null : s))
    .nullish(),
  contact: z.object({ address: optional(300), phone: optional(40), email: optional(254), hours: optional(200) }).default({}),
  menu: z.array(z.object({ label: z.string().max(200).transform((s) => cleanLine(s, 60)).pipe(z.string().min(1)), href: hrefSchema })).max(12).default([]),
  active: z.boolean().optional(),
});
export type SiteSettings = z.infer<typeof siteSettingsSchema>;

export async function updateSite(ctx: AppContext, actor: Actor, siteId: number, input: SiteSettings & { logoMediaId?: number | null }): Promise<Site> {
  const pub = publishing(ctx);
  if (!(await pub.sites.current()).get(siteId)) throw notFound();
  try {
    const [row] = await ctx.db.transaction(async (tx) => {
      const updated = await tx
        .update(sites)
        .set({ ...input, tagline: input.tagline ?? null, contact: input.contact, updatedAt: new Date() })
        .where(eq(sites.unitId, siteId))
        .returning();
      await audit(tx, actor, { action: 'site.update', targetType: 'site', targetId: siteId, unitId: siteId, details: { name: input.name, hostName: input.hostName ?? null, colour: input.colour } });
      return updated;
    });
    await pub.sites.changed();
    await pub.invalidate('all');
    return row;
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('sites.hostTaken');
    throw e;
  }
}

export const sectionSchema = z.object({
  slug: slugOf(RESERVED_SECTION_SLUGS),
  name: z.string().max(200).transform((s) => cleanLine(s, 100)).pipe(z.string().min(2)),
  description: optional(500),
  kind: z.enum(ITEM_KINDS),
  audiences: z.array(z.enum(AUDIENCES)).default([]),
  sortOrder: z.number().int().min(0).max(10000).default(0),
  inMenu: z.boolean().default(true),
});
export type SectionInput = z.infer<typeof sectionSchema>;

export async function saveSection(ctx: AppContext, actor: Actor, siteId: number, sectionId: number | null, input: SectionInput): Promise<void> {
  const pub = publishing(ctx);
  try {
    await ctx.db.transaction(async (tx) => {
      if (sectionId === null) {
        const [row] = await tx.insert(siteSections).values({ ...input, siteId, description: input.description ?? null }).returning({ id: siteSections.id });
        await audit(tx, actor, { action: 'section.create', targetType: 'section', targetId: row.id, unitId: siteId, details: { slug: input.slug } });
      } else {
        const rows = await tx
          .update(siteSections)
          .set({ ...input, description: input.description ?? null })
          .where(and(eq(siteSections.id, sectionId), eq(siteSections.siteId, siteId)))
          .returning({ id: siteSections.id });
        if (!rows.length) throw notFound();
        await audit(tx, actor, { action: 'section.update', targetType: 'section', targetId: sectionId, unitId: siteId, details: { slug: input.slug } });
      }
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('sites.sectionTaken', { slug: input.slug });
    throw e;
  }
  await pub.sites.changed();
  await pub.invalidate(siteId);
}

export async function deleteSection(ctx: AppContext, actor: Actor, siteId: number, sectionId: number): Promise<void> {
  const [{ n }] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(contentItems).where(eq(contentItems.sectionId, sectionId));
  if (Number(n) > 0) throw invalid('sites.sectionNotEmpty');
  await ctx.db.transaction(async (tx) => {
    const rows = await tx.delete(siteSections).where(and(eq(siteSections.id, sectionId), eq(siteSections.siteId, siteId))).returning({ id: siteSections.id });
    if (!rows.length) throw notFound();
    await audit(tx, actor, { action: 'section.delete', targetType: 'section', targetId: sectionId, unitId: siteId });
  });
  const pub = publishing(ctx);
  await pub.sites.changed();
  await pub.invalidate(siteId);
}

/** WCAG contrast ratio of white text on a #rrggbb background. */
export function contrastWithWhite(hex: string): number {
  const channel = (i: number) => {
    const v = Number.parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return 1.05 / (luminance + 0.05);
}
