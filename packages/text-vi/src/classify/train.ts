// Training: multinomial logistic regression on hashed features with AdaGrad and L2, optional
// class weights for imbalanced data, early stopping on dev macro-F1 and temperature scaling.
// Deterministic for a given seed: the only randomness is the epoch shuffle.
import { DEFAULT_FEATURES, FeatureBuffer, extractFeatures, type FeatureSpec } from './features.ts';
import { predictInto, quantize, type ClassifierModel } from './model.ts';
import { fitTemperature } from './calibrate.ts';
import { evaluateLabels } from './metrics.ts';

export interface LabeledText {
  text: string;
  /** Numbers are kept as their string form. */
  label: string | number;
}

export type ClassWeight = 'none' | 'balanced' | 'sqrt' | Record<string, number>;

export interface ClassifierTrainOptions {
  features?: Partial<FeatureSpec>;
  /** Maximum passes over the data (default 10). */
  epochs?: number;
  /** AdaGrad step size (default 0.1). */
  learningRate?: number;
  /** L2 penalty applied to the weights a step touches (default 1e-5). */
  l2?: number;
  /** 'balanced' weighs classes by N/(K·n_k); 'sqrt' (default) by its square root, which lifts
   *  rare classes (and macro-F1) without giving up much accuracy. */
  classWeight?: ClassWeight;
  /** Development set: selects the epoch and fits the temperature. */
  dev?: LabeledText[];
  /** Without dev, this fraction of train (stratified) is held out instead; 0 disables (default 0.1). */
  holdout?: number;
  /** Epochs without dev improvement before stopping (default 3). */
  patience?: number;
  seed?: number;
  onEpoch?: (report: EpochReport) => void;
}

export interface EpochReport { epoch: number; loss: number; devAccuracy?: number; devMacroF1?: number }

/** Trains a classifier; labels are the distinct labels of `examples`, sorted. */
export function trainClassifier(examples: readonly LabeledText[], options: ClassifierTrainOptions = {}): ClassifierModel {
  const features: FeatureSpec = { ...DEFAULT_FEATURES, ...options.features };
  const epochs = options.epochs ?? 10;
  const lr = options.learningRate ?? 0.1;
  const l2 = options.l2 ?? 1e-5;
  const patience = options.patience ?? 3;
  const random = mulberry32(options.seed ?? 1);
  if (examples.length === 0) throw new Error('trainClassifier: no training examples');
  if (!Number.isInteger(features.bits) || features.bits < 8 || features.bits > 26) throw new Error('trainClassifier: features.bits must be an integer in 8..26');
  if (features.charMax > 0 && (features.charMin < 1 || features.charMin > features.charMax)) throw new Error('trainClassifier: need 1 <= charMin <= charMax');

  const labels = [...new Set(examples.map((e) => String(e.label)))].sort();
  if (labels.length < 2) throw new Error(`trainClassifier: need at least 2 labels, got ${labels.length}`);
  const K = labels.length;
  const index = new Map(labels.map((l, i) => [l, i]));

  let train: readonly LabeledText[] = examples;
  let dev = options.dev?.filter((e) => index.has(String(e.label))) ?? [];
  if (!options.dev && (options.holdout ?? 0.1) > 0) [train, dev] = stratifiedSplit(examples, options.holdout ?? 0.1, random);

  const data = encode(train, features, index);
  const devData = encode(dev, features, index);
  const classW = classWeights(options.classWeight ?? 'sqrt', labels, data.y);
  const w = new Float32Array((1 << features.bits) * K), bias = new Float64Array(K);
  const g2 = new Float32Array(w.length), bias2 = new Float64Array(K);
  const p = new Float64Array(K), grad = new Float64Array(K);
  const order = Int32Array.from({ length: data.y.length }, (_, i) => i);

  let best = { f1: -1, loss: Infinity, weights: w, bias };
  let stale = 0;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    shuffle(order, random);
    let lossSum = 0;
    for (const i of order) {
      const start = data.offsets[i], end = data.offsets[i + 1];
      const scale = end > start ? 1 / Math.sqrt(end - start) : 0;
      probabilities(data, i, w, bias, K, p);
      const y = data.y[i], cw = classW[y];
      lossSum -= cw * Math.log(Math.max(p[y], 1e-12));
      for (let k = 0; k < K; k++) grad[k] = cw * (p[k] - (k === y ? 1 : 0));
      // AdaGrad step on the bias and on every weight the example touches (lazy L2).
      for (let k = 0; k < K; k++) {
        bias2[k] += grad[k] * grad[k];
        bias[k] -= (lr * grad[k]) / (Math.sqrt(bias2[k]) + 1e-8);
      }
      for (let t = start; t < end; t++) {
        const b = data.ids[t] * K;
        for (let k = 0; k < K; k++) {
          const j = b + k;
          const g = grad[k] * scale + l2 * w[j];
          g2[j] += g * g;
          if (g2[j] > 0) w[j] -= (lr * g) / Math.sqrt(g2[j]);
        }
      }
    }
    const report: EpochReport = { epoch, loss: lossSum / order.length };
    let stop = false;
    if (devData.y.length > 0) {
      const ev = evaluateEncoded(devData, w, bias, labels);
      report.devAccuracy = ev.accuracy;
      report.devMacroF1 = ev.macroF1;
      if (ev.macroF1 > best.f1 + 1e-9 || (Math.abs(ev.macroF1 - best.f1) <= 1e-9 && ev.loss < best.loss)) {
        best = { f1: ev.macroF1, loss: ev.loss, weights: w.slice(), bias: bias.slice() };
        stale = 0;
      } else stop = ++stale >= patience;
    }
    options.onEpoch?.(report);
    if (stop) break;
  }
  const model: ClassifierModel = {
    format: 'nhipcau-linear-1', labels, features, ...quantize(best.weights, K),
    bias: Float32Array.from(best.bias), temperature: 1,
  };
  if (dev.length > 0) model.temperature = calibrate(model, dev, index);
  return model;
}

type Encoded = ReturnType<typeof encode>;

/** Softmax probabilities of encoded example i under float weights (training-time scorer). */
function probabilities(data: Encoded, i: number, w: Float32Array, bias: Float64Array, K: number, p: Float64Array): void {
  const start = data.offsets[i], end = data.offsets[i + 1];
  const scale = end > start ? 1 / Math.sqrt(end - start) : 0;
  for (let k = 0; k < K; k++) p[k] = 0;
  for (let t = start; t < end; t++) {
    const b = data.ids[t] * K;
    for (let k = 0; k < K; k++) p[k] += w[b + k];
  }
  let max = -Infinity;
  for (let k = 0; k < K; k++) { p[k] = p[k] * scale + bias[k]; if (p[k] > max) max = p[k]; }
  let sum = 0;
  for (let k = 0; k < K; k++) { p[k] = Math.exp(p[k] - max); sum += p[k]; }
  for (let k = 0; k < K; k++) p[k] /= sum;
}

function evaluateEncoded(data: Encoded, w: Float32Array, bias: Float64Array, labels: string[]) {
  const K = labels.length;
  const p = new Float64Array(K);
  const gold: string[] = [], predicted: string[] = [];
  let loss = 0;
  for (let i = 0; i < data.y.length; i++) {
    probabilities(data, i, w, bias, K, p);
    let best = 0;
    for (let k = 1; k < K; k++) if (p[k] > p[best]) best = k;
    gold.push(labels[data.y[i]]);
    predicted.push(labels[best]);
    loss -= Math.log(Math.max(p[data.y[i]], 1e-12));
  }
  return { ...evaluateLabels(gold, predicted), loss: loss / Math.max(1, data.y.length) };
}

/** Features of all examples in one flat array (CSR layout) to keep the heap small and the loop tight. */
function encode(examples: readonly LabeledText[], spec: FeatureSpec, index: Map<string, number>) {
  const buf = new FeatureBuffer();
  const offsets = new Int32Array(examples.length + 1);
  const y = new Int32Array(examples.length);
  let ids = new Int32Array(1 << 16);
  let total = 0;
  examples.forEach((e, i) => {
    const n = extractFeatures(e.text, spec, buf);
    if (total + n > ids.length) {
      const bigger = new Int32Array(Math.max(ids.length * 2, total + n));
      bigger.set(ids.subarray(0, total));
      ids = bigger;
    }
    ids.set(buf.ids.subarray(0, n), total);
    total += n;
    offsets[i + 1] = total;
    y[i] = index.get(String(e.label))!;
  });
  return { ids: ids.subarray(0, total), offsets, y };
}

function classWeights(option: ClassWeight, labels: string[], y: Int32Array): Float64Array {
  const K = labels.length;
  const counts = new Float64Array(K);
  for (const k of y) counts[k]++;
  const out = new Float64Array(K).fill(1);
  if (typeof option === 'object') labels.forEach((l, k) => { out[k] = option[l] ?? 1; });
  else if (option !== 'none') {
    for (let k = 0; k < K; k++) {
      const balanced = counts[k] > 0 ? y.length / (K * counts[k]) : 1;
      out[k] = option === 'sqrt' ? Math.sqrt(balanced) : balanced;
    }
  }
  return out;
}

function calibrate(model: ClassifierModel, dev: readonly LabeledText[], index: Map<string, number>): number {
  const K = model.labels.length;
  const logits = new Float64Array(dev.length * K);
  const gold = new Int32Array(dev.length);
  const probs = new Float64Array(K);
  model.temperature = 1;
  dev.forEach((e, i) => {
    predictInto(model, e.text, probs);
    // Logits up to a per-row constant: log-probabilities at T = 1.
    for (let k = 0; k < K; k++) logits[i * K + k] = Math.log(Math.max(probs[k], 1e-300));
    gold[i] = index.get(String(e.label))!;
  });
  return fitTemperature(logits, gold, K);
}

/** Deterministic stratified split: `fraction` of each class goes to the second part. */
export function stratifiedSplit<T extends { label: string | number }>(items: readonly T[], fraction: number, random: () => number): [T[], T[]] {
  const byLabel = new Map<string, number[]>();
  items.forEach((e, i) => {
    const l = String(e.label);
    const list = byLabel.get(l);
    if (list) list.push(i); else byLabel.set(l, [i]);
  });
  const held = new Set<number>();
  for (const l of [...byLabel.keys()].sort()) {
    const ids = Int32Array.from(byLabel.get(l)!);
    shuffle(ids, random);
    const take = Math.round(ids.length * fraction);
    for (let j = 0; j < take; j++) held.add(ids[j]);
  }
  return [items.filter((_, i) => !held.has(i)), items.filter((_, i) => held.has(i))];
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(a: Int32Array, random: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = a[i]; a[i] = a[j]; a[j] = t;
  }
}
