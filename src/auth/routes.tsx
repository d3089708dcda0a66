// Log in and out, the current user, own account and password — as JSON API and as pages.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../app/context.ts';
import type { App } from '../web/types.ts';
import { DomainError, HttpError } from '../web/errors.ts';
import { parseForm } from '../web/forms.ts';
import { formBody, pageQuery, readForm } from '../web/schemas.ts';
import { sendPage } from '../web/render.tsx';
import type { AuthContext } from './access.ts';
import { AccountPage, LoginPage } from './pages.tsx';
import { MIN_PASSWORD_LENGTH } from './passwords.ts';
import { createSession, destroySession, SESSION_COOKIE, SESSION_IDLE_MS } from './sessions.ts';
import { LoginThrottle } from './throttle.ts';
import type { User } from './schema.ts';
import { authenticate, changePassword, emailSchema, updateUser } from './users.ts';

/** Per address: generous for a shared office connection, tight enough to stop guessing. */

const loginBody = z.object({ email: z.string().max(254), password: z.string().max(256) });
const passwordBody = z.object({ currentPassword: z.string().max(256), newPassword: z.string().min(MIN_PASSWORD_LENGTH).max(256) });
const loginForm = z.object({ email: z.string().default(''), password: z.string().default(''), next: z.string().optional() });
const accountQuery = pageQuery('must', 'ok');
type AccountQuery = z.infer<typeof accountQuery>;

export function authRoutes(app: App, ctx: AppContext): void {
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: ctx.config.secureCookies };

  // One throttle for both ways in (the JSON login and the form).
  const throttle = new LoginThrottle(ctx.db, ctx.secrets.derive('login-throttle'));
  async function tryLogin(ip: string, email: string, password: string): Promise<{ ok: true; wait: 0; user: User } | { ok: false; wait: number }> {
    const wait = await throttle.waitFor(ip, email);
    if (wait) return { ok: false, wait };
    const result = await authenticate(ctx.db, email, password);
    if (!result.ok) {
      await throttle.failed(ip, email);
      return { ok: false, wait: 0 };
    }
    await throttle.succeeded(ip, email);
    return { ok: true, wait: 0, user: result.user };
  }

  async function startSession(reply: FastifyReply, userId: number) {
    const session = await createSession(ctx.db, userId);
    reply.setCookie(SESSION_COOKIE, session.token, { ...cookieOptions, maxAge: Math.floor(SESSION_IDLE_MS / 1000) });
    return session;
  }

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Log in; returns the CSRF token to send as x-csrf-token',
        body: loginBody,
        response: { 200: z.object({ user: z.object({ id: z.number(), email: z.string(), displayName: z.string(), mustChangePassword: z.boolean() }), csrfToken: z.string() }) },
      },
    },
    async (req, reply) => {
      const result = await tryLogin(req.ip, req.body.email, req.body.password);
      if (result.wait) throw new HttpError(429, 'error.rateLimited', { seconds: result.wait });
      if (!result.ok) throw new HttpError(401, 'auth.login.invalid');
      const session = await startSession(reply, result.user.id);
      const { id, email, displayName, mustChangePassword } = result.user;
      return { user: { id, email, displayName, mustChangePassword }, csrfToken: session.csrfToken };
    },
  );

  app.post('/api/auth/logout', { config: { access: 'authenticated' }, schema: { tags: ['auth'], summary: 'End the current session' } }, async (req, reply) => {
    await destroySession(ctx.db, (req.auth as AuthContext).sessionId);
    reply.clearCookie(SESSION_COOKIE, cookieOptions);
    return { ok: true };
  });

  app.get(
    '/api/me',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'The logged-in user, with roles and the CSRF token',
        response: {
          200: z.object({
            user: z.object({ id: z.number(), email: z.string(), displayName: z.string(), locale: z.enum(['vi', 'en']), mustChangePassword: z.boolean() }),
            roles: z.array(z.object({ role: z.string(), unit: z.string(), unitName: z.string() })),
            csrfToken: z.string(),
          }),
        },
      },
    },
    async (req) => {
      const auth = req.auth as AuthContext;
      const tree = await ctx.units.current();
      const roles = auth.grants.map((g) => ({ role: g.role, unit: tree.get(g.unitId)?.slug ?? '', unitName: tree.get(g.unitId)?.name ?? '' }));
      return { user: auth.user, roles, csrfToken: auth.csrfToken };
    },
  );

  app.post('/api/me/password', { config: { access: 'authenticated' }, schema: { tags: ['auth'], summary: 'Change own password (ends other sessions)', body: passwordBody } }, async (req) => {
    const auth = req.auth as AuthContext;
    await changePassword(ctx.db, auth.user.id, req.body.currentPassword, req.body.newPassword, auth.sessionId);
    return { ok: true };
  });

  // Pages.
  app.get('/admin/login', { config: { access: 'public' }, schema: { querystring: pageQuery('next') } }, async (req, reply) => {
    const next = safeNext(req.query.next);
    if (req.auth) return reply.redirect(next ?? '/admin', 303);
    return sendPage(req, reply, <LoginPage next={next} />);
  });

  app.post('/admin/login', { config: { access: 'public' }, schema: { body: formBody(loginForm) } }, async (req, reply) => {
    const { email, password, next: wanted } = readForm(loginForm, req.body);
    const next = safeNext(wanted);
    const valid = emailSchema.safeParse(email).success && password.length > 0 && password.length <= 256;
    const result = valid ? await tryLogin(req.ip, email, password) : ({ ok: false, wait: 0 } as const);
    if (result.wait) return sendPage(req, reply, <LoginPage email={email} next={next} error={req.t('error.rateLimited', { seconds: result.wait })} />, 429);
    if (!result.ok) return sendPage(req, reply, <LoginPage email={email} next={next} error={req.t('auth.login.invalid')} />, 401);
    await startSession(reply, result.user.id);
    return reply.redirect(result.user.mustChangePassword ? '/admin/account?must=1' : (next ?? '/admin'), 303);
  });

  app.post('/admin/logout', { config: { access: 'authenticated' } }, async (req, reply) => {
    await destroySession(ctx.db, (req.auth as AuthContext).sessionId);
    reply.clearCookie(SESSION_COOKIE, cookieOptions);
    return reply.redirect('/admin/login', 303);
  });

  const renderAccount = (req: FastifyRequest, reply: FastifyReply, extra: Partial<Parameters<typeof AccountPage>[0]> = {}, status = 200, query: AccountQuery = {}) => {
    const auth = req.auth as AuthContext;
    return sendPage(req, reply, <AccountPage displayName={auth.user.displayName} locale={auth.user.locale} mustChange={auth.user.mustChangePassword || query.must === '1'} passwordChanged={query.ok === 'password'} {...extra} />, status);
  };

  app.get('/admin/account', { config: { access: 'authenticated' }, schema: { querystring: accountQuery } }, async (req, reply) => renderAccount(req, reply, {}, 200, req.query));

  const profileForm = z.object({ displayName: z.string().trim().min(1).max(120), locale: z.enum(['vi', 'en']) });
  app.post('/admin/account', { config: { access: 'authenticated' }, schema: { body: formBody(profileForm) } }, async (req, reply) => {
    const auth = req.auth as AuthContext;
    const form = parseForm(profileForm, req.body, req.locale);
    if (!form.ok) return renderAccount(req, reply, { errors: form.errors, displayName: form.values.displayName ?? '' }, 400);
    await updateUser(ctx.db, auth.user, auth.user.id, form.data);
    reply.clearCookie('nc_lang', { path: '/' }); // the account's language now decides
    return reply.redirect('/admin/account?ok=saved', 303);
  });

  const passwordForm = passwordBody.extend({ confirmPassword: z.string().max(256) });
  app.post('/admin/account/password', { config: { access: 'authenticated' }, schema: { body: formBody(passwordForm) } }, async (req, reply) => {
    const auth = req.auth as AuthContext;
    const form = parseForm(passwordForm, req.body, req.locale);
    if (!form.ok) {
      const errors = { ...form.errors };
      if (errors.newPassword) errors.newPassword = req.t('auth.password.tooShort', { min: MIN_PASSWORD_LENGTH });
      return renderAccount(req, reply, { passwordErrors: errors }, 400);
    }
    if (form.data.newPassword !== form.data.confirmPassword) return renderAccount(req, reply, { passwordErrors: { confirmPassword: req.t('auth.password.mismatch') } }, 400);
    try {
      await changePassword(ctx.db, auth.user.id, form.data.currentPassword, form.data.newPassword, auth.sessionId);
    } catch (e) {
      if (e instanceof DomainError && e.statusCode === 400) return renderAccount(req, reply, { passwordErrors: { currentPassword: req.t(e.messageKey) } }, 400);
      throw e;
    }
    return reply.redirect('/admin/account?ok=password', 303);
  });
}

/** Only same-site paths are accepted as a post-login destination. */
function safeNext(value: unknown): string | undefined {
  return typeof value === 'string' && /^\/(?!\/)[^\s\\]*$/.test(value) && value.length < 500 ? value : undefined;
}
