// Accuracy, per-class and macro-averaged F1 for evaluating classifiers and the sentiment rules.

export interface LabelEvaluation {
  n: number;
  accuracy: number;
  macroF1: number;
  perClass: Record<string, { precision: number; recall: number; f1: number; support: number }>;
}

/** Scores predictions against gold labels; every label seen in either list counts toward macro-F1. */
export function evaluateLabels(gold: readonly string[], predicted: readonly string[]): LabelEvaluation {
  if (gold.length !== predicted.length) throw new Error(`evaluateLabels: ${gold.length} gold labels but ${predicted.length} predictions`);
  const labels = [...new Set([...gold, ...predicted])].sort();
  const tp = new Map<string, number>(), fp = new Map<string, number>(), fn = new Map<string, number>();
  let correct = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i], p = predicted[i];
    if (g === p) { correct++; tp.set(g, (tp.get(g) ?? 0) + 1); }
    else { fp.set(p, (fp.get(p) ?? 0) + 1); fn.set(g, (fn.get(g) ?? 0) + 1); }
  }
  const perClass: LabelEvaluation['perClass'] = {};
  let f1Sum = 0;
  for (const label of labels) {
    const t = tp.get(label) ?? 0, p = fp.get(label) ?? 0, m = fn.get(label) ?? 0;
    const precision = t + p > 0 ? t / (t + p) : 0;
    const recall = t + m > 0 ? t / (t + m) : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    perClass[label] = { precision, recall, f1, support: t + m };
    f1Sum += f1;
  }
  return { n: gold.length, accuracy: gold.length ? correct / gold.length : 0, macroF1: labels.length ? f1Sum / labels.length : 0, perClass };
}
