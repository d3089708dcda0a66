// Claims: create (by hand, from a listening issue, from a citizen's question, by import), move through
// the statuses, and import an office's past work. Every change is in the audit log.
import { eq } from 'drizzle-orm';
import { audit, type Actor } from '../audit/index.ts';
import { addWorkingDays } from '../cases/index.ts';
import { Conflict, Invalid, NotFound } from '../core/errors.ts';
import type { AppContext } from '../app/context.ts';
import type { Db } from '../db/client.ts';
import { claimMatcher, forgetMatcher } from './matching.ts';
import { CLAIM_STATUSES, CLAIM_VERDICTS, claims, type ClaimSource, type ClaimStatus, type ClaimVerdict } from './schema.ts';

/** A claim is one checkable sentence; longer texts are refused with a message saying so. */
export const MAX_STATEMENT = 300;
/** A new statement scoring this much against an existing claim is offered as a merge instead. */
export const DUPLICATE_SCORE = 0.7;
/** Working days a claim has before its verdict is due. */
export const CLAIM_DEADLINE_DAYS = 3;

export type Claim = typeof claims.$inferSelect;

export interface NewClaim {
  statement: string;
  unitId: number;
  handlerId?: number | null;
  createdFrom: ClaimSource;
  createdFromRef?: string | null;
  externalId?: string | null;
  verdict?: ClaimVerdict | null;
  firstSeenAt?: Date;
}

export function checkStatement(raw: string): string {
  const statement = raw.replace(/\s+/g, ' ').trim();
  if (!statement) throw new Invalid('claims.statementEmpty');
  if (statement.length > MAX_STATEMENT) throw new Invalid('claims.statementTooLong', { max: MAX_STATEMENT });
  return statement;
}

/**
 * Creates a claim. A statement the matcher reads as the same as an open claim's is refused as a
 * duplicate (Conflict naming it, so that the caller can offer a merge) unless `allowDuplicate`.
 */
export async function createClaim(ctx: AppContext, actor: Actor, input: NewClaim, { allowDuplicate = false } = {}): Promise<Claim> {
  const statement = checkStatement(input.statement);
  const matcher = await claimMatcher(ctx);
  if (!allowDuplicate) {
    const same = matcher.match(statement);
    if (same.claim && same.score >= DUPLICATE_SCORE) {
      const [other] = await ctx.db.select().from(claims).where(eq(claims.id, Number(same.claim)));
      if (other) throw new Conflict('claims.duplicate', { statement: other.statement, claimId: other.id });
    }
  }
  const now = new Date();
  const created = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(claims)
      .values({
        statement,
        unitId: input.unitId,
        handlerId: input.handlerId ?? null,
        createdFrom: input.createdFrom,
        createdFromRef: input.createdFromRef ?? null,
        externalId: input.externalId ?? null,
        verdict: input.verdict ?? null,
        dueAt: addWorkingDays(now, CLAIM_DEADLINE_DAYS),
        firstSeenAt: input.firstSeenAt ?? now,
      })
      .returning();
    await audit(tx as unknown as Db, actor, { action: 'claim.create', targetType: 'claim', targetId: row.id, unitId: row.unitId, details: { statement, createdFrom: input.createdFrom } });
    return row;
  });
  if (!matcher.addClaim(String(created.id), statement)) forgetMatcher(ctx);
  return created;
}

/** Moves a claim to another status (and sets its verdict); concluding needs a verdict. */
export async function setClaimStatus(ctx: AppContext, actor: Actor, id: number, status: ClaimStatus, verdict?: ClaimVerdict): Promise<Claim> {
  if (!CLAIM_STATUSES.includes(status)) throw new Invalid('claims.badStatus');
  if (verdict !== undefined && !CLAIM_VERDICTS.includes(verdict)) throw new Invalid('claims.badVerdict');
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(claims).where(eq(claims.id, id)).for('update');
    if (!before) throw new NotFound('claims.notFound');
    const nextVerdict = verdict ?? before.verdict;
    if ((status === 'da_ket_luan' || status === 'da_cong_bo') && !nextVerdict) throw new Invalid('claims.verdictNeeded');
    const [row] = await tx.update(claims).set({ status, verdict: nextVerdict, updatedAt: new Date() }).where(eq(claims.id, id)).returning();
    await audit(tx as unknown as Db, actor, { action: 'claim.status', targetType: 'claim', targetId: id, unitId: row.unitId, details: { from: before.status, to: status, verdict: nextVerdict } });
    return row;
  });
}

export async function getClaim(ctx: AppContext, id: number): Promise<Claim> {
  const [row] = await ctx.db.select().from(claims).where(eq(claims.id, id));
  if (!row) throw new NotFound('claims.notFound');
  return row;
}
