// The citizen's status page (by tracking code): no personal data; the answer; rating and re-opening
// within the window. And the lookup form.
import type { MessageKey } from '../../i18n/catalog.ts';
import type { UnitTree } from '../../org/index.ts';
import { usePage } from '../../web/page-context.ts';
import { PublicDocument, type PublicSite } from '../../web/public-layout.tsx';
import { CsrfField, DateTime, Field, FormErrorSummary } from '../../web/ui.tsx';
import { statusKey, StatusBadge } from '../pages/common.tsx';
import type { Case } from '../schema.ts';
import { publicText, topicName } from '../text.ts';
import { PublicHead } from './head.tsx';
import { VN_TIME_ZONE } from '../../core/time.ts';
import type { PublicStep } from './queries.ts';

export function TrackPage({ site, code, error }: { site: PublicSite; code: string; error?: string }) {
  const { t } = usePage();
  return (
    <PublicDocument site={site} title={t('public.track.title')} head={<PublicHead />}>
      <h1>{t('public.track.title')}</h1>
      <p>{t('public.track.intro')}</p>
      {error && <p class="flash error" role="alert">{error}</p>}
      <form method="get" action="/phan-anh/tra-cuu" class="track-form">
        <Field name="code" label={t('public.track.code')} value={code} required maxLength={20} autocomplete="off" />
        <button type="submit" class="primary">{t('public.track.submit')}</button>
      </form>
    </PublicDocument>
  );
}

export interface StatusPageProps {
  site: PublicSite;
  tree: UnitTree;
  c: Case;
  steps: PublicStep[];
  windowOpen: boolean;
  reopenDays: number;
  errors: Record<string, string>;
}

export function StatusPage({ site, tree, c, steps, windowOpen, reopenDays, errors }: StatusPageProps) {
  const { t, locale, query } = usePage();
  const unit = tree.get(c.unitId);
  const base = `/phan-anh/tra-cuu/${c.code}`;
  return (
    <PublicDocument site={site} title={t('public.status.title', { code: c.code })} head={<><PublicHead /><meta name="robots" content="noindex" /></>}>
      {query.moi === '1' && (
        <section class="flash ok" role="status">
          <h1>{t('public.report.thanks')}</h1>
          <p>{t('public.report.thanksText', { unit: unit?.name ?? '', due: c.dueAt ? new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: VN_TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' }).format(c.dueAt) : '—' })}</p>
          <p>{t('public.report.codeIntro')} <span class="code">{c.code}</span></p>
        </section>
      )}
      {query.ok === 'rated' && <p class="flash ok" role="status">{t('public.status.thanksRating')}</p>}
      {query.ok === 'reopened' && <p class="flash ok" role="status">{t('public.status.reopened')}</p>}
      {query.moi !== '1' && <h1>{t('public.status.title', { code: c.code })}</h1>}
      <section class="status-card">
        <h2>{publicText(c.title)}</h2>
        <dl class="facts">
          <dt>{t('public.status.status')}</dt>
          <dd><StatusBadge status={c.status} /></dd>
          <dt>{t('public.status.received')}</dt>
          <dd><DateTime value={c.createdAt} /></dd>
          {c.topic && <><dt>{t('cases.field.topic')}</dt><dd>{topicName(c.topic, locale)}</dd></>}
          <dt>{t('public.status.unit')}</dt>
          <dd>{unit?.name}</dd>
          <dt>{t('public.status.due')}</dt>
          <dd><DateTime value={c.dueAt} withTime={false} /></dd>
        </dl>
        {c.publicAnswer && c.answeredAt ? (
          <div class="answer">
            <h3>{t('public.status.answer', { unit: unit?.name ?? '' })}</h3>
            <p class="pre">{c.publicAnswer}</p>
            <p class="meta">{t('public.status.answeredAt')}: <DateTime value={c.answeredAt} /></p>
          </div>
        ) : (
          <p>{t('public.status.waiting')}</p>
        )}
        <ol class="timeline">
          {steps.map((s, i) => (
            <li key={i}>
              <DateTime value={s.at} /> · {t(statusKey(s.status) as MessageKey)}
              {s.unitId && s.status !== 'answered' ? ` · ${tree.get(s.unitId)?.name ?? ''}` : ''}
            </li>
          ))}
        </ol>
      </section>
      <FormErrorSummary errors={errors} />
      {c.rating !== null && <p>{t('public.status.rated', { n: c.rating })}</p>}
      {windowOpen && (
        <>
          {c.rating === null && (
            <form method="post" action={`${base}/danh-gia`} class="rate">
              <CsrfField />
              <fieldset class="stars">
                <legend>{t('public.status.rate')}</legend>
                {[5, 4, 3, 2, 1].map((n) => (
                  <label key={n}>
                    <input type="radio" name="rating" value={String(n)} required /> {t('public.status.stars', { n })}
                  </label>
                ))}
              </fieldset>
              <button type="submit">{t('public.status.rateButton')}</button>
            </form>
          )}
          <section class="reopen">
            <h2>{t('public.status.reopen')}</h2>
            <p>{t('public.status.reopenHint', { days: reopenDays })}</p>
            <form method="post" action={`${base}/mo-lai`}>
              <CsrfField />
              <Field name="reason" label={t('public.status.reopenReason')} type="textarea" required maxLength={2000} error={errors.reason} />
              <button type="submit">{t('public.status.reopenButton')}</button>
            </form>
          </section>
        </>
      )}
    </PublicDocument>
  );
}
