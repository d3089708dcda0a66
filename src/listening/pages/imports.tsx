// Importing a file from the browser, and an import's progress and summary.
import type { MessageKey } from '../../i18n/catalog.ts';
import { usePage } from '../../web/page-context.ts';
import { CsrfField, Field, FormErrorSummary } from '../../web/ui.tsx';
import type { ListeningImport } from '../schema.ts';
import { DeskLayout, When } from './common.tsx';

export function ImportPage({ imports, values, errors }: { imports: ListeningImport[]; values: Record<string, string>; errors: Record<string, string> }) {
  const { t, csrfToken } = usePage();
  return (
    <DeskLayout title={t('listening.import')}>
      <p class="muted">{t('listening.importHint')}</p>
      <FormErrorSummary errors={errors} />
      <form method="post" action={`/admin/listening/import?_csrf=${encodeURIComponent(csrfToken)}`} encType="multipart/form-data" class="card form-grid">
        <CsrfField />
        <fieldset>
          <div class={`field${errors.file ? ' has-error' : ''}`}>
            <label for="f-file">
              {t('listening.importFile')}
              <span class="req" aria-hidden="true">
                {' '}
                *
              </span>
            </label>
            <input id="f-file" type="file" name="file" accept=".jsonl,.ndjson,.json,.csv,.tsv,application/json,text/csv" required />
          </div>
          <Field name="source" label={t('listening.importSource')} value={values.source ?? ''} maxLength={63} pattern="[a-z0-9][a-z0-9._\-]*" hint={t('listening.sourceNameHint')} error={errors.source} />
          <Field name="map" label={t('listening.importMapping')} value={values.map ?? ''} maxLength={300} hint={t('listening.importMappingHint')} error={errors.map} />
          <div class="form-actions">
            <button type="submit" class="primary">
              {t('listening.importStart')}
            </button>
          </div>
        </fieldset>
      </form>
      <h2>{t('listening.imports')}</h2>
      <div class="table-wrap" role="region" aria-label={t('listening.imports')} tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th>{t('listening.importFile')}</th>
              <th>{t('listening.source')}</th>
              <th>{t('listening.sourceStatus')}</th>
              <th class="num">{t('listening.importAdded')}</th>
              <th class="num">{t('listening.importRejected')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {imports.map((i) => (
              <tr key={i.id}>
                <td data-label={t('listening.importFile')}>
                  <a href={`/admin/listening/imports/${i.id}`}>{i.fileName}</a>
                </td>
                <td data-label={t('listening.source')}>{i.sourceName}</td>
                <td data-label={t('listening.sourceStatus')}>{t(`listening.importStatus.${i.status}` as MessageKey)}</td>
                <td class="num" data-label={t('listening.importAdded')}>
                  {i.added}
                </td>
                <td class="num" data-label={t('listening.importRejected')}>
                  {i.rejected}
                </td>
                <td>
                  <When iso={i.startedAt.toISOString()} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </DeskLayout>
  );
}

export function ImportStatusPage({ row }: { row: ListeningImport }) {
  const { t } = usePage();
  const running = row.status === 'running';
  return (
    <DeskLayout title={row.fileName}>
      <nav aria-label="breadcrumb" class="breadcrumb">
        <a href="/admin/listening/import">{t('listening.import')}</a> › {row.fileName}
      </nav>
      <section class="card" {...(running ? { 'data-refresh-seconds': '2' } : {})} aria-live="polite">
        <p>
          <strong id="import-status">{t(`listening.importStatus.${row.status}` as MessageKey)}</strong> · {row.sourceName}
        </p>
        <dl class="stats">
          <div>
            <dt>{t('listening.importRead')}</dt>
            <dd>{row.read}</dd>
          </div>
          <div>
            <dt>{t('listening.importAdded')}</dt>
            <dd>{row.added}</dd>
          </div>
          <div>
            <dt>{t('listening.importDuplicates')}</dt>
            <dd>{row.duplicates}</dd>
          </div>
          <div>
            <dt>{t('listening.importRejected')}</dt>
            <dd>{row.rejected}</dd>
          </div>
        </dl>
        {row.error && <p class="flash error">{row.error}</p>}
        {row.status === 'interrupted' && <p class="flash error">{t('listening.importInterrupted')}</p>}
        {row.status === 'interrupted' && row.storedFile && (
          <form method="post" action={`/admin/listening/imports/${row.id}/resume`}>
            <CsrfField />
            <button type="submit" class="primary">
              {t('listening.importResume')}
            </button>
          </form>
        )}
        {row.errors.length > 0 && (
          <ul>
            {row.errors.map((e) => (
              <li key={`${e.line}-${e.reason}`}>{t('listening.importLine', { line: e.line, reason: e.reason })}</li>
            ))}
          </ul>
        )}
        {!running && (
          <p>
            <a class="button primary" href="/admin/listening">
              {t('listening.attention')}
            </a>
          </p>
        )}
      </section>
    </DeskLayout>
  );
}
