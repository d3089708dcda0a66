// The desk's front page: what the public is concerned or frustrated about now, most pressing first.
import { usePage } from '../../web/page-context.ts';
import type { IssueSummary } from '../issues.ts';
import { VN_TIME_ZONE } from '../../core/time.ts';
import { Chart, DeskLayout, Filters, FrustrationBar, SentimentMix, TopicBadges, When, topicName, type Choice, type FilterValues } from './common.tsx';

export interface DashboardProps {
  values: FilterValues;
  sources: Choice[];
  topics: Choice[];
  wards: Choice[];
  issues: IssueSummary[];
  /** Posts of the period; null when filtered by a ward with fewer distinct voices than the minimum. */
  totals: { posts: number | null; spikes: number };
  /** The minimum of voices the chosen ward did not reach (its counts are not shown), or null. */
  placeHidden?: number | null;
  chart: string | null;
  latestNote: string | null;
  synthetic: boolean;
  period: { from: string; to: string };
  placeName: (id: string) => string;
}

export function DashboardPage(p: DashboardProps) {
  const { t } = usePage();
  const topic = (id: string) => topicName(t, id);
  return (
    <DeskLayout title={t('listening.title')}>
      {p.synthetic && (
        <p class="flash info" role="note">
          <span class="badge synthetic">{t('listening.synthetic')}</span> {t('listening.syntheticNote')}
        </p>
      )}
      {p.latestNote && <p class="flash info">{p.latestNote}</p>}
      <Filters action="/admin/listening" values={p.values} sources={p.sources} topics={p.topics} wards={p.wards} />
      {p.placeHidden != null && (
        <p class="flash info" role="note" data-hook="place-hidden">
          {t('listening.wardHidden', { min: p.placeHidden })}
        </p>
      )}
      <dl class="stats">
        <div>
          <dt>{t('listening.posts')}</dt>
          <dd>{p.totals.posts === null ? '—' : p.totals.posts.toLocaleString('vi-VN')}</dd>
        </div>
        <div>
          <dt>{t('listening.issue')}</dt>
          <dd>{p.issues.length}</dd>
        </div>
        <div>
          <dt>{t('listening.spike')}</dt>
          <dd>{p.totals.spikes}</dd>
        </div>
      </dl>
      {p.chart && <Chart svg={p.chart} title={t('listening.volumeAll')} />}
      <section aria-labelledby="attention-h">
        <h2 id="attention-h">{t('listening.attention')}</h2>
        <p class="muted">
          {t('listening.period', p.period)}. {t('listening.attentionHint')}
        </p>
        {p.issues.length === 0 ? (
          <p class="card">{t('listening.noIssues')}</p>
        ) : (
          <div class="table-wrap" role="region" aria-label={t('listening.attention')} tabIndex={0}>
            <table class="attention">
              <thead>
                <tr>
                  <th>#</th>
                  <th>{t('listening.issue')}</th>
                  <th class="num">{t('listening.posts')}</th>
                  <th class="num">{t('listening.voices')}</th>
                  <th class="num">{t('listening.growth')}</th>
                  <th>{t('listening.frustration')}</th>
                  <th>{t('listening.sentiment')}</th>
                  <th>{t('listening.lastSeen')}</th>
                </tr>
              </thead>
              <tbody>
                {p.issues.map((i, k) => (
                  <tr key={i.id}>
                    <td data-label="#">{k + 1}</td>
                    <td data-label={t('listening.issue')}>
                      <a href={`/admin/listening/issues/${i.id}`}>{i.label}</a>
                      {i.pinned && <span class="badge pin">{t('listening.pinned')}</span>}
                      {i.spike && (
                        <span class="badge spike" title={t('listening.spikeAt', { time: new Date(i.spike.at).toLocaleString('vi-VN', { timeZone: VN_TIME_ZONE }) })}>
                          ⚡ {t('listening.spike')}
                        </span>
                      )}
                      <div>
                        <TopicBadges topics={i.topics} name={topic} />
                        {i.places.slice(0, 2).map((pl) => (
                          <span class="badge" key={pl}>
                            {p.placeName(pl)}
                          </span>
                        ))}
                      </div>
                    </td>
                    <td class="num" data-label={t('listening.posts')}>
                      {i.count}
                    </td>
                    <td class="num" data-label={t('listening.voices')}>
                      {i.voices}
                    </td>
                    <td class="num" data-label={t('listening.growth')}>
                      ×{i.growth.toFixed(1)}
                    </td>
                    <td data-label={t('listening.frustration')}>
                      <FrustrationBar value={i.frustration} />
                    </td>
                    <td data-label={t('listening.sentiment')}>
                      <SentimentMix mix={i.sentiment} />
                    </td>
                    <td data-label={t('listening.lastSeen')}>
                      <When iso={i.lastSeen} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </DeskLayout>
  );
}
