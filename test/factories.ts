// Small builders for test data, with overrides.
import type { AppContext } from '../src/app/context.ts';
import type { Role } from '../src/auth/schema.ts';
import { createUser, type PublicUser } from '../src/auth/users.ts';
import { units, type Unit } from '../src/org/schema.ts';
import { demoUnits } from '../src/org/demo.ts';

let counter = 0;
export const TEST_PASSWORD = 'correct-horse-battery';

/** The demo tree of Quận 10 (91 units), without users. */
export async function seedUnits(ctx: AppContext): Promise<Map<string, Unit>> {
  const bySlug = new Map<string, Unit>();
  for (const { parent, ...unit } of demoUnits()) {
    const [row] = await ctx.db.insert(units).values({ ...unit, parentId: parent ? bySlug.get(parent)?.id : null }).returning();
    bySlug.set(row.slug, row);
  }
  await ctx.units.changed();
  return bySlug;
}

export async function buildUser(ctx: AppContext, overrides: { email?: string; role?: Role; unit?: string; password?: string; displayName?: string; grants?: Array<{ role: Role; unit: string }> } = {}): Promise<PublicUser> {
  const tree = await ctx.units.current();
  const n = ++counter;
  const grants = overrides.grants ?? (overrides.role ? [{ role: overrides.role, unit: overrides.unit ?? 'quan-10' }] : []);
  return createUser(ctx.db, 'system', {
    email: overrides.email ?? `user${n}-${Date.now()}@test.vn`,
    displayName: overrides.displayName ?? `Người dùng ${n}`,
    password: overrides.password ?? TEST_PASSWORD,
    grants: grants.map((g) => {
      const unit = tree.getBySlug(g.unit);
      if (!unit) throw new Error(`no unit ${g.unit}`);
      return { unitId: unit.id, role: g.role };
    }),
  });
}
