// On-time rate, volumes, re-opened counts and satisfaction per unit and month.
import type { UnitTree } from '../../org/index.ts';
import { Layout } from '../../web/layout.tsx';
import { usePage } from '../../web/page-context.ts';
import { TableWrap } from '../../web/ui.tsx';
import type { UnitMonthRow } from '../stats.ts';
import { AdminLinks } from './admin.tsx';
import { CasesStyles } from './common.tsx';

export function StatsPage({ tree, months }: { tree: UnitTree; months: Array<{ month: string; total: UnitMonthRow; rows: UnitMonthRow[] }> }) {
  const { t } = usePage();
  const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1).replace('.', ',')}%`);
  const Row = ({ r, label, strong }: { r: UnitMonthRow; label: string; strong?: boolean }) => (
    <tr class={strong ? 'total' : undefined}>
      <th scope="row">{label}</th>
      <td class="num" data-label={t('cases.stats.opened')}>{r.opened}</td>
      <td class="num" data-label={t('cases.stats.answered')}>{r.answered}</td>
      <td class="num" data-label={t('cases.stats.onTime')}>{r.answeredOnTime}</td>
      <td class="num" data-label={t('cases.stats.overdueOpen')}>{r.overdueOpen}</td>
      <td class="num" data-label={t('cases.stats.onTimeRate')}>{pct(r.onTimeRate)}</td>
      <td class="num" data-label={t('cases.stats.reopened')}>{r.reopened}</td>
      <td class="num" data-label={t('cases.stats.rating')}>{r.avgRating === null ? '—' : r.avgRating.toFixed(1).replace('.', ',')}</td>
    </tr>
  );
  return (
    <Layout title={t('cases.stats.title')}>
      <CasesStyles />
      <AdminLinks />
      <p class="muted">{t('cases.stats.note')}</p>
      {months.length === 0 && <p class="muted">{t('cases.stats.empty')}</p>}
      {months.map((m) => (
        <section key={m.month}>
          <h2>{`${t('cases.stats.month')} ${m.month.slice(5)}/${m.month.slice(0, 4)}`}</h2>
          <TableWrap label={`${t('cases.stats.title')} ${m.month}`}>
            <thead>
              <tr>
                <th scope="col">{t('cases.stats.unit')}</th>
                <th scope="col" class="num">{t('cases.stats.opened')}</th>
                <th scope="col" class="num">{t('cases.stats.answered')}</th>
                <th scope="col" class="num">{t('cases.stats.onTime')}</th>
                <th scope="col" class="num">{t('cases.stats.overdueOpen')}</th>
                <th scope="col" class="num">{t('cases.stats.onTimeRate')}</th>
                <th scope="col" class="num">{t('cases.stats.reopened')}</th>
                <th scope="col" class="num">{t('cases.stats.rating')}</th>
              </tr>
            </thead>
            <tbody>
              {m.rows.map((r) => (
                <Row key={r.unitId} r={r} label={tree.get(r.unitId)?.name ?? String(r.unitId)} />
              ))}
              <Row r={m.total} label={t('cases.list.all')} strong />
            </tbody>
          </TableWrap>
        </section>
      ))}
    </Layout>
  );
}
