// Demo content for the portal and the 90 unit sites: articles across the three fields, exemplary
// profiles, documents, events and an "about" page per site, filled from templates (demo-content.ts),
// with a few cover images drawn at seed time. Bulk inserts keep first start fast.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../app/context.ts';
import { ABOUT, ARTICLES, DOCUMENTS, EVENTS, MEN, PROFILES, STREETS, WOMEN, type Template } from './demo-content.ts';
import { publishing } from './directory.ts';
import { mediaDir, WIDTHS } from './media.ts';
import { snapshotOf } from './items.ts';
import { contentItems, contentRevisions, mediaFiles, type MediaVariant, type NewContentItem } from './schema.ts';
import { slugify } from './slug.ts';

const COVER_COLOURS: Array<[string, string]> = [
  ['#b3261e', '#ffd54f'],
  ['#1d5fa8', '#9ed0ff'],
  ['#1e6b45', '#c8e6a0'],
  ['#6a3d9a', '#f2c6ff'],
  ['#8a5a00', '#ffe0a3'],
  ['#006d77', '#b8f2e6'],
];

/** Abstract covers (no text): drawn once, each in every responsive width. */
async function drawCovers(ctx: AppContext): Promise<number[]> {
  const { default: sharp } = await import('sharp');
  const folder = 'demo';
  await mkdir(path.join(mediaDir(ctx), folder), { recursive: true });
  const ids: number[] = [];
  for (const [i, [a, b]] of COVER_COLOURS.entries()) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${a}"/><stop offset="1" stop-color="${b}"/></linearGradient></defs><rect width="1600" height="900" fill="url(#g)"/><circle cx="${300 + i * 180}" cy="${250 + (i % 3) * 120}" r="${180 + i * 20}" fill="#ffffff" fill-opacity="0.18"/><rect x="${900 - i * 60}" y="${420 + i * 20}" width="520" height="300" rx="40" fill="#ffffff" fill-opacity="0.14"/></svg>`;
    const base = sharp(Buffer.from(svg)).flatten({ background: a });
    const variants: MediaVariant[] = [];
    for (const width of WIDTHS) {
      for (const format of ['webp', 'jpeg'] as const) {
        const out = await (format === 'webp' ? base.clone().resize({ width }).webp({ quality: 78 }) : base.clone().resize({ width }).jpeg({ quality: 80 })).toBuffer({ resolveWithObject: true });
        const file = `${folder}/bia-${i + 1}-${width}.${format === 'jpeg' ? 'jpg' : 'webp'}`;
        await writeFile(path.join(mediaDir(ctx), file), out.data);
        variants.push({ width: out.info.width, height: out.info.height, format, file, bytes: out.info.size });
      }
    }
    const main = variants.filter((v) => v.format === 'jpeg').at(-1) as MediaVariant;
    const [row] = await ctx.db.insert(mediaFiles).values({ kind: 'image', mime: 'image/jpeg', originalName: `bia-${i + 1}.jpg`, file: main.file, bytes: main.bytes, width: main.width, height: main.height, sha256: `demo-${i}`, variants, alt: null }).returning({ id: mediaFiles.id });
    ids.push(row.id);
  }
  return ids;
}

const fill = (text: string, v: Record<string, string>): string => text.replace(/\{(\w)\}/g, (_, k: string) => v[k] ?? '');

export async function seedSitesDemo(ctx: AppContext, now = new Date()): Promise<number> {
  const index = await publishing(ctx).sites.current();
  const covers = await drawCovers(ctx);
  const rows: NewContentItem[] = [];
  const sites = index.active();
  sites.forEach((site, s) => {
    const ward = site.unit.kind === 'ward' ? site.unit.shortName ?? site.name : site.unit.kind === 'party_cell' ? (site.unit.name.split(', ')[1] ?? '') : 'Quận 10';
    const templates: Template[] = site.unit.kind === 'party_cell' ? [ARTICLES[s % 3], ARTICLES[(s + 5) % ARTICLES.length], PROFILES[s % PROFILES.length], EVENTS[0], ABOUT] : [...rotate(ARTICLES, s), ...PROFILES, ...DOCUMENTS, ...EVENTS, ABOUT];
    templates.forEach((tpl, i) => {
      const v = { u: site.name, s: STREETS[(s + i) % STREETS.length], w: ward, n: String(20 + ((s * 7 + i * 13) % 180)), m: MEN[(s + i) % MEN.length], f: WOMEN[(s + i) % WOMEN.length] };
      const section = site.sections.find((x) => x.kind === tpl.kind);
      if (!section) return;
      const title = fill(tpl.title, v);
      const hoursAgo = 3 + s * 5 + i * 29;
      const publishedAt = new Date(now.getTime() - hoursAgo * 3600_000);
      const details = Object.fromEntries(Object.entries(tpl.details ?? {}).map(([k, val]) => [k, fill(val, v)]));
      if (tpl.kind === 'profile') Object.assign(details, { subjectName: tpl.details?.subjectType === 'collective' ? `Chi đoàn ${site.unit.shortName ?? site.name}` : details.subjectName, unitName: site.name });
      if (tpl.kind === 'document') details.issuedOn = publishedAt.toISOString().slice(0, 10);
      if (tpl.kind === 'event') {
        const starts = new Date(now.getTime() + (2 + ((s + i) % 20)) * 86_400_000);
        starts.setUTCHours(1, 30, 0, 0);
        Object.assign(details, { startsAt: starts.toISOString(), endsAt: new Date(starts.getTime() + 3 * 3600_000).toISOString() });
      }
      rows.push({
        siteId: site.unitId,
        sectionId: section.id,
        kind: tpl.kind,
        slug: slugify(title),
        status: 'published',
        title,
        sapo: fill(tpl.sapo, v),
        body: tpl.paragraphs.map((p) => `<p>${escapeHtml(fill(p, v))}</p>`).join(''),
        coverMediaId: tpl.kind === 'article' || tpl.kind === 'profile' ? covers[(s + i) % covers.length] : null,
        coverAlt: tpl.kind === 'article' || tpl.kind === 'profile' ? 'Ảnh minh họa' : null,
        tags: tpl.tags.map((t) => fill(t, v).toLowerCase()),
        field: tpl.field ?? null,
        audiences: tpl.audiences ?? [],
        details,
        publishedAt,
        createdAt: publishedAt,
        updatedAt: publishedAt,
      });
    });
  });
  // Unique slugs per site (templates may repeat in a cell's list).
  const seen = new Set<string>();
  for (const r of rows) {
    let slug = r.slug;
    for (let k = 2; seen.has(`${r.siteId}/${slug}`); k++) slug = `${r.slug}-${k}`;
    seen.add(`${r.siteId}/${slug}`);
    r.slug = slug;
  }
  for (let i = 0; i < rows.length; i += 500) {
    const inserted = await ctx.db.insert(contentItems).values(rows.slice(i, i + 500)).returning();
    await ctx.db.insert(contentRevisions).values(inserted.map((it) => ({ itemId: it.id, version: 1, title: it.title, sapo: it.sapo, body: it.body, snapshot: snapshotOf(it), authorLabel: 'demo', note: 'demo' })));
  }
  await publishing(ctx).invalidate('all');
  // Write the bulk insert out now, so that the next process to open the data folder has no WAL to replay.
  await ctx.database.query('CHECKPOINT');
  return rows.length;
}

const rotate = <T>(list: T[], by: number): T[] => list.map((_, i) => list[(i + by) % list.length]);
const escapeHtml = (s: string): string => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
