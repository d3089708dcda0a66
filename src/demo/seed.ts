// Seeds the demo district on an empty database, and resets it on request (`nhipcau demo --reset`).
import type { AppContext } from '../app/context.ts';
import { countUsers, createUser } from '../auth/index.ts';
import type { Role } from '../core/roles.ts';
import { demoUnits, units } from '../org/index.ts';
import { seedSitesDemo } from '../sites/index.ts';
import { seedCasesDemo } from '../cases/index.ts';
import { seedListeningDemo } from '../listening/index.ts';

export const DEMO_PASSWORD = 'nhipcau-demo';
export const DEMO_ADMIN = 'admin@quan10.demo';

/** Demo accounts: one per kind of work, all with DEMO_PASSWORD. */
export const DEMO_USERS: Array<{ email: string; displayName: string; role: Role; unit: string }> = [
  { email: DEMO_ADMIN, displayName: 'Quản trị Ban Tuyên giáo Quận 10', role: 'district_admin', unit: 'quan-10' },
  { email: 'bientap@quan10.demo', displayName: 'Nguyễn Thị Biên Tập', role: 'editor', unit: 'quan-10' },
  { email: 'duyet@quan10.demo', displayName: 'Trần Văn Duyệt', role: 'approver', unit: 'quan-10' },
  { email: 'phantich@quan10.demo', displayName: 'Lê Thị Phân Tích', role: 'analyst', unit: 'quan-10' },
  { email: 'xuly@quan10.demo', displayName: 'Phạm Văn Xử Lý', role: 'case_handler', unit: 'quan-10' },
  { email: 'phuong12@quan10.demo', displayName: 'Quản trị Phường 12', role: 'unit_admin', unit: 'phuong-12' },
  { email: 'bientap.phuong12@quan10.demo', displayName: 'Biên tập viên Phường 12', role: 'editor', unit: 'phuong-12' },
];

/** Seeds only an empty database; returns whether it did. */
export async function seedDemoIfEmpty(ctx: AppContext): Promise<boolean> {
  const existing = await ctx.db.select({ id: units.id }).from(units).limit(1);
  if (existing.length || (await countUsers(ctx.db)) > 0) return false;
  await seedDemo(ctx);
  return true;
}

export async function seedDemo(ctx: AppContext): Promise<void> {
  const list = demoUnits();
  const ids = new Map<string, number>();
  await ctx.db.transaction(async (tx) => {
    // One insert per level of the tree: each level needs its parents' ids.
    for (let level = list.filter((u) => !u.parent); level.length; level = list.filter((u) => u.parent && ids.has(u.parent) && !ids.has(u.slug))) {
      const rows = await tx
        .insert(units)
        .values(level.map(({ parent, ...unit }) => ({ ...unit, parentId: parent ? ids.get(parent) : null })))
        .returning({ id: units.id, slug: units.slug });
      for (const row of rows) ids.set(row.slug, row.id);
    }
  });
  for (const u of DEMO_USERS) {
    await createUser(ctx.db, 'system', { email: u.email, displayName: u.displayName, password: DEMO_PASSWORD, grants: [{ unitId: ids.get(u.unit) as number, role: u.role }] });
  }
  await ctx.units.changed();
  const items = await seedSitesDemo(ctx);
  await seedCasesDemo(ctx);
  const posts = await seedListeningDemo(ctx);
  ctx.log.info({ units: list.length, users: DEMO_USERS.length, items, posts }, 'demo district seeded');
}

/** Empties every table of the app (keeps the schema and migrations), then seeds the demo again. */
export async function resetDemo(ctx: AppContext): Promise<void> {
  const tables = await ctx.database.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
  if (tables.length) await ctx.database.query(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
  await seedDemo(ctx);
}
