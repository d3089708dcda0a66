// How the audit log names people (who acted, whose account changed): by the name on their account.
import { inArray } from 'drizzle-orm';
import type { AuditTargetResolver } from '../app/feature.ts';
import { rowIds } from '../audit/index.ts';
import { users } from './schema.ts';

export const auditTargets: Record<string, AuditTargetResolver> = {
  async user(ctx, ids) {
    const rows = await ctx.db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, rowIds(ids)));
    return new Map(rows.map((r) => [String(r.id), { label: r.name, href: `/admin/users/${r.id}` }]));
  },
};
