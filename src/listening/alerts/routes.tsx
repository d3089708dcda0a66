// Routes of the alerts: rule editor (analysts and district administrators), notifications of the
// signed-in staff member, and a small JSON API for the bell.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../web/access.ts';
import type { AppContext } from '../../app/context.ts';
import { notFound } from '../../web/errors.ts';
import { checkbox, parseForm, type FormValues } from '../../web/forms.ts';
import { sendPage } from '../../web/render.tsx';
import { formBody, pathId, readForm } from '../../web/schemas.ts';
import type { App } from '../../web/types.ts';
import { listNotifications, markRead, recentAlerts, unreadCount } from './notifications.ts';
import { AlertsPage, NEW_RULE, NotificationsPage, RulePage, ruleToForm } from './pages.tsx';
import { createRule, deleteRule, getRule, listRules, ruleInputSchema, updateRule, webhookSecret } from './rules.ts';
import { ANALYSTS } from '../../core/roles.ts';

export const DESK = { access: { roles: ANALYSTS } };

const num = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : Number(v.replace(',', '.')));

const RULE_FIELDS = ['name', 'kind', 'windowHours', 'maxPerHour', 'inApp', 'enabled', 'emails', 'webhookUrl', 'spikeKind', 'minScore', 'threshold', 'minPosts', 'query'];
const ruleFields = formBody(RULE_FIELDS);
const ruleForm = z.preprocess((f: FormValues) => {
  const threshold = num(f.threshold);
  return {
    name: f.name,
    kind: f.kind,
    windowHours: num(f.windowHours) ?? 24,
    maxPerHour: num(f.maxPerHour) ?? 5,
    inApp: checkbox(f.inApp),
    enabled: checkbox(f.enabled),
    emails: (f.emails ?? '').split(/[\s,;]+/).filter(Boolean),
    webhookUrl: f.webhookUrl?.trim() || null,
    spikeKind: f.spikeKind || undefined,
    minScore: num(f.minScore),
    // Entered as a percentage on the form.
    threshold: threshold === undefined ? undefined : threshold / 100,
    minPosts: num(f.minPosts),
    query: f.query ?? '',
  };
}, ruleInputSchema);

const idParams = z.object({ id: pathId });
const found = (id: number | null): number => {
  if (id === null) throw notFound();
  return id;
};
const markReadForm = z.object({ id: z.string().optional() });

export function alertRoutes(app: App, ctx: AppContext): void {
  async function renderList(req: FastifyRequest, reply: FastifyReply, values: FormValues = NEW_RULE, errors: Record<string, string> = {}, status = 200) {
    return sendPage(req, reply, <AlertsPage rules={await listRules(ctx.db)} alerts={await recentAlerts(ctx.db)} values={values} errors={errors} />, status);
  }

  async function renderRule(req: FastifyRequest, reply: FastifyReply, id: number, values?: FormValues, errors: Record<string, string> = {}, status = 200) {
    const rule = await getRule(ctx.db, id);
    if (!rule) throw notFound();
    return sendPage(req, reply, <RulePage rule={rule} values={values ?? ruleToForm(rule)} errors={errors} alerts={await recentAlerts(ctx.db, { ruleId: id })} secret={webhookSecret(ctx, id)} />, status);
  }

  app.get('/admin/listening/alerts', { config: DESK }, async (req, reply) => renderList(req, reply));

  app.post('/admin/listening/alerts', { config: DESK, schema: { body: ruleFields } }, async (req, reply) => {
    const f = parseForm(ruleForm, req.body, req.locale);
    if (!f.ok) return renderList(req, reply, f.values, f.errors, 400);
    const rule = await createRule(ctx.db, actorOf(req), f.data);
    return reply.redirect(`/admin/listening/alerts/${rule.id}?ok=saved`, 303);
  });

  app.get('/admin/listening/alerts/:id', { config: DESK, schema: { params: idParams } }, async (req, reply) => renderRule(req, reply, found(req.params.id)));

  app.post('/admin/listening/alerts/:id', { config: DESK, schema: { params: idParams, body: ruleFields } }, async (req, reply) => {
    const id = found(req.params.id);
    const f = parseForm(ruleForm, req.body, req.locale);
    if (!f.ok) return renderRule(req, reply, id, f.values, f.errors, 400);
    await updateRule(ctx.db, actorOf(req), id, f.data);
    return reply.redirect(`/admin/listening/alerts/${id}?ok=saved`, 303);
  });

  app.post('/admin/listening/alerts/:id/delete', { config: DESK, schema: { params: idParams } }, async (req, reply) => {
    await deleteRule(ctx.db, actorOf(req), found(req.params.id));
    return reply.redirect('/admin/listening/alerts?ok=saved', 303);
  });

  // Notifications: every signed-in person sees their own (only desk staff receive any).
  app.get('/admin/notifications', { config: { access: 'authenticated' } }, async (req, reply) => {
    const items = await listNotifications(ctx.db, actorOf(req).id);
    return sendPage(req, reply, <NotificationsPage items={items} />);
  });

  app.post('/admin/notifications/read', { config: { access: 'authenticated' }, schema: { body: formBody(markReadForm) } }, async (req, reply) => {
    const body = readForm(markReadForm, req.body);
    const id = body.id && /^\d+$/.test(body.id) ? Number(body.id) : undefined;
    await markRead(ctx.db, actorOf(req).id, id);
    return reply.redirect('/admin/notifications', 303);
  });

  app.get('/api/notifications', { config: { access: 'authenticated' }, schema: { tags: ['listening'], summary: 'The signed-in user’s alert notifications (newest first) and the unread count' } }, async (req) => {
    const userId = actorOf(req).id;
    const items = await listNotifications(ctx.db, userId, 20);
    return { unread: await unreadCount(ctx.db, userId), items: items.map((n) => ({ id: n.id, title: n.title, link: n.link, rule: n.ruleName, figures: n.figures, createdAt: n.createdAt.toISOString(), read: n.read })) };
  });
}
