// One case: its state, the answer, assignment, status moves, notes, files, contact (handlers only),
// the history, and, for a case from a listening issue, whether the concern died down.
import type { MessageKey } from '../../i18n/catalog.ts';
import type { UnitTree } from '../../org/index.ts';
import { Layout } from '../../web/layout.tsx';
import { usePage } from '../../web/page-context.ts';
import { CsrfField, DateTime, Field, FormErrorSummary, SelectField } from '../../web/ui.tsx';
import type { Person } from '../people.ts';
import type { Case, CaseAttachment, CaseEvent, CaseStatus } from '../schema.ts';
import type { LoopEffect } from '../stats.ts';
import { TRANSITIONS } from '../status.ts';
import { placeName, topicName } from '../text.ts';
import { CasesStyles, Due, StatusBadge, statusKey } from './common.tsx';
import { CaseFields, unitOptions, type Errors, type Values } from './fields.tsx';
import { EffectPanel } from './effect.tsx';

export interface CasePageProps {
  c: Case;
  tree: UnitTree;
  history: CaseEvent[];
  attachments: CaseAttachment[];
  handlers: Person[];
  handler?: Person;
  canAssign: boolean;
  canSeeContact: boolean;
  values: Values;
  errors: Errors;
  effect: LoopEffect | null;
}

const ACTIONS: CaseStatus[] = ['assigned', 'in_progress', 'closed', 'reopened'];

export function CasePage({ c, tree, history, attachments, handlers, handler, canAssign, canSeeContact, values, errors, effect }: CasePageProps) {
  const { t, locale } = usePage();
  const base = `/admin/cases/${c.id}`;
  const moves = ACTIONS.filter((s) => TRANSITIONS[c.status].includes(s));
  const canAnswer = TRANSITIONS[c.status].includes('answered');
  const unit = tree.get(c.unitId);
  const citizen = c.source === 'report' || c.source === 'open311';
  return (
    <Layout title={`#${c.id} · ${c.title}`}>
      <CasesStyles />
      <nav aria-label="breadcrumb" class="breadcrumb">
        <a href="/admin/cases">{t('cases.list.title')}</a>
      </nav>
      <FormErrorSummary errors={errors} />
      <dl class="stats case-facts">
        <div><dt>{t('cases.field.status')}</dt><dd><StatusBadge status={c.status} /></dd></div>
        <div><dt>{t('cases.field.due')}</dt><dd><Due c={c} /></dd></div>
        <div><dt>{t('cases.field.unit')}</dt><dd>{unit?.name ?? c.unitId}</dd></div>
        <div><dt>{t('cases.field.handler')}</dt><dd>{handler?.displayName ?? t('cases.field.none')}</dd></div>
        <div><dt>{t('cases.field.source')}</dt><dd>{t(`cases.source.${c.source}` as MessageKey)}</dd></div>
        <div><dt>{t('cases.field.created')}</dt><dd><DateTime value={c.createdAt} /></dd></div>
      </dl>
      <section class="card">
        <h2>{t('cases.field.description')}</h2>
        <p class="pre">{c.description}</p>
        <p class="muted">
          {[topicName(c.topic, locale), c.wardId ? tree.get(c.wardId)?.shortName : '', placeName(c.placeId), c.address, c.lat !== null && c.long !== null ? `${c.lat.toFixed(5)}, ${c.long.toFixed(5)}` : ''].filter(Boolean).join(' · ')}
        </p>
        {citizen && (
          <p>
            {t('cases.field.code')}: <code>{c.code}</code> · <a href={`/phan-anh/tra-cuu/${c.code}`}>{t('cases.detail.statusPage')}</a>
          </p>
        )}
        {c.issueId !== null && <p>{t('cases.field.issue')}: <a href={`/admin/listening/issues/${c.issueId}`}>#{c.issueId}</a></p>}
        {c.rating !== null && <p>{t('cases.field.rating')}: {'★'.repeat(c.rating)}{'☆'.repeat(5 - c.rating)}</p>}
        {c.reopenCount > 0 && <p>{t('cases.field.reopens')}: {c.reopenCount}</p>}
      </section>

      <div class="grid two">
        <section class="card">
          <h2>{t('cases.detail.answer')}</h2>
          {c.publicAnswer && (
            <blockquote class="answer">
              <p class="pre">{c.publicAnswer}</p>
              <footer class="muted"><DateTime value={c.answeredAt} /></footer>
            </blockquote>
          )}
          {canAnswer && (
            <form method="post" action={`${base}/answer`}>
              <CsrfField />
              <Field name="answer" label={t('cases.field.answer')} value={values.answer ?? ''} type="textarea" required maxLength={5000} hint={t('cases.field.answerHint')} error={errors.answer} />
              <button type="submit" class="primary">{t('cases.detail.answerButton')}</button>
            </form>
          )}
          {moves.length > 0 && (
            <>
              <h3>{t('cases.detail.actions')}</h3>
              <div class="actions-row">
                {moves.map((s) => (
                  <form method="post" action={`${base}/status`} class="inline" key={s}>
                    <CsrfField />
                    <input type="hidden" name="to" value={s} />
                    <button type="submit" class={s === 'closed' ? 'danger' : undefined}>{t(`cases.action.${s}` as MessageKey)}</button>
                  </form>
                ))}
              </div>
            </>
          )}
        </section>

        <section class="card">
          <h2>{t('cases.detail.assign')}</h2>
          {canAssign ? (
            <form method="post" action={`${base}/assign`}>
              <CsrfField />
              <SelectField name="unitId" label={t('cases.field.unit')} value={String(c.unitId)} options={unitOptions(tree)} />
              <SelectField name="handlerId" label={t('cases.field.handler')} value={c.handlerId ? String(c.handlerId) : ''} options={[{ value: '', label: t('cases.field.none') }, ...handlers.map((h) => ({ value: String(h.id), label: `${h.displayName} (${h.email})` }))]} error={errors.handlerId} />
              <button type="submit">{t('common.save')}</button>
            </form>
          ) : (
            <p>{handler?.displayName ?? t('cases.field.none')}</p>
          )}
          {canSeeContact && citizen && (
            <>
              <h3>{t('cases.field.contact')}</h3>
              {c.contactPurgedAt ? (
                <p class="muted">{t('cases.field.contactPurged')}</p>
              ) : c.contactName || c.contactEmail || c.contactPhone || c.contactZalo ? (
                <ul class="plain contact">
                  {c.contactName && <li>{t('cases.field.contactName')}: {c.contactName}</li>}
                  {c.contactEmail && <li>{t('cases.field.contactEmail')}: <a href={`mailto:${c.contactEmail}`}>{c.contactEmail}</a></li>}
                  {c.contactPhone && <li>{t('cases.field.contactPhone')}: {c.contactPhone}</li>}
                  {c.contactZalo && <li>{t('cases.field.contactZalo')}: {c.contactZalo}</li>}
                </ul>
              ) : (
                <p class="muted">{t('cases.field.none')}</p>
              )}
              <p class="hint">{t('cases.field.contactHidden')}</p>
            </>
          )}
        </section>
      </div>

      {effect && <EffectPanel effect={effect} />}

      <details class="card">
        <summary><h2 class="inline-h">{t('cases.detail.edit')}</h2></summary>
        <form method="post" action={base} class="form-grid">
          <CsrfField />
          <fieldset>
            <CaseFields tree={tree} values={values} errors={errors} withUnit={false} />
            <div class="form-actions"><button type="submit" class="primary">{t('common.save')}</button></div>
          </fieldset>
        </form>
      </details>

      <div class="grid two">
        <section class="card">
          <h2>{t('cases.field.attachments')}</h2>
          {attachments.length > 0 && (
            <ul class="plain files">
              {attachments.map((a) => (
                <li key={a.id}>
                  <a href={`${base}/attachments/${a.id}`}>{a.fileName}</a> <span class="muted">({Math.ceil(a.size / 1024)} kB)</span>
                </li>
              ))}
            </ul>
          )}
          <form method="post" action={`${base}/attachments`} enctype="multipart/form-data">
            <CsrfField />
            <div class="field">
              <label for="f-file">{t('cases.field.file')}</label>
              <input id="f-file" type="file" name="file" accept="image/jpeg,image/png,image/webp,application/pdf" required />
            </div>
            <button type="submit">{t('cases.detail.upload')}</button>
          </form>
        </section>
        <section class="card">
          <h2>{t('cases.detail.addNote')}</h2>
          <form method="post" action={`${base}/notes`}>
            <CsrfField />
            <Field name="note" label={t('cases.field.note')} value={values.note ?? ''} type="textarea" required maxLength={3000} error={errors.note} />
            <button type="submit">{t('cases.detail.addNote')}</button>
          </form>
        </section>
      </div>

      <section>
        <h2>{t('cases.detail.history')}</h2>
        <ol class="history">
          {history.map((e) => (
            <li key={e.id} class={`event-${e.kind}`}>
              <DateTime value={e.at} /> · <strong>{t(`cases.event.${e.kind}` as MessageKey)}</strong>
              {e.fromStatus && e.toStatus && <> · {t(statusKey(e.fromStatus))} → {t(statusKey(e.toStatus))}</>}
              {!e.fromStatus && e.toStatus && <> · {t(statusKey(e.toStatus))}</>}
              <span class="muted"> · {e.actorLabel === 'citizen' ? t('cases.source.report') : e.actorLabel}</span>
              {e.note && <p class="pre note">{e.note}</p>}
              {e.kind === 'assigned' && e.details && <AssignDetails details={e.details} tree={tree} />}
              {e.kind === 'escalated' && e.details && <span class="muted"> · {tree.get(Number(e.details.toUnitId))?.name}</span>}
              {e.kind === 'rated' && e.details && <span> · {String(e.details.rating)}/5</span>}
            </li>
          ))}
        </ol>
      </section>
    </Layout>
  );
}

function AssignDetails({ details, tree }: { details: Record<string, unknown>; tree: UnitTree }) {
  const unit = details.unitId as [number, number] | undefined;
  if (!unit || unit[0] === unit[1]) return null;
  return <span class="muted"> · {tree.get(unit[0])?.name} → {tree.get(unit[1])?.name}</span>;
}
