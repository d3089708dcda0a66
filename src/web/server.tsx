// The HTTP server: one Fastify instance for the JSON API, the office app and (later) the public sites.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { hasRole } from '../core/roles.ts';
import { loadSession, SESSION_COOKIE } from '../auth/index.ts';
import type { AppContext } from '../app/context.ts';
import { translator, type MessageKey, type Params } from '../i18n/catalog.ts';
import { isLocale, type Locale } from '../i18n/define.ts';
import { issuesFromFastify, localizeIssues, type Issue } from '../i18n/zod.ts';
import { z, ZodError } from 'zod';
import { csrfOk, isSafeMethod } from './csrf.ts';
import { DomainError, HttpError } from './errors.ts';
import { formBody, readForm } from './schemas.ts';
import { badTextAt } from './text-input.ts';
import { safeError, safeRequest } from './log-safety.ts';
import { ErrorPage } from './error-page.tsx';
import { configureRender, sendPage } from './render.tsx';
import type { App, RouteInfo } from './types.ts';
import './types.ts';

export const LANG_COOKIE = 'nc_lang';
const ASSETS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets');
export const BODY_LIMIT = 1024 * 1024;
const langForm = z.object({ to: z.string().optional(), back: z.string().optional() });

export interface ServerOptions {
  /** Feature route modules; each registers its routes on the app. */
  modules: Array<(app: App, ctx: AppContext) => void | Promise<void>>;
}

export async function buildServer(ctx: AppContext, options: ServerOptions): Promise<{ app: App; routes: RouteInfo[] }> {
  configureRender({ secureCookies: ctx.config.secureCookies });
  const app = Fastify({
    // The log's own view of requests and errors (no bodies, no query parameters, no e-mails).
    loggerInstance: ctx.log.child({}, { serializers: { req: safeRequest, err: safeError } }),
    bodyLimit: BODY_LIMIT,
    trustProxy: ctx.config.trustProxy,
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>() as unknown as App;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const routes: RouteInfo[] = [];
  app.addHook('onRoute', (route) => {
    if (route.method === 'HEAD' || (Array.isArray(route.method) && route.method.length === 1 && route.method[0] === 'HEAD')) return;
    const access = route.config?.access ?? (route.url.startsWith('/static/') ? 'public' : undefined);
    if (!access) throw new Error(`route ${String(route.method)} ${route.url} declares no access rule`);
    route.config = { ...route.config, access };
    for (const method of ([] as string[]).concat(route.method)) routes.push({ method, url: route.url, access, schema: route.schema });
  });

  await app.register(fastifyCookie);
  await app.register(fastifyFormbody, { bodyLimit: BODY_LIMIT });
  await app.register(fastifyRateLimit, { global: false, errorResponseBuilder: (_req, c) => new HttpError(429, 'error.rateLimited', { seconds: Math.ceil(c.ttl / 1000) }) });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: ctx.config.secureCookies,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Nhịp Cầu API', version: '1', description: 'JSON API of Nhịp Cầu. Log in with POST /api/auth/login; send the returned csrfToken as x-csrf-token on every state-changing request.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE }, csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' } } },
    },
    transform: jsonSchemaTransform,
    hideUntagged: true,
  });
  await app.register(fastifyStatic, { root: ASSETS, prefix: '/static/', maxAge: '1h', decorateReply: false });

  app.decorateRequest('auth', null);
  app.decorateRequest('sessionExpired', false);
  app.decorateRequest('locale', 'vi');
  app.decorateRequest('t', translator('vi'));
  app.decorateRequest('unit', null);

  // Who is calling, and in which language. Static files need neither.
  app.addHook('onRequest', async (req) => {
    if (req.url.startsWith('/static/')) return;
    const lookup = await loadSession(ctx.db, req.cookies[SESSION_COOKIE]);
    if (lookup.status === 'ok') req.auth = lookup.auth;
    else if (lookup.status === 'expired') req.sessionExpired = true;
    req.locale = pickLocale(req);
    req.t = translator(req.locale);
  });

  // Before validation, so that nobody learns a route's schema without the right to call it.
  app.addHook('preValidation', async (req, reply) => {
    // An account with a temporary password sees only the page where it sets its own.
    if (req.auth?.user.mustChangePassword && req.method === 'GET' && req.url.startsWith('/admin') && !req.url.startsWith('/admin/account')) {
      return reply.redirect('/admin/account?must=1', 303);
    }
    const config = req.routeOptions.config;
    const access = config.access ?? 'public';
    if (access !== 'public' && !req.auth) throw new HttpError(401, req.sessionExpired ? 'error.sessionExpired' : 'error.unauthenticated');
    if (!isSafeMethod(req.method) && config.csrf !== false && !csrfOk(req)) throw new HttpError(403, 'error.csrf');
    if (typeof access === 'object') {
      const tree = await ctx.units.current();
      let unitId: number | undefined;
      if (access.unit) {
        // No unit named: the role is needed somewhere (the handler narrows further). A unit named but unknown: 404.
        const ref = await access.unit(req);
        if (ref !== undefined && ref !== null && ref !== '') {
          const unit = typeof ref === 'number' || /^\d+$/.test(ref) ? tree.get(Number(ref)) : tree.getBySlug(ref);
          if (!unit) throw new HttpError(404, 'error.notFound');
          req.unit = unit;
          unitId = unit.id;
        }
      }
      if (!hasRole(req.auth, tree, access.roles, unitId)) throw new HttpError(403, 'error.forbidden');
    }
    if (config.anyText) return;
    const field = badTextAt(req.params, 'params') ?? badTextAt(req.query, 'query') ?? badTextAt(req.body, 'body');
    if (field) throw new HttpError(400, 'error.invalidCharacters', { field: field.replace(/^(params|query|body)\.?/, '') || field });
  });

  app.setErrorHandler(async (error, req, reply) => {
    const { status, key, params, details } = classify(error, req.locale);
    if (status >= 500) req.log.error({ err: safeError(error), req: safeRequest(req) }, 'request failed');
    else req.log.info({ status, code: key }, 'request rejected');
    if (status === 429) reply.header('retry-after', String(params?.seconds ?? 60));
    return respondError(req, reply, status, key, params, details);
  });

  app.setNotFoundHandler(async (req, reply) => {
    if (!req.t) req.t = translator('vi');
    return respondError(req, reply, 404, 'error.notFound');
  });

  app.get('/healthz', { config: { access: 'public' } }, async () => ({ status: 'ok', db: ctx.database.kind }));
  app.get('/api/openapi.json', { config: { access: 'public' } }, async () => app.swagger());
  app.post('/lang', { config: { access: 'public' }, schema: { body: formBody(langForm) } }, async (req, reply) => {
    const body = readForm(langForm, req.body);
    const to = isLocale(body.to) ? body.to : 'vi';
    const back = typeof body.back === 'string' && body.back.startsWith('/') && !body.back.startsWith('//') ? body.back : '/admin';
    reply.setCookie(LANG_COOKIE, to, { path: '/', sameSite: 'lax', httpOnly: false, secure: ctx.config.secureCookies, maxAge: 365 * 24 * 3600 });
    return reply.redirect(back, 303);
  });

  for (const register of options.modules) await register(app, ctx);
  return { app, routes };
}

function pickLocale(req: FastifyRequest): Locale {
  const cookie = req.cookies[LANG_COOKIE];
  if (isLocale(cookie)) return cookie;
  if (req.auth) return req.auth.user.locale;
  const header = req.headers['accept-language'];
  return typeof header === 'string' && /^en\b/i.test(header.trim()) ? 'en' : 'vi';
}

interface Classified {
  status: number;
  key: MessageKey;
  params?: Params;
  details?: unknown;
}

/** Maps any thrown value to a status and a message the user can read; internals never leave the server. */
function classify(error: unknown, locale: Locale): Classified {
  if (error instanceof DomainError) return { status: error.statusCode, key: error.messageKey, params: error.params, details: error.details };
  if (hasZodFastifySchemaValidationErrors(error)) return invalid(localizeIssues(locale, issuesFromFastify(error.validation)));
  const e = error as { statusCode?: number; code?: string; name?: string };
  if (error instanceof ZodError) return invalid(localizeIssues(locale, error.issues as never));
  switch (e?.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, key: 'error.invalidJson' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, key: 'error.tooLarge' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 415, key: 'error.unsupportedMediaType' };
  }
  if (error instanceof SyntaxError && e.statusCode === 400) return { status: 400, key: 'error.invalidJson' };
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    const status = e.statusCode;
    return { status, key: status === 404 ? 'error.notFound' : status === 405 ? 'error.methodNotAllowed' : status === 413 ? 'error.tooLarge' : status === 415 ? 'error.unsupportedMediaType' : 'error.badRequest' };
  }
  return { status: 500, key: 'error.internal' };
}

function invalid(issues: Issue[]): Classified {
  const details = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  return { status: 400, key: 'error.validation', params: { details }, details: issues };
}

function respondError(req: FastifyRequest, reply: FastifyReply, status: number, key: MessageKey, params?: Params, details?: unknown): FastifyReply {
  const message = req.t(key, params);
  if (wantsJson(req)) {
    return reply.status(status).header('cache-control', 'no-store').send({ error: { status, code: key.replace(/^error\./, ''), message, ...(details ? { details } : {}) } });
  }
  if (status === 401 && req.method === 'GET') return reply.redirect(`/admin/login?next=${encodeURIComponent(req.url)}${req.sessionExpired ? '&expired=1' : ''}`, 303);
  return sendPage(req, reply, <ErrorPage status={status} message={message} />, status);
}

function wantsJson(req: FastifyRequest): boolean {
  if (req.url.startsWith('/api/') || req.url === '/api') return true;
  const accept = req.headers.accept ?? '';
  return !accept.includes('text/html') && (accept.includes('application/json') || (req.headers['content-type'] ?? '').includes('json'));
}
