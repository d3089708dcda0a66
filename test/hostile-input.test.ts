// The standing hostile-input probe: every route of the OpenAPI document, and every page route with a
// path parameter, receives NUL bytes, huge ids, wrong types, invalid UTF-8 and oversize values in each
// path parameter, query parameter and body field, as a district admin and anonymously. Whatever the
// answer, it is never a 5xx: bad input is the caller's error, told in a 4xx.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './context.ts';
import { z } from 'zod';
import { DEMO_ADMIN, DEMO_PASSWORD, seedDemo } from '../src/demo/seed.ts';
import { buildTestApp, login, type Session, type TestApp } from './http.ts';

let ctx: TestContext;
let t: TestApp;
let admin: Session;

beforeAll(async () => {
  ctx = await createTestContext();
  // The demo district: records behind the ids, so that probes reach the queries and not only a 404.
  await seedDemo(ctx);
  t = await buildTestApp(ctx);
  admin = await login(t.app, DEMO_ADMIN, DEMO_PASSWORD);
});
afterAll(async () => {
  await t.app.close();
  await ctx.cleanup();
});

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; enum?: unknown[]; items?: Schema; anyOf?: Schema[]; oneOf?: Schema[]; minimum?: number; format?: string; minLength?: number };

const MB = 'x'.repeat(1024 * 1024);
/** Values for a path or query parameter, already as they stand in a URL. */
const URL_VALUES: Record<string, string> = {
  nul: 'a%00b',
  'id 2^31': '2147483648',
  'id 2^63': '9223372036854775808',
  'id 1e400': '1e400',
  'negative id': '-1',
  'utf-8 %C3%28': '%C3%28',
  'utf-8 %FF': '%FF',
  'lone surrogate': '%ED%A0%80',
  'control char': 'a%01b',
  oversize: MB,
};
/** Values for a JSON body field, as JSON text. */
const BODY_VALUES: Record<string, string> = {
  nul: JSON.stringify('a\u0000b'),
  'escaped lone surrogate': '"a\\ud800b"',
  'control char': JSON.stringify('a\u0001b'),
  'id 2^31': '2147483648',
  'id 2^63': '9223372036854775808',
  'id 1e400': '1e400',
  'string id 2^31': '"2147483648"',
  'wrong type object': '{"a":1}',
  'wrong type array': '[1,"a",null]',
  'wrong type bool': 'true',
  oversize: JSON.stringify(MB),
};

/** A value the schema accepts, so that the one hostile field is what the route meets. */
function sample(s: Schema | undefined, name = ''): unknown {
  if (!s) return 'x';
  if (s.enum?.length) return s.enum[0];
  const alt = s.anyOf ?? s.oneOf;
  if (alt?.length) return sample(alt.find((a) => a.type !== 'null') ?? alt[0], name);
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  switch (type) {
    case 'integer':
    case 'number':
      return Math.max(1, s.minimum ?? 1);
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'object':
      return Object.fromEntries(Object.entries(s.properties ?? {}).filter(([k]) => s.required?.includes(k)).map(([k, v]) => [k, sample(v, k)]));
    default:
      if (s.format === 'email' || /email/i.test(name)) return 'probe@example.vn';
      if (s.format === 'uri' || /url/i.test(name)) return 'https://example.vn/a';
      if (s.format === 'date-time') return '2025-01-01T00:00:00Z';
      return 'x'.repeat(Math.max(1, s.minLength ?? 1));
  }
}

interface Route { method: string; url: string; path: string[]; query: Record<string, Schema>; body?: Schema }

function routesToProbe(doc: { paths: Record<string, Record<string, { parameters?: Array<{ in: string; name: string; schema?: Schema }>; requestBody?: { content?: Record<string, { schema?: Schema }> } }>> }): Route[] {
  const out: Route[] = [];
  const seen = new Set<string>();
  for (const [p, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const url = p.replace(/\{(\w+)\}/g, ':$1');
      const params = op.parameters ?? [];
      out.push({
        method: method.toUpperCase(),
        url,
        path: params.filter((x) => x.in === 'path').map((x) => x.name),
        query: Object.fromEntries(params.filter((x) => x.in === 'query').map((x) => [x.name, x.schema ?? {}])),
        body: op.requestBody?.content?.['application/json']?.schema,
      });
      seen.add(`${method.toUpperCase()} ${url}`);
    }
  }
  for (const r of t.routes) {
    if (seen.has(`${r.method} ${r.url}`) || r.url.startsWith('/api/') || r.url.startsWith('/static/')) continue;
    seen.add(`${r.method} ${r.url}`);
    const query = jsonSchema(r.schema?.querystring);
    const body = jsonSchema(r.schema?.body);
    if (!r.url.includes(':') && !query?.properties && !body?.properties) continue;
    out.push({ method: r.method, url: r.url, path: [...r.url.matchAll(/:(\w+)/g)].map((m) => m[1]), query: query?.properties ?? {}, body });
  }
  return out;
}

/** A page route's zod schema as JSON Schema (pages are not in the OpenAPI document). */
function jsonSchema(s: unknown): Schema | undefined {
  if (!(s instanceof z.ZodType)) return undefined;
  try {
    return z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Schema;
  } catch {
    return undefined;
  }
}

const fill = (url: string, values: Record<string, string> = {}) => url.replace(/:(\w+)/g, (_m, name: string) => values[name] ?? '1');

it('answers hostile input in every parameter of every route without a 5xx', { timeout: 600_000 }, async () => {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  const routes = routesToProbe(doc);
  const failures: string[] = [];
  let tries = 0;
  const probe = async (who: Session | null, method: string, url: string, payload?: string | Buffer, label = '') => {
    tries++;
    const headers: Record<string, string> = who ? { cookie: who.cookie, 'x-csrf-token': who.csrf } : {};
    if (payload !== undefined) headers['content-type'] = 'application/json';
    const res = await t.app.inject({ method: method as 'GET', url, headers, ...(payload === undefined ? {} : { payload }) });
    if (res.statusCode >= 500) failures.push(`${who ? 'admin' : 'anonymous'} ${method} ${url.slice(0, 120)} ${label} → ${res.statusCode}`);
  };
  for (const who of [admin, null]) {
    for (const r of routes) {
      const baseBody = r.body ? (sample(r.body) as Record<string, unknown>) : undefined;
      const basePayload = baseBody === undefined ? undefined : JSON.stringify(baseBody);
      for (const name of r.path) for (const [label, v] of Object.entries(URL_VALUES)) await probe(who, r.method, fill(r.url, { [name]: v }), basePayload, `path ${name}: ${label}`);
      for (const name of Object.keys(r.query)) for (const [label, v] of Object.entries(URL_VALUES)) await probe(who, r.method, `${fill(r.url)}?${name}=${v}`, basePayload, `query ${name}: ${label}`);
      if (baseBody && typeof baseBody === 'object' && !Array.isArray(baseBody)) {
        for (const name of Object.keys(r.body?.properties ?? {})) {
          // The hostile field first, the others as the schema wants them.
          const { [name]: _dropped, ...others } = baseBody;
          const rest = Object.keys(others).length ? `,${JSON.stringify(others).slice(1, -1)}` : '';
          const body = (v: string | Buffer) => Buffer.concat([Buffer.from(`{${JSON.stringify(name)}:`), Buffer.from(v), Buffer.from(`${rest}}`)]);
          for (const [label, v] of Object.entries(BODY_VALUES)) await probe(who, r.method, fill(r.url), body(v), `body ${name}: ${label}`);
          await probe(who, r.method, fill(r.url), body(Buffer.from([0x22, 0x61, 0xc3, 0x28, 0xff, 0x22])), `body ${name}: invalid utf-8`);
        }
      }
    }
  }
  console.log(`hostile input: ${routes.length} routes, ${tries} tries, ${failures.length} failures`);
  expect(failures).toEqual([]);
});
