// How the audit log names the records of listening: issues by title, sources and alert rules by name;
// a post only by its number (the desk works on issues, not on people's posts).
import { inArray } from 'drizzle-orm';
import type { AuditTargetResolver } from '../app/feature.ts';
import { quoted, rowIds } from '../audit/index.ts';
import { listeningAlertRules } from './alerts/schema.ts';
import { listeningIssues, listeningSources } from './schema.ts';

export const auditTargets: Record<string, AuditTargetResolver> = {
  async listening_issue(ctx, ids) {
    const rows = await ctx.db.select({ id: listeningIssues.id, label: listeningIssues.label, custom: listeningIssues.customLabel }).from(listeningIssues).where(inArray(listeningIssues.id, rowIds(ids)));
    return new Map(rows.map((r) => [String(r.id), { label: quoted(r.custom ?? r.label), href: `/admin/listening/issues/${r.id}` }]));
  },
  async listening_source(ctx, ids) {
    const rows = await ctx.db.select({ id: listeningSources.id, label: listeningSources.label }).from(listeningSources).where(inArray(listeningSources.id, rowIds(ids)));
    return new Map(rows.map((r) => [String(r.id), { label: quoted(r.label), href: `/admin/listening/sources/${r.id}` }]));
  },
  async listening_alert_rule(ctx, ids) {
    const rows = await ctx.db.select({ id: listeningAlertRules.id, name: listeningAlertRules.name }).from(listeningAlertRules).where(inArray(listeningAlertRules.id, rowIds(ids)));
    return new Map(rows.map((r) => [String(r.id), { label: quoted(r.name), href: `/admin/listening/alerts/${r.id}` }]));
  },
};
