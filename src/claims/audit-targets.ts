// How the audit log names claims: by their statement (the claim has no page yet).
import { inArray } from 'drizzle-orm';
import type { AuditTargetResolver } from '../app/feature.ts';
import { quoted, rowIds } from '../audit/index.ts';
import { claims } from './schema.ts';

export const auditTargets: Record<string, AuditTargetResolver> = {
  async claim(ctx, ids) {
    const rows = await ctx.db.select({ id: claims.id, statement: claims.statement }).from(claims).where(inArray(claims.id, rowIds(ids)));
    return new Map(rows.map((r) => [String(r.id), { label: quoted(r.statement) }]));
  },
};
