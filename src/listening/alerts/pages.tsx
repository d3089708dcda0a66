// Pages of the alerts: the rules with the form to add one, a rule's page, and the notifications list.
import type { MessageKey } from '../../i18n/catalog.ts';
import { Layout } from '../../web/layout.tsx';
import { DeskLayout } from '../pages/common.tsx';
import { usePage } from '../../web/page-context.ts';
import { CheckboxField, CsrfField, DateTime, Field, FormErrorSummary, SelectField, TableWrap } from '../../web/ui.tsx';
import type { FormValues } from '../../web/forms.ts';
import type { AlertView, NotificationView } from './notifications.ts';
import type { AlertRule } from './schema.ts';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from './deliver.ts';

export const ruleToForm = (r: AlertRule): FormValues => ({
  name: r.name,
  kind: r.kind,
  windowHours: String(r.windowHours),
  maxPerHour: String(r.maxPerHour),
  inApp: r.inApp ? 'on' : '',
  enabled: r.enabled ? 'on' : '',
  emails: r.emails.join(', '),
  webhookUrl: r.webhookUrl ?? '',
  spikeKind: r.params.spikeKind ?? 'any',
  minScore: String(r.params.minScore ?? 3),
  threshold: String(Math.round((r.params.threshold ?? 0.6) * 100)),
  minPosts: String(r.params.minPosts ?? 10),
  query: r.params.query ?? '',
});

export const NEW_RULE: FormValues = { kind: 'spike', windowHours: '24', maxPerHour: '5', inApp: 'on', enabled: 'on', spikeKind: 'any', minScore: '3', threshold: '60', minPosts: '10' };

function Nav() {
  const { t } = usePage();
  return (
    <p class="page-links">
      <a href="/admin/listening/alerts">{t('alerts.rules')}</a> · <a href="/admin/notifications">{t('alerts.notifications')}</a> · <a href="/admin/listening/brief">{t('brief.title')}</a>
    </p>
  );
}

function RuleForm({ action, values, errors, submit }: { action: string; values: FormValues; errors: Record<string, string>; submit: string }) {
  const { t } = usePage();
  const v = (k: string) => values[k] ?? '';
  const on = (k: string) => v(k) === 'on' || v(k) === 'true';
  return (
    <form method="post" action={action} class="card form-grid">
      <CsrfField />
      <FormErrorSummary errors={errors} />
      <fieldset>
        <legend>{t('alerts.rule')}</legend>
        <Field name="name" label={t('alerts.name')} value={v('name')} required maxLength={120} error={errors.name} />
        <SelectField name="kind" label={t('alerts.kind')} value={v('kind')} options={(['spike', 'frustration', 'query'] as const).map((k) => ({ value: k, label: t(`alerts.kind.${k}` as MessageKey) }))} error={errors.kind} />
        <Field name="windowHours" label={t('alerts.windowHours')} value={v('windowHours')} type="number" inputMode="numeric" hint={t('alerts.windowHint')} error={errors.windowHours} />
        <Field name="maxPerHour" label={t('alerts.maxPerHour')} value={v('maxPerHour')} type="number" inputMode="numeric" hint={t('alerts.maxPerHourHint')} error={errors.maxPerHour} />
      </fieldset>
      <fieldset>
        <legend>{t('alerts.conditions')}</legend>
        <SelectField name="spikeKind" label={t('alerts.spikeKind')} value={v('spikeKind')} options={(['any', 'issue', 'topic', 'place'] as const).map((k) => ({ value: k, label: t(`alerts.spikeKind.${k}` as MessageKey) }))} error={errors.spikeKind} />
        <Field name="minScore" label={t('alerts.minScore')} value={v('minScore')} type="number" hint={t('alerts.minScoreHint')} error={errors.minScore} />
        <Field name="threshold" label={t('alerts.threshold')} value={v('threshold')} type="number" inputMode="numeric" hint={t('alerts.thresholdHint')} error={errors.threshold} />
        <Field name="minPosts" label={t('alerts.minPosts')} value={v('minPosts')} type="number" inputMode="numeric" hint={t('alerts.minPostsHint')} error={errors.minPosts} />
        <Field name="query" label={t('alerts.query')} value={v('query')} maxLength={500} hint={t('alerts.queryHint')} error={errors.query} />
      </fieldset>
      <fieldset>
        <legend>{t('alerts.channels')}</legend>
        <CheckboxField name="inApp" label={t('alerts.inApp')} checked={on('inApp')} />
        <Field name="emails" label={t('alerts.emails')} value={v('emails')} hint={t('alerts.emailsHint')} error={errors.emails} />
        <Field name="webhookUrl" label={t('alerts.webhookUrl')} value={v('webhookUrl')} type="url" hint={t('alerts.webhookHint')} error={errors.webhookUrl} />
        <CheckboxField name="enabled" label={t('alerts.enabled')} checked={on('enabled')} />
        <div class="form-actions">
          <button type="submit" class="primary">{submit}</button>
        </div>
      </fieldset>
    </form>
  );
}

function AlertsTable({ alerts }: { alerts: AlertView[] }) {
  const { t } = usePage();
  if (!alerts.length) return <p class="muted">{t('alerts.noAlerts')}</p>;
  return (
    <TableWrap label={t('alerts.recent')}>
      <thead>
        <tr>
          <th scope="col">{t('alerts.when')}</th>
          <th scope="col">{t('alerts.rule')}</th>
          <th scope="col">{t('alerts.alert')}</th>
          <th scope="col">{t('alerts.delivery')}</th>
        </tr>
      </thead>
      <tbody>
        {alerts.map((a) => (
          <tr key={a.id}>
            <td data-label={t('alerts.when')}><DateTime value={a.createdAt} /></td>
            <td data-label={t('alerts.rule')}><a href={`/admin/listening/alerts/${a.ruleId}`}>{a.ruleName}</a></td>
            <td data-label={t('alerts.alert')}><a href={a.link}>{a.title}</a></td>
            <td data-label={t('alerts.delivery')}>
              {a.suppressed ? t('alerts.suppressed') : [a.emailedAt ? t('alerts.emailed') : null, a.webhookAt ? t('alerts.webhookSent') : a.webhookError ? t('alerts.webhookFailed', { error: a.webhookError }) : null].filter(Boolean).join(' · ') || t('alerts.inAppOnly')}
            </td>
          </tr>
        ))}
      </tbody>
    </TableWrap>
  );
}

export function AlertsPage({ rules, alerts, values, errors }: { rules: AlertRule[]; alerts: AlertView[]; values: FormValues; errors: Record<string, string> }) {
  const { t } = usePage();
  return (
    <DeskLayout title={t('alerts.title')}>
      <p>{t('alerts.intro')}</p>
      <h2>{t('alerts.rules')}</h2>
      {rules.length ? (
        <TableWrap label={t('alerts.rules')}>
          <thead>
            <tr>
              <th scope="col">{t('alerts.name')}</th>
              <th scope="col">{t('alerts.kind')}</th>
              <th scope="col">{t('alerts.windowHours')}</th>
              <th scope="col">{t('alerts.channels')}</th>
              <th scope="col">{t('alerts.enabled')}</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr key={r.id}>
                <th scope="row"><a href={`/admin/listening/alerts/${r.id}`}>{r.name}</a></th>
                <td data-label={t('alerts.kind')}>{t(`alerts.kind.${r.kind}` as MessageKey)}</td>
                <td data-label={t('alerts.windowHours')} class="num">{r.windowHours}</td>
                <td data-label={t('alerts.channels')}>{[r.inApp ? t('alerts.inApp') : null, r.emails.length ? t('alerts.emailCount', { count: r.emails.length }) : null, r.webhookUrl ? 'Webhook' : null].filter(Boolean).join(', ')}</td>
                <td data-label={t('alerts.enabled')}>{r.enabled ? t('alerts.on') : t('alerts.off')}</td>
              </tr>
            ))}
          </tbody>
        </TableWrap>
      ) : (
        <p class="muted">{t('alerts.noRules')}</p>
      )}
      <h2>{t('alerts.newRule')}</h2>
      <RuleForm action="/admin/listening/alerts" values={values} errors={errors} submit={t('alerts.create')} />
      <h2>{t('alerts.recent')}</h2>
      <AlertsTable alerts={alerts} />
    </DeskLayout>
  );
}

export function RulePage({ rule, values, errors, alerts, secret }: { rule: AlertRule; values: FormValues; errors: Record<string, string>; alerts: AlertView[]; secret: string }) {
  const { t } = usePage();
  return (
    <DeskLayout title={rule.name}>
      <p class="page-links"><a href="/admin/listening/alerts">{t('alerts.rules')}</a></p>
      <RuleForm action={`/admin/listening/alerts/${rule.id}`} values={values} errors={errors} submit={t('common.save')} />
      {rule.webhookUrl && (
        <section class="card">
          <h2>{t('alerts.webhookSecret')}</h2>
          <p>{t('alerts.webhookSecretHint', { signature: SIGNATURE_HEADER, timestamp: TIMESTAMP_HEADER })}</p>
          <p><code>{secret}</code></p>
        </section>
      )}
      <form method="post" action={`/admin/listening/alerts/${rule.id}/delete`}>
        <CsrfField />
        <button type="submit" class="danger">{t('alerts.delete')}</button>
      </form>
      <h2>{t('alerts.recent')}</h2>
      <AlertsTable alerts={alerts} />
    </DeskLayout>
  );
}

export function NotificationsPage({ items }: { items: NotificationView[] }) {
  const { t } = usePage();
  const unread = items.filter((n) => !n.read).length;
  return (
    <Layout title={t('alerts.notifications')}>
      <Nav />
      {unread > 0 && (
        <form method="post" action="/admin/notifications/read">
          <CsrfField />
          <button type="submit">{t('alerts.markAllRead', { count: unread })}</button>
        </form>
      )}
      {items.length === 0 ? (
        <p class="muted">{t('alerts.noNotifications')}</p>
      ) : (
        <ul class="notifications">
          {items.map((n) => (
            <li key={n.id} class={n.read ? 'read' : 'unread'}>
              {!n.read && <strong>{t('alerts.new')} </strong>}
              <a href={n.link}>{n.title}</a>
              <br />
              <small class="muted">
                {n.ruleName} · <DateTime value={n.createdAt} />
              </small>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
