// Cases: the status machine, history and audit, routing, deadlines, the citizen's window.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/audit/schema.ts';
import { answerCase, assignCase, caseHistory, citizenReopen, CODE_PATTERN, createCase, getCaseByCode, moveCase, rateCase, updateCase } from '../src/cases/cases.ts';
import { createRule, listRules, suggestOwner } from '../src/cases/routing.ts';
import { casesSettingsSchema } from '../src/cases/settings.ts';
import { vnDay } from '../src/core/time.ts';
import { suggestPlace, suggestTopic } from '../src/cases/text.ts';
import type { Unit } from '../src/org/schema.ts';
import { createTestContext, type TestContext } from './context.ts';
import { buildUser, seedUnits } from './factories.ts';

let ctx: TestContext;
let units: Map<string, Unit>;
const unit = (slug: string) => units.get(slug)?.id as number;
const settings = casesSettingsSchema.parse({});

beforeAll(async () => {
  ctx = await createTestContext();
  units = await seedUnits(ctx);
});
afterAll(async () => ctx?.cleanup());

describe('a case from report to answer', () => {
  it('walks the status machine, writing history and audit rows', async () => {
    const handler = await buildUser(ctx, { role: 'case_handler', unit: 'phuong-12' });
    const actor = { id: handler.id, email: handler.email };
    const c = await createCase(ctx.db, 'citizen', { source: 'report', title: 'Ngập nước đường Thành Thái', description: 'Mưa là ngập tới đầu gối', topic: 'ngap-nuoc', unitId: unit('phuong-12') }, settings);
    expect(c.code).toMatch(CODE_PATTERN);
    expect(c.status).toBe('new');
    // Flooding: 5 working days.
    expect(c.dueAt).not.toBeNull();
    const assigned = await assignCase(ctx.db, actor, c.id, { unitId: unit('phuong-12'), handlerId: handler.id });
    expect(assigned.status).toBe('assigned');
    await moveCase(ctx.db, actor, c.id, 'in_progress');
    await expect(moveCase(ctx.db, actor, c.id, 'reopened')).rejects.toMatchObject({ statusCode: 400, messageKey: 'cases.badTransition' });
    await expect(answerCase(ctx.db, actor, c.id, '   ')).rejects.toMatchObject({ statusCode: 400 });
    const answered = await answerCase(ctx.db, actor, c.id, 'Đã nạo vét cống trên đường Thành Thái.');
    expect(answered.status).toBe('answered');
    expect(answered.firstAnsweredAt).not.toBeNull();
    await rateCase(ctx.db, c.id, 2, settings);
    const reopened = await citizenReopen(ctx.db, c.id, 'Vẫn còn ngập', settings);
    expect(reopened.status).toBe('reopened');
    expect(reopened.reopenCount).toBe(1);
    const history = await caseHistory(ctx.db, c.id);
    expect(history.map((h) => h.kind)).toEqual(['created', 'assigned', 'status', 'answered', 'rated', 'status']);
    expect(history.at(-1)).toMatchObject({ actorLabel: 'citizen', fromStatus: 'answered', toStatus: 'reopened', note: 'Vẫn còn ngập' });
    expect(history[1]).toMatchObject({ actorId: handler.id, actorLabel: handler.email });
    const audits = await ctx.db.select().from(auditLog).where(eq(auditLog.targetId, String(c.id)));
    expect(audits.filter((a) => a.targetType === 'case').map((a) => a.action)).toEqual(['case.created', 'case.assigned', 'case.status', 'case.answered', 'case.rated', 'case.status']);
    expect((await getCaseByCode(ctx.db, c.code.toLowerCase()))?.id).toBe(c.id);
  });

  it('refuses the citizen once the window has passed', async () => {
    const c = await createCase(ctx.db, 'system', { source: 'manual', title: 'Cũ', description: 'Cũ', unitId: unit('phuong-1') }, settings);
    await answerCase(ctx.db, 'system', c.id, 'Đã xử lý');
    await ctx.database.query(`UPDATE cases SET answered_at = now() - interval '8 days' WHERE id = $1`, [c.id]);
    await expect(rateCase(ctx.db, c.id, 5, settings)).rejects.toMatchObject({ statusCode: 409 });
    await expect(citizenReopen(ctx.db, c.id, '', settings)).rejects.toMatchObject({ statusCode: 409 });
  });

  it('records edits with their changes and resets reminders on a new deadline', async () => {
    const c = await createCase(ctx.db, 'system', { source: 'manual', title: 'A', description: 'B', unitId: unit('phuong-1') }, settings);
    const due = new Date('2030-01-10T16:59:59.999Z');
    const u = await updateCase(ctx.db, 'system', c.id, { title: 'A2', dueAt: due, plan: 'Kiểm tra hiện trường' });
    expect(u.title).toBe('A2');
    expect(vnDay(u.dueAt as Date)).toBe('2030-01-10');
    const edited = (await caseHistory(ctx.db, c.id)).find((h) => h.kind === 'edited');
    expect(edited?.details).toMatchObject({ changes: { title: ['A', 'A2'], plan: [null, 'Kiểm tra hiện trường'] } });
  });
});

describe('routing', () => {
  it('the most specific rule wins; without one, the ward; without a ward, the district', async () => {
    const tree = await ctx.units.current();
    const admin = 'system' as const;
    await createRule(ctx.db, tree, admin, { topic: 'giao-thong', wardId: null, placeId: null, unitId: unit('quan-doan-10'), note: null });
    await createRule(ctx.db, tree, admin, { topic: 'giao-thong', wardId: unit('phuong-12'), placeId: null, unitId: unit('phuong-12-kp-1'), note: null });
    await createRule(ctx.db, tree, admin, { topic: null, wardId: null, placeId: 'bv-nhan-dan-115', unitId: unit('phuong-12-kp-2'), note: null });
    await expect(createRule(ctx.db, tree, admin, { topic: null, wardId: null, placeId: null, unitId: unit('phuong-1'), note: null })).rejects.toMatchObject({ statusCode: 400 });
    await expect(createRule(ctx.db, tree, admin, { topic: 'khong-co', wardId: null, placeId: null, unitId: unit('phuong-1'), note: null })).rejects.toMatchObject({ statusCode: 400 });
    const rules = await listRules(ctx.db);
    expect(suggestOwner(tree, rules, { topic: 'giao-thong', wardId: unit('phuong-12') }).unitId).toBe(unit('phuong-12-kp-1'));
    expect(suggestOwner(tree, rules, { topic: 'giao-thong', wardId: unit('phuong-1') }).unitId).toBe(unit('quan-doan-10'));
    expect(suggestOwner(tree, rules, { topic: 'giao-thong', wardId: unit('phuong-12'), placeId: 'bv-nhan-dan-115' }).unitId).toBe(unit('phuong-12-kp-2'));
    expect(suggestOwner(tree, rules, { topic: 'y-te', wardId: unit('phuong-6') }).unitId).toBe(unit('phuong-6'));
    expect(suggestOwner(tree, rules, { topic: 'y-te' }).unitId).toBe(unit('quan-10'));
  });

  it('suggests topic and place from Vietnamese text', async () => {
    const tree = await ctx.units.current();
    expect(suggestTopic('Đường Sư Vạn Hạnh kẹt xe kinh khủng mỗi chiều')).toBe('giao-thong');
    expect(suggestPlace('ngập nước trước cổng BV 115', tree)).toEqual({ wardId: unit('phuong-12'), placeId: 'bv-nhan-dan-115' });
    expect(suggestPlace('rác ở hẻm phường 6', tree).wardId).toBe(unit('phuong-6'));
  });
});
