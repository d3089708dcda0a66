// Data the access table's cases rows need: a case owned by phuong-12 and one owned by phuong-1, an
// attachment, an Open311 key, a citizen's tracking code; and, for each check that uses one up, a fresh
// case in the status the move needs, or a fresh routing rule.
import sharp from 'sharp';
import { prepareFile, storeFiles } from '../src/cases/attachments.ts';
import { answerCase, createCase, moveCase } from '../src/cases/cases.ts';
import { createKey } from '../src/cases/open311/keys.ts';
import { createRule } from '../src/cases/routing.ts';
import type { TestContext } from './context.ts';

const unitId = async (ctx: TestContext, slug: string) => (await ctx.units.current()).getBySlug(slug)?.id as number;

export async function casesAccessVars(ctx: TestContext): Promise<Record<string, string>> {
  const own = await createCase(ctx.db, 'citizen', { source: 'report', title: 'Đèn đường hỏng', description: 'Đèn đường hẻm 12 hỏng một tuần', topic: 'giao-thong', unitId: await unitId(ctx, 'phuong-12') });
  const other = await createCase(ctx.db, 'system', { source: 'manual', title: 'Rác ở chợ', description: 'Rác tồn đọng', unitId: await unitId(ctx, 'phuong-1') });
  await moveCase(ctx.db, 'system', other.id, 'in_progress');
  const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#336699' } }).png().toBuffer();
  const [attachment] = await storeFiles(ctx.db, ctx.config.dataDir, 'system', own.id, [await prepareFile({ bytes: photo, filename: 'hien-truong.png' }, true)], false);
  const { row } = await createKey(ctx.db, 'system', 'Ứng dụng thử');
  const { key } = await createKey(ctx.db, 'system', 'Ứng dụng thử 2');
  return { case: String(own.id), case2: String(other.id), code: own.code, attachment: String(attachment.id), open311Key: String(row.id), apiKey: key };
}

/** A case of `unit` brought to `status`, for one check that moves it: {freshCase, freshCode}. */
export async function freshCase(ctx: TestContext, unit: string, status: 'new' | 'in_progress' | 'answered'): Promise<Record<string, string>> {
  const c = await createCase(ctx.db, 'citizen', { source: 'report', title: 'Cống nghẹt', description: 'Cống trước nhà số 5 nghẹt sau mưa', topic: 'moi-truong', unitId: await unitId(ctx, unit) });
  if (status !== 'new') await moveCase(ctx.db, 'system', c.id, 'in_progress');
  if (status === 'answered') await answerCase(ctx.db, 'system', c.id, 'Đã thông cống.');
  return { freshCase: String(c.id), freshCode: c.code };
}

/** A routing rule to `unit`, for one check that deletes it. */
export async function freshRoutingRule(ctx: TestContext, unit: string): Promise<Record<string, string>> {
  const rule = await createRule(ctx.db, await ctx.units.current(), 'system', { topic: 'y-te', wardId: null, placeId: null, unitId: await unitId(ctx, unit), note: null });
  return { rule: String(rule.id) };
}
