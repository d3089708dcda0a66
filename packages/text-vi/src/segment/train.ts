// Averaged structured perceptron over the B/I tagging of syllables. Pure: sentences in, model
// out; the training script does the file reading.
import { buildWordHashSet, WordHashSet } from './dictionary.ts';
import { FEATURES_PER_GAP, SentenceContext } from './features.ts';
import { Scratch, scoreGaps, viterbi } from './decode.ts';
import { createModel, type SegmenterMeta, type SegmenterModel } from './model.ts';
import { syllableHash } from './syllables.ts';
import { fold } from '../normalize/fold.ts';

/** Settings of the shipped model, chosen on ud_vi_vtb dev (see scripts/text-vi/train-segmenter.ts at the repository root). */
export const RECIPE = { bits: 18, epochs: 4, seed: 1 } as const;

/**
 * Adds a diacritic-free copy of every sentence, so the model also segments text typed without
 * diacritics ("ha noi la thu do"); such sentences use their own weights (see features.ts).
 */
export function withFoldedCopies(sentences: GoldSentence[]): GoldSentence[] {
  return [...sentences, ...sentences.map((s) => s.map((w) => w.map(fold)))];
}

/** A gold sentence: its words, each a list of syllables. */
export type GoldSentence = string[][];

export interface TrainOptions {
  bits?: number;
  epochs?: number;
  seed?: number;
  meta?: Partial<SegmenterMeta>;
  /** Called after each epoch with the averaged model (e.g. to track dev F1). */
  onEpoch?: (epoch: number, model: SegmenterModel) => void;
}

export function goldTags(words: string[][]): { syllables: string[]; tags: Uint8Array } {
  const syllables: string[] = [];
  const tags: number[] = [];
  for (const w of words) w.forEach((s, k) => { syllables.push(s); tags.push(k === 0 ? 0 : 1); });
  return { syllables, tags: Uint8Array.from(tags) };
}

export function trainSegmenter(sentences: GoldSentence[], dict: WordHashSet | Iterable<string>, opts: TrainOptions = {}): SegmenterModel {
  const bits = opts.bits ?? RECIPE.bits;
  const epochs = opts.epochs ?? RECIPE.epochs;
  const mask = (1 << bits) - 1;
  const wordSet = isHashSet(dict) ? dict : buildWordHashSet(dict);
  const model = createModel(bits, wordSet, { format: 1, trainedOn: '', ...opts.meta });
  const w = model.weights;
  const u = new Float32Array(w.length); // sum of (step × update), for averaging
  const tw = model.transitions;
  const tu = new Float32Array(4);
  const memo = new Map<string, number>();
  const hashOf = (s: string) => { let h = memo.get(s); if (h === undefined) { h = syllableHash(s); memo.set(s, h); } return h; };
  const data = sentences.map((words) => {
    const { syllables, tags } = goldTags(words);
    return { ctx: new SentenceContext(syllables, wordSet, hashOf), tags };
  });
  const sc = new Scratch();
  const pred = new Uint8Array(4096);
  let rng = opts.seed ?? RECIPE.seed;
  const random = () => ((rng = (Math.imul(rng, 1103515245) + 12345) >>> 0) / 2 ** 32);
  let step = 1;
  const order = data.map((_, i) => i);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(random() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
    for (const idx of order) {
      const { ctx, tags } = data[idx];
      const n = ctx.n;
      if (n < 2) continue;
      scoreGaps(ctx, w, mask, sc);
      const p = n <= pred.length ? pred : new Uint8Array(n);
      viterbi(n, sc.emission, sc.allowed, tw, p);
      for (let i = 1; i < n; i++) {
        const g = tags[i], q = p[i];
        if (g !== q && sc.allowed[i]) {
          const delta = g - q;
          const off = i * FEATURES_PER_GAP;
          for (let k = 0; k < FEATURES_PER_GAP; k++) { const f = sc.feats[off + k]; w[f] += delta; u[f] += step * delta; }
        }
        const gt = tags[i - 1] * 2 + g, pt = p[i - 1] * 2 + q;
        if (gt !== pt) { tw[gt] += 1; tu[gt] += step; tw[pt] -= 1; tu[pt] -= step; }
      }
      // The implicit word start after the sentence (see viterbi).
      const ge = tags[n - 1] * 2, pe = p[n - 1] * 2;
      if (ge !== pe) { tw[ge] += 1; tu[ge] += step; tw[pe] -= 1; tu[pe] -= step; }
      step++;
    }
    if (opts.onEpoch) opts.onEpoch(epoch, averaged(model, u, tu, step));
  }
  return averaged(model, u, tu, step);
}

function averaged(model: SegmenterModel, u: Float32Array, tu: Float32Array, step: number): SegmenterModel {
  const weights = new Float32Array(model.weights.length);
  for (let i = 0; i < weights.length; i++) weights[i] = model.weights[i] - u[i] / step;
  const transitions = new Float32Array(4);
  for (let i = 0; i < 4; i++) transitions[i] = model.transitions[i] - tu[i] / step;
  return { ...model, weights, transitions, cache: new Map() };
}

const isHashSet = (d: unknown): d is WordHashSet => d instanceof WordHashSet;
