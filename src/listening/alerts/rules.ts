// Alert rules: validation, reading and editing (audited). A rule is one of three kinds — a spike, an
// issue's frustration over a threshold, a topic query over a volume — with its window, rate limit and
// channels (in-app, e-mail addresses, a webhook URL signed with the rule's secret).
import { createHmac } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { parseQuery, QueryParseError } from '@nhipcau/text-vi';
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { type Actor, audit } from '../../audit/index.ts';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../core/errors.ts';
import { ALERT_KINDS, listeningAlertRules, type AlertParams, type AlertRule } from './schema.ts';

const emailList = z
  .array(z.string().trim().toLowerCase().email().max(254))
  .max(20)
  .transform((l) => [...new Set(l)]);

const webhookUrl = z
  .string()
  .trim()
  .max(2000)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), { message: 'http(s)' })
  .nullable();

export const ruleInputSchema = z
  .object({
    name: z.string().trim().min(2).max(120),
    kind: z.enum(ALERT_KINDS),
    windowHours: z.number().int().min(1).max(168),
    maxPerHour: z.number().int().min(1).max(100),
    inApp: z.boolean(),
    emails: emailList,
    webhookUrl,
    enabled: z.boolean(),
    spikeKind: z.enum(['any', 'issue', 'topic', 'place']).default('any'),
    minScore: z.number().min(0).max(1000).default(3),
    threshold: z.number().min(0).max(1).default(0.6),
    minPosts: z.number().int().min(1).max(1_000_000).default(10),
    query: z.string().trim().max(500).default(''),
  })
  .superRefine((v, ctx) => {
    if (v.kind !== 'query') return;
    if (!v.query) return void ctx.addIssue({ code: 'custom', path: ['query'], message: 'required' });
    try {
      parseQuery(v.query);
    } catch (e) {
      if (e instanceof QueryParseError) ctx.addIssue({ code: 'custom', path: ['query'], message: e.message });
      else throw e;
    }
  });

export type RuleInput = z.infer<typeof ruleInputSchema>;

/** Only the fields of the rule's kind are kept. */
export function paramsOf(input: RuleInput): AlertParams {
  if (input.kind === 'spike') return { spikeKind: input.spikeKind, minScore: input.minScore };
  if (input.kind === 'frustration') return { threshold: input.threshold, minPosts: input.minPosts };
  return { query: input.query, minPosts: input.minPosts };
}

export async function listRules(db: Db): Promise<AlertRule[]> {
  return db.select().from(listeningAlertRules).orderBy(asc(listeningAlertRules.name), asc(listeningAlertRules.id));
}

export async function getRule(db: Db, id: number): Promise<AlertRule | undefined> {
  const [r] = await db.select().from(listeningAlertRules).where(eq(listeningAlertRules.id, id));
  return r;
}

const columns = (input: RuleInput) => ({
  name: input.name,
  kind: input.kind,
  params: paramsOf(input),
  windowHours: input.windowHours,
  maxPerHour: input.maxPerHour,
  inApp: input.inApp,
  emails: input.emails,
  webhookUrl: input.webhookUrl,
  enabled: input.enabled,
});

export async function createRule(db: Db, actor: Actor, input: RuleInput): Promise<AlertRule> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(listeningAlertRules).values(columns(input)).returning();
    await audit(tx, actor, { action: 'listening.alertRule.create', targetType: 'listening_alert_rule', targetId: row.id, details: { name: row.name, kind: row.kind } });
    return row;
  });
}

export async function updateRule(db: Db, actor: Actor, id: number, input: RuleInput): Promise<AlertRule> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(listeningAlertRules)
      .set({ ...columns(input), updatedAt: new Date() })
      .where(eq(listeningAlertRules.id, id))
      .returning();
    if (!row) throw notFound();
    await audit(tx, actor, { action: 'listening.alertRule.update', targetType: 'listening_alert_rule', targetId: id, details: { name: row.name, kind: row.kind, enabled: row.enabled } });
    return row;
  });
}

export async function deleteRule(db: Db, actor: Actor, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(listeningAlertRules).where(eq(listeningAlertRules.id, id)).returning({ id: listeningAlertRules.id, name: listeningAlertRules.name });
    if (!row) throw notFound();
    await audit(tx, actor, { action: 'listening.alertRule.delete', targetType: 'listening_alert_rule', targetId: id, details: { name: row.name } });
  });
}

/** The secret a rule's webhook deliveries are signed with (derived: nothing to store or leak from the table). */
export function webhookSecret(ctx: Pick<AppContext, 'secrets'>, ruleId: number): string {
  return createHmac('sha256', ctx.secrets.derive('listening-alert-webhook')).update(String(ruleId)).digest('base64url');
}

/** `sha256=<hex>` over `${timestamp}.${body}`, as sent in the X-Nhipcau-Signature header. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}
