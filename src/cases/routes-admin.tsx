// Administration of cases: statistics (unit admins: their subtree), routing rules (admins of the
// units involved), settings and Open311 keys (district administrators).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ADMINS, DISTRICT_ADMINS, hasRole, isTopAdmin, unitsInScope } from '../core/roles.ts';
import { actorOf } from '../web/access.ts';
import type { AppContext } from '../app/context.ts';
import { VN_OFFSET_MS } from '../core/time.ts';
import { DomainError, forbidden, notFound } from '../web/errors.ts';
import { parseForm, type FormValues } from '../web/forms.ts';
import { sendPage } from '../web/render.tsx';
import { formBody, pageQuery, pathId } from '../web/schemas.ts';
import type { App } from '../web/types.ts';
import { createKey, listKeys, revokeKey } from './open311/keys.ts';
import { CasesSettingsPage, Open311KeysPage, RoutingPage } from './pages/admin.tsx';
import { StatsPage } from './pages/stats.tsx';
import { createRule, deleteRule, getRule, listRules, ruleInputSchema } from './routing.ts';
import type { RoutingRule } from './schema.ts';
import { casesSettingsSchema, loadCasesSettings, saveCasesSettings, type CasesSettings } from './settings.ts';
import { sumRows, unitMonthStats } from './stats.ts';
import { topicList } from './text.ts';

const DISTRICT = { access: { roles: DISTRICT_ADMINS } };
const idParams = z.object({ id: pathId });
const SETTINGS_FIELDS = ['defaultDays', 'dueSoonDays', 'escalateEveryDays', 'reopenDays', 'retentionDays', 'jurisdictionId', 'extraHolidays', 'extraWorkdays'];
const settingsForm = z.preprocess(settingsFromForm, casesSettingsSchema);
const keyForm = z.object({ name: z.string().trim().min(2).max(100) });
const statsQuery = z.object({ from: z.coerce.date().optional(), to: z.coerce.date().optional() });
const num = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : Number(v));
const dates = (v: string | undefined) => (v ?? '').split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean);

function settingsFromForm(f: FormValues): unknown {
  const topicDays: Record<string, number> = {};
  for (const o of topicList()) {
    const n = num(f[`days_${o.id}`]);
    if (n !== undefined) topicDays[o.id] = n;
  }
  return { defaultDays: num(f.defaultDays), dueSoonDays: num(f.dueSoonDays), escalateEveryDays: num(f.escalateEveryDays), reopenDays: num(f.reopenDays), retentionDays: num(f.retentionDays), jurisdictionId: f.jurisdictionId?.trim() || null, topicDays, extraHolidays: dates(f.extraHolidays), extraWorkdays: dates(f.extraWorkdays) };
}

function settingsToForm(s: CasesSettings): FormValues {
  const v: FormValues = { defaultDays: String(s.defaultDays), dueSoonDays: String(s.dueSoonDays), escalateEveryDays: String(s.escalateEveryDays), reopenDays: String(s.reopenDays), retentionDays: String(s.retentionDays), jurisdictionId: s.jurisdictionId ?? '', extraHolidays: s.extraHolidays.join('\n'), extraWorkdays: s.extraWorkdays.join('\n') };
  for (const [k, n] of Object.entries(s.topicDays)) v[`days_${k}`] = String(n);
  return v;
}

const ruleForm = z.preprocess((raw: FormValues) => ({ topic: raw.topic, wardId: raw.wardId ? Number(raw.wardId) : null, placeId: raw.placeId, unitId: Number(raw.unitId), note: raw.note }), ruleInputSchema);
const ruleFields = formBody(['topic', 'wardId', 'placeId', 'unitId', 'note']);

export function caseAdminRoutes(app: App, ctx: AppContext): void {
  const tree = () => ctx.units.current();

  app.get('/admin/cases/stats', { config: { access: { roles: ADMINS } }, schema: { querystring: pageQuery('months') } }, async (req, reply) => {
    const t = await tree();
    const months = Math.min(Math.max(Number(req.query.months) || 6, 1), 24);
    const now = new Date();
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months + 1, 1) - VN_OFFSET_MS);
    const scope = isTopAdmin(req.auth, t) ? null : [...unitsInScope(req.auth, t, ADMINS)];
    const rows = await unitMonthStats(ctx.database, { from, to: new Date(now.getTime() + 86_400_000), unitIds: scope });
    const byMonth = new Map<string, typeof rows>();
    for (const r of rows) byMonth.set(r.month, [...(byMonth.get(r.month) ?? []), r]);
    const list = [...byMonth.entries()].sort(([a], [b]) => b.localeCompare(a)).map(([month, rs]) => ({ month, rows: rs, total: sumRows(rs, 0, month) }));
    return sendPage(req, reply, <StatsPage tree={t} months={list} />);
  });

  app.get('/api/cases/stats', { config: { access: { roles: ADMINS } }, schema: { tags: ['cases'], summary: 'Per unit and month: opened, answered (on time), overdue, on-time rate, re-opened, satisfaction; ?from=&to= (ISO dates)', querystring: statsQuery } }, async (req) => {
    const t = await tree();
    const q = req.query;
    const to = q.to ?? new Date();
    const from = q.from ?? new Date(to.getTime() - 180 * 86_400_000);
    const scope = isTopAdmin(req.auth, t) ? null : [...unitsInScope(req.auth, t, ADMINS)];
    const rows = await unitMonthStats(ctx.database, { from, to, unitIds: scope });
    return { rows: rows.map((r) => ({ ...r, unit: t.get(r.unitId)?.slug ?? null })) };
  });

  // Routing rules: a rule may be added or removed by an administrator of its target unit (and of its ward).
  const mayEdit = async (req: FastifyRequest, r: Pick<RoutingRule, 'unitId' | 'wardId'>) => {
    const t = await tree();
    return hasRole(req.auth, t, ADMINS, r.unitId) && (!r.wardId || hasRole(req.auth, t, ADMINS, r.wardId));
  };
  async function renderRules(req: FastifyRequest, reply: FastifyReply, values: FormValues = {}, errors: Record<string, string> = {}, status = 200) {
    const t = await tree();
    const rules = await listRules(ctx.db);
    const editable = new Set<number>();
    for (const r of rules) if (await mayEdit(req, r)) editable.add(r.id);
    return sendPage(req, reply, <RoutingPage tree={t} rules={rules} values={values} errors={errors} editable={(r) => editable.has(r.id)} />, status);
  }

  app.get('/admin/cases/routing', { config: { access: { roles: ADMINS } } }, async (req, reply) => renderRules(req, reply));

  app.post('/admin/cases/routing', { config: { access: { roles: ADMINS } }, schema: { body: ruleFields } }, async (req, reply) => {
    const form = parseForm(ruleForm, req.body, req.locale);
    if (!form.ok) return renderRules(req, reply, form.values, form.errors, 400);
    if (!(await mayEdit(req, form.data))) throw forbidden();
    try {
      await createRule(ctx.db, await tree(), actorOf(req), form.data);
    } catch (e) {
      if (e instanceof DomainError && e.statusCode === 400) return renderRules(req, reply, form.values, { _form: req.t(e.messageKey, e.params) }, 400);
      throw e;
    }
    return reply.redirect('/admin/cases/routing?ok=saved', 303);
  });

  app.post('/admin/cases/routing/:id/delete', { config: { access: { roles: ADMINS } }, schema: { params: idParams } }, async (req, reply) => {
    const { id } = req.params;
    const rule = id ? await getRule(ctx.db, id) : undefined;
    if (!rule) throw notFound();
    if (!(await mayEdit(req, rule))) throw forbidden();
    await deleteRule(ctx.db, actorOf(req), rule.id);
    return reply.redirect('/admin/cases/routing?ok=saved', 303);
  });

  // Settings.
  app.get('/admin/settings/cases', { config: DISTRICT }, async (req, reply) => sendPage(req, reply, <CasesSettingsPage values={settingsToForm(await loadCasesSettings(ctx.db))} errors={{}} />));

  app.post('/admin/settings/cases', { config: DISTRICT, schema: { body: formBody(SETTINGS_FIELDS) } }, async (req, reply) => {
    const f = parseForm(settingsForm, req.body, req.locale);
    if (!f.ok) return sendPage(req, reply, <CasesSettingsPage values={f.values} errors={f.errors} />, 400);
    await saveCasesSettings(ctx.db, actorOf(req), f.data);
    return reply.redirect('/admin/settings/cases?ok=saved', 303);
  });

  // Open311 keys.
  app.get('/admin/settings/open311', { config: DISTRICT }, async (req, reply) => sendPage(req, reply, <Open311KeysPage keys={await listKeys(ctx.db)} errors={{}} />));

  app.post('/admin/settings/open311', { config: DISTRICT, schema: { body: formBody(keyForm) } }, async (req, reply) => {
    const f = parseForm(keyForm, req.body, req.locale);
    if (!f.ok) return sendPage(req, reply, <Open311KeysPage keys={await listKeys(ctx.db)} errors={f.errors} />, 400);
    const { key } = await createKey(ctx.db, actorOf(req), f.data.name);
    // Shown once, in this response only (never in a URL or a log).
    return sendPage(req, reply, <Open311KeysPage keys={await listKeys(ctx.db)} created={key} errors={{}} />, 201);
  });

  app.post('/admin/settings/open311/:id/revoke', { config: DISTRICT, schema: { params: idParams } }, async (req, reply) => {
    const { id } = req.params;
    if (!id) throw notFound();
    await revokeKey(ctx.db, actorOf(req), id);
    return reply.redirect('/admin/settings/open311?ok=saved', 303);
  });
}
