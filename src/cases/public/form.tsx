// The citizen's report form (no account): topic, text, place (ward, address, or coordinates),
// photos, optional contact; with a hidden honeypot field and the "a similar report exists" step.
import type { UnitTree } from '../../org/index.ts';
import { usePage } from '../../web/page-context.ts';
import { PublicDocument, type PublicSite } from '../../web/public-layout.tsx';
import { CsrfField, Field, FormErrorSummary, SelectField } from '../../web/ui.tsx';
import { MAX_CITIZEN_PHOTOS } from '../attachments.ts';
import { StatusBadge } from '../pages/common.tsx';
import type { Similar } from '../reports.ts';
import { topicList } from '../text.ts';
import { PublicHead } from './head.tsx';

export interface ReportFormProps {
  site: PublicSite;
  tree: UnitTree;
  action: string;
  values: Record<string, string>;
  errors: Record<string, string>;
  similar?: Similar[];
}

export function ReportPage({ site, tree, action, values, errors, similar }: ReportFormProps) {
  const { t, locale } = usePage();
  const v = (k: string) => values[k] ?? '';
  const wards = tree.all().filter((u) => u.kind === 'ward' && u.active).sort((a, b) => a.sortOrder - b.sortOrder);
  return (
    <PublicDocument site={site} title={t('public.report.title')} head={<PublicHead script />}>
      <h1>{t('public.report.title')}</h1>
      <p class="lead">{t('public.report.intro')}</p>
      <p>
        <a href="/phan-anh/tra-cuu">{t('public.menu.track')}</a>
      </p>
      <FormErrorSummary errors={errors} />
      {similar && similar.length > 0 && (
        <section class="similar" aria-labelledby="similar-h">
          <h2 id="similar-h">{t('public.report.similar')}</h2>
          <p>{t('public.report.similarIntro')}</p>
          <ul>
            {similar.map((s) => {
              const unit = tree.get(s.unitId);
              return (
                <li key={s.id}>
                  <strong>{s.title}</strong> <StatusBadge status={s.status} /> · {unit && <a href={`/${unit.slug}/hoi-dap`}>{unit.name}</a>}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <form method="post" action={action} enctype="multipart/form-data" class="report-form" novalidate={false}>
        <CsrfField />
        {similar && similar.length > 0 && <input type="hidden" name="confirm" value="1" />}
        <div class="hp" aria-hidden="true">
          <label for="f-website">{t('public.report.website')}</label>
          <input id="f-website" name="website" type="text" tabIndex={-1} autoComplete="off" value="" />
        </div>
        <SelectField name="topic" label={t('public.report.topic')} value={v('topic')} options={[{ value: '', label: t('public.report.topicOther') }, ...topicList().map((o) => ({ value: o.id, label: o.name[locale] }))]} error={errors.topic} />
        <Field name="title" label={t('public.report.title.field')} value={v('title')} maxLength={200} error={errors.title} />
        <Field name="description" label={t('public.report.description')} value={v('description')} type="textarea" required maxLength={5000} hint={t('public.report.descriptionHint')} error={errors.description} />
        <fieldset>
          <legend>{t('public.report.place')}</legend>
          <SelectField name="wardId" label={t('public.report.ward')} value={v('wardId')} options={[{ value: '', label: t('public.report.wardUnknown') }, ...wards.map((w) => ({ value: String(w.id), label: w.shortName ?? w.name }))]} error={errors.wardId} />
          <Field name="address" label={t('public.report.address')} value={v('address')} maxLength={300} autocomplete="street-address" error={errors.address} />
          <div class="point">
            <p class="field-label">{t('public.report.point')}</p>
            <div class="pair">
              <Field name="lat" label={t('cases.field.lat')} value={v('lat')} inputMode="text" maxLength={20} error={errors.lat} />
              <Field name="long" label={t('cases.field.long')} value={v('long')} inputMode="text" maxLength={20} error={errors.long} />
            </div>
            <p class="hint">{t('public.report.pointHint')}</p>
            <button type="button" class="locate" hidden>{t('public.report.locate')}</button>
          </div>
        </fieldset>
        <div class={`field${errors.photos ? ' has-error' : ''}`}>
          <label for="f-photos">{t('public.report.photos')}</label>
          <input id="f-photos" name="photos" type="file" accept="image/jpeg,image/png,image/webp,image/heic" multiple data-max={MAX_CITIZEN_PHOTOS} aria-describedby="f-photos-hint" />
          <p class="hint" id="f-photos-hint">{t('public.report.photosHint')}</p>
          {errors.photos && <p class="error">{errors.photos}</p>}
        </div>
        <fieldset>
          <legend>{t('public.report.contact')}</legend>
          <p class="hint">{t('public.report.contactHint')}</p>
          <Field name="name" label={t('public.report.name')} value={v('name')} maxLength={100} autocomplete="name" error={errors.name} />
          <Field name="email" label={t('public.report.email')} value={v('email')} type="email" maxLength={254} autocomplete="email" error={errors.email} />
          <Field name="phone" label={t('public.report.phone')} value={v('phone')} type="tel" maxLength={20} autocomplete="tel" error={errors.phone} />
          <Field name="zalo" label={t('public.report.zalo')} value={v('zalo')} maxLength={40} error={errors.zalo} />
        </fieldset>
        <button type="submit" class="primary">{similar && similar.length > 0 ? t('public.report.sendAnyway') : t('public.report.submit')}</button>
      </form>
    </PublicDocument>
  );
}
