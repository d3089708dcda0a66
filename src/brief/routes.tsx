// "Báo cáo tuần": the page with the period form (last week by default) and the downloads, for analysts
// and district administrators. The files are built on request; they carry links only when the
// installation's public URL is configured (never the address a request happened to come to).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../app/context.ts';
import type { MessageKey } from '../i18n/catalog.ts';
import { PERIOD_ERRORS } from './args.ts';
import { LISTENING_DESK } from '../listening/index.ts';
import { DeskLayout } from '../web/layout.tsx';
import { usePage } from '../web/page-context.ts';
import { sendPage } from '../web/render.tsx';
import { pageQuery } from '../web/schemas.ts';
import type { App } from '../web/types.ts';
import { Field, FormErrorSummary } from '../web/ui.tsx';
import { viDate } from '../core/time.ts';
import { lastWeek, parsePeriod } from './period.ts';
import { BRIEF_FORMATS, briefFileName, buildBrief, type BriefFormat } from './render.ts';
import { ANALYSTS } from '../core/roles.ts';

const DESK = { access: { roles: ANALYSTS } };
const periodQuery = pageQuery('from', 'to');

export function briefRoutes(app: App, ctx: AppContext): void {
  const page = (req: FastifyRequest, reply: FastifyReply, values: { from: string; to: string }, error?: MessageKey, status = 200) =>
    sendPage(req, reply, <BriefPage values={values} error={error ? req.t(error) : undefined} />, status);

  app.get('/admin/listening/brief', { config: DESK, schema: { querystring: periodQuery } }, async (req, reply) => {
    const q = req.query;
    const week = lastWeek();
    return page(req, reply, { from: q.from ?? week.from, to: q.to ?? week.to });
  });

  for (const format of Object.keys(BRIEF_FORMATS) as BriefFormat[]) {
    app.get(`/admin/listening/brief.${format}`, { config: DESK, schema: { querystring: periodQuery } }, async (req, reply) => {
      const q = req.query;
      const values = { from: q.from ?? '', to: q.to ?? '' };
      const parsed = parsePeriod(values.from, values.to);
      if (!parsed.ok) return page(req, reply, values, PERIOD_ERRORS[parsed.error], 400);
      const file = await buildBrief(ctx, parsed.period, format, { baseUrl: ctx.config.publicUrl ?? '' });
      return reply
        .header('content-type', BRIEF_FORMATS[format])
        .header('content-disposition', `attachment; filename="${briefFileName(parsed.period, format)}"`)
        .header('cache-control', 'no-store')
        .send(file);
    });
  }
}

function BriefPage({ values, error }: { values: { from: string; to: string }; error?: string }) {
  const { t } = usePage();
  const week = lastWeek();
  return (
    <DeskLayout desk={LISTENING_DESK} title={t('brief.title')}>
      <p>{t('brief.intro')}</p>
      <FormErrorSummary errors={error ? { period: error } : {}} />
      <form method="get" action="/admin/listening/brief.pdf" class="card form-grid">
        <fieldset>
          <Field name="from" label={t('brief.from')} type="date" value={values.from} required hint={t('brief.rangeHint')} />
          <Field name="to" label={t('brief.to')} type="date" value={values.to} required />
          <div class="form-actions">
            <button type="submit" class="primary">{t('brief.pdf')}</button>
            <button type="submit" formAction="/admin/listening/brief.docx">{t('brief.docx')}</button>
          </div>
        </fieldset>
      </form>
      <p>
        <a href={`/admin/listening/brief?from=${week.from}&to=${week.to}`}>{t('brief.lastWeek')}</a>
        {` (${viDate(week.from)} – ${viDate(week.to)})`}
      </p>
    </DeskLayout>
  );
}
