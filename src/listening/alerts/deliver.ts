// Delivery of a fired alert: in-app notifications for analysts and district administrators at once,
// e-mail (src/mail) and the webhook through the job queue, which retries with backoff. Each channel
// job is deduplicated per alert and records its outcome on the alert, so a retry never sends twice
// what already went out. Payloads carry the alert's figures and link, never anything about authors.
import type { AppContext } from '../../app/context.ts';
import { outboundFetch } from '../../app/outbound.ts';
import { translate } from '../../i18n/catalog.ts';
import { send } from '../../mail/index.ts';
import { formatDateTime } from '../../core/time.ts';
import { rows, sql } from '../store/sql.ts';
import { signWebhook, webhookSecret } from './rules.ts';
import type { AlertFigures, AlertRule } from './schema.ts';
import { baseUrl } from '../../config/env.ts';

export const EMAIL_JOB = 'listening.alert-email';
export const WEBHOOK_JOB = 'listening.alert-webhook';
export const SIGNATURE_HEADER = 'x-nhipcau-signature';
export const TIMESTAMP_HEADER = 'x-nhipcau-timestamp';
const WEBHOOK_TIMEOUT_MS = 10_000;

export async function deliverAlert(ctx: AppContext, rule: AlertRule, alertId: number): Promise<void> {
  if (rule.inApp) {
    // Everyone who works the listening desk: analysts and district administrators, active accounts.
    await ctx.db.execute(sql`INSERT INTO listening_notifications (user_id, alert_id)
      SELECT DISTINCT u.id, ${alertId}::bigint FROM users u JOIN role_grants g ON g.user_id = u.id
      WHERE u.active AND g.role IN ('analyst', 'district_admin')`);
  }
  if (rule.emails.length) await ctx.jobs.enqueue(EMAIL_JOB, { alertId }, { dedupeKey: `${EMAIL_JOB}:${alertId}`, maxAttempts: 6 });
  if (rule.webhookUrl) await ctx.jobs.enqueue(WEBHOOK_JOB, { alertId }, { dedupeKey: `${WEBHOOK_JOB}:${alertId}`, maxAttempts: 8 });
}

interface AlertRow {
  id: number;
  rule_id: number;
  rule_name: string;
  kind: string;
  subject: string;
  title: string;
  link: string;
  figures: AlertFigures;
  created_at: string | Date;
  emailed_at: string | null;
  webhook_at: string | null;
  emails: string[];
  webhook_url: string | null;
}

async function loadAlert(ctx: AppContext, id: number): Promise<AlertRow | undefined> {
  const [a] = await rows<AlertRow>(
    ctx.db,
    sql`SELECT a.id, a.rule_id, r.name AS rule_name, r.kind, a.subject, a.title, a.link, a.figures, a.created_at, a.emailed_at, a.webhook_at, r.emails, r.webhook_url
        FROM listening_alerts a JOIN listening_alert_rules r ON r.id = a.rule_id WHERE a.id = ${id}`,
  );
  if (a && typeof a.figures === 'string') a.figures = JSON.parse(a.figures);
  return a;
}

const absolute = (ctx: AppContext, link: string) => `${baseUrl(ctx.config)}${link}`;

/** Sends the alert's e-mail once (the job retries on SMTP errors). */
export async function emailAlert(ctx: AppContext, alertId: number): Promise<'sent' | 'skipped'> {
  const a = await loadAlert(ctx, alertId);
  if (!a || a.emailed_at || !a.emails?.length) return 'skipped';
  const p = { rule: a.rule_name, title: a.title, link: absolute(ctx, a.link), from: formatDateTime(a.figures.windowStart, 'vi'), to: formatDateTime(a.figures.windowEnd, 'vi') };
  const sent = await send(ctx, { to: a.emails, subject: translate('vi', 'alerts.mail.subject', p), text: translate('vi', 'alerts.mail.text', p), headers: { 'X-Nhipcau-Alert': String(a.id) } });
  if (!sent) return 'skipped';
  await ctx.db.execute(sql`UPDATE listening_alerts SET emailed_at = now() WHERE id = ${alertId}`);
  return 'sent';
}

/** The JSON body a webhook receives. */
export function webhookBody(ctx: AppContext, a: Pick<AlertRow, 'id' | 'rule_id' | 'rule_name' | 'kind' | 'subject' | 'title' | 'link' | 'figures' | 'created_at'>): string {
  return JSON.stringify({
    type: 'nhipcau.listening.alert',
    id: Number(a.id),
    rule: { id: Number(a.rule_id), name: a.rule_name, kind: a.kind },
    subject: a.subject,
    title: a.title,
    figures: a.figures,
    link: absolute(ctx, a.link),
    createdAt: new Date(a.created_at).toISOString(),
  });
}

/** POSTs the alert, signed; throws on a failure so that the job queue retries with backoff. */
export async function postWebhook(ctx: AppContext, alertId: number): Promise<'sent' | 'skipped'> {
  const a = await loadAlert(ctx, alertId);
  if (!a || a.webhook_at || !a.webhook_url) return 'skipped';
  const body = webhookBody(ctx, a);
  const timestamp = String(Math.floor(Date.now() / 1000));
  let error: string | null = null;
  try {
    const res = await outboundFetch(ctx.config.outboundPrivate)(a.webhook_url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'NhipCau-Alerts/1', [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: signWebhook(webhookSecret(ctx, a.rule_id), timestamp, body) },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    await res.body?.cancel().catch(() => {});
    if (!res.ok) error = `HTTP ${res.status}`;
  } catch (e) {
    // fetch wraps the reason (refused address, DNS, reset) in `cause`.
    const cause = (e as Error).cause;
    error = cause instanceof Error ? `${(e as Error).message}: ${cause.message}` : e instanceof Error ? e.message : String(e);
  }
  if (error) {
    await ctx.db.execute(sql`UPDATE listening_alerts SET webhook_error = ${error.slice(0, 500)} WHERE id = ${alertId}`);
    throw new Error(`alert webhook failed: ${error}`);
  }
  await ctx.db.execute(sql`UPDATE listening_alerts SET webhook_at = now(), webhook_error = NULL WHERE id = ${alertId}`);
  return 'sent';
}
