// Open311 GeoReport v2, checked against the contract in shared/api-contracts.md (wiki.open311.org
// GeoReport_v2): shapes of services, service definitions, requests and errors, in JSON and XML; the
// api_key rule; the filters of GET requests; hostile input answered with 4xx in the errors format.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerCase } from '../src/cases/cases.ts';
import { saveCasesSettings, loadCasesSettings } from '../src/cases/settings.ts';
import { bufferIO } from '../src/cli/io.ts';
import { runProgram } from '../src/cli/program.ts';
import { createTestContext, type TestContext } from './context.ts';
import { seedUnits } from './factories.ts';
import { buildTestApp, type TestApp } from './http.ts';

let ctx: TestContext;
let t: TestApp;
let apiKey: string;
let n = 0;
const V2 = '/open311/v2';
const address = () => `10.9.${Math.floor(++n / 250)}.${n % 250}`;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedUnits(ctx);
  t = await buildTestApp(ctx);
  // The key comes from the CLI, as an operator would issue it: the last line printed.
  const io = bufferIO('');
  const code = await runProgram(['open311', 'key', 'add', 'Ứng dụng Công dân số'], io, { db: async (load, options) => (await load()).default.run(ctx, options, io), start: async () => 2, worker: async () => 2, restore: async () => 2 });
  expect(code).toBe(0);
  apiKey = io.stdout.join('').trim().split('\n').at(-1) as string;
});
afterAll(async () => {
  await t?.app.close();
  await ctx?.cleanup();
});

const get = (url: string) => t.app.inject({ method: 'GET', url: `${V2}${url}`, remoteAddress: address() });
const postForm = (url: string, fields: Record<string, string>) => t.app.inject({ method: 'POST', url: `${V2}${url}`, remoteAddress: address(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });
const good = (extra: Record<string, string> = {}) => ({ api_key: apiKey, service_code: 'moi-truong', lat: '10.7735', long: '106.6672', 'attribute[ward]': 'phuong-12', description: `Rác thải đổ trộm ở góc đường Thành Thái, lần ${++n}.`, email: 'dan@example.vn', first_name: 'Văn', last_name: 'An', ...extra });

function expectError(res: { statusCode: number; json(): unknown; headers: Record<string, unknown> }, status: number) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toContain('application/json');
  const body = res.json() as { errors: Array<{ code: number; description: string }> };
  expect(Object.keys(body)).toEqual(['errors']);
  expect(body.errors).toHaveLength(1);
  expect(body.errors[0].code).toBe(status);
  expect(typeof body.errors[0].description).toBe('string');
  expect(body.errors[0].description.length).toBeGreaterThan(0);
}

describe('services', () => {
  it('GET services.json lists every topic as a service with the spec fields', async () => {
    const res = await get('/services.json');
    expect(res.statusCode).toBe(200);
    const { services } = res.json() as { services: Array<Record<string, unknown>> };
    expect(services.length).toBeGreaterThan(5);
    for (const s of services) {
      for (const f of ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group']) expect(s, f).toHaveProperty(f);
      expect(['realtime', 'batch', 'blackbox']).toContain(s.type);
      expect(['true', 'false']).toContain(s.metadata);
      expect(typeof s.keywords).toBe('string');
    }
    expect(services.map((s) => s.service_code)).toContain('giao-thong');
  });

  it('GET services.xml has the same in XML', async () => {
    const res = await get('/services.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('xml');
    expect(res.body).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?><services><service><service_code>/);
    expect(res.body).toContain('<service_code>giao-thong</service_code>');
  });

  it('GET services/{code}.json gives the definition with typed attributes', async () => {
    const res = await get('/services/giao-thong.json');
    const { service_definition: d } = res.json() as { service_definition: { service_code: string; attributes: Array<Record<string, unknown>> } };
    expect(d.service_code).toBe('giao-thong');
    for (const a of d.attributes) {
      expect(typeof a.variable).toBe('boolean');
      expect(typeof a.required).toBe('boolean');
      expect(Number.isInteger(a.order)).toBe(true);
      expect(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']).toContain(a.datatype);
      for (const f of ['code', 'datatype_description', 'description']) expect(a).toHaveProperty(f);
    }
    const ward = d.attributes.find((a) => a.code === 'ward') as { values: Array<{ key: string; name: string }> };
    expect(ward.values).toContainEqual({ key: 'phuong-12', name: 'Phường 12' });
    expect((await get('/services/giao-thong.xml')).body).toContain('<attributes><attribute><variable>true</variable><code>ward</code>');
  });

  it('unknown services, formats and paths are 404 in the errors format', async () => {
    expectError(await get('/services/khong-co.json'), 404);
    expectError(await get('/services.html'), 404);
    expectError(await get('/tokens/abc.json'), 404);
    const xml = await get('/services/khong-co.xml');
    expect(xml.statusCode).toBe(404);
    expect(xml.body).toMatch(/<errors><error><code>404<\/code><description>[^<]+<\/description><\/error><\/errors>$/);
  });
});

describe('POST requests', () => {
  it('creates a request with an api_key and answers with service_request_id; routes it by attribute[ward]', async () => {
    const res = await postForm('/requests.json', good());
    expect(res.statusCode, res.body).toBe(201);
    const { service_requests: [r] } = res.json() as { service_requests: Array<{ service_request_id: string; service_notice?: string; token?: string }> };
    expect(r.service_request_id).toMatch(/^\d+$/);
    expect(r.token).toBeUndefined();
    expect(r.service_notice).toMatch(/[2-9A-HJKMNP-Z]{10}/);
    const [row] = await ctx.database.query<{ source: string; unit: string; contact_email: string }>(`SELECT c.source, u.slug AS unit, c.contact_email FROM cases c JOIN units u ON u.id = c.unit_id WHERE c.id = $1`, [Number(r.service_request_id)]);
    expect(row).toEqual({ source: 'open311', unit: 'phuong-12', contact_email: 'dan@example.vn' });
  });

  it('takes JSON bodies and address_string, and answers in XML', async () => {
    const res = await t.app.inject({ method: 'POST', url: `${V2}/requests.xml`, remoteAddress: address(), payload: { api_key: apiKey, service_code: 'khac', address_string: '123 Sư Vạn Hạnh, Phường 12', description: 'Vỉa hè hư hỏng nặng gây nguy hiểm cho người đi bộ.', attribute: { ward: 'phuong-12' }, media_url: 'https://example.vn/anh.jpg' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.body).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?><service_requests><request><service_request_id>\d+<\/service_request_id>/);
  });

  it('refuses missing or bad api keys (401/403), unknown services, missing or impossible locations, oversized bodies — storing nothing', async () => {
    const [{ n: before }] = await ctx.database.query<{ n: number }>('SELECT count(*)::int AS n FROM cases');
    const { api_key: _k, ...noKey } = good();
    expectError(await postForm('/requests.json', noKey), 401);
    expectError(await postForm('/requests.json', good({ api_key: 'nc311_khong-dung' })), 403);
    expectError(await postForm('/requests.json', good({ service_code: 'khong-co' })), 400);
    const { service_code: _s, ...noService } = good();
    expectError(await postForm('/requests.json', noService), 400);
    const { lat: _a, long: _b, ...noPlace } = good();
    expectError(await postForm('/requests.json', noPlace), 400);
    expectError(await postForm('/requests.json', good({ lat: '95', long: '106.6' })), 400);
    expectError(await postForm('/requests.json', good({ lat: '0', long: '0' })), 400);
    expectError(await postForm('/requests.json', good({ lat: 'abc' })), 400);
    expectError(await postForm('/requests.json', good({ 'attribute[ward]': 'quan-10' })), 400);
    expectError(await postForm('/requests.json', good({ description: 'ngắn' })), 400);
    expectError(await postForm('/requests.json', good({ email: 'not-an-email' })), 400);
    expectError(await postForm('/requests.json', good({ media_url: 'javascript:alert(1)' })), 400);
    expectError(await postForm('/requests.json', good({ description: 'x'.repeat(40_000) })), 413);
    expectError(await t.app.inject({ method: 'POST', url: `${V2}/requests.json`, remoteAddress: address(), headers: { 'content-type': 'application/json' }, payload: '{"api_key":' }), 400);
    expectError(await t.app.inject({ method: 'POST', url: `${V2}/requests.json`, remoteAddress: address(), headers: { 'content-type': 'text/plain' }, payload: 'hello' }), 415);
    const [{ n: after }] = await ctx.database.query<{ n: number }>('SELECT count(*)::int AS n FROM cases');
    expect(after).toBe(before);
  });

  it('answers a resubmission of the same text as a duplicate', async () => {
    const fields = good({ description: 'Cây xanh bật gốc chắn ngang đường Hòa Hảo sau cơn mưa lớn.' });
    expect((await postForm('/requests.json', fields)).statusCode).toBe(201);
    expectError(await postForm('/requests.json', fields), 400);
  });

  it('escapes markup in XML output', async () => {
    const res = await postForm('/requests.json', good({ description: '<script>alert("x")</script> & đèn đường hỏng ở hẻm 7 Ngô Gia Tự' }));
    const id = (res.json() as { service_requests: Array<{ service_request_id: string }> }).service_requests[0].service_request_id;
    const xml = await get(`/requests/${id}.xml`);
    expect(xml.body).not.toContain('<script>');
    expect(xml.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; đèn');
  });

  it('limits floods with 429 in the errors format', async () => {
    const from = '10.200.0.1';
    const codes: number[] = [];
    for (let i = 0; i < 32; i++) codes.push((await t.app.inject({ method: 'POST', url: `${V2}/requests.json`, remoteAddress: from, payload: {} })).statusCode);
    const last = await t.app.inject({ method: 'POST', url: `${V2}/requests.json`, remoteAddress: from, payload: {} });
    expectError(last, 429);
    expect(last.headers['retry-after']).toBeDefined();
    expect(codes.slice(0, 30).every((c) => c === 401)).toBe(true);
  });
});

describe('GET requests', () => {
  it('lists requests with every required field, without contact details', async () => {
    const res = await get('/requests.json');
    expect(res.statusCode).toBe(200);
    const { service_requests } = res.json() as { service_requests: Array<Record<string, unknown>> };
    expect(service_requests.length).toBeGreaterThan(2);
    for (const r of service_requests) {
      for (const f of ['service_request_id', 'status', 'service_name', 'service_code', 'requested_datetime', 'updated_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url']) expect(r, f).toHaveProperty(f);
      expect(['open', 'closed']).toContain(r.status);
      expect(String(r.requested_datetime)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
    }
    expect(res.body).not.toContain('dan@example.vn');
    expect(res.body).not.toContain('Văn An');
  });

  it('filters by service_request_id (overriding the rest), service_code, status and dates', async () => {
    const created = await postForm('/requests.json', good({ service_code: 'giao-thong', description: 'Đèn tín hiệu giao thông ngã tư Ba Tháng Hai – Lý Thường Kiệt bị tắt.' }));
    const id = (created.json() as { service_requests: Array<{ service_request_id: string }> }).service_requests[0].service_request_id;
    const ids = (url: string) => get(url).then((r) => (r.json() as { service_requests: Array<{ service_request_id: string; status: string; status_notes: string | null }> }).service_requests);
    expect((await ids(`/requests.json?service_request_id=${id}&service_code=y-te`)).map((r) => r.service_request_id)).toEqual([id]);
    expect((await ids('/requests.json?service_code=giao-thong')).every((r) => r.service_request_id === id)).toBe(true);
    expect(await ids('/requests.json?service_code=y-te')).toEqual([]);
    expect((await ids('/requests.json?status=closed')).map((r) => r.service_request_id)).not.toContain(id);
    await answerCase(ctx.db, 'system', Number(id), 'Đã sửa đèn tín hiệu.');
    const closed = await ids('/requests.json?status=closed');
    expect(closed.find((r) => r.service_request_id === id)?.status_notes).toBe('Đã sửa đèn tín hiệu.');
    expect(await ids('/requests.json?start_date=2020-01-01T00:00:00Z&end_date=2020-02-01T00:00:00Z')).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await ids(`/requests.json?start_date=${today}T00:00:00Z`)).length).toBeGreaterThan(0);
    expectError(await get('/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z'), 400);
    expectError(await get('/requests.json?start_date=yesterday'), 400);
    expectError(await get('/requests.json?status=pending'), 400);
    expectError(await get('/requests.json?service_request_id=1;DROP'), 400);
    expectError(await get('/requests.json?service_code=khong-co'), 400);
  });

  it('GET requests/{id} returns one request in the wrapper; unknown ids are 404', async () => {
    const list = (await get('/requests.json')).json() as { service_requests: Array<{ service_request_id: string }> };
    const id = list.service_requests[0].service_request_id;
    const one = (await get(`/requests/${id}.json`)).json() as { service_requests: unknown[] };
    expect(one.service_requests).toHaveLength(1);
    expectError(await get('/requests/999999.json'), 404);
    expectError(await get('/requests/abc.json'), 404);
  });
});

describe('jurisdiction_id', () => {
  it('is accepted; when one is configured, another is refused', async () => {
    expect((await get('/services.json?jurisdiction_id=quan-10')).statusCode).toBe(200);
    await saveCasesSettings(ctx.db, 'system', { ...(await loadCasesSettings(ctx.db)), jurisdictionId: 'quan-10.hcm.vn' });
    expect((await get('/services.json?jurisdiction_id=quan-10.hcm.vn')).statusCode).toBe(200);
    expect((await get('/services.json')).statusCode).toBe(200);
    expectError(await get('/services.json?jurisdiction_id=quan-1'), 400);
    expectError(await postForm('/requests.json', good({ jurisdiction_id: 'quan-1' })), 400);
    expect((await postForm('/requests.json', good({ jurisdiction_id: 'quan-10.hcm.vn' }))).statusCode).toBe(201);
  });
});
