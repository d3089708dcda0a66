// How the audit log names the records of sites: articles by title, sites by name, sections, files.
import { inArray } from 'drizzle-orm';
import type { AuditTargetResolver } from '../app/feature.ts';
import { quoted, rowIds } from '../audit/index.ts';
import { contentItems, mediaFiles, siteSections, sites } from './schema.ts';

export const auditTargets: Record<string, AuditTargetResolver> = {
  async item(ctx, ids) {
    const rows = await ctx.db.select({ id: contentItems.id, title: contentItems.title }).from(contentItems).where(inArray(contentItems.id, rowIds(ids)));
    return new Map(rows.map((r) => [String(r.id), { label: quoted(r.title), href: `/admin/items/${r.id}` }]));
  },
  async site(ctx, ids) {
    const [rows, tree] = await Promise.all([ctx.db.select({ id: sites.unitId, name: sites.name }).from(sites).where(inArray(sites.unitId, rowIds(ids))), ctx.units.current()]);
    return new Map(rows.map((r) => [String(r.id), { label: r.name, href: `/admin/sites/${tree.get(r.id)?.slug ?? r.id}` }]));
  },
  async section(ctx, ids) {
    const [rows, tree] = await Promise.all([ctx.db.select({ id: siteSections.id, name: siteSections.name, siteId: siteSections.siteId }).from(siteSections).where(inArray(siteSections.id, rowIds(ids))), ctx.units.current()]);
    return new Map(rows.map((r) => [String(r.id), { label: quoted(r.name), href: `/admin/sites/${tree.get(r.siteId)?.slug ?? r.siteId}/settings` }]));
  },
  async media(ctx, ids) {
    const rows = await ctx.db.select({ id: mediaFiles.id, name: mediaFiles.originalName }).from(mediaFiles).where(inArray(mediaFiles.id, rowIds(ids)));
    return new Map(rows.map((r) => [String(r.id), { label: quoted(r.name) }]));
  },
};
