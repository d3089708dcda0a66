// A new case, by hand or from a listening issue (?issue=ID).
import type { UnitTree } from '../../org/index.ts';
import { Layout } from '../../web/layout.tsx';
import { usePage } from '../../web/page-context.ts';
import { CsrfField, FormErrorSummary } from '../../web/ui.tsx';
import { CaseFields, type Errors, type Values } from './fields.tsx';

export function NewCasePage({ tree, values, errors }: { tree: UnitTree; values: Values; errors: Errors }) {
  const { t } = usePage();
  return (
    <Layout title={t('cases.new.title')}>
      {values.issueId && <p class="flash info">{t('cases.new.fromIssue', { id: values.issueId })}</p>}
      <FormErrorSummary errors={errors} />
      <form method="post" action="/admin/cases" class="card form-grid">
        <CsrfField />
        {values.issueId && <input type="hidden" name="issueId" value={values.issueId} />}
        <fieldset>
          <CaseFields tree={tree} values={values} errors={errors} withUnit />
          <div class="form-actions">
            <button type="submit" class="primary">{t('common.create')}</button>
            <a href="/admin/cases">{t('common.cancel')}</a>
          </div>
        </fieldset>
      </form>
    </Layout>
  );
}
