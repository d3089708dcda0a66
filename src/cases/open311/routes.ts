// Open311 GeoReport v2 at /open311/v2 (api-contracts.md): discovery, services, service definitions,
// requests (POST with an api_key; GET with filters), one request. JSON or XML by the path's extension.
// Every error, including unknown paths, floods and oversized bodies, answers in the spec's shape.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { DomainError } from '../../web/errors.ts';
import type { App } from '../../web/types.ts';
import { submitReport, reportSchema, BOUNDS } from '../reports.ts';
import { loadCasesSettings } from '../settings.ts';
import { signatureSimilarity, textSignature } from '../text.ts';
import { recentOpenSignatures } from '../cases.ts';
import { errorDoc, render, type Format, type Value } from './format.ts';
import { checkKey } from './keys.ts';
import { findRequests, isService, MAX_REQUESTS, MAX_SPAN_DAYS, OTHER, requestOut, serviceDefinition, services } from './service.ts';

export const PREFIX = '/open311/v2';
const POST_LIMIT = { max: 30, timeWindow: '1 minute' };
const GET_LIMIT = { max: 120, timeWindow: '1 minute' };

/** An error for the client, in Open311's words (the API speaks English, as the spec's examples do). */
export class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
  ) {
    super(description);
  }
}
const fail = (status: number, description: string): never => {
  throw new Open311Error(status, description);
};

const formatOf = (fmt: string): Format => {
  if (fmt === 'json' || fmt === 'xml') return fmt;
  return fail(404, 'Resource not found: the format must be json or xml');
};
// What the routes read: the format and ids of the path, filters of the query, fields of the body (form
// or JSON). All are checked by the handlers, to answer in Open311's words.
const fmtParams = z.object({ fmt: z.string() });
const queryFields = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
const bodyFields = z.preprocess((v) => (v && typeof v === 'object' && !Array.isArray(v) ? v : {}), z.record(z.string(), z.unknown()));
type Fields = Record<string, unknown>;

const guessFormat = (url: string): Format => (/\.xml(?:\?|$)/.test(url) ? 'xml' : 'json');

function send(reply: FastifyReply, format: Format, status: number, doc: Record<string, Value>): FastifyReply {
  const { type, body } = render(format, doc);
  return reply.status(status).header('content-type', type).header('cache-control', 'no-store').send(body);
}

/** One value of a form or JSON field (repeated fields and media_url[] give their first value). */
function one(body: Fields, key: string): string | undefined {
  const v = body[key] ?? body[`${key}[]`];
  const first = Array.isArray(v) ? v[0] : v;
  if (first === undefined || first === null) return undefined;
  if (typeof first === 'string') return first;
  if (typeof first === 'number' || typeof first === 'boolean') return String(first);
  return fail(400, `${key} must be a string`);
}

/** attribute[code]=value in a form, or "attribute": {code: value} in JSON. */
function attributes(body: Fields): Record<string, string> {
  const out: Record<string, string> = {};
  const nested = body.attribute;
  if (nested && typeof nested === 'object' && !Array.isArray(nested)) for (const [k, v] of Object.entries(nested)) if (typeof v === 'string') out[k] = v;
  for (const [k, v] of Object.entries(body)) {
    const m = /^attribute\[([\w-]{1,40})\]$/.exec(k);
    if (m && typeof v === 'string') out[m[1]] = v;
  }
  return out;
}

export function open311Routes(app: App, ctx: AppContext): void {
  app.register(
    async (api: App) => {
      api.setErrorHandler(async (error, req, reply) => {
        const format = guessFormat(req.url);
        if (error instanceof Open311Error) return send(reply, format, error.status, errorDoc(error.status, error.description));
        if (error instanceof DomainError) {
          if (error.statusCode === 429) reply.header('retry-after', String(error.params?.seconds ?? 60));
          return send(reply, format, error.statusCode, errorDoc(error.statusCode, error.statusCode === 429 ? 'Too many requests; slow down' : error.statusCode === 403 ? 'Forbidden' : 'Bad request'));
        }
        const e = error as { statusCode?: number; code?: string };
        const status = typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500 ? e.statusCode : 500;
        if (status === 500) req.log.error({ err: error }, 'open311 request failed');
        const description = status === 413 ? 'Request body too large' : status === 415 ? 'Unsupported content type: send application/x-www-form-urlencoded or application/json' : status === 400 ? 'Malformed request body' : status === 500 ? 'Internal server error' : 'Bad request';
        return send(reply, format, status, errorDoc(status, description));
      });
      api.setNotFoundHandler(async (req, reply) => send(reply, guessFormat(req.url), 404, errorDoc(404, 'Resource not found')));

      const open = { access: 'public' as const, csrf: false };

      async function checkJurisdiction(value: string | undefined): Promise<void> {
        const configured = (await loadCasesSettings(ctx.db)).jurisdictionId;
        if (value !== undefined && configured && value !== configured) fail(400, `jurisdiction_id ${JSON.stringify(value.slice(0, 60))} is not served here`);
      }

      api.get('/discovery.:fmt', { config: { ...open, rateLimit: GET_LIMIT }, schema: { params: fmtParams } }, async (req, reply) => {
        const format = formatOf(req.params.fmt);
        const base = `${ctx.config.publicUrl ?? `${req.protocol}://${req.host}`}${PREFIX}`;
        return send(reply, format, 200, {
          discovery: {
            changeset: '2026-11-26T00:00:00+07:00',
            contact: 'Ban Tuyên giáo – Nhịp Cầu',
            key_service: 'API keys: the district administrator issues them (settings, or `npx nhipcau open311 key add NAME`).',
            max_requests: MAX_REQUESTS,
            endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: base, changeset: '2026-11-26T00:00:00+07:00', type: 'production', formats: ['application/json', 'text/xml'] }],
          },
        });
      });

      api.get('/services.:fmt', { config: { ...open, rateLimit: GET_LIMIT }, schema: { params: fmtParams, querystring: queryFields } }, async (req, reply) => {
        const format = formatOf(req.params.fmt);
        await checkJurisdiction(one(req.query, 'jurisdiction_id'));
        return send(reply, format, 200, { services: services() });
      });

      api.get('/services/:code.:fmt', { config: { ...open, rateLimit: GET_LIMIT }, schema: { params: fmtParams.extend({ code: z.string() }), querystring: queryFields } }, async (req, reply) => {
        const format = formatOf(req.params.fmt);
        await checkJurisdiction(one(req.query, 'jurisdiction_id'));
        const { code } = req.params;
        if (!isService(code)) fail(404, `service_code ${JSON.stringify(code.slice(0, 60))} not found`);
        return send(reply, format, 200, { service_definition: serviceDefinition(code, await ctx.units.current()) });
      });

      api.post('/requests.:fmt', { config: { ...open, rateLimit: POST_LIMIT }, bodyLimit: 32 * 1024, schema: { params: fmtParams, querystring: queryFields, body: bodyFields } }, async (req, reply) => {
        const format = formatOf(req.params.fmt);
        if (!/^application\/(?:x-www-form-urlencoded|json)\b/i.test(String(req.headers['content-type'] ?? ''))) fail(415, 'Unsupported content type: send application/x-www-form-urlencoded or application/json');
        const body = req.body;
        await checkJurisdiction(one(body, 'jurisdiction_id') ?? one(req.query, 'jurisdiction_id'));
        const apiKey = one(body, 'api_key');
        if (!apiKey) fail(401, 'api_key not provided');
        const key = await checkKey(ctx.db, apiKey as string);
        if (!key) fail(403, 'api_key is invalid or revoked');
        const serviceCode = one(body, 'service_code');
        if (!serviceCode) fail(400, 'service_code not provided');
        if (!isService(serviceCode as string)) fail(400, `service_code ${JSON.stringify((serviceCode as string).slice(0, 60))} not found`);
        const lat = one(body, 'lat');
        const long = one(body, 'long');
        const address = one(body, 'address_string');
        if ((lat === undefined) !== (long === undefined)) fail(400, 'lat and long must be sent together');
        if (lat === undefined && !address?.trim()) fail(400, one(body, 'address_id') ? 'address_id is not supported here: send lat/long or address_string' : 'location required: lat and long, or address_string');
        const attrs = attributes(body);
        const tree = await ctx.units.current();
        let wardId: number | null = null;
        if (attrs.ward) {
          const ward = tree.getBySlug(attrs.ward);
          if (!ward || ward.kind !== 'ward') fail(400, `attribute[ward] ${JSON.stringify(attrs.ward.slice(0, 60))} is not one of the listed values`);
          wardId = (ward as { id: number }).id;
        }
        const mediaUrl = one(body, 'media_url');
        if (mediaUrl !== undefined && !z.url({ protocol: /^https?$/ }).max(2000).safeParse(mediaUrl).success) fail(400, 'media_url must be an http(s) URL of at most 2000 characters');
        const name = [one(body, 'first_name'), one(body, 'last_name')].filter((s) => s?.trim()).join(' ');
        const parsed = reportSchema.safeParse({ topic: serviceCode === OTHER ? '' : serviceCode, description: one(body, 'description') ?? '', wardId, address: address ?? '', lat: lat ?? '', long: long ?? '', name: name.slice(0, 100), email: one(body, 'email') ?? '', phone: one(body, 'phone') ?? '', zalo: '' });
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const field = String(issue.path[0] ?? 'request');
          const why: Record<string, string> = {
            description: 'description required: 10 to 5000 characters',
            lat: `lat must be a number between ${BOUNDS.latMin} and ${BOUNDS.latMax} (within the jurisdiction)`,
            long: `long must be a number between ${BOUNDS.longMin} and ${BOUNDS.longMax} (within the jurisdiction)`,
            email: 'email is not a valid address',
            phone: 'phone must be 8–20 digits',
            address: 'address_string is too long (at most 300 characters)',
            name: 'first_name and last_name are too long',
          };
          fail(400, why[field] ?? `${field} is invalid`);
        }
        const data = parsed.data as z.infer<typeof reportSchema>;
        // The same text from the same app within a day is a resubmission, as SeeClickFix answers it.
        const sig = textSignature(data.description.slice(0, 120), data.description);
        for (const r of await recentOpenSignatures(ctx.db, 1)) {
          if (signatureSimilarity(sig, r.signature as string) === 1 && r.topic === (data.topic ?? null)) fail(400, `duplicate: this request was already received as service_request_id ${r.id}`);
        }
        const c = await submitReport(ctx, { ...data, title: data.description.slice(0, 120) }, [], { source: 'open311', site: null, open311KeyId: key?.id, mediaUrl: mediaUrl ?? null, suggestTopic: false });
        return send(reply, format, 201, { service_requests: [{ service_request_id: String(c.id), service_notice: `Mã tra cứu / tracking code: ${c.code} – /phan-anh/tra-cuu/${c.code}`, account_id: null }] });
      });

      api.get('/requests.:fmt', { config: { ...open, rateLimit: GET_LIMIT }, schema: { params: fmtParams, querystring: queryFields } }, async (req, reply) => {
        const format = formatOf(req.params.fmt);
        const query = req.query;
        await checkJurisdiction(one(query, 'jurisdiction_id'));
        const csv = (key: string) => one(query, key)?.split(',').map((s) => s.trim()).filter(Boolean);
        const ids = csv('service_request_id');
        if (ids && (ids.length > MAX_REQUESTS || ids.some((s) => !/^\d{1,9}$/.test(s)))) fail(400, 'service_request_id must be a comma-separated list of request ids');
        const codes = csv('service_code');
        for (const c of codes ?? []) if (!isService(c)) fail(400, `service_code ${JSON.stringify(c.slice(0, 60))} not found`);
        const statuses = csv('status');
        for (const s of statuses ?? []) if (s !== 'open' && s !== 'closed') fail(400, 'status must be open, closed or both');
        const date = (key: string) => {
          const v = one(query, key);
          if (v === undefined) return undefined;
          const ok = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(v) && !Number.isNaN(Date.parse(v));
          return ok ? new Date(Date.parse(v)) : fail(400, `${key} must be a W3C datetime, e.g. 2026-11-01T00:00:00+07:00`);
        };
        const endGiven = date('end_date');
        const startGiven = date('start_date');
        const end = endGiven ?? (startGiven ? new Date(startGiven.getTime() + MAX_SPAN_DAYS * 86_400_000) : new Date(Date.now() + 60_000));
        const start = startGiven ?? new Date(end.getTime() - MAX_SPAN_DAYS * 86_400_000);
        if (start.getTime() > end.getTime()) fail(400, 'start_date must be before end_date');
        if (end.getTime() - start.getTime() > MAX_SPAN_DAYS * 86_400_000 + 60_000) fail(400, `start_date to end_date may span at most ${MAX_SPAN_DAYS} days`);
        const rows = await findRequests(ctx, { ids: ids?.map(Number), serviceCodes: codes, start, end, statuses: statuses as Array<'open' | 'closed'> | undefined });
        const tree = await ctx.units.current();
        return send(reply, format, 200, { service_requests: rows.map((c) => requestOut(c, tree)) });
      });

      api.get('/requests/:id.:fmt', { config: { ...open, rateLimit: GET_LIMIT }, schema: { params: fmtParams.extend({ id: z.string() }), querystring: queryFields } }, async (req, reply) => {
        const format = formatOf(req.params.fmt);
        await checkJurisdiction(one(req.query, 'jurisdiction_id'));
        const { id } = req.params;
        if (!/^\d{1,9}$/.test(id)) fail(404, 'Resource not found');
        const [c] = await findRequests(ctx, { ids: [Number(id)], start: new Date(0), end: new Date() });
        if (!c) fail(404, `service_request_id ${id} not found`);
        return send(reply, format, 200, { service_requests: [requestOut(c, await ctx.units.current())] });
      });
    },
    { prefix: PREFIX },
  );
}
