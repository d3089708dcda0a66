// A staff member's in-app notifications (the bell and its page), and the recent alerts of the desk.
import type { Db } from '../../db/client.ts';
import { rows, sql } from '../store/sql.ts';
import type { AlertFigures } from './schema.ts';

export interface NotificationView {
  id: number;
  alertId: number;
  ruleName: string;
  title: string;
  link: string;
  figures: AlertFigures;
  createdAt: Date;
  read: boolean;
}

const figuresOf = (f: unknown): AlertFigures => (typeof f === 'string' ? JSON.parse(f) : f) as AlertFigures;

export async function listNotifications(db: Db, userId: number, limit = 100): Promise<NotificationView[]> {
  const list = await rows<{ id: number; alert_id: number; rule_name: string; title: string; link: string; figures: unknown; created_at: string; read_at: string | null }>(
    db,
    sql`SELECT n.id, n.alert_id, r.name AS rule_name, a.title, a.link, a.figures, a.created_at, n.read_at
        FROM listening_notifications n JOIN listening_alerts a ON a.id = n.alert_id JOIN listening_alert_rules r ON r.id = a.rule_id
        WHERE n.user_id = ${userId} ORDER BY a.created_at DESC, n.id DESC LIMIT ${limit}`,
  );
  return list.map((n) => ({ id: Number(n.id), alertId: Number(n.alert_id), ruleName: n.rule_name, title: n.title, link: n.link, figures: figuresOf(n.figures), createdAt: new Date(n.created_at), read: n.read_at !== null }));
}

export async function unreadCount(db: Db, userId: number): Promise<number> {
  const [r] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM listening_notifications WHERE user_id = ${userId} AND read_at IS NULL`);
  return Number(r?.n ?? 0);
}

/** Marks one notification (or all, without an id) of the user as read. */
export async function markRead(db: Db, userId: number, id?: number): Promise<void> {
  if (id === undefined) await db.execute(sql`UPDATE listening_notifications SET read_at = now() WHERE user_id = ${userId} AND read_at IS NULL`);
  else await db.execute(sql`UPDATE listening_notifications SET read_at = now() WHERE user_id = ${userId} AND id = ${id} AND read_at IS NULL`);
}

export interface AlertView {
  id: number;
  ruleId: number;
  ruleName: string;
  title: string;
  link: string;
  suppressed: boolean;
  emailedAt: Date | null;
  webhookAt: Date | null;
  webhookError: string | null;
  createdAt: Date;
}

export async function recentAlerts(db: Db, options: { ruleId?: number; limit?: number } = {}): Promise<AlertView[]> {
  const list = await rows<{ id: number; rule_id: number; rule_name: string; title: string; link: string; suppressed: boolean; emailed_at: string | null; webhook_at: string | null; webhook_error: string | null; created_at: string }>(
    db,
    sql`SELECT a.id, a.rule_id, r.name AS rule_name, a.title, a.link, a.suppressed, a.emailed_at, a.webhook_at, a.webhook_error, a.created_at
        FROM listening_alerts a JOIN listening_alert_rules r ON r.id = a.rule_id
        WHERE ${options.ruleId ?? null}::int IS NULL OR a.rule_id = ${options.ruleId ?? null}::int
        ORDER BY a.created_at DESC, a.id DESC LIMIT ${options.limit ?? 50}`,
  );
  const d = (v: string | null) => (v ? new Date(v) : null);
  return list.map((a) => ({ id: Number(a.id), ruleId: Number(a.rule_id), ruleName: a.rule_name, title: a.title, link: a.link, suppressed: Boolean(a.suppressed), emailedAt: d(a.emailed_at), webhookAt: d(a.webhook_at), webhookError: a.webhook_error, createdAt: new Date(a.created_at) }));
}
