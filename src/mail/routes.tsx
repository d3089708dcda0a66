// The mail settings page (district administrators) and a test message.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../web/access.ts';
import type { AppContext } from '../app/context.ts';
import { checkbox, parseForm, type FormValues } from '../web/forms.ts';
import { Layout } from '../web/layout.tsx';
import { usePage } from '../web/page-context.ts';
import { sendPage } from '../web/render.tsx';
import { formBody } from '../web/schemas.ts';
import type { App } from '../web/types.ts';
import { CheckboxField, CsrfField, Field, FormErrorSummary } from '../web/ui.tsx';
import { loadMailSettings, saveMailSettings, send } from './mailer.ts';
import { Invalid } from '../core/errors.ts';
import { DISTRICT_ADMINS } from '../core/roles.ts';

const form = z.preprocess(
  (f: FormValues) => {
    return { host: f.host, port: f.port ? Number(f.port) : 587, secure: checkbox(f.secure), user: f.user?.trim() || null, password: f.password ? f.password : null, from: f.from };
  },
  z.object({ host: z.string().trim().min(1).max(255), port: z.number().int().min(1).max(65535), secure: z.boolean(), user: z.string().max(255).nullable(), password: z.string().max(500).nullable(), from: z.string().trim().min(3).max(255) }),
);

const MAIL_FIELDS = ['host', 'port', 'secure', 'user', 'password', 'from'];

export function mailRoutes(app: App, ctx: AppContext): void {
  const access = { access: { roles: DISTRICT_ADMINS } };

  async function render(req: FastifyRequest, reply: FastifyReply, values?: FormValues, errors: Record<string, string> = {}, status = 200) {
    const s = await loadMailSettings(ctx.db);
    const v = values ?? (s ? { host: s.host, port: String(s.port), secure: s.secure ? 'on' : '', user: s.user ?? '', from: s.from } : { port: '587' });
    return sendPage(req, reply, <MailSettingsPage values={v} errors={errors} configured={Boolean(s)} hasPassword={Boolean(s?.passwordSealed)} />, status);
  }

  app.get('/admin/settings/mail', { config: access }, async (req, reply) => render(req, reply));

  app.post('/admin/settings/mail', { config: access, schema: { body: formBody(MAIL_FIELDS) } }, async (req, reply) => {
    const f = parseForm(form, req.body, req.locale);
    if (!f.ok) return render(req, reply, f.values, f.errors, 400);
    try {
      await saveMailSettings(ctx, actorOf(req), f.data);
    } catch (e) {
      if (e instanceof Invalid) return render(req, reply, f.values, { host: req.t(e.messageKey) }, 400);
      throw e;
    }
    return reply.redirect('/admin/settings/mail?ok=saved', 303);
  });

  app.post('/admin/settings/mail/test', { config: access }, async (req, reply) => {
    const to = req.auth?.user.email ?? '';
    let result = 'testFailed';
    try {
      result = (await send(ctx, { to, subject: req.t('mail.settings.testSubject'), text: req.t('mail.settings.testText') })) ? 'testSent' : 'notConfigured';
    } catch (e) {
      req.log.warn({ err: e }, 'test mail failed');
    }
    return reply.redirect(`/admin/settings/mail?mail=${result}`, 303);
  });
}

function MailSettingsPage({ values, errors, configured, hasPassword }: { values: FormValues; errors: Record<string, string>; configured: boolean; hasPassword: boolean }) {
  const { t, query, auth } = usePage();
  const v = (k: string) => values[k] ?? '';
  const flash = query.mail === 'testSent' ? 'ok' : query.mail ? 'error' : null;
  return (
    <Layout title={t('mail.settings.title')}>
      <p>{t('mail.settings.intro')}</p>
      {flash && (
        <p class={`flash ${flash}`} role="status">
          {t(query.mail === 'testSent' ? 'mail.settings.testSent' : query.mail === 'notConfigured' ? 'mail.settings.notConfigured' : 'mail.settings.testFailed')}
        </p>
      )}
      <FormErrorSummary errors={errors} />
      <form method="post" action="/admin/settings/mail" class="card form-grid">
        <CsrfField />
        <fieldset>
          <Field name="host" label={t('mail.settings.host')} value={v('host')} required maxLength={255} error={errors.host} />
          <Field name="port" label={t('mail.settings.port')} value={v('port')} type="number" inputMode="numeric" error={errors.port} />
          <Field name="user" label={t('mail.settings.user')} value={v('user')} maxLength={255} autocomplete="off" error={errors.user} />
          <Field name="password" label={t('mail.settings.password')} type="password" autocomplete="new-password" hint={hasPassword ? t('mail.settings.passwordHint') : undefined} error={errors.password} />
          <Field name="from" label={t('mail.settings.from')} value={v('from')} required maxLength={255} error={errors.from} />
          <CheckboxField name="secure" label={t('mail.settings.secure')} checked={v('secure') === 'on' || v('secure') === 'true'} />
          <div class="form-actions">
            <button type="submit" class="primary">{t('common.save')}</button>
          </div>
        </fieldset>
      </form>
      {configured && (
        <form method="post" action="/admin/settings/mail/test">
          <CsrfField />
          <button type="submit">{t('mail.settings.test', { email: auth?.user.email ?? '' })}</button>
        </form>
      )}
    </Layout>
  );
}
