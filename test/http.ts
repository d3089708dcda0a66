// The app built in-process for tests, with a helper that logs in and carries the cookie and CSRF token.
import type { LightMyRequestResponse } from 'fastify';
import { MODULES } from '../src/app/modules.ts';
import { buildServer } from '../src/web/server.tsx';
import type { App, RouteInfo } from '../src/web/types.ts';
import type { TestContext } from './context.ts';
import { TEST_PASSWORD } from './factories.ts';

export interface TestApp {
  app: App;
  routes: RouteInfo[];
}

export async function buildTestApp(ctx: TestContext): Promise<TestApp> {
  const built = await buildServer(ctx, { modules: MODULES });
  await built.app.ready();
  return built;
}

export interface Session {
  cookie: string;
  csrf: string;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export async function login(app: App, email: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed for ${email}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return {
    cookie,
    csrf,
    request: (method, url, body, headers = {}) =>
      app.inject({
        method: method as 'GET',
        url,
        headers: { cookie, 'x-csrf-token': csrf, ...headers },
        ...(body === undefined ? {} : typeof body === 'string' ? { payload: body } : { payload: body as object }),
      }),
  };
}
