// Scores of the listening-quality bench: best-match F1 between true and found groups, macro-F1.

export type Sets = Map<string, Set<string>>;

/** For each true group, the found group with the highest F1 (a found group may be the best match of several). */
export function bestMatch(truth: Sets, found: Sets): Map<string, { found: string | null; f1: number }> {
  const out = new Map<string, { found: string | null; f1: number }>();
  for (const [t, ts] of truth) {
    let best: { found: string | null; f1: number } = { found: null, f1: 0 };
    for (const [f, fs] of found) {
      let both = 0;
      for (const id of fs) if (ts.has(id)) both++;
      if (!both) continue;
      const f1 = (2 * both) / (ts.size + fs.size);
      if (f1 > best.f1) best = { found: f, f1 };
    }
    out.set(t, best);
  }
  return out;
}

/** Macro-F1 over the classes present in the truth, from [truth, predicted] pairs. */
export function macroF1(pairs: ReadonlyArray<readonly [string, string]>): number {
  const classes = [...new Set(pairs.map(([t]) => t))];
  if (!classes.length) return 0;
  let sum = 0;
  for (const c of classes) {
    const tp = pairs.filter(([t, p]) => t === c && p === c).length;
    const fp = pairs.filter(([t, p]) => t !== c && p === c).length;
    const fn = pairs.filter(([t, p]) => t === c && p !== c).length;
    sum += tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
  }
  return sum / classes.length;
}
