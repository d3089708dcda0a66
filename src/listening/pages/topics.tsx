// The topic × ward table of a period. Cells with fewer distinct voices than the minimum are hidden.
import { usePage } from '../../web/page-context.ts';
import { NO_TOPIC } from '../issues.ts';
import type { TopicWardCell } from '../stats.ts';
import { DeskLayout, Filters, topicName, type Choice, type FilterValues } from './common.tsx';

export interface TopicWardProps {
  values: FilterValues;
  sources: Choice[];
  topics: Choice[];
  wards: Choice[];
  cells: TopicWardCell[];
  minVoices: number;
  placeName: (id: string) => string;
  period: { from: string; to: string };
}

export function TopicWardPage(p: TopicWardProps) {
  const { t } = usePage();
  const topics = [...new Set(p.cells.map((c) => c.topic))].sort((a, b) => total(p.cells, b, 'topic') - total(p.cells, a, 'topic'));
  const wards = [...new Set(p.cells.map((c) => c.ward))].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : total(p.cells, b, 'ward') - total(p.cells, a, 'ward')));
  const cell = (topic: string, ward: string) => p.cells.find((c) => c.topic === topic && c.ward === ward);
  const link = (topic: string, ward: string) => `/admin/listening?from=${p.values.from}&to=${p.values.to}&topic=${encodeURIComponent(topic || NO_TOPIC)}${ward ? `&ward=${encodeURIComponent(ward)}` : ''}${p.values.source ? `&source=${encodeURIComponent(p.values.source)}` : ''}`;
  return (
    <DeskLayout title={t('listening.topicWard')}>
      <Filters action="/admin/listening/topics" values={p.values} sources={p.sources} topics={p.topics} wards={p.wards} search={false} />
      <p class="muted">
        {t('listening.period', p.period)}. {t('listening.topicWardHint', { min: p.minVoices })}
      </p>
      {topics.length === 0 ? (
        <p class="card">{t('listening.noIssues')}</p>
      ) : (
        <div class="table-wrap" role="region" aria-label={t('listening.topicWard')} tabIndex={0}>
          <table class="heat">
            <thead>
              <tr>
                <th>{t('listening.topic')}</th>
                {wards.map((w) => (
                  <th key={w} class="num">
                    {w ? p.placeName(w) : t('listening.noWard')}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {topics.map((topic) => (
                <tr key={topic}>
                  <td>{topicName(t, topic)}</td>
                  {wards.map((w) => {
                    const c = cell(topic, w);
                    const label = w ? p.placeName(w) : t('listening.noWard');
                    if (!c) return <td key={w} data-label={label} />;
                    if (c.hidden && w)
                      return (
                        <td key={w} class="hidden" data-label={label}>
                          {t('listening.hiddenCell', { min: p.minVoices })}
                        </td>
                      );
                    return (
                      <td key={w} data-label={label} style={heat(c.n, max(p.cells))}>
                        <a href={link(topic, w)}>{c.n}</a>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </DeskLayout>
  );
}

// Orders and shades from the cells shown only: a hidden cell's count must not show through a column's
// place or a colour scale.
const shown = (c: TopicWardCell) => !(c.hidden && c.ward);
const total = (cells: TopicWardCell[], key: string, by: 'topic' | 'ward') => cells.filter((c) => c[by] === key && shown(c)).reduce((s, c) => s + c.n, 0);
const max = (cells: TopicWardCell[]) => Math.max(1, ...cells.filter((c) => c.ward && c.topic && shown(c)).map((c) => c.n));
const heat = (n: number, top: number) => `background: rgba(179, 38, 30, ${(0.06 + 0.5 * Math.min(1, n / top)).toFixed(2)})`;
