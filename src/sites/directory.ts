// Sites and their sections held in memory (about 91 sites, a few sections each): every public request
// resolves its site here without a query. Reloaded after edits; other processes are told by NOTIFY.
import { asc, inArray } from 'drizzle-orm';
import type { AppContext } from '../app/context.ts';
import type { Database } from '../db/client.ts';
import type { Unit, UnitTree } from '../org/index.ts';
import { PageCache } from './cache.ts';
import { createSites } from './defaults.ts';
import { mediaFiles, sites, siteSections, type MediaFile, type Site, type SiteSection } from './schema.ts';

export interface SiteView extends Site {
  unit: Unit;
  slug: string;
  sections: SiteSection[];
  logo: MediaFile | null;
}

export class SiteIndex {
  private readonly bySlug = new Map<string, SiteView>();
  private readonly byId = new Map<number, SiteView>();
  private readonly byHost = new Map<string, SiteView>();
  private readonly sectionById = new Map<number, SiteSection>();

  constructor(readonly tree: UnitTree, rows: Site[], sectionRows: SiteSection[], logos: MediaFile[]) {
    const logoById = new Map(logos.map((m) => [m.id, m]));
    for (const row of rows) {
      const unit = tree.get(row.unitId);
      if (!unit) continue;
      const view: SiteView = { ...row, unit, slug: unit.slug, sections: [], logo: row.logoMediaId ? (logoById.get(row.logoMediaId) ?? null) : null };
      this.bySlug.set(unit.slug, view);
      this.byId.set(row.unitId, view);
      if (row.hostName) this.byHost.set(row.hostName, view);
    }
    for (const s of sectionRows) {
      this.sectionById.set(s.id, s);
      this.byId.get(s.siteId)?.sections.push(s);
    }
  }

  get(id: number): SiteView | undefined {
    return this.byId.get(id);
  }
  bySiteSlug(slug: string): SiteView | undefined {
    const site = this.bySlug.get(slug);
    return site?.active && site.unit.active ? site : undefined;
  }
  /** Any site by slug, also inactive ones (admin). */
  anyBySlug(slug: string): SiteView | undefined {
    return this.bySlug.get(slug);
  }
  forHost(host: string | undefined): SiteView | undefined {
    if (!host) return undefined;
    const site = this.byHost.get(host.toLowerCase().replace(/:\d+$/, ''));
    return site?.active ? site : undefined;
  }
  section(id: number): SiteSection | undefined {
    return this.sectionById.get(id);
  }
  all(): SiteView[] {
    return [...this.byId.values()];
  }
  active(): SiteView[] {
    return this.all().filter((s) => s.active && s.unit.active);
  }
}

export class SiteDirectory {
  private index: SiteIndex | undefined;
  private loading: Promise<SiteIndex> | undefined;
  static readonly CHANNEL = 'nhipcau_sites';

  constructor(
    private readonly ctx: AppContext,
    /** Called when the index is rebuilt because the unit tree changed (names, slugs, new units). */
    private readonly onTreeChange: () => void = () => {},
  ) {}

  async current(): Promise<SiteIndex> {
    const tree = await this.ctx.units.current();
    if (this.index && this.index.tree !== tree) {
      this.invalidate();
      this.onTreeChange();
    }
    if (this.index) return this.index;
    this.loading ??= this.load();
    return this.loading;
  }

  async changed(): Promise<void> {
    this.invalidate();
    if (this.ctx.database.kind === 'postgres') await this.ctx.database.query(`SELECT pg_notify('${SiteDirectory.CHANNEL}', '')`);
  }

  invalidate(): void {
    this.index = undefined;
    this.loading = undefined;
  }

  private async load(): Promise<SiteIndex> {
    const db = this.ctx.db;
    const tree = await this.ctx.units.current();
    // Every unit has a site: units created since the last load get theirs now.
    const have = new Set((await db.select({ id: sites.unitId }).from(sites)).map((r) => r.id));
    const missing = tree.all().filter((u) => !have.has(u.id));
    if (missing.length) await createSites(db, missing);
    const [rows, sectionRows] = await Promise.all([db.select().from(sites), db.select().from(siteSections).orderBy(asc(siteSections.sortOrder), asc(siteSections.id))]);
    const logoIds = rows.map((r) => r.logoMediaId).filter((id): id is number => id !== null);
    const logos = logoIds.length ? await db.select().from(mediaFiles).where(inIds(logoIds)) : [];
    const index = new SiteIndex(tree, rows, sectionRows, logos);
    this.index = index;
    this.loading = undefined;
    return index;
  }
}

const inIds = (ids: number[]) => inArray(mediaFiles.id, ids);

/** The publishing feature's per-process state: the site index and the rendered-page cache. */
export interface Publishing {
  sites: SiteDirectory;
  cache: PageCache;
  /** Drops cached pages of a site (and the portal, which aggregates) here and in other processes. */
  invalidate(siteId: number | 'all'): Promise<void>;
  subscribe(database: Database): Promise<() => Promise<void>>;
}

const states = new WeakMap<object, Publishing>();
const PAGES_CHANNEL = 'nhipcau_pages';

export function publishing(ctx: AppContext): Publishing {
  let state = states.get(ctx.units);
  if (!state) {
    const cache = new PageCache();
    const siteDir = new SiteDirectory(ctx, () => cache.invalidate('all'));
    state = {
      sites: siteDir,
      cache,
      async invalidate(siteId) {
        cache.invalidate(siteId);
        if (ctx.database.kind === 'postgres') await ctx.database.query(`SELECT pg_notify('${PAGES_CHANNEL}', $1)`, [String(siteId)]);
      },
      async subscribe(database) {
        if (database.kind !== 'postgres') return async () => {};
        const a = await database.listen(SiteDirectory.CHANNEL, () => {
          siteDir.invalidate();
          cache.invalidate('all');
        });
        const b = await database.listen(PAGES_CHANNEL, (payload) => cache.invalidate(payload === 'all' ? 'all' : Number(payload)));
        const c = await database.listen('nhipcau_units', () => {
          siteDir.invalidate();
          cache.invalidate('all');
        });
        return async () => {
          await a();
          await b();
          await c();
        };
      },
    };
    // Keyed by the context's unit directory: tests spread the context into a new object.
    states.set(ctx.units, state);
  }
  return state;
}
