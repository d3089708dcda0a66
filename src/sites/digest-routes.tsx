// The public digest sign-up (/nhan-tin), its confirmation and unsubscribe links.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../app/context.ts';
import { usePage } from '../web/page-context.ts';
import { PublicDocument } from '../web/public-layout.tsx';
import { sendPage } from '../web/render.tsx';
import { CsrfField } from '../web/ui.tsx';
import { formValues } from '../web/forms.ts';
import { formBody, pageQuery, readForm } from '../web/schemas.ts';
import { z } from 'zod';
import type { MessageKey } from '../i18n/catalog.ts';
import type { App } from '../web/types.ts';
import { confirm, subscribe, subscribeSchema, unsubscribe } from './digest.ts';
import { publishing, type SiteView } from './directory.ts';
import { portalChrome } from './public/handlers.tsx';
import { AUDIENCES } from './schema.ts';

const signUpForm = z.object({ email: z.string().optional(), audience: z.string().optional(), siteId: z.string().optional() });
const tokenQuery = pageQuery('token');

export function digestRoutes(app: App, ctx: AppContext): void {
  const index = () => publishing(ctx).sites.current();
  const page = async (req: FastifyRequest, reply: FastifyReply, message?: { ok: boolean; key: MessageKey }, errors: Record<string, string> = {}, status = 200) => {
    const idx = await index();
    return sendPage(req, reply, <DigestPage chrome={portalChrome(idx)} sites={idx.active()} message={message} errors={errors} values={formValues(req.body)} />, status);
  };

  app.get('/nhan-tin', { config: { access: 'public' } }, async (req, reply) => page(req, reply));
  app.post('/nhan-tin', { config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } }, schema: { body: formBody(signUpForm) } }, async (req, reply) => {
    const body = readForm(signUpForm, req.body);
    const parsed = subscribeSchema.safeParse({ email: body.email, audience: body.audience, siteId: body.siteId ? Number(body.siteId) : null });
    if (!parsed.success) return page(req, reply, undefined, { email: req.t('pub.digestEmail') }, 400);
    try {
      const sent = await subscribe(ctx, parsed.data);
      return page(req, reply, { ok: sent, key: sent ? 'pub.digestCheck' : 'pub.digestNoMail' }, {});
    } catch (e) {
      req.log.warn({ err: e }, 'digest confirmation mail failed');
      return page(req, reply, { ok: false, key: 'pub.digestNoMail' });
    }
  });
  app.get('/nhan-tin/xac-nhan', { config: { access: 'public' }, schema: { querystring: tokenQuery } }, async (req, reply) => {
    const ok = await confirm(ctx, req.query.token ?? '');
    return page(req, reply, { ok, key: ok ? 'pub.digestConfirmed' : 'pub.digestInvalid' }, {}, ok ? 200 : 404);
  });
  app.get('/nhan-tin/huy', { config: { access: 'public' }, schema: { querystring: tokenQuery } }, async (req, reply) => {
    const ok = await unsubscribe(ctx, req.query.token ?? '');
    return page(req, reply, { ok, key: ok ? 'pub.digestCancelled' : 'pub.digestInvalid' }, {}, ok ? 200 : 404);
  });
}

function DigestPage({ chrome, sites, message, errors, values }: { chrome: ReturnType<typeof portalChrome>; sites: SiteView[]; message?: { ok: boolean; key: MessageKey }; errors: Record<string, string>; values: Record<string, string> }) {
  const { t } = usePage();
  return (
    <PublicDocument site={chrome} title={t('pub.digest')}>
      <h1>{t('pub.digest')}</h1>
      <p>{t('pub.digestIntro')}</p>
      {message && (
        <p class={`flash${message.ok ? '' : ' error'}`} role="status">
          {t(message.key)}
        </p>
      )}
      {errors.email && (
        <p class="flash error" role="alert">
          {errors.email}
        </p>
      )}
      <form method="post" action="/nhan-tin" class="form">
        <CsrfField />
        <div class="field">
          <label for="d-email">{t('pub.digestEmail')}</label>
          <input id="d-email" type="email" name="email" required maxLength={254} autoComplete="email" value={values.email ?? ''} />
        </div>
        <div class="field">
          <label for="d-audience">{t('pub.digestAudience')}</label>
          <select id="d-audience" name="audience">
            {AUDIENCES.map((a) => (
              <option key={a} value={a} selected={values.audience === a}>
                {t(`sites.audience.${a}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="d-site">{t('pub.digestSite')}</label>
          <select id="d-site" name="siteId">
            <option value="">{t('pub.digestAllSites')}</option>
            {sites.map((s) => (
              <option key={s.unitId} value={String(s.unitId)}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('pub.digestSubscribe')}</button>
      </form>
    </PublicDocument>
  );
}
