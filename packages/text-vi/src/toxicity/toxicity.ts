// toxicity() — probability, 0..1, that a post is offensive or hateful, from a classifier model
// whose clean class is labelled "0" or "clean" (the shipped model: trained on ViHOS, where 1 means
// the comment has at least one hate or offensive span; see scripts/text-vi/train-toxicity.ts at the repository root).
import { predictInto, type ClassifierModel } from '../classify/model.ts';

const CLEAN = new Set(['0', 'clean', 'normal', 'none']);

/** The clean class of each model seen (a post is scored once per model, many times over). */
const cleanIndex = new WeakMap<ClassifierModel, number>();
let probs = new Float64Array(2);

export function toxicity(text: string, model: ClassifierModel): number {
  let clean = cleanIndex.get(model);
  if (clean === undefined) {
    clean = model.labels.findIndex((l) => CLEAN.has(l.toLowerCase()));
    if (clean < 0) throw new Error(`toxicity: the model has no clean class (labels: ${model.labels.join(', ')})`);
    cleanIndex.set(model, clean);
  }
  if (probs.length < model.labels.length) probs = new Float64Array(model.labels.length);
  predictInto(model, text, probs);
  return Math.min(1, Math.max(0, 1 - probs[clean]));
}
