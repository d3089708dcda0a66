// Administration of cases: routing rules, settings (service levels, reminders, retention, calendar),
// Open311 keys.
import type { UnitTree } from '../../org/index.ts';
import { Layout } from '../../web/layout.tsx';
import { usePage } from '../../web/page-context.ts';
import { CsrfField, DateTime, Field, FormErrorSummary, SelectField, TableWrap } from '../../web/ui.tsx';
import type { Open311Key, RoutingRule } from '../schema.ts';
import { placeName, placeOptions, topicList, topicName } from '../text.ts';
import { CasesStyles } from './common.tsx';
import { unitOptions, wardOptions, type Errors, type Values } from './fields.tsx';
import { DISTRICT_ADMINS, holdsRole } from '../../core/roles.ts';

export function AdminLinks() {
  const { t, auth } = usePage();
  const district = holdsRole(auth, DISTRICT_ADMINS);
  return (
    <nav class="filters" aria-label={t('nav.menu')}>
      <a href="/admin/cases/stats">{t('cases.stats.title')}</a>
      <a href="/admin/cases/routing">{t('cases.routing.title')}</a>
      {district && <a href="/admin/settings/cases">{t('cases.settings.title')}</a>}
      {district && <a href="/admin/settings/open311">{t('cases.open311.title')}</a>}
      {district && <a href="/admin/settings/mail">{t('mail.settings.title')}</a>}
      {district && <a href="/admin/settings/backup">{t('backup.settings.title')}</a>}
    </nav>
  );
}

export function RoutingPage({ tree, rules, values, errors, editable }: { tree: UnitTree; rules: RoutingRule[]; values: Values; errors: Errors; editable: (r: RoutingRule) => boolean }) {
  const { t, locale } = usePage();
  const any = t('cases.routing.any');
  return (
    <Layout title={t('cases.routing.title')}>
      <CasesStyles />
      <AdminLinks />
      <p>{t('cases.routing.intro')}</p>
      {rules.length === 0 ? (
        <p class="muted">{t('cases.routing.empty')}</p>
      ) : (
        <TableWrap label={t('cases.routing.title')}>
          <thead>
            <tr>
              <th scope="col">{t('cases.field.topic')}</th>
              <th scope="col">{t('cases.field.ward')}</th>
              <th scope="col">{t('cases.field.place')}</th>
              <th scope="col">{t('cases.field.unit')}</th>
              <th scope="col">{t('cases.routing.note')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr key={r.id}>
                <td data-label={t('cases.field.topic')}>{r.topic ? topicName(r.topic, locale) : any}</td>
                <td data-label={t('cases.field.ward')}>{r.wardId ? (tree.get(r.wardId)?.shortName ?? r.wardId) : any}</td>
                <td data-label={t('cases.field.place')}>{r.placeId ? placeName(r.placeId) : any}</td>
                <td data-label={t('cases.field.unit')}>{tree.get(r.unitId)?.name ?? r.unitId}</td>
                <td data-label={t('cases.routing.note')}>{r.note ?? ''}</td>
                <td data-label={t('common.actions')}>
                  {editable(r) && (
                    <form method="post" action={`/admin/cases/routing/${r.id}/delete`} class="inline">
                      <CsrfField />
                      <button type="submit" class="link danger">{t('common.delete')}</button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </TableWrap>
      )}
      <h2>{t('cases.routing.add')}</h2>
      <FormErrorSummary errors={errors} />
      <form method="post" action="/admin/cases/routing" class="card form-grid">
        <CsrfField />
        <fieldset>
          <SelectField name="topic" label={t('cases.field.topic')} value={values.topic} options={[{ value: '', label: any }, ...topicList().map((o) => ({ value: o.id, label: o.name[locale] }))]} />
          <SelectField name="wardId" label={t('cases.field.ward')} value={values.wardId} options={wardOptions(tree, any)} />
          <SelectField name="placeId" label={t('cases.field.place')} value={values.placeId} options={[{ value: '', label: any }, ...placeOptions().map((p) => ({ value: p.id, label: p.name }))]} />
          <SelectField name="unitId" label={t('cases.field.unit')} value={values.unitId} required options={unitOptions(tree)} error={errors.unitId} />
          <Field name="note" label={t('cases.routing.note')} value={values.note} maxLength={300} />
          <div class="form-actions">
            <button type="submit" class="primary">{t('cases.routing.add')}</button>
          </div>
        </fieldset>
      </form>
    </Layout>
  );
}

export function CasesSettingsPage({ values, errors }: { values: Values; errors: Errors }) {
  const { t, locale } = usePage();
  const v = (k: string) => values[k] ?? '';
  return (
    <Layout title={t('cases.settings.title')}>
      <CasesStyles />
      <AdminLinks />
      <FormErrorSummary errors={errors} />
      <form method="post" action="/admin/settings/cases" class="card form-grid">
        <CsrfField />
        <fieldset>
          <Field name="defaultDays" label={t('cases.settings.defaultDays')} value={v('defaultDays')} type="number" inputMode="numeric" required error={errors.defaultDays} />
          <Field name="dueSoonDays" label={t('cases.settings.dueSoonDays')} value={v('dueSoonDays')} type="number" inputMode="numeric" required error={errors.dueSoonDays} />
          <Field name="escalateEveryDays" label={t('cases.settings.escalateEveryDays')} value={v('escalateEveryDays')} type="number" inputMode="numeric" required error={errors.escalateEveryDays} />
          <Field name="reopenDays" label={t('cases.settings.reopenDays')} value={v('reopenDays')} type="number" inputMode="numeric" required error={errors.reopenDays} />
          <Field name="retentionDays" label={t('cases.settings.retentionDays')} value={v('retentionDays')} type="number" inputMode="numeric" required error={errors.retentionDays} />
          <Field name="jurisdictionId" label={t('cases.settings.jurisdictionId')} value={v('jurisdictionId')} maxLength={100} error={errors.jurisdictionId} />
          <fieldset class="topic-days">
            <legend>{t('cases.settings.topicDays')}</legend>
            {topicList().map((o) => (
              <Field key={o.id} name={`days_${o.id}`} label={o.name[locale]} value={v(`days_${o.id}`)} type="number" inputMode="numeric" error={errors[`days_${o.id}`]} />
            ))}
          </fieldset>
          <Field name="extraHolidays" label={t('cases.settings.extraHolidays')} value={v('extraHolidays')} type="textarea" error={errors.extraHolidays} />
          <Field name="extraWorkdays" label={t('cases.settings.extraWorkdays')} value={v('extraWorkdays')} type="textarea" error={errors.extraWorkdays} />
          <div class="form-actions">
            <button type="submit" class="primary">{t('common.save')}</button>
          </div>
        </fieldset>
      </form>
    </Layout>
  );
}

export function Open311KeysPage({ keys, created, errors }: { keys: Open311Key[]; created?: string; errors: Errors }) {
  const { t } = usePage();
  return (
    <Layout title={t('cases.open311.title')}>
      <CasesStyles />
      <AdminLinks />
      <p>{t('cases.open311.intro')}</p>
      {created && (
        <p class="flash ok" role="status">
          {t('cases.open311.created', { key: '' })}
          <code class="new-key">{created}</code>
        </p>
      )}
      {keys.length === 0 ? (
        <p class="muted">{t('cases.open311.empty')}</p>
      ) : (
        <TableWrap label={t('cases.open311.title')}>
          <thead>
            <tr>
              <th scope="col">{t('cases.open311.name')}</th>
              <th scope="col">Key</th>
              <th scope="col">{t('cases.open311.lastUsed')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.id}>
                <td data-label={t('cases.open311.name')}>{k.name}</td>
                <td data-label="Key"><code>{k.prefix}…</code></td>
                <td data-label={t('cases.open311.lastUsed')}><DateTime value={k.lastUsedAt} /></td>
                <td data-label={t('common.actions')}>
                  {k.revokedAt ? (
                    <span class="badge">{t('cases.open311.revoked')}</span>
                  ) : (
                    <form method="post" action={`/admin/settings/open311/${k.id}/revoke`} class="inline">
                      <CsrfField />
                      <button type="submit" class="link danger">{t('cases.open311.revoke')}</button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </TableWrap>
      )}
      <FormErrorSummary errors={errors} />
      <form method="post" action="/admin/settings/open311" class="card">
        <CsrfField />
        <Field name="name" label={t('cases.open311.name')} required maxLength={100} error={errors.name} />
        <button type="submit" class="primary">{t('cases.open311.add')}</button>
      </form>
    </Layout>
  );
}
