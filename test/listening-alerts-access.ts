// Records the listening alerts rows of the access table act on: two alert rules (one to delete).
import { createRule, ruleInputSchema } from '../src/listening/alerts/rules.ts';
import type { TestContext } from './context.ts';

export async function alertsAccessVars(ctx: TestContext): Promise<Record<string, string>> {
  const input = ruleInputSchema.parse({ name: 'Đột biến', kind: 'spike', windowHours: 24, maxPerHour: 5, inApp: true, emails: [], webhookUrl: null, enabled: true });
  const a = await createRule(ctx.db, 'system', input);
  const b = await createRule(ctx.db, 'system', { ...input, name: 'Để xóa' });
  return { alertRule: String(a.id), alertRule2: String(b.id) };
}
