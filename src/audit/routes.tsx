// The audit log: district admins see everything, unit admins the changes made on their subtree.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../app/context.ts';
import { ADMINS, isTopAdmin, unitsInScope } from '../core/roles.ts';
import { Layout } from '../web/layout.tsx';
import { usePage } from '../web/page-context.ts';
import { sendPage } from '../web/render.tsx';
import type { App } from '../web/types.ts';
import { DateTime, TableWrap } from '../web/ui.tsx';
import { listAudit } from './log.ts';
import type { AuditEntry } from './schema.ts';

const query = z.object({
  before: z.coerce.number().int().positive().optional(),
  action: z.string().max(60).regex(/^[a-z_.]*$/).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const entryOut = z.object({ id: z.number(), at: z.date(), actor: z.string(), action: z.string(), targetType: z.string(), targetId: z.string().nullable(), unit: z.string().nullable(), details: z.unknown() });

export function auditRoutes(app: App, ctx: AppContext): void {
  async function list(req: FastifyRequest, q: z.infer<typeof query>): Promise<AuditEntry[]> {
    const t = await ctx.units.current();
    return listAudit(ctx.db, { ...q, unitIds: isTopAdmin(req.auth, t) ? undefined : [...unitsInScope(req.auth, t, ADMINS)] });
  }

  app.get('/api/audit', { config: { access: { roles: ADMINS } }, schema: { tags: ['audit'], summary: 'Audit log, newest first; page with ?before=<id>', querystring: query, response: { 200: z.object({ entries: z.array(entryOut) }) } } }, async (req) => {
    const t = await ctx.units.current();
    const rows = await list(req, req.query);
    return { entries: rows.map((r) => ({ id: r.id, at: r.at, actor: r.actorLabel, action: r.action, targetType: r.targetType, targetId: r.targetId, unit: r.unitId === null ? null : (t.get(r.unitId)?.slug ?? null), details: r.details })) };
  });

  app.get('/admin/audit', { config: { access: { roles: ADMINS } }, schema: { querystring: query } }, async (req, reply) => {
    const rows = await list(req, req.query);
    return sendPage(req, reply, <AuditPage rows={rows} action={req.query.action ?? ''} limit={req.query.limit} />);
  });
}

function AuditPage({ rows, action, limit }: { rows: AuditEntry[]; action: string; limit: number }) {
  const { t } = usePage();
  const last = rows.at(-1);
  return (
    <Layout title={t('audit.title')}>
      <form method="get" action="/admin/audit" class="search-row">
        <label for="audit-action">{t('audit.filterAction')}</label>
        <input id="audit-action" type="text" name="action" value={action} placeholder="unit.update" pattern="[a-z_.]*" />
        <button type="submit">{t('common.filter')}</button>
      </form>
      {rows.length === 0 ? (
        <p class="muted">{t('audit.empty')}</p>
      ) : (
        <TableWrap label={t('audit.title')}>
          <thead>
            <tr>
              <th scope="col">{t('audit.at')}</th>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.target')}</th>
              <th scope="col">{t('audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td data-label={t('audit.at')}>
                  <DateTime value={r.at} />
                </td>
                <td data-label={t('audit.actor')}>{r.actorLabel}</td>
                <td data-label={t('audit.action')}>
                  <code>{r.action}</code>
                </td>
                <td data-label={t('audit.target')}>{`${r.targetType}${r.targetId ? ` #${r.targetId}` : ''}`}</td>
                <td data-label={t('audit.details')}>{r.details ? <code class="details">{JSON.stringify(r.details)}</code> : ''}</td>
              </tr>
            ))}
          </tbody>
        </TableWrap>
      )}
      {last && rows.length === limit && (
        <p>
          <a class="button" href={`/admin/audit?before=${last.id}${action ? `&action=${encodeURIComponent(action)}` : ''}`}>
            {t('audit.older')}
          </a>
        </p>
      )}
    </Layout>
  );
}
