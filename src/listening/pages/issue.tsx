// One issue: its timeline, places, sentiment and representative posts (redacted, escaped), and the
// analyst's tools (rename, pin, merge, split, label posts).
import { usePage } from '../../web/page-context.ts';
import { CsrfField, FormErrorSummary } from '../../web/ui.tsx';
import type { IssueDetail, PlaceCell } from '../issues.ts';
import type { PostView } from '../posts.ts';
import { SENTIMENT_VALUES } from '../labels.ts';
import { VN_TIME_ZONE } from '../../core/time.ts';
import { Chart, DeskLayout, FrustrationBar, TopicBadges, When, topicName } from './common.tsx';
import { CASE_HANDLERS, holdsRole } from '../../core/roles.ts';

export interface IssuePageProps {
  issue: IssueDetail;
  timeline: string | null;
  sentiment: string | null;
  places: PlaceCell[];
  minVoices: number;
  posts: PostView[];
  topics: string[];
  placeName: (id: string) => string;
  errors: Record<string, string>;
  values: Record<string, string>;
}

export function IssuePage(p: IssuePageProps) {
  const { t, query, auth } = usePage();
  const i = p.issue;
  // The cases desk: turn the concern into a case with an owner unit, a deadline and a public answer.
  const canHandleCases = holdsRole(auth, CASE_HANDLERS);
  const topic = (id: string) => topicName(t, id);
  const shown = p.places.filter((c) => !c.hidden);
  const hiddenAny = p.places.some((c) => c.hidden);
  return (
    <DeskLayout
      title={i.label}
      actions={
        <>
          <a class="button" id="brief-download" data-hook="brief-download" href="/admin/listening/brief">
            {t('listening.brief')}
          </a>
          {canHandleCases && (
            <a class="button primary" href={`/admin/cases/new?issue=${i.id}`}>
              {t('cases.list.new')}
            </a>
          )}
        </>
      }
    >
      <nav aria-label="breadcrumb" class="breadcrumb">
        <a href="/admin/listening">{t('listening.attention')}</a> › #{i.id}
      </nav>
      {query.ok === 'label' && (
        <p class="flash ok" role="status">
          {t('listening.labelSaved')}
        </p>
      )}
      {i.status === 'merged' && i.mergedInto && (
        <p class="flash info">
          {t('listening.merged', { id: i.mergedInto })} <a href={`/admin/listening/issues/${i.mergedInto}`}>#{i.mergedInto}</a>
        </p>
      )}
      <FormErrorSummary errors={p.errors} />
      <div class="issue-grid">
        <div>
          <section class="card">
            <p>
              {i.pinned && <span class="badge pin">{t('listening.pinned')}</span>}
              {i.spikeAt && <span class="badge spike">⚡ {t('listening.spikeAt', { time: new Date(i.spikeAt).toLocaleString('vi-VN', { timeZone: VN_TIME_ZONE }) })}</span>}
              <TopicBadges topics={i.topics} name={topic} />
            </p>
            {i.customLabel && <p class="muted">{t('listening.generatedLabel', { label: i.generatedLabel })}</p>}
            <dl class="facts">
              <dt>{t('listening.posts')}</dt>
              <dd>{i.postCount}</dd>
              <dt>{t('listening.voices')}</dt>
              <dd>{i.voices}</dd>
              <dt>{t('listening.frustration')}</dt>
              <dd>
                <FrustrationBar value={i.frustration} />
              </dd>
              <dt>{t('listening.firstSeen')}</dt>
              <dd>
                <When iso={i.firstSeen} />
              </dd>
              <dt>{t('listening.lastSeen')}</dt>
              <dd>
                <When iso={i.lastSeen} />
              </dd>
              <dt>{t('listening.keyPhrases')}</dt>
              <dd>{i.keyPhrases.slice(0, 8).map(([phrase]) => phrase).join(' · ')}</dd>
            </dl>
          </section>
          <h2>{t('listening.volume')}</h2>
          {p.timeline && <Chart svg={p.timeline} title={t('listening.volume')} />}
          <h2>{t('listening.representative')}</h2>
          <form id="split-selected" method="post" action={`/admin/listening/issues/${i.id}/split`}>
            <CsrfField />
          </form>
          <ul class="posts">
            {p.posts.map((post) => (
              <li key={post.id} id={`post-${post.id}`}>
                <p class="text">{post.text ?? t('listening.purged')}</p>
                <div class="meta">
                  <When iso={post.postedAt} />
                  <span>{post.sourceLabel}</span>
                  {post.synthetic && <span class="badge synthetic">{t('listening.synthetic')}</span>}
                  {post.sentiment !== null && (
                    <span class={`badge ${post.sentiment < 0 ? 'bad' : post.sentiment > 0 ? 'good' : ''}`}>{t(post.sentiment < 0 ? 'listening.negative' : post.sentiment > 0 ? 'listening.positive' : 'listening.neutral')}</span>
                  )}
                  <TopicBadges topics={post.topics} name={topic} />
                  {post.url && (
                    <a href={post.url} rel="noopener noreferrer nofollow" target="_blank">
                      ↗
                    </a>
                  )}
                  {i.status !== 'merged' && (
                    <label>
                      <input type="checkbox" name="postIds" value={String(post.id)} form="split-selected" /> {t('listening.splitSelected')}
                    </label>
                  )}
                </div>
                <form class="label" method="post" action={`/admin/listening/posts/${post.id}/label`}>
                  <CsrfField />
                  <input type="hidden" name="back" value={`/admin/listening/issues/${i.id}`} />
                  <label>
                    {t('listening.labelSentiment')}{' '}
                    <select name="sentiment">
                      <option value="">{t('listening.labelNone')}</option>
                      {SENTIMENT_VALUES.map((v) => (
                        <option key={v} value={v} selected={post.labels.sentiment === v}>
                          {t(`listening.${v}` as const)}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    {t('listening.labelTopic')}{' '}
                    <select name="topic">
                      <option value="">{t('listening.labelNone')}</option>
                      {p.topics.map((id) => (
                        <option key={id} value={id} selected={post.labels.topic === id}>
                          {topic(id)}
                        </option>
                      ))}
                      <option value="none" selected={post.labels.topic === 'none'}>
                        {t('listening.noTopic')}
                      </option>
                    </select>
                  </label>
                  <button type="submit">{t('listening.label')}</button>
                </form>
              </li>
            ))}
          </ul>
          {i.status !== 'merged' && p.posts.length > 1 && (
            <p>
              <button type="submit" form="split-selected">
                {t('listening.splitSelected')}
              </button>
            </p>
          )}
        </div>
        <aside>
          <section class="card">
            <h2>{t('listening.sentiment')}</h2>
            {p.sentiment && <Chart svg={p.sentiment} title={t('listening.sentiment')} small />}
          </section>
          <section class="card">
            <h2>{t('listening.places')}</h2>
            {shown.length > 0 && (
              <table>
                <tbody>
                  {shown.map((c) => (
                    <tr key={c.ward}>
                      <td>{c.ward ? p.placeName(c.ward) : t('listening.noWard')}</td>
                      <td class="num">{c.n}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {i.places.filter((pl) => !pl.startsWith('q10-') && !pl.startsWith('p-')).length > 0 && i.voices >= p.minVoices && (
              <p>
                {i.places
                  .filter((pl) => !pl.startsWith('q10-') && !pl.startsWith('p-'))
                  .map((pl) => (
                    <span class="badge" key={pl}>
                      {p.placeName(pl)}
                    </span>
                  ))}
              </p>
            )}
            {hiddenAny && <p class="hint">{t('listening.placesHidden', { min: p.minVoices })}</p>}
          </section>
          {i.status !== 'merged' && (
            <section class="card actions-grid">
              <form method="post" action={`/admin/listening/issues/${i.id}/rename`}>
                <CsrfField />
                <div class="field">
                  <label for="f-label">{t('listening.rename')}</label>
                  <input id="f-label" name="label" value={p.values.label ?? i.customLabel ?? ''} maxLength={200} placeholder={i.generatedLabel} aria-describedby="f-label-hint" />
                  <p class="hint" id="f-label-hint">
                    {t('listening.renameHint')}
                  </p>
                </div>
                <button type="submit" class="primary">
                  {t('common.save')}
                </button>
              </form>
              <form method="post" action={`/admin/listening/issues/${i.id}/pin`}>
                <CsrfField />
                <input type="hidden" name="pinned" value={i.pinned ? '0' : '1'} />
                <button type="submit">{i.pinned ? t('listening.unpin') : t('listening.pin')}</button>
              </form>
              <form method="post" action={`/admin/listening/issues/${i.id}/merge`} class="inline-form">
                <CsrfField />
                <div class="field">
                  <label for="f-into">{t('listening.mergeInto')}</label>
                  <input id="f-into" name="into" inputMode="numeric" pattern="[0-9]+" value={p.values.into ?? ''} required aria-describedby="f-into-hint" />
                  <p class="hint" id="f-into-hint">
                    {t('listening.mergeHint')}
                  </p>
                </div>
                <button type="submit">{t('listening.merge')}</button>
              </form>
              <form method="post" action={`/admin/listening/issues/${i.id}/split`} class="inline-form">
                <CsrfField />
                <div class="field">
                  <label for="f-query">{t('listening.splitQuery')}</label>
                  <input id="f-query" name="query" value={p.values.query ?? ''} maxLength={500} required aria-describedby="f-query-hint" />
                  <p class="hint" id="f-query-hint">
                    {t('listening.splitHint')}
                  </p>
                </div>
                <button type="submit">{t('listening.split')}</button>
              </form>
            </section>
          )}
        </aside>
      </div>
    </DeskLayout>
  );
}
