// The scheduled backups' settings page (district administrators): on or off, the hour, how many to keep;
// and the latest backups in the folder.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../app/context.ts';
import { DISTRICT_ADMINS } from '../core/roles.ts';
import { actorOf } from '../web/access.ts';
import { checkbox, parseForm, type FormValues } from '../web/forms.ts';
import { Layout } from '../web/layout.tsx';
import { usePage } from '../web/page-context.ts';
import { sendPage } from '../web/render.tsx';
import { formBody } from '../web/schemas.ts';
import type { App } from '../web/types.ts';
import { CheckboxField, CsrfField, DateTime, Field, FormErrorSummary, TableWrap } from '../web/ui.tsx';
import { backupSettingsSchema, listBackups, loadBackupSettings, saveBackupSettings, type StoredBackup } from './schedule.ts';

const form = z.preprocess((f: FormValues) => ({ enabled: checkbox(f.enabled), hour: f.hour === '' ? NaN : Number(f.hour), keep: f.keep === '' ? NaN : Number(f.keep) }), backupSettingsSchema);

export function backupRoutes(app: App, ctx: AppContext): void {
  const access = { access: { roles: DISTRICT_ADMINS } };

  async function render(req: FastifyRequest, reply: FastifyReply, values?: FormValues, errors: Record<string, string> = {}, status = 200) {
    const s = await loadBackupSettings(ctx);
    const v = values ?? { enabled: s.enabled ? 'on' : '', hour: String(s.hour), keep: String(s.keep) };
    return sendPage(req, reply, <BackupSettingsPage values={v} errors={errors} dir={ctx.config.backupDir} backups={(await listBackups(ctx.config.backupDir)).slice(0, 30)} />, status);
  }

  app.get('/admin/settings/backup', { config: access }, async (req, reply) => render(req, reply));

  app.post('/admin/settings/backup', { config: access, schema: { body: formBody(['enabled', 'hour', 'keep']) } }, async (req, reply) => {
    const f = parseForm(form, req.body, req.locale);
    if (!f.ok) return render(req, reply, f.values, f.errors, 400);
    await saveBackupSettings(ctx, actorOf(req), f.data);
    return reply.redirect('/admin/settings/backup?ok=saved', 303);
  });
}

function BackupSettingsPage({ values, errors, dir, backups }: { values: FormValues; errors: Record<string, string>; dir: string; backups: StoredBackup[] }) {
  const { t, query } = usePage();
  const v = (k: string) => values[k] ?? '';
  return (
    <Layout title={t('backup.settings.title')}>
      <p>{t('backup.settings.intro', { dir })}</p>
      {query.ok === 'saved' && (
        <p class="flash ok" role="status">
          {t('backup.settings.saved')}
        </p>
      )}
      <FormErrorSummary errors={errors} />
      <form method="post" action="/admin/settings/backup" class="card form-grid">
        <CsrfField />
        <fieldset>
          <CheckboxField name="enabled" label={t('backup.settings.enabled')} checked={v('enabled') === 'on' || v('enabled') === 'true'} />
          <Field name="hour" label={t('backup.settings.hour')} value={v('hour')} type="number" inputMode="numeric" required error={errors.hour} />
          <Field name="keep" label={t('backup.settings.keep')} value={v('keep')} type="number" inputMode="numeric" required error={errors.keep} />
          <div class="form-actions">
            <button type="submit" class="primary">{t('common.save')}</button>
          </div>
        </fieldset>
      </form>
      <h2>{t('backup.settings.latest')}</h2>
      {backups.length ? (
        <TableWrap label={t('backup.settings.latest')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('backup.settings.file')}</th>
                <th scope="col">{t('backup.settings.when')}</th>
                <th scope="col">{t('backup.settings.size')}</th>
              </tr>
            </thead>
            <tbody>
              {backups.map((b) => (
                <tr>
                  <td>{b.name}</td>
                  <td>
                    <DateTime value={b.at} />
                  </td>
                  <td>{(b.bytes / 1e6).toFixed(1)} MB</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p>{t('backup.settings.none')}</p>
      )}
    </Layout>
  );
}
