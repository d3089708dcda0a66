// How the audit log names the records of cases: reports by title, routing rules.
import { inArray } from 'drizzle-orm';
import type { AuditTargetResolver } from '../app/feature.ts';
import { quoted, rowIds } from '../audit/index.ts';
import { caseRoutingRules, cases } from './schema.ts';

export const auditTargets: Record<string, AuditTargetResolver> = {
  async case(ctx, ids) {
    const rows = await ctx.db.select({ id: cases.id, title: cases.title }).from(cases).where(inArray(cases.id, rowIds(ids)));
    return new Map(rows.map((r) => [String(r.id), { label: quoted(r.title), href: `/admin/cases/${r.id}` }]));
  },
  async case_routing_rule(ctx, ids) {
    const rows = await ctx.db.select({ id: caseRoutingRules.id }).from(caseRoutingRules).where(inArray(caseRoutingRules.id, rowIds(ids)));
    return new Map(rows.map((r) => [String(r.id), { label: `#${r.id}`, href: '/admin/cases/routing' }]));
  },
};
