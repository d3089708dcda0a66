// Labels and the installation's models; the desk's settings (retention, minimum voices).
import { usePage } from '../../web/page-context.ts';
import { CsrfField, Field, FormErrorSummary } from '../../web/ui.tsx';
import type { LabelStats } from '../labels.ts';
import { MIN_LABELS } from '../labels.ts';
import { DeskLayout, When, topicName } from './common.tsx';

export function LabelsPage({ stats }: { stats: LabelStats[] }) {
  const { t, query } = usePage();
  return (
    <DeskLayout title={t('listening.labels')}>
      {query.ok === 'retrain' && (
        <p class="flash ok" role="status">
          {t('listening.retrainQueued')}
        </p>
      )}
      <p class="muted">{t('listening.labelsHint')}</p>
      <div class="grid two">
        {stats.map((s) => (
          <section class="card" key={s.kind}>
            <h2>{s.kind === 'sentiment' ? t('listening.labelSentiment') : t('listening.labelTopic')}</h2>
            <p>{t('listening.labelCount', { count: s.count })}</p>
            <ul>
              {Object.entries(s.byValue).map(([value, n]) => (
                <li key={value}>
                  {s.kind === 'sentiment' ? t(`listening.${value}` as 'listening.negative') : topicName(t, value)}: {n}
                </li>
              ))}
            </ul>
            {s.model ? (
              <p>
                {t('listening.modelTrained', { kind: s.kind, time: '', examples: s.model.examples, accuracy: String(s.model.metrics.accuracy ?? '–') })} <When iso={new Date(s.model.trainedAt.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00')).toISOString()} />
              </p>
            ) : (
              <p class="muted">{t('listening.modelNone')}</p>
            )}
          </section>
        ))}
      </div>
      <form method="post" action="/admin/listening/labels/retrain">
        <CsrfField />
        <p class="hint">{t('listening.needLabels', { min: MIN_LABELS })}</p>
        <button type="submit" class="primary">
          {t('listening.retrain')}
        </button>
      </form>
    </DeskLayout>
  );
}

export function SettingsPage({ values, errors }: { values: Record<string, string>; errors: Record<string, string> }) {
  const { t } = usePage();
  return (
    <DeskLayout title={t('listening.settings')}>
      <FormErrorSummary errors={errors} />
      <form method="post" action="/admin/listening/settings" class="card form-grid">
        <CsrfField />
        <fieldset>
          <Field name="retentionDays" label={t('listening.retentionDays')} value={values.retentionDays} type="number" inputMode="numeric" required hint={t('listening.retentionHint')} error={errors.retentionDays} />
          <Field name="minVoices" label={t('listening.minVoices')} value={values.minVoices} type="number" inputMode="numeric" required hint={t('listening.minVoicesHint')} error={errors.minVoices} />
          <div class="form-actions">
            <button type="submit" class="primary">
              {t('common.save')}
            </button>
          </div>
        </fieldset>
      </form>
    </DeskLayout>
  );
}
