// "Hỏi – đáp / Trả lời phản ánh" on a unit's site: the question (redacted), the answer, the unit, dates.
import { usePage } from '../../web/page-context.ts';
import { PublicDocument, type PublicSite } from '../../web/public-layout.tsx';
import { formatDateTime } from '../../core/time.ts';
import type { Unit, UnitTree } from '../../org/index.ts';
import { topicName } from '../text.ts';
import { PublicHead } from './head.tsx';
import type { PublicAnswer } from './queries.ts';

export function AnswersPage({ site, tree, unit, rows, page, more }: { site: PublicSite; tree: UnitTree; unit: Unit; rows: PublicAnswer[]; page: number; more: boolean }) {
  const { t, locale } = usePage();
  return (
    <PublicDocument site={site} title={t('public.answers.title')} description={t('public.answers.intro', { unit: unit.name })} head={<PublicHead />}>
      <h1>{t('public.answers.title')}</h1>
      <p class="lead">{t('public.answers.intro', { unit: unit.name })}</p>
      <p>
        <a class="button" href={`${site.base}/phan-anh`}>{t('public.menu.report')}</a> <a href="/phan-anh/tra-cuu">{t('public.menu.track')}</a>
      </p>
      {rows.length === 0 ? (
        <p>{t('public.answers.empty')}</p>
      ) : (
        <ol class="qa">
          {rows.map((r) => (
            <li key={r.id} id={`hd-${r.id}`}>
              <article>
                <h2>{r.title}</h2>
                <p class="meta">
                  {[r.topic ? topicName(r.topic, locale) : '', t('public.answers.received', { date: formatDateTime(r.receivedAt, locale, false) }), t('public.answers.answered', { date: formatDateTime(r.answeredAt, locale, false) })].filter(Boolean).join(' · ')}
                </p>
                <h3 class="visually-hidden">{t('public.answers.question')}</h3>
                <p class="pre">{r.question}</p>
                <div class="answer">
                  <h3>{t('public.status.answer', { unit: tree.get(r.unitId)?.name ?? '' })}</h3>
                  <p class="pre">{r.answer}</p>
                </div>
              </article>
            </li>
          ))}
        </ol>
      )}
      {more && <p><a href={`${site.base}/hoi-dap?trang=${page + 1}`}>{t('public.answers.older')}</a></p>}
    </PublicDocument>
  );
}
