// Sources: their health at a glance, and one source's settings.
import type { MessageKey } from '../../i18n/catalog.ts';
import { usePage } from '../../web/page-context.ts';
import { CheckboxField, CsrfField, Field, FormErrorSummary, SelectField } from '../../web/ui.tsx';
import type { ListeningSource } from '../schema.ts';
import type { ListenCapability } from '../../platforms/index.ts';
import { DeskLayout, When } from './common.tsx';

export function SourcesPage({ sources, connectors }: { sources: Array<ListeningSource & { posts: number }>; connectors: Array<ListenCapability<any>> }) {
  const { t } = usePage();
  const kindName = (kind: string) => {
    const c = connectors.find((x) => x.kind === kind);
    return c ? t(c.name) : kind;
  };
  return (
    <DeskLayout
      title={t('listening.sources')}
      actions={
        <a class="button primary" href="/admin/listening/sources/new">
          {t('listening.sourceNew')}
        </a>
      }
    >
      <div class="table-wrap" role="region" aria-label={t('listening.sources')} tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th>{t('listening.sourceLabel')}</th>
              <th>{t('listening.sourceKind')}</th>
              <th>{t('listening.sourceStatus')}</th>
              <th class="num">{t('listening.sourcePosts')}</th>
              <th>{t('listening.sourceNextPoll')}</th>
            </tr>
          </thead>
          <tbody>
            {sources.map((s) => (
              <tr key={s.id}>
                <td data-label={t('listening.sourceLabel')}>
                  <a href={`/admin/listening/sources/${s.id}`}>{s.label}</a> <code>{s.name}</code>
                  {s.synthetic && <span class="badge synthetic">{t('listening.synthetic')}</span>}
                </td>
                <td data-label={t('listening.sourceKind')}>{kindName(s.kind)}</td>
                <td data-label={t('listening.sourceStatus')}>
                  <span class={`badge ${s.status === 'unhealthy' ? 'bad' : s.status === 'ok' ? 'good' : ''}`}>{t(`listening.sourceStatus.${s.status}` as MessageKey)}</span>
                  {!s.enabled && <span class="badge">–</span>}
                  {s.lastError && <div class="hint">{s.lastError}</div>}
                </td>
                <td class="num" data-label={t('listening.sourcePosts')}>
                  {s.posts}
                </td>
                <td data-label={t('listening.sourceNextPoll')}>
                  <When iso={s.nextPollAt?.toISOString()} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </DeskLayout>
  );
}

export interface SourceFormProps {
  source?: ListeningSource;
  connector?: ListenCapability<any>;
  connectors: Array<ListenCapability<any>>;
  values: Record<string, string>;
  errors: Record<string, string>;
  webhookUrl?: string;
  /** Accounts of this kind's platform already connected (for publishing or another source), to choose from. */
  accounts?: Array<{ externalId: string; name: string }>;
}

export function SourceFormPage({ source, connector, connectors, values, errors, webhookUrl, accounts = [] }: SourceFormProps) {
  const { t } = usePage();
  const v = (k: string) => values[k] ?? '';
  const kinds = connectors.filter((c) => !c.internal);
  const fields = connector?.fields ?? [];
  const binding = connector?.account;
  // A new source may use an account already connected: its stored secrets stand in for empty fields.
  const choosing = !source && Boolean(binding) && accounts.length > 0;
  const accountField = (name: string) => Boolean(binding && (name === binding.idField || name in binding.fields));
  return (
    <DeskLayout title={source ? source.label : t('listening.sourceNew')}>
      <nav aria-label="breadcrumb" class="breadcrumb">
        <a href="/admin/listening/sources">{t('listening.sources')}</a>
        {source && <> › {source.name}</>}
      </nav>
      <FormErrorSummary errors={errors} />
      {source && (
        <section class="card">
          <dl class="facts">
            <dt>{t('listening.sourceKind')}</dt>
            <dd>{connector ? t(connector.name) : source.kind}</dd>
            <dt>{t('listening.sourceStatus')}</dt>
            <dd>
              <span class={`badge ${source.status === 'unhealthy' ? 'bad' : source.status === 'ok' ? 'good' : ''}`}>{t(`listening.sourceStatus.${source.status}` as MessageKey)}</span>
              {source.synthetic && <span class="badge synthetic">{t('listening.synthetic')}</span>}
            </dd>
            {source.lastError && (
              <>
                <dt>{t('listening.sourceLastError')}</dt>
                <dd>
                  {source.lastError} (<When iso={source.lastErrorAt?.toISOString()} />)
                </dd>
              </>
            )}
            <dt>{t('listening.sourceLastSuccess')}</dt>
            <dd>
              <When iso={source.lastSuccessAt?.toISOString()} />
            </dd>
            <dt>{t('listening.sourceNextPoll')}</dt>
            <dd>
              <When iso={source.nextPollAt?.toISOString()} />
            </dd>
            {webhookUrl && (
              <>
                <dt>{t('listening.sourceWebhook')}</dt>
                <dd>
                  <code>{webhookUrl}</code>
                </dd>
              </>
            )}
          </dl>
          {connector?.poll && source.enabled && (
            <form method="post" action={`/admin/listening/sources/${source.id}/poll`} class="spaced">
              <CsrfField />
              <button type="submit">{t('listening.pollNow')}</button>
            </form>
          )}
        </section>
      )}
      {connector?.description && <p class="muted">{t(connector.description)}</p>}
      {source && connector?.internal ? (
        <p class="card">{t('listening.sourceInternal')}</p>
      ) : (
        <form method="post" action={source ? `/admin/listening/sources/${source.id}` : '/admin/listening/sources'} class="card form-grid">
          <CsrfField />
          <fieldset>
            {!source && (
              <>
                <SelectField name="kind" label={t('listening.sourceKind')} value={v('kind')} required options={kinds.map((c) => ({ value: c.kind, label: t(c.name) }))} error={errors.kind} />
                <Field name="name" label={t('listening.sourceName')} value={v('name')} required maxLength={63} pattern="[a-z0-9][a-z0-9._\-]*" hint={t('listening.sourceNameHint')} error={errors.name} />
              </>
            )}
            <Field name="label" label={t('listening.sourceLabel')} value={v('label')} required maxLength={120} error={errors.label} />
            <Field name="intervalSeconds" label={t('listening.sourceInterval')} value={v('intervalSeconds') || String(connector?.defaultIntervalSeconds ?? 900)} type="number" inputMode="numeric" error={errors.intervalSeconds} />
            {fields.map((f) =>
              f.type === 'checkbox' ? (
                <CheckboxField key={f.name} name={`s.${f.name}`} label={t(f.label)} checked={v(`s.${f.name}`) === 'true' || v(`s.${f.name}`) === 'on'} />
              ) : (
                <Field
                  key={f.name}
                  name={`s.${f.name}`}
                  label={t(f.label)}
                  value={f.type === 'secret' ? '' : v(`s.${f.name}`)}
                  type={f.type === 'secret' ? 'password' : f.type === 'number' ? 'number' : f.type === 'textarea' ? 'textarea' : f.type === 'url' ? 'url' : 'text'}
                  required={f.required && (f.type !== 'secret' || (!source && !(choosing && accountField(f.name))))}
                  hint={[f.hint ? t(f.hint) : '', f.type === 'secret' && source ? t('listening.sourceSecretKeep') : '', choosing && f.name === binding?.idField ? t('platforms.connected') : ''].filter(Boolean).join(' ') || undefined}
                  list={choosing && f.name === binding?.idField ? 'connected-accounts' : undefined}
                  error={errors[`s.${f.name}`]}
                  autocomplete={f.type === 'secret' ? 'new-password' : undefined}
                />
              ),
            )}
            {choosing && (
              <datalist id="connected-accounts">
                {accounts.map((a) => (
                  <option key={a.externalId} value={a.externalId} label={a.name} />
                ))}
              </datalist>
            )}
            <CheckboxField name="enabled" label={t('listening.sourceEnabled')} checked={v('enabled') !== 'false'} />
            <div class="form-actions">
              <button type="submit" class="primary">
                {source ? t('common.save') : t('common.create')}
              </button>
              <a href="/admin/listening/sources">{t('common.cancel')}</a>
            </div>
          </fieldset>
        </form>
      )}
      {!source && (
        <ul class="plain">
          {kinds.map((c) => (
            <li key={c.kind}>
              <strong>{t(c.name)}</strong>: {t(c.description)}
            </li>
          ))}
        </ul>
      )}
    </DeskLayout>
  );
}
