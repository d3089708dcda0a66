// Routing, after FixMyStreet's area × category → contact: a rule names a place (a ward, a gazetteer
// place, or both) and a topic, each optional, and the unit that answers. The most specific matching
// rule wins (place 4, ward 2, topic 1; ties go to the older rule). Without a rule a case goes to its
// ward, and otherwise to the top of the tree. Administrators edit the rules; every change is audited.
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { type Actor, audit } from '../audit/index.ts';
import type { Db } from '../db/client.ts';
import type { UnitTree } from '../org/index.ts';
import { invalid, notFound } from '../core/errors.ts';
import { caseRoutingRules, type RoutingRule } from './schema.ts';
import { isPlace, isTopic } from './text.ts';

export interface RoutingInput {
  topic?: string | null;
  wardId?: number | null;
  placeId?: string | null;
}

export interface Suggestion {
  unitId: number;
  rule: RoutingRule | null;
}

export function suggestOwner(tree: UnitTree, rules: readonly RoutingRule[], input: RoutingInput): Suggestion {
  let best: RoutingRule | null = null;
  let bestScore = -1;
  for (const r of rules) {
    if (r.topic && r.topic !== input.topic) continue;
    if (r.wardId && r.wardId !== input.wardId) continue;
    if (r.placeId && r.placeId !== input.placeId) continue;
    if (!tree.get(r.unitId)?.active) continue;
    const score = (r.placeId ? 4 : 0) + (r.wardId ? 2 : 0) + (r.topic ? 1 : 0);
    if (score > bestScore || (score === bestScore && best && r.id < best.id)) {
      best = r;
      bestScore = score;
    }
  }
  if (best) return { unitId: best.unitId, rule: best };
  const ward = input.wardId ? tree.get(input.wardId) : undefined;
  if (ward) return { unitId: ward.id, rule: null };
  const root = tree.roots()[0];
  if (!root) throw new Error('no unit to route a case to');
  return { unitId: root.id, rule: null };
}

export const listRules = (db: Db): Promise<RoutingRule[]> => db.select().from(caseRoutingRules).orderBy(asc(caseRoutingRules.id));

export const ruleInputSchema = z.object({
  topic: z.string().trim().max(60).nullish().transform((s) => s || null),
  wardId: z.number().int().positive().nullish().transform((n) => n ?? null),
  placeId: z.string().trim().max(80).nullish().transform((s) => s || null),
  unitId: z.number().int().positive(),
  note: z.string().trim().max(300).nullish().transform((s) => s || null),
});
export type RuleInput = z.infer<typeof ruleInputSchema>;

export async function createRule(db: Db, tree: UnitTree, actor: Actor, input: RuleInput): Promise<RoutingRule> {
  if (input.topic && !isTopic(input.topic)) throw invalid('cases.unknownTopic');
  if (input.placeId && !isPlace(input.placeId)) throw invalid('cases.unknownPlace');
  if (input.wardId && tree.get(input.wardId)?.kind !== 'ward') throw invalid('cases.notAWard');
  if (!tree.get(input.unitId)) throw invalid('cases.unknownUnit');
  if (!input.topic && !input.wardId && !input.placeId) throw invalid('cases.ruleNeedsCondition');
  return db.transaction(async (tx) => {
    const [rule] = await tx.insert(caseRoutingRules).values(input).returning();
    await audit(tx, actor, { action: 'cases.rule.create', targetType: 'case_routing_rule', targetId: rule.id, unitId: rule.unitId, details: input });
    return rule;
  });
}

export async function getRule(db: Db, id: number): Promise<RoutingRule | undefined> {
  const [rule] = await db.select().from(caseRoutingRules).where(eq(caseRoutingRules.id, id));
  return rule;
}

export async function deleteRule(db: Db, actor: Actor, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [rule] = await tx.delete(caseRoutingRules).where(eq(caseRoutingRules.id, id)).returning();
    if (!rule) throw notFound();
    await audit(tx, actor, { action: 'cases.rule.delete', targetType: 'case_routing_rule', targetId: id, unitId: rule.unitId, details: { topic: rule.topic, wardId: rule.wardId, placeId: rule.placeId } });
  });
}
