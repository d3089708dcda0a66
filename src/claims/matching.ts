// The claim matcher of a running installation: one per database, built from the open and published
// claims and from every person's decision on a link, kept in step as claims are added. Posts and
// questions are matched here; links and decisions are stored in claim_links.
import { ClaimMatcher, type ClaimMatch, type ClaimMatchOptions } from '@nhipcau/text-vi';
import { loadClaimSynonyms, loadTeencode } from '@nhipcau/text-vi/node';
import { and, eq, isNotNull } from 'drizzle-orm';
import { audit, type Actor } from '../audit/index.ts';
import type { AppContext } from '../app/context.ts';
import { NotFound } from '../core/errors.ts';
import type { Db } from '../db/client.ts';
import { claimLinks, claims, type LinkDecision } from './schema.ts';

let models: { teencode: ReturnType<typeof loadTeencode>; synonyms: ReturnType<typeof loadClaimSynonyms> } | undefined;
const matchers = new WeakMap<object, Promise<ClaimMatcher>>();

/** Thresholds of the rumour desk (defaults: the text core's). */
export const MATCH_OPTIONS: ClaimMatchOptions = {};

/** The matcher over the claims still worth matching: every status (a published claim is the one asked about most). */
export function claimMatcher(ctx: AppContext): Promise<ClaimMatcher> {
  let m = matchers.get(ctx.db);
  if (!m) {
    m = build(ctx);
    matchers.set(ctx.db, m);
    m.catch(() => matchers.delete(ctx.db));
  }
  return m;
}

/** Drops the matcher so that the next call rebuilds it from the tables. */
export function forgetMatcher(ctx: AppContext): void {
  matchers.delete(ctx.db);
}

async function build(ctx: AppContext): Promise<ClaimMatcher> {
  models ??= { teencode: loadTeencode(), synonyms: loadClaimSynonyms() };
  const m = new ClaimMatcher(models, MATCH_OPTIONS);
  const rows = await ctx.db.select({ id: claims.id, statement: claims.statement }).from(claims).orderBy(claims.id);
  for (const r of rows) m.addClaim(String(r.id), r.statement);
  // Decisions in the order they were made, so that the matcher learns as it did at the time.
  const decided = await ctx.db.select().from(claimLinks).where(isNotNull(claimLinks.decision)).orderBy(claimLinks.decidedAt, claimLinks.id);
  for (const d of decided) m.learn(String(d.claimId), d.text, d.decision!);
  return m;
}

/** Matches a text; the claim is the claim's row id as text. */
export async function matchText(ctx: AppContext, text: string): Promise<ClaimMatch> {
  return (await claimMatcher(ctx)).match(text);
}

/** Matches a post or question and stores the link when there is one (once per claim and subject). */
export async function linkText(ctx: AppContext, subject: string, text: string): Promise<ClaimMatch> {
  const r = await matchText(ctx, text);
  if (!r.claim || !r.level) return r;
  await ctx.db
    .insert(claimLinks)
    .values({ claimId: Number(r.claim), subject, text, level: r.level, score: r.score })
    .onConflictDoNothing();
  return r;
}

/** A person confirms or rejects a link; the matcher learns from it at once. */
export async function decideLink(ctx: AppContext, actor: Actor, claimId: number, subject: string, decision: LinkDecision) {
  const userId = typeof actor === 'string' ? null : actor.id;
  const row = await ctx.db.transaction(async (tx) => {
    const [link] = await tx
      .update(claimLinks)
      .set({ decision, decidedBy: userId, decidedAt: new Date(), level: decision === 'confirmed' ? 'confirmed' : undefined })
      .where(and(eq(claimLinks.claimId, claimId), eq(claimLinks.subject, subject)))
      .returning();
    if (!link) throw new NotFound('claims.linkNotFound');
    await audit(tx as unknown as Db, actor, { action: `claim.link.${decision}`, targetType: 'claim', targetId: claimId, details: { subject, score: link.score } });
    return link;
  });
  (await claimMatcher(ctx)).learn(String(claimId), row.text, decision);
  return row;
}
