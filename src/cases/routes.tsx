// The office side of cases: the list, a new case, one case with its actions, files; and the JSON API.
// Handlers (case_handler, unit_admin; district_admin implied) act on the cases of their subtree.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ADMINS, ANALYSTS, CASE_HANDLERS, CONTACT_READERS, hasRole, isTopAdmin, unitsInScope } from '../core/roles.ts';
import { actorOf, fromRecord } from '../web/access.ts';
import type { AppContext } from '../app/context.ts';
import { csrfOk } from '../web/csrf.ts';
import { DomainError, HttpError, notFound } from '../web/errors.ts';
import { parseForm, type FormValues } from '../web/forms.ts';
import { sendPage } from '../web/render.tsx';
import { formBody, idOf, pathId } from '../web/schemas.ts';
import type { App } from '../web/types.ts';
import { withMultipart } from '../web/uploads.ts';
import { listAttachments, MAX_FILE_BYTES, prepareFile, readAttachment, storeFiles } from './attachments.ts';
import { addNote, answerCase, assignCase, caseHistory, createCase, getCase, listCases, moveCase, updateCase } from './cases.ts';
import { answerSchema, assignSchema, editCaseSchema, listQuery, newCaseSchema, noteSchema, statusSchema } from './forms.ts';
import { notifyCitizenLater } from './jobs.ts';
import { CasesPage } from './pages/list.tsx';
import { CasePage } from './pages/detail.tsx';
import { NewCasePage } from './pages/new.tsx';
import { handlersFor, personById } from './people.ts';
import { listRules, suggestOwner } from './routing.ts';
import type { Case } from './schema.ts';
import { vnDay } from '../core/time.ts';
import { loopEffect } from './stats.ts';
import { issueForCase } from './listening.ts';

const caseParams = z.object({ id: pathId });
const attachmentParams = caseParams.extend({ aid: pathId });

export function caseValues(c: Case): FormValues {
  return { title: c.title, description: c.description, topic: c.topic ?? '', wardId: c.wardId ? String(c.wardId) : '', placeId: c.placeId ?? '', address: c.address ?? '', plan: c.plan ?? '', dueDate: c.dueAt ? vnDay(c.dueAt) : '' };
}

export function caseRoutes(app: App, ctx: AppContext): void {
  const tree = () => ctx.units.current();
  /** The owner unit of the case named by :id (undefined when there is none: the handler answers 404). */
  const caseUnit = fromRecord('id', async (raw) => {
    const id = idOf(raw);
    return id ? (await getCase(ctx.db, id))?.unitId : undefined;
  });
  const handlers = { access: { roles: CASE_HANDLERS, unit: caseUnit } } as const;
  const admins = { access: { roles: ADMINS, unit: caseUnit } } as const;

  async function loadCase(id: number | null): Promise<Case> {
    const c = id ? await getCase(ctx.db, id) : undefined;
    if (!c) throw notFound();
    return c;
  }

  async function scope(req: FastifyRequest): Promise<number[] | null> {
    const t = await tree();
    return isTopAdmin(req.auth, t) ? null : [...unitsInScope(req.auth, t, CASE_HANDLERS)];
  }

  async function renderCase(req: FastifyRequest, reply: FastifyReply, c: Case, values: FormValues = {}, errors: Record<string, string> = {}, status = 200) {
    const t = await tree();
    const [history, attachments, people, handler, effect] = await Promise.all([caseHistory(ctx.db, c.id), listAttachments(ctx.db, c.id), handlersFor(ctx.db, t, c.unitId), personById(ctx.db, c.handlerId), loopEffect(ctx.database, c)]);
    const canSeeContact = hasRole(req.auth, t, CONTACT_READERS, c.unitId);
    return sendPage(req, reply, <CasePage c={c} tree={t} history={history} attachments={attachments} handlers={people} handler={handler} canAssign={hasRole(req.auth, t, ADMINS, c.unitId)} canSeeContact={canSeeContact} values={{ ...caseValues(c), ...values }} errors={errors} effect={effect} />, status);
  }

  /** Runs a page action; a refusal the user can fix re-renders the case with the message. */
  async function act(req: FastifyRequest, reply: FastifyReply, c: Case, values: FormValues, run: (c: Case) => Promise<unknown>) {
    try {
      await run(c);
      return reply.redirect(`/admin/cases/${c.id}?ok=saved`, 303);
    } catch (e) {
      if (e instanceof DomainError && e.statusCode < 500 && e.statusCode !== 403 && e.statusCode !== 404) return renderCase(req, reply, (await getCase(ctx.db, c.id)) ?? c, values, { _form: req.t(e.messageKey, e.params) }, e.statusCode);
      throw e;
    }
  }

  async function create(req: FastifyRequest, data: ReturnType<typeof newCaseSchema.parse>): Promise<Case> {
    const t = await tree();
    if (data.wardId && t.get(data.wardId)?.kind !== 'ward') throw new HttpError(400, 'cases.notAWard');
    if (data.unitId && !t.get(data.unitId)) throw new HttpError(400, 'cases.unknownUnit');
    // A unit the caller names must be one they handle cases for; a routing suggestion outside their
    // units falls back to their own unit (the case can be handed on by an administrator).
    if (data.unitId && !hasRole(req.auth, t, CASE_HANDLERS, data.unitId)) throw new HttpError(403, 'error.forbidden');
    const suggested = data.unitId ?? suggestOwner(t, await listRules(ctx.db), data).unitId;
    const unitId = hasRole(req.auth, t, CASE_HANDLERS, suggested) ? suggested : (req.auth?.grants.find((g) => hasRole(req.auth, t, CASE_HANDLERS, g.unitId))?.unitId ?? suggested);
    const issue = data.issueId ? await issueForCase(ctx.database, data.issueId) : null;
    if (data.issueId && !issue) throw new HttpError(400, 'cases.unknownIssue');
    return createCase(ctx.db, actorOf(req), { source: issue ? 'issue' : 'manual', ...data, dueAt: data.dueDate, unitId, issueId: issue?.id ?? null });
  }

  // Pages.
  app.get('/admin/cases', { config: { access: { roles: CASE_HANDLERS } }, schema: { querystring: listQuery } }, async (req, reply) => {
    const q = req.query;
    const mine = q.mine === '1';
    const rows = await listCases(ctx.db, { unitIds: await scope(req), status: q.status, handlerId: mine ? req.auth?.user.id : undefined, before: q.before, limit: q.limit });
    return sendPage(req, reply, <CasesPage rows={rows} tree={await tree()} filter={q.status ?? ''} mine={mine} canCreate limit={q.limit} />);
  });

  app.get('/admin/cases/new', { config: { access: { roles: CASE_HANDLERS } }, schema: { querystring: z.object({ issue: pathId.optional() }) } }, async (req, reply) => {
    const issueId = req.query.issue ?? null;
    // The issue's words are the listening desk's: only those who may read issues see them here.
    const issue = issueId && hasRole(req.auth, await tree(), ANALYSTS) ? await issueForCase(ctx.database, issueId) : null;
    const values: FormValues = issue ? { issueId: String(issue.id), title: issue.title, description: issue.description, topic: issue.topic ?? '' } : issueId ? { issueId: String(issueId) } : {};
    return sendPage(req, reply, <NewCasePage tree={await tree()} values={values} errors={{}} />);
  });

  app.post('/admin/cases', { config: { access: { roles: CASE_HANDLERS } }, schema: { body: formBody(newCaseSchema) } }, async (req, reply) => {
    const form = parseForm(newCaseSchema, req.body, req.locale);
    const t = await tree();
    if (!form.ok) return sendPage(req, reply, <NewCasePage tree={t} values={form.values} errors={form.errors} />, 400);
    try {
      const c = await create(req, form.data);
      const visible = hasRole(req.auth, t, CASE_HANDLERS, c.unitId);
      return reply.redirect(visible ? `/admin/cases/${c.id}?ok=saved` : '/admin/cases?ok=saved', 303);
    } catch (e) {
      if (e instanceof DomainError && e.statusCode === 400) return sendPage(req, reply, <NewCasePage tree={t} values={form.values} errors={{ _form: req.t(e.messageKey, e.params) }} />, 400);
      throw e;
    }
  });

  app.get('/admin/cases/:id', { config: handlers, schema: { params: caseParams } }, async (req, reply) => renderCase(req, reply, await loadCase(req.params.id)));

  app.post('/admin/cases/:id', { config: handlers, schema: { params: caseParams, body: formBody(editCaseSchema) } }, async (req, reply) => {
    const c = await loadCase(req.params.id);
    const form = parseForm(editCaseSchema, req.body, req.locale);
    if (!form.ok) return renderCase(req, reply, c, form.values, form.errors, 400);
    const { dueDate, ...rest } = form.data;
    return act(req, reply, c, form.values, (c) => updateCase(ctx.db, actorOf(req), c.id, { ...rest, ...(dueDate ? { dueAt: dueDate } : {}) }));
  });

  app.post('/admin/cases/:id/assign', { config: admins, schema: { params: caseParams, body: formBody(assignSchema) } }, async (req, reply) => {
    const c = await loadCase(req.params.id);
    const form = parseForm(assignSchema, req.body, req.locale);
    if (!form.ok) return renderCase(req, reply, c, form.values, form.errors, 400);
    return act(req, reply, c, form.values, async (c) => {
      const t = await tree();
      const unitId = form.data.unitId as number;
      if (!t.get(unitId)) throw new HttpError(400, 'cases.unknownUnit');
      if (!hasRole(req.auth, t, ADMINS, unitId)) throw new HttpError(403, 'error.forbidden');
      if (form.data.handlerId && !(await handlersFor(ctx.db, t, unitId)).some((p) => p.id === form.data.handlerId)) throw new HttpError(400, 'cases.handlerNotInUnit');
      return assignCase(ctx.db, actorOf(req), c.id, { unitId, handlerId: form.data.handlerId });
    });
  });

  app.post('/admin/cases/:id/status', { config: handlers, schema: { params: caseParams, body: formBody(statusSchema) } }, async (req, reply) => {
    const c = await loadCase(req.params.id);
    const form = parseForm(statusSchema, req.body, req.locale);
    if (!form.ok) return renderCase(req, reply, c, form.values, form.errors, 400);
    return act(req, reply, c, form.values, (c) => (form.data.to === 'assigned' ? assignCase(ctx.db, actorOf(req), c.id, { unitId: c.unitId, handlerId: actorOf(req).id }) : moveCase(ctx.db, actorOf(req), c.id, form.data.to, form.data.note)));
  });

  app.post('/admin/cases/:id/answer', { config: handlers, schema: { params: caseParams, body: formBody(answerSchema) } }, async (req, reply) => {
    const c = await loadCase(req.params.id);
    const form = parseForm(answerSchema, req.body, req.locale);
    if (!form.ok) return renderCase(req, reply, c, form.values, form.errors, 400);
    return act(req, reply, c, form.values, async (c) => {
      await answerCase(ctx.db, actorOf(req), c.id, form.data.answer);
      await notifyCitizenLater(ctx, c.id);
    });
  });

  app.post('/admin/cases/:id/notes', { config: handlers, schema: { params: caseParams, body: formBody(noteSchema) } }, async (req, reply) => {
    const c = await loadCase(req.params.id);
    const form = parseForm(noteSchema, req.body, req.locale);
    if (!form.ok) return renderCase(req, reply, c, form.values, form.errors, 400);
    return act(req, reply, c, form.values, (c) => addNote(ctx.db, actorOf(req), c.id, form.data.note));
  });

  app.get('/admin/cases/:id/attachments/:aid', { config: handlers, schema: { params: attachmentParams } }, async (req, reply) => {
    const c = await loadCase(req.params.id);
    const { aid } = req.params;
    const file = aid ? await readAttachment(ctx.db, ctx.config.dataDir, c.id, aid).catch(() => undefined) : undefined;
    if (!file) throw notFound();
    return reply
      .header('content-type', file.row.mime)
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.row.fileName)}`)
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .send(file.bytes);
  });

  // Uploads are multipart: the CSRF token is a form field, checked once the fields are read.
  withMultipart(app, { fileSize: MAX_FILE_BYTES, files: 1, fields: 5, fieldSize: 1000, parts: 6 }, (scoped) => {
    scoped.post('/admin/cases/:id/attachments', { config: { ...handlers, csrf: false }, bodyLimit: MAX_FILE_BYTES + 64 * 1024, schema: { params: caseParams } }, async (req, reply) => {
      const c = await loadCase(req.params.id);
      const fields: Record<string, string> = {};
      let upload: { bytes: Buffer; filename: string } | undefined;
      try {
        for await (const part of req.parts()) {
          if (part.type === 'file') upload = { bytes: await part.toBuffer(), filename: part.filename };
          else fields[part.fieldname] = String(part.value);
        }
      } catch {
        throw new HttpError(413, 'cases.badFile');
      }
      if (!csrfOk(req, fields._csrf)) throw new HttpError(403, 'error.csrf');
      if (!upload || !upload.bytes.length) return renderCase(req, reply, c, {}, { file: req.t('cases.badFile') }, 400);
      return act(req, reply, c, {}, async () => storeFiles(ctx.db, ctx.config.dataDir, actorOf(req), c.id, [await prepareFile(upload as { bytes: Buffer; filename: string }, true)], false));
    });
  });

  // JSON API, on the same service functions.
  const api = { tags: ['cases'] };
  app.get('/api/cases', { config: { access: { roles: CASE_HANDLERS } }, schema: { ...api, summary: 'Cases of your units, newest first; ?status=open|overdue|new|…&before=<id>', querystring: listQuery } }, async (req) => {
    const q = req.query;
    const rows = await listCases(ctx.db, { unitIds: await scope(req), status: q.status, handlerId: q.mine === '1' ? req.auth?.user.id : undefined, before: q.before, limit: q.limit });
    return { cases: rows.map((c) => caseOut(c, false)) };
  });

  app.get('/api/cases/:id', { config: handlers, schema: { ...api, summary: 'One case with its history', params: caseParams } }, async (req) => {
    const c = await loadCase(req.params.id);
    const canSeeContact = hasRole(req.auth, await tree(), CONTACT_READERS, c.unitId);
    const history = await caseHistory(ctx.db, c.id);
    return { ...caseOut(c, canSeeContact), history: history.map((e) => ({ at: e.at, actor: e.actorLabel, kind: e.kind, from: e.fromStatus, to: e.toStatus, note: e.note, details: e.details })) };
  });

  app.post('/api/cases', { config: { access: { roles: CASE_HANDLERS } }, schema: { ...api, summary: 'Create a case; the owner unit is suggested by the routing rules unless given', body: newCaseSchema } }, async (req, reply) => {
    return reply.status(201).send(caseOut(await create(req, req.body), false));
  });

  app.post('/api/cases/:id/status', { config: handlers, schema: { ...api, summary: 'Move a case: {to: assigned|in_progress|closed|reopened, note?}', params: caseParams, body: statusSchema } }, async (req) => {
    const c = await loadCase(req.params.id);
    const body = req.body;
    const out = body.to === 'assigned' ? await assignCase(ctx.db, actorOf(req), c.id, { unitId: c.unitId, handlerId: actorOf(req).id }) : await moveCase(ctx.db, actorOf(req), c.id, body.to, body.note);
    return caseOut(out, false);
  });

  app.post('/api/cases/:id/answer', { config: handlers, schema: { ...api, summary: 'Publish the public answer: {answer}', params: caseParams, body: answerSchema } }, async (req) => {
    const c = await loadCase(req.params.id);
    const body = req.body;
    const out = await answerCase(ctx.db, actorOf(req), c.id, body.answer);
    await notifyCitizenLater(ctx, c.id);
    return caseOut(out, false);
  });
}

export function caseOut(c: Case, withContact: boolean) {
  return {
    id: c.id,
    status: c.status,
    source: c.source,
    title: c.title,
    description: c.description,
    topic: c.topic,
    wardId: c.wardId,
    placeId: c.placeId,
    address: c.address,
    lat: c.lat,
    long: c.long,
    unitId: c.unitId,
    handlerId: c.handlerId,
    plan: c.plan,
    dueAt: c.dueAt,
    publicAnswer: c.publicAnswer,
    answeredAt: c.answeredAt,
    closedAt: c.closedAt,
    reopenCount: c.reopenCount,
    escalationLevel: c.escalationLevel,
    rating: c.rating,
    issueId: c.issueId,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    ...(withContact ? { contact: { name: c.contactName, email: c.contactEmail, phone: c.contactPhone, zalo: c.contactZalo } } : {}),
  };
}

