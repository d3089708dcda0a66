// The rumour desk's core: claims with audit entries, links and decisions that teach the matcher, and the
// CLI (`claims import`, `claims match`) on real files and stdin.
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/audit/schema.ts';
import { claimLinks, claims, createClaim, decideLink, linkText, matchText, setClaimStatus } from '../src/claims/index.ts';
import { bufferIO } from '../src/cli/io.ts';
import { runProgram } from '../src/cli/program.ts';
import { DomainError } from '../src/core/errors.ts';
import { createTestContext, type TestContext } from './context.ts';
import { buildUser, seedUnits } from './factories.ts';

let ctx: TestContext;
let district: number;

beforeAll(async () => {
  ctx = await createTestContext();
  district = (await seedUnits(ctx)).get('quan-10')!.id;
});
afterAll(() => ctx.cleanup());

async function cli(argv: string[], stdin = '', cwd?: string) {
  const io = bufferIO(stdin, cwd);
  const code = await runProgram(argv, io, { db: async (load, options) => (await load()).default.run(ctx, options, io), start: async () => 2, worker: async () => 2 });
  return { code, out: io.stdout.join(''), err: io.stderr.join('') };
}

const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e instanceof DomainError ? e.messageKey : String(e);
  }
  return null;
};

describe('claims', () => {
  it('creates a claim with a deadline and an audit entry, and refuses empty, long and duplicate statements', async () => {
    const analyst = await buildUser(ctx, { role: 'analyst' });
    const c = await createClaim(ctx, analyst, { statement: '  Cắt điện cả tuần ở phường Diên Hồng để thay trạm biến áp ', unitId: district, createdFrom: 'manual' });
    expect(c.statement).toBe('Cắt điện cả tuần ở phường Diên Hồng để thay trạm biến áp');
    expect(c.status).toBe('moi');
    expect(c.dueAt!.getTime()).toBeGreaterThan(Date.now());
    const logged = await ctx.db.select().from(auditLog).where(and(eq(auditLog.action, 'claim.create'), eq(auditLog.targetId, String(c.id))));
    expect(logged).toHaveLength(1);
    expect(await refusal(createClaim(ctx, analyst, { statement: '   ', unitId: district, createdFrom: 'manual' }))).toBe('claims.statementEmpty');
    expect(await refusal(createClaim(ctx, analyst, { statement: 'x'.repeat(10_000), unitId: district, createdFrom: 'manual' }))).toBe('claims.statementTooLong');
    expect(await refusal(createClaim(ctx, analyst, { statement: 'Diên Hồng bị cúp điện cả tuần để thay trạm biến áp', unitId: district, createdFrom: 'manual' }))).toBe('claims.duplicate');
  });

  it('concludes only with a verdict, and logs the move', async () => {
    const c = await createClaim(ctx, 'system', { statement: 'Phí thu gom rác tăng lên 150 nghìn mỗi tháng', unitId: district, createdFrom: 'question', createdFromRef: 'case:1' });
    expect(await refusal(setClaimStatus(ctx, 'system', c.id, 'da_ket_luan'))).toBe('claims.verdictNeeded');
    const done = await setClaimStatus(ctx, 'system', c.id, 'da_ket_luan', 'sai');
    expect(done).toMatchObject({ status: 'da_ket_luan', verdict: 'sai' });
    const logged = await ctx.db.select().from(auditLog).where(and(eq(auditLog.action, 'claim.status'), eq(auditLog.targetId, String(c.id))));
    expect(logged[0].details).toMatchObject({ from: 'moi', to: 'da_ket_luan' });
  });

  it('links posts, and a rejection vetoes the like of the rejected post from then on', async () => {
    const c = await createClaim(ctx, 'system', { statement: 'Từ tháng sau phạt 4 triệu xe máy không chính chủ', unitId: district, createdFrom: 'manual' });
    const spread = await linkText(ctx, 'post:1', 'tu thang toi di xe ko chinh chu bi phat 4tr do');
    expect(spread.claim).toBe(String(c.id));
    const complaint = 'Xe máy không chính chủ bị phạt 4 triệu hả, vậy xe của công ty giao cho nhân viên chạy thì sao, công ty mình đang hỏi luật sư';
    const r = await linkText(ctx, 'post:2', complaint);
    expect(r.claim).toBe(String(c.id));
    const analyst = await buildUser(ctx, { role: 'analyst' });
    await decideLink(ctx, analyst, c.id, 'post:2', 'rejected');
    const [link] = await ctx.db.select().from(claimLinks).where(eq(claimLinks.subject, 'post:2'));
    expect(link).toMatchObject({ decision: 'rejected', decidedBy: analyst.id });
    expect((await matchText(ctx, complaint)).claim).toBeNull();
    expect((await matchText(ctx, 'Có thật là xe không chính chủ bị phạt 4 triệu từ tháng sau không?')).claim).toBe(String(c.id));
    expect(await refusal(decideLink(ctx, analyst, c.id, 'post:none', 'confirmed'))).toBe('claims.linkNotFound');
  });
});

describe('nhipcau claims import / match', () => {
  it('imports idempotently by id, reports bad lines by number, and matches stdin line for line', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'claims-'));
    const file = path.join(dir, 'claims.jsonl');
    await writeFile(
      file,
      [
        JSON.stringify({ id: 'VP-2024-07', statement: 'Trạm y tế phường tiêm vắc xin sởi làm 2 trẻ tử vong', verdict: 'sai', title: 'Không có trẻ tử vong do tiêm vắc xin sởi', body: 'Trạm y tế phường khẳng định…' }),
        '{not json',
        JSON.stringify({ id: 'VP-2024-08', statement: '', verdict: 'sai' }),
        JSON.stringify({ id: 'VP-2024-09', statement: 'Xăng sắp tăng lên 40 nghìn một lít', verdict: 'khong-biet' }),
        JSON.stringify({ id: 'VP-2024-10', statement: 'Chợ Nguyễn Tri Phương sắp bị đóng cửa để xây trung tâm thương mại', verdict: 'gay_hieu_lam', title: 'Chợ vẫn hoạt động', body: '…' }),
      ].join('\n') + '\n',
    );
    const first = await cli(['claims', 'import', 'claims.jsonl'], '', dir);
    expect(first.code).toBe(1);
    expect(first.err).toMatch(/line 2:.*JSON/);
    expect(first.err).toMatch(/line 3:.*trống/);
    expect(first.err).toMatch(/line 4:.*verdict/);
    expect(first.out).toMatch(/created: 2;.*skipped: 0;.*bad lines: 3/);
    const again = await cli(['claims', 'import', file]);
    expect(again.out).toMatch(/created: 0;.*skipped: 2;/);
    const imported = await ctx.db.select().from(claims).where(eq(claims.externalId, 'VP-2024-07'));
    expect(imported).toHaveLength(1);
    expect(imported[0]).toMatchObject({ status: 'da_ket_luan', verdict: 'sai', createdFrom: 'import', correctionTitle: 'Không có trẻ tử vong do tiêm vắc xin sởi' });

    const stdin = [
      JSON.stringify({ id: 'a', text: 'tiem vac xin soi o tram y te phuong lam 2 be tu vong, dung cho con di tiem' }),
      'garbage',
      JSON.stringify({ id: 'c', text: 'Chiều nay có buổi chiếu phim ngoài trời ở công viên, mang ghế theo nha.' }),
      JSON.stringify({ id: 'd' }),
      '',
      JSON.stringify({ id: 7, text: 'Có thật là chợ NTP bị đóng cửa xây trung tâm thương mại không vậy?' }),
    ].join('\n');
    const m = await cli(['claims', 'match'], stdin);
    expect(m.code).toBe(0);
    const out = m.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(6);
    expect(out[0]).toMatchObject({ id: 'a', claim: 'VP-2024-07' });
    expect(['confirmed', 'suggested']).toContain(out[0].level);
    expect(out[1]).toMatchObject({ id: null, claim: null, level: null });
    expect(out[1].error).toMatch(/JSON/);
    expect(out[2]).toMatchObject({ id: 'c', claim: null, level: null });
    expect(out[3]).toMatchObject({ id: 'd', claim: null, level: null });
    expect(out[4]).toMatchObject({ id: null, claim: null });
    expect(out[5]).toMatchObject({ id: 7, claim: 'VP-2024-10' });
  });
});
