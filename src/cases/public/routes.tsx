// Public routes of cases (no account): the report form on every unit site (/{slug}/phan-anh) and the
// portal (/phan-anh), the status page by tracking code, rating and re-opening, and each unit's
// "Hỏi – đáp". Abuse is limited without tracking anyone: per-address rate limits held in memory, a
// honeypot field, size limits, and "a similar report exists".
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import type { Unit } from '../../org/index.ts';
import { csrfOk } from '../../web/csrf.ts';
import { DomainError, HttpError, notFound } from '../../web/errors.ts';
import { formValues, parseForm } from '../../web/forms.ts';
import { sendPage } from '../../web/render.tsx';
import { formBody, pageQuery } from '../../web/schemas.ts';
import type { App } from '../../web/types.ts';
import { withMultipart } from '../../web/uploads.ts';
import { MAX_CITIZEN_PHOTOS, MAX_FILE_BYTES, type IncomingFile } from '../attachments.ts';
import { citizenReopen, citizenWindowOpen, getCaseByCode, normalizeCode, rateCase } from '../cases.ts';
import { findSimilar, preparePhotos, reportSchema, submitReport, titleFrom } from '../reports.ts';
import type { Case } from '../schema.ts';
import { loadCasesSettings } from '../settings.ts';
import { AnswersPage } from './answers.tsx';
import { ReportPage } from './form.tsx';
import { listAnswers, publicTimeline } from './queries.ts';
import { siteFor } from './site.ts';
import { StatusPage, TrackPage } from './status.tsx';

const FORM_LIMIT = { max: 10, timeWindow: '10 minutes' };
const READ_LIMIT = { max: 60, timeWindow: '1 minute' };
const siteParams = z.object({ slug: z.string() });
const codeParams = z.object({ code: z.string() });
/** The report form (url-encoded; a multipart one is read by the route), with its honeypot and confirmation. */
const reportFields = formBody([...Object.keys(reportSchema.shape), 'website', 'confirm']);
const ratingForm = z.object({ rating: z.coerce.number().int().min(1).max(5) });
const reopenForm = z.object({ reason: z.string().trim().min(3).max(2000) });

interface Parsed {
  fields: Record<string, string>;
  files: IncomingFile[];
}

/** Reads a multipart (or url-encoded) form; refuses too many or too large files with a clear 413. */
async function readForm(req: FastifyRequest): Promise<Parsed> {
  if (!req.isMultipart()) return { fields: formValues(req.body), files: [] };
  const fields: Record<string, string> = {};
  const files: IncomingFile[] = [];
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (bytes.length) files.push({ bytes, filename: part.filename });
      } else if (typeof part.value === 'string') fields[part.fieldname] ??= part.value;
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_FILES_LIMIT') throw new HttpError(413, 'cases.tooManyFiles', { max: MAX_CITIZEN_PHOTOS });
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new HttpError(413, 'cases.badFile');
    if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') throw new HttpError(413, 'error.tooLarge');
    throw new HttpError(400, 'error.badRequest');
  }
  return { fields, files };
}

export function casePublicRoutes(app: App, ctx: AppContext): void {
  const tree = () => ctx.units.current();

  async function siteUnit(slug: string): Promise<Unit> {
    const unit = (await tree()).getBySlug(slug);
    if (!unit || !unit.active) throw notFound();
    return unit;
  }

  async function renderForm(req: FastifyRequest, reply: FastifyReply, unit: Unit | null, values: Record<string, string>, errors: Record<string, string>, status: number, similar?: Awaited<ReturnType<typeof findSimilar>>) {
    const t = await tree();
    const action = unit ? `/${unit.slug}/phan-anh` : '/phan-anh';
    const defaults: Record<string, string> = unit && !values.wardId ? { wardId: String(t.lineage(unit.id).find((u) => u.kind === 'ward')?.id ?? '') } : {};
    return sendPage(req, reply, <ReportPage site={await siteFor(ctx, unit)} tree={t} action={action} values={{ ...defaults, ...values }} errors={errors} similar={similar} />, status);
  }

  async function receive(req: FastifyRequest, reply: FastifyReply, unit: Unit | null) {
    let parsed: Parsed;
    try {
      parsed = await readForm(req);
    } catch (e) {
      if (e instanceof DomainError && e.statusCode === 413) return renderForm(req, reply, unit, {}, { photos: req.t(e.messageKey, e.params) }, 413);
      throw e;
    }
    if (!csrfOk(req, parsed.fields._csrf)) throw new HttpError(403, 'error.csrf');
    const { website, confirm, ...rest } = parsed.fields;
    if (website) return renderForm(req, reply, unit, rest, { _form: req.t('public.report.honeypot') }, 400);
    const form = parseForm(reportSchema, rest, req.locale);
    if (!form.ok) return renderForm(req, reply, unit, form.values, form.errors, 400);
    if (parsed.files.length > MAX_CITIZEN_PHOTOS) return renderForm(req, reply, unit, form.values, { photos: req.t('cases.tooManyFiles', { max: MAX_CITIZEN_PHOTOS }) }, 413);
    let photos;
    try {
      photos = await preparePhotos(parsed.files);
    } catch (e) {
      if (e instanceof DomainError) return renderForm(req, reply, unit, form.values, { photos: req.t(e.messageKey, e.params) }, e.statusCode);
      throw e;
    }
    if (confirm !== '1') {
      const similar = await findSimilar(ctx, form.data.title || titleFrom(form.data.description), form.data.description);
      if (similar.length) return renderForm(req, reply, unit, form.values, {}, 200, similar);
    }
    const c = await submitReport(ctx, form.data, photos, { source: 'report', site: unit });
    return reply.redirect(`/phan-anh/tra-cuu/${c.code}?moi=1`, 303);
  }

  app.get('/phan-anh', { config: { access: 'public' } }, async (req, reply) => renderForm(req, reply, null, {}, {}, 200));
  app.get('/:slug/phan-anh', { config: { access: 'public' }, schema: { params: siteParams } }, async (req, reply) => renderForm(req, reply, await siteUnit(req.params.slug), {}, {}, 200));

  withMultipart(app, { fileSize: MAX_FILE_BYTES, files: MAX_CITIZEN_PHOTOS, fields: 25, fieldSize: 6000, parts: 30 }, (scoped) => {
    const config = { access: 'public' as const, csrf: false, rateLimit: FORM_LIMIT };
    const bodyLimit = 64 * 1024; // url-encoded posts; multipart streams are bounded by the limits above
    scoped.post('/phan-anh', { config, bodyLimit, schema: { body: reportFields } }, async (req, reply) => receive(req, reply, null));
    scoped.post('/:slug/phan-anh', { config, bodyLimit, schema: { params: siteParams, body: reportFields } }, async (req, reply) => receive(req, reply, await siteUnit(req.params.slug)));
  });

  // Status page by tracking code.
  async function renderStatus(req: FastifyRequest, reply: FastifyReply, c: Case, errors: Record<string, string> = {}, status = 200) {
    const t = await tree();
    const s = await loadCasesSettings(ctx.db);
    const unit = t.get(c.unitId) ?? null;
    return sendPage(req, reply, <StatusPage site={await siteFor(ctx, unit)} tree={t} c={c} steps={await publicTimeline(ctx.db, c)} windowOpen={citizenWindowOpen(c, s)} reopenDays={s.reopenDays} errors={errors} />, status);
  }

  app.get('/phan-anh/tra-cuu', { config: { access: 'public', rateLimit: READ_LIMIT }, schema: { querystring: pageQuery('code') } }, async (req, reply) => {
    const code = normalizeCode(req.query.code ?? '');
    if (code) return reply.redirect(`/phan-anh/tra-cuu/${encodeURIComponent(code)}`, 303);
    return sendPage(req, reply, <TrackPage site={await siteFor(ctx, null)} code="" />);
  });

  app.get('/phan-anh/tra-cuu/:code', { config: { access: 'public', rateLimit: READ_LIMIT }, schema: { params: codeParams } }, async (req, reply) => {
    const c = await getCaseByCode(ctx.db, req.params.code);
    if (!c) return sendPage(req, reply, <TrackPage site={await siteFor(ctx, null)} code={req.params.code.slice(0, 20)} error={req.t('public.track.notFound')} />, 404);
    return renderStatus(req, reply, c);
  });

  /** A citizen's action on their case; a refusal shows the status page again with the reason. */
  async function citizenAction(req: FastifyRequest, reply: FastifyReply, code: string, run: (c: Case) => Promise<string>) {
    const c = await getCaseByCode(ctx.db, code);
    if (!c) throw notFound();
    try {
      const ok = await run(c);
      return reply.redirect(`/phan-anh/tra-cuu/${c.code}?ok=${ok}`, 303);
    } catch (e) {
      if (e instanceof DomainError && e.statusCode < 500 && e.statusCode !== 404) return renderStatus(req, reply, c, { _form: req.t(e.messageKey, e.params) }, e.statusCode);
      throw e;
    }
  }

  app.post('/phan-anh/tra-cuu/:code/danh-gia', { config: { access: 'public', rateLimit: FORM_LIMIT }, schema: { params: codeParams, body: formBody(ratingForm) } }, async (req, reply) =>
    citizenAction(req, reply, req.params.code, async (c) => {
      const form = parseForm(ratingForm, req.body, req.locale);
      if (!form.ok) throw new HttpError(400, 'cases.badRating');
      await rateCase(ctx.db, c.id, form.data.rating, await loadCasesSettings(ctx.db));
      return 'rated';
    }),
  );

  app.post('/phan-anh/tra-cuu/:code/mo-lai', { config: { access: 'public', rateLimit: FORM_LIMIT }, schema: { params: codeParams, body: formBody(reopenForm) } }, async (req, reply) =>
    citizenAction(req, reply, req.params.code, async (c) => {
      const form = parseForm(reopenForm, req.body, req.locale);
      if (!form.ok) throw new HttpError(400, 'public.status.reopenReasonRequired');
      await citizenReopen(ctx.db, c.id, form.data.reason, await loadCasesSettings(ctx.db));
      return 'reopened';
    }),
  );

  // Hỏi – đáp: answers of the unit and the units under it (the portal's: the whole district).
  const answers = async (req: FastifyRequest, reply: FastifyReply, trang: string | undefined, unit: Unit | null) => {
    const t = await tree();
    const top = unit ?? t.roots()[0];
    if (!top) throw notFound();
    const page = Math.min(Math.max(Number(trang) || 1, 1), 500);
    const { rows, more } = await listAnswers(ctx.db, t.subtree(top.id).map((u) => u.id), page);
    return sendPage(req, reply, <AnswersPage site={await siteFor(ctx, unit)} tree={t} unit={top} rows={rows} page={page} more={more} />);
  };
  const pageOfAnswers = pageQuery('trang');
  app.get('/hoi-dap', { config: { access: 'public', rateLimit: READ_LIMIT }, schema: { querystring: pageOfAnswers } }, async (req, reply) => answers(req, reply, req.query.trang, null));
  app.get('/:slug/hoi-dap', { config: { access: 'public', rateLimit: READ_LIMIT }, schema: { params: siteParams, querystring: pageOfAnswers } }, async (req, reply) => answers(req, reply, req.query.trang, await siteUnit(req.params.slug)));
}

