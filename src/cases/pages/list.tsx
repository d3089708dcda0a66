// The office list of cases: filters by status, "mine", and the unit scope of the user.
import { Layout } from '../../web/layout.tsx';
import { usePage } from '../../web/page-context.ts';
import { TableWrap } from '../../web/ui.tsx';
import type { UnitTree } from '../../org/index.ts';
import type { Case } from '../schema.ts';
import { topicName } from '../text.ts';
import { AdminLinks } from './admin.tsx';
import { CasesStyles, Due, StatusBadge, statusKey } from './common.tsx';
import { ADMINS, holdsRole } from '../../core/roles.ts';

const FILTERS = ['open', 'overdue', 'new', 'in_progress', 'answered', 'closed', 'reopened'] as const;

export function CasesPage({ rows, tree, filter, mine, canCreate, limit }: { rows: Case[]; tree: UnitTree; filter: string; mine: boolean; canCreate: boolean; limit: number }) {
  const { t, locale, auth } = usePage();
  const isAdmin = holdsRole(auth, ADMINS);
  const link = (f: string, m: boolean) => `/admin/cases?${new URLSearchParams({ ...(f ? { status: f } : {}), ...(m ? { mine: '1' } : {}) })}`;
  const last = rows.at(-1);
  return (
    <Layout title={t('cases.list.title')} actions={canCreate && <a class="button primary" href="/admin/cases/new">{t('cases.list.new')}</a>}>
      <CasesStyles />
      {isAdmin && <AdminLinks />}
      <nav class="filters" aria-label={t('common.filter')}>
        <a href={link('', mine)} aria-current={!filter ? 'page' : undefined}>{t('cases.list.all')}</a>
        {FILTERS.map((f) => (
          <a key={f} href={link(f, mine)} aria-current={filter === f ? 'page' : undefined}>{t(statusKey(f))}</a>
        ))}
        <a href={link(filter, !mine)} class="toggle" aria-pressed={mine ? 'true' : 'false'}>{t('cases.list.mine')}</a>
      </nav>
      {rows.length === 0 ? (
        <p class="muted">{t('cases.list.empty')}</p>
      ) : (
        <TableWrap label={t('cases.list.title')}>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('cases.field.title')}</th>
              <th scope="col">{t('cases.field.unit')}</th>
              <th scope="col">{t('cases.field.status')}</th>
              <th scope="col">{t('cases.field.due')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id}>
                <td data-label="#">{c.id}</td>
                <td data-label={t('cases.field.title')}>
                  <div class="cell">
                    <a href={`/admin/cases/${c.id}`}>{c.title}</a>
                    {c.topic && <span class="badge">{topicName(c.topic, locale)}</span>}
                    {c.escalationLevel > 0 && <span class="badge late">{t('cases.field.escalation')}</span>}
                  </div>
                </td>
                <td data-label={t('cases.field.unit')}>{tree.get(c.unitId)?.name ?? c.unitId}</td>
                <td data-label={t('cases.field.status')}><StatusBadge status={c.status} /></td>
                <td data-label={t('cases.field.due')}><div class="cell"><Due c={c} /></div></td>
              </tr>
            ))}
          </tbody>
        </TableWrap>
      )}
      {last && rows.length === limit && (
        <p>
          <a class="button" href={`${link(filter, mine)}&before=${last.id}`}>{t('cases.list.older')}</a>
        </p>
      )}
    </Layout>
  );
}
