// The audit log: district admins see everything, unit admins the changes made on their subtree.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../app/context.ts';
import type { RouteModule } from '../app/feature.ts';
import { ADMINS, isTopAdmin, unitsInScope } from '../core/roles.ts';
import { Layout } from '../web/layout.tsx';
import { usePage } from '../web/page-context.ts';
import { sendPage } from '../web/render.tsx';
import type { App } from '../web/types.ts';
import { DateTime, TableWrap } from '../web/ui.tsx';
import { actionKey, describeEntries, KNOWN_ACTIONS, type AuditTargets, type DescribedEntry } from './describe.ts';
import { listAudit } from './log.ts';
import type { AuditEntry } from './schema.ts';
import type { MessageKey } from '../i18n/catalog.ts';

const query = z.object({
  before: z.coerce.number().int().positive().optional(),
  action: z.string().max(60).regex(/^[a-zA-Z_.]*$/).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const entryOut = z.object({ id: z.number(), at: z.date(), actor: z.string(), action: z.string(), targetType: z.string(), targetId: z.string().nullable(), unit: z.string().nullable(), details: z.unknown() });

/** The audit log's API and page; `targets` name the records of every feature's entries. */
export const auditRoutes = (targets: AuditTargets): RouteModule => (app: App, ctx: AppContext) => {
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
    const [described, units] = await Promise.all([describeEntries(ctx, rows, targets), ctx.units.current()]);
    return sendPage(req, reply, <AuditPage rows={described} units={units} action={req.query.action ?? ''} limit={req.query.limit} />);
  });
};

/** The units' names (the unit tree; org itself records its changes here, so audit does not import it). */
interface UnitNames {
  get(id: number): { name: string } | undefined;
}

function AuditPage({ rows, units, action, limit }: { rows: DescribedEntry[]; units: UnitNames; action: string; limit: number }) {
  const { t } = usePage();
  const last = rows.at(-1)?.entry;
  return (
    <Layout title={t('audit.title')}>
      <form method="get" action="/admin/audit" class="search-row">
        <label for="audit-action">{t('audit.filterAction')}</label>
        <select id="audit-action" name="action">
          <option value="">{t('audit.all')}</option>
          {KNOWN_ACTIONS.map((a) => (
            <option value={a} selected={a === action}>
              {t(actionKey(a) as MessageKey, { target: '' }).trim()}
            </option>
          ))}
        </select>
        <button type="submit">{t('common.filter')}</button>
      </form>
      {rows.length === 0 ? (
        <p class="muted">{t('audit.empty')}</p>
      ) : (
        <TableWrap label={t('audit.title')}>
          <thead>
            <tr>
              <th scope="col">{t('audit.at')}</th>
              <th scope="col">{t('audit.what')}</th>
              <th scope="col">{t('audit.unit')}</th>
              <th scope="col">{t('audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.entry.id}>
                <td data-label={t('audit.at')}>
                  <DateTime value={r.entry.at} />
                </td>
                <td data-label={t('audit.what')}>
                  <Sentence row={r} />
                </td>
                <td data-label={t('audit.unit')}>{r.entry.unitId === null ? '' : (units.get(r.entry.unitId)?.name ?? '')}</td>
                <td data-label={t('audit.details')}>{r.entry.details ? <Details details={r.entry.details} /> : ''}</td>
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

const ACTOR = '\u0001';
const TARGET = '\u0002';

/** "Nguyễn Văn A đã xuất bản bài “…”": the message with the actor and the record as links where they have a page. */
function Sentence({ row }: { row: DescribedEntry }) {
  const { t } = usePage();
  const { entry, actor, target } = row;
  const key = actionKey(entry.action);
  const what = key ? t(key, { target: TARGET }) : t('audit.unknownAction', { action: entry.action, target: TARGET });
  const text = t('audit.sentence', { actor: ACTOR, what });
  const actorName = actor ?? { label: entry.actorLabel === 'cli' ? t('audit.actor.cli') : t('audit.actor.system') };
  const targetName = target ?? (entry.targetId === null ? { label: '' } : { label: t('audit.unknownTarget', { id: entry.targetId }) });
  return (
    <>
      {text.split(new RegExp(`(${ACTOR}|${TARGET})`)).map((part) =>
        part === ACTOR ? <Named value={actorName} strong /> : part === TARGET ? <Named value={targetName} /> : part,
      )}
    </>
  );
}

function Named({ value, strong }: { value: { label: string; href?: string }; strong?: boolean }) {
  const label = strong ? <strong>{value.label}</strong> : value.label;
  return value.href ? <a href={value.href}>{label}</a> : <>{label}</>;
}

/** The entry's details as fields: a change as "before → after", lists and objects as short JSON. */
function Details({ details }: { details: Record<string, unknown> }) {
  const { t } = usePage();
  const show = (v: unknown): string => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
  return (
    <details>
      <summary>{t('audit.showDetails')}</summary>
      <dl class="audit-details">
        {Object.entries(details).map(([k, v]) => (
          <>
            <dt>{k}</dt>
            <dd>{Array.isArray(v) && v.length === 2 ? `${show(v[0])} → ${show(v[1])}` : show(v)}</dd>
          </>
        ))}
      </dl>
    </details>
  );
}
