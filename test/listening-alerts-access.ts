// Records the listening alerts rows of the access table act on: an alert rule to read and edit, and a
// fresh one for each check that deletes one.
import { createRule, ruleInputSchema } from '../src/listening/alerts/rules.ts';
import type { TestContext } from './context.ts';

const input = () => ruleInputSchema.parse({ name: 'Đột biến', kind: 'spike', windowHours: 24, maxPerHour: 5, inApp: true, emails: [], webhookUrl: null, enabled: true });

export async function alertsAccessVars(ctx: TestContext): Promise<Record<string, string>> {
  return { alertRule: String((await createRule(ctx.db, 'system', input())).id) };
}

export async function freshAlertRule(ctx: TestContext): Promise<Record<string, string>> {
  return { alertRule2: String((await createRule(ctx.db, 'system', { ...input(), name: 'Để xóa' })).id) };
}
