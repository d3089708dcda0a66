import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, type AnyPgColumn } from 'drizzle-orm/pg-core';

export const UNIT_KINDS = ['district', 'ward', 'party_cell', 'school', 'mass_org'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const SCHOOL_LEVELS = ['mam_non', 'tieu_hoc', 'thcs'] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];

/** The organisation tree: district → wards → party cells; schools and mass organisations. */
export const units = pgTable(
  'units',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    slug: text().notNull().unique(),
    parentId: integer('parent_id').references((): AnyPgColumn => units.id, { onDelete: 'restrict' }),
    kind: text().$type<UnitKind>().notNull(),
    schoolLevel: text('school_level').$type<SchoolLevel>(),
    name: text().notNull(),
    shortName: text('short_name'),
    /** Official code (GSO code for administrative units). */
    code: text(),
    address: text(),
    phone: text(),
    email: text(),
    description: text(),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean().notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('units_parent_idx').on(t.parentId),
    check('units_kind_check', sql`${t.kind} in ('district','ward','party_cell','school','mass_org')`),
    check('units_school_level_check', sql`${t.schoolLevel} is null or ${t.schoolLevel} in ('mam_non','tieu_hoc','thcs')`),
    check('units_slug_check', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
  ],
);

export type Unit = typeof units.$inferSelect;
export type NewUnit = typeof units.$inferInsert;
