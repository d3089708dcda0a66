// The cases card on the office home: what waits for an answer in the user's units, what is late, and
// what is theirs.
import type { FastifyRequest } from 'fastify';
import { and, count, eq, inArray, lt, type SQL } from 'drizzle-orm';
import { CASE_HANDLERS, isTopAdmin, unitsInScope } from '../core/roles.ts';
import type { AppContext } from '../app/context.ts';
import { usePage } from '../web/page-context.ts';
import { cases } from './schema.ts';
import { OPEN_STATUSES } from './status.ts';
import type { HomeCard } from '../web/home.tsx';

export interface CasesSummary {
  open: number;
  overdue: number;
  mine: number;
}

/** Null for users who handle no cases. */
export async function casesSummary(ctx: AppContext, req: FastifyRequest): Promise<CasesSummary | null> {
  const tree = await ctx.units.current();
  const scope = unitsInScope(req.auth, tree, CASE_HANDLERS);
  if (!scope.size || !req.auth) return null;
  const where = (...more: SQL[]) => and(inArray(cases.status, [...OPEN_STATUSES]), ...(isTopAdmin(req.auth, tree) ? [] : [inArray(cases.unitId, [...scope])]), ...more);
  const n = async (w: SQL | undefined) => (await ctx.db.select({ n: count() }).from(cases).where(w))[0]?.n ?? 0;
  const [open, overdue, mine] = await Promise.all([n(where()), n(where(lt(cases.dueAt, new Date()))), n(where(eq(cases.handlerId, req.auth.user.id)))]);
  return { open: Number(open), overdue: Number(overdue), mine: Number(mine) };
}

export function CasesCard({ summary }: { summary: CasesSummary }) {
  const { t } = usePage();
  return (
    <ul class="plain">
      <li>
        <a href="/admin/cases?status=open">{t('cases.status.open')}</a>: <strong>{summary.open}</strong>
      </li>
      <li>
        <a href="/admin/cases?status=overdue">{t('cases.status.overdue')}</a>: <strong>{summary.overdue}</strong>
      </li>
      <li>
        <a href="/admin/cases?status=open&mine=1">{t('cases.list.mine')}</a>: <strong>{summary.mine}</strong>
      </li>
    </ul>
  );
}

export const casesHomeCard: HomeCard = {
  pillar: 'home.act',
  async render(ctx, req) {
    const summary = await casesSummary(ctx, req);
    return summary && <CasesCard summary={summary} />;
  },
};
