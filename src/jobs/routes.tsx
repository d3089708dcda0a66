// Background jobs at a glance for district admins: counts, failures with their last error, schedules.
import { z } from 'zod';
import type { AppContext } from '../app/context.ts';
import { actorOf } from '../web/access.ts';
import { audit } from '../audit/index.ts';
import { Layout } from '../web/layout.tsx';
import { usePage } from '../web/page-context.ts';
import { sendPage } from '../web/render.tsx';
import type { App } from '../web/types.ts';
import { CsrfField, DateTime, TableWrap } from '../web/ui.tsx';
import type { QueueStats } from './queue.ts';
import { jobSchedules, type Job } from './schema.ts';
import { deadJobs, listSchedules } from './sql-queue.ts';
import { DISTRICT_ADMINS } from '../core/roles.ts';

type Schedule = typeof jobSchedules.$inferSelect;
const access = { access: { roles: DISTRICT_ADMINS } };

export function jobRoutes(app: App, ctx: AppContext): void {
  app.get('/admin/jobs', { config: access }, async (req, reply) => {
    const [stats, dead, schedules] = await Promise.all([
      ctx.jobs.stats(),
      deadJobs(ctx.db),
      listSchedules(ctx.db),
    ]);
    return sendPage(req, reply, <JobsPage stats={stats} dead={dead} schedules={schedules} />);
  });

  app.post('/admin/jobs/:id/retry', { config: access, schema: { params: z.object({ id: z.coerce.number().int().positive() }) } }, async (req, reply) => {
    if (await ctx.jobs.retry(req.params.id)) await audit(ctx.db, actorOf(req), { action: 'job.retry', targetType: 'job', targetId: req.params.id });
    return reply.redirect('/admin/jobs?ok=retried', 303);
  });
}

function JobsPage({ stats, dead, schedules }: { stats: QueueStats; dead: Job[]; schedules: Schedule[] }) {
  const { t, query } = usePage();
  return (
    <Layout title={t('jobs.title')}>
      {query.ok === 'retried' && <p class="flash ok">{t('jobs.retried')}</p>}
      <dl class="stats">
        {(['queued', 'running', 'done', 'dead'] as const).map((k) => (
          <div key={k}>
            <dt>{t(`jobs.${k}`)}</dt>
            <dd>{stats[k].toLocaleString('vi-VN')}</dd>
          </div>
        ))}
      </dl>
      <h2>{t('jobs.deadList')}</h2>
      {dead.length === 0 ? (
        <p class="muted">{t('jobs.noDead')}</p>
      ) : (
        <TableWrap label={t('jobs.deadList')}>
          <thead>
            <tr>
              <th scope="col">{t('jobs.name')}</th>
              <th scope="col">{t('jobs.attempts')}</th>
              <th scope="col">{t('jobs.lastError')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {dead.map((j) => (
              <tr key={j.id}>
                <td data-label={t('jobs.name')}>
                  <code>{j.name}</code> #{j.id}
                </td>
                <td data-label={t('jobs.attempts')}>{j.attempts}</td>
                <td data-label={t('jobs.lastError')}>{j.lastError}</td>
                <td>
                  <form method="post" action={`/admin/jobs/${j.id}/retry`}>
                    <CsrfField />
                    <button type="submit">{t('jobs.retry')}</button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </TableWrap>
      )}
      <h2>{t('jobs.schedules')}</h2>
      <TableWrap label={t('jobs.schedules')}>
        <thead>
          <tr>
            <th scope="col">{t('jobs.name')}</th>
            <th scope="col">{t('jobs.cron')}</th>
            <th scope="col">{t('jobs.nextRun')}</th>
          </tr>
        </thead>
        <tbody>
          {schedules.map((s) => (
            <tr key={s.name}>
              <td data-label={t('jobs.name')}>
                <code>{s.name}</code>
              </td>
              <td data-label={t('jobs.cron')}>
                <code>{s.cron}</code>
              </td>
              <td data-label={t('jobs.nextRun')}>
                <DateTime value={s.nextRunAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </TableWrap>
    </Layout>
  );
}
