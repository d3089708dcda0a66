// Units: reading the tree (cached in memory) and editing units, each change audited.
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { type Actor, audit, diff } from '../audit/index.ts';
import type { Database, Db } from '../db/client.ts';
import { conflict, invalid, isForeignKeyViolation, isUniqueViolation, notFound } from '../core/errors.ts';
import { SCHOOL_LEVELS, UNIT_KINDS, units, type Unit } from './schema.ts';
import { UnitTree } from './tree.ts';

/** Path segments the app itself uses; a unit slug may not take them (slugs appear in public URLs). */
export const RESERVED_SLUGS = new Set(['admin', 'api', 'static', 'healthz', 'open311', 'tim-kiem', 'sitemap', 'rss', 'atom', 'media', 'uploads', 'webhooks', 'phan-anh', 'hoi-dap', 'don-vi', 'nhan-tin', 'favicon-ico', 'robots-txt']);

/** A URL path segment: lower-case ASCII words joined by hyphens, not one of `reserved`. */
export const slugOf = (reserved: ReadonlySet<string>) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .min(2)
    .max(60)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .refine((s) => !reserved.has(s), { message: 'reserved' });

export const slugSchema = slugOf(RESERVED_SLUGS);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === '' ? null : s))
    .nullish();

export const unitInputSchema = z.object({
  slug: slugSchema,
  name: z.string().trim().min(2).max(200),
  shortName: optionalText(80),
  kind: z.enum(UNIT_KINDS),
  schoolLevel: z.enum(SCHOOL_LEVELS).nullish(),
  parentId: z.number().int().positive().nullish(),
  code: optionalText(20),
  address: optionalText(300),
  phone: optionalText(40),
  email: z.union([z.literal(''), z.string().trim().toLowerCase().email().max(254)]).transform((s) => (s === '' ? null : s)).nullish(),
  description: optionalText(2000),
  sortOrder: z.number().int().min(0).max(100000).optional(),
  active: z.boolean().optional(),
});
export type UnitInput = z.infer<typeof unitInputSchema>;
export const unitPatchSchema = unitInputSchema.partial();
export type UnitPatch = z.infer<typeof unitPatchSchema>;

/** Holds the tree; reloads it after local edits and, on a server, when another process says so. */
export class UnitDirectory {
  private tree: UnitTree | undefined;
  private loading: Promise<UnitTree> | undefined;
  static readonly CHANNEL = 'nhipcau_units';

  constructor(private readonly database: Database) {}

  async current(): Promise<UnitTree> {
    if (this.tree) return this.tree;
    this.loading ??= this.load();
    return this.loading;
  }

  /** Drops the cache here and tells other processes to do the same. */
  async changed(): Promise<void> {
    this.invalidate();
    if (this.database.kind === 'postgres') await this.database.query(`SELECT pg_notify('${UnitDirectory.CHANNEL}', '')`);
  }

  invalidate(): void {
    this.tree = undefined;
    this.loading = undefined;
  }

  async subscribe(): Promise<() => Promise<void>> {
    if (this.database.kind !== 'postgres') return async () => {};
    return this.database.listen(UnitDirectory.CHANNEL, () => this.invalidate());
  }

  private async load(): Promise<UnitTree> {
    const rows = await this.database.db.select().from(units).orderBy(asc(units.sortOrder), asc(units.id));
    const tree = new UnitTree(rows);
    this.tree = tree;
    this.loading = undefined;
    return tree;
  }
}

export async function createUnit(db: Db, actor: Actor, input: UnitInput): Promise<Unit> {
  checkKind(input);
  try {
    return await db.transaction(async (tx) => {
      const [unit] = await tx.insert(units).values({ ...input, schoolLevel: input.kind === 'school' ? input.schoolLevel : null }).returning();
      await audit(tx, actor, { action: 'unit.create', targetType: 'unit', targetId: unit.id, unitId: unit.id, details: { slug: unit.slug, name: unit.name } });
      return unit;
    });
  } catch (e) {
    throw mapWriteError(e, input.slug);
  }
}

export async function updateUnit(db: Db, actor: Actor, tree: UnitTree, id: number, patch: UnitPatch): Promise<Unit> {
  const before = tree.get(id);
  if (!before) throw notFound();
  if (patch.parentId !== undefined && patch.parentId !== null) {
    // A unit cannot move under itself or its own descendants.
    if (!tree.get(patch.parentId) || tree.isWithin(patch.parentId, id)) throw invalid('org.invalidParent');
  }
  const kind = patch.kind ?? before.kind;
  const schoolLevel = kind === 'school' ? (patch.schoolLevel === undefined ? before.schoolLevel : patch.schoolLevel) : null;
  checkKind({ kind, schoolLevel });
  try {
    return await db.transaction(async (tx) => {
      const values = { ...patch, schoolLevel };
      const changes = diff(before as unknown as Record<string, unknown>, values);
      if (Object.keys(changes).length === 0) return before;
      const [unit] = await tx.update(units).set({ ...values, updatedAt: new Date() }).where(eq(units.id, id)).returning();
      await audit(tx, actor, { action: 'unit.update', targetType: 'unit', targetId: id, unitId: id, details: changes });
      return unit;
    });
  } catch (e) {
    throw mapWriteError(e, patch.slug);
  }
}

function checkKind(input: { kind?: string; schoolLevel?: string | null }): void {
  if (input.kind === 'school' && !input.schoolLevel) throw invalid('org.schoolLevelRequired');
  if (input.kind !== 'school' && input.schoolLevel) throw invalid('org.schoolLevelOnlySchools');
}

function mapWriteError(e: unknown, slug?: string): unknown {
  if (isUniqueViolation(e)) return conflict('org.slugTaken', { slug: slug ?? '' });
  if (isForeignKeyViolation(e)) return invalid('org.invalidParent');
  return e;
}
