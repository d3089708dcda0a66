// Data the access table's cases rows need: a case owned by phuong-12 and one owned by phuong-1,
// an Open311 key, and a citizen's tracking code.
import { createCase } from '../src/cases/cases.ts';
import { createKey } from '../src/cases/open311/keys.ts';
import { createRule } from '../src/cases/routing.ts';
import type { TestContext } from './context.ts';

export async function casesAccessVars(ctx: TestContext): Promise<Record<string, string>> {
  const tree = await ctx.units.current();
  const id = (slug: string) => tree.getBySlug(slug)?.id as number;
  const own = await createCase(ctx.db, 'citizen', { source: 'report', title: 'Đèn đường hỏng', description: 'Đèn đường hẻm 12 hỏng một tuần', topic: 'giao-thong', unitId: id('phuong-12') });
  const other = await createCase(ctx.db, 'system', { source: 'manual', title: 'Rác ở chợ', description: 'Rác tồn đọng', unitId: id('phuong-1') });
  const rule = await createRule(ctx.db, tree, 'system', { topic: 'y-te', wardId: null, placeId: null, unitId: id('phuong-12'), note: null });
  const rule2 = await createRule(ctx.db, tree, 'system', { topic: 'y-te', wardId: null, placeId: null, unitId: id('phuong-1'), note: null });
  const { row } = await createKey(ctx.db, 'system', 'Ứng dụng thử');
  const { key } = await createKey(ctx.db, 'system', 'Ứng dụng thử 2');
  return { case: String(own.id), case2: String(other.id), code: own.code, rule: String(rule.id), rule2: String(rule2.id), open311Key: String(row.id), apiKey: key };
}
