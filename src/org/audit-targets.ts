// How the audit log names units: by their name, linked to their page.
import type { AuditTargetResolver } from '../app/feature.ts';
import { rowIds } from '../audit/index.ts';

export const auditTargets: Record<string, AuditTargetResolver> = {
  async unit(ctx, ids) {
    const tree = await ctx.units.current();
    return new Map(rowIds(ids).flatMap((id) => {
      const u = tree.get(id);
      return u ? [[String(id), { label: u.name, href: `/admin/units/${u.slug}` }]] : [];
    }));
  },
};
