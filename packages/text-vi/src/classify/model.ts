// The trained classifier as plain data, and prediction with it. A linear softmax model over hashed
// features: logit_k = bias_k + scale_k · Σ_f q[f,k] / √n, probabilities = softmax(logit / T).
// Weights are int8 with one scale per class: a quarter of the memory of floats, so the table stays
// in cache (prediction is bound by random reads of it), and the rounding error averages out over
// the features of a text.
import { FeatureBuffer, extractFeatures, type FeatureSpec } from './features.ts';

export interface ClassifierModel {
  format: 'nhipcau-linear-1';
  /** Class labels, as strings, in weight column order. */
  labels: string[];
  features: FeatureSpec;
  /** Quantised weights, row-major [2^bits × labels.length]. */
  weights: Int8Array;
  /** Per-class factor turning a quantised weight back into a real one. */
  scales: Float32Array;
  bias: Float32Array;
  /** Softmax temperature fitted on held-out data (1 = uncalibrated). */
  temperature: number;
  /** Free-form provenance kept in the model file: training data, licence, dev figures. */
  meta?: Record<string, string | number>;
}

export interface Classification {
  label: string;
  /** Calibrated probability per label; sums to 1. */
  scores: Record<string, number>;
}

// Prediction scratch, shared: JavaScript runs one call at a time, so reuse is safe.
const scratch = new FeatureBuffer();
let sums = new Float64Array(64);

/**
 * Writes class probabilities of `text` into `probs` (length ≥ labels) and returns the argmax
 * index. The allocation-free path for bulk scoring; `classify` wraps it.
 */
export function predictInto(model: ClassifierModel, text: string, probs: Float64Array): number {
  const K = model.labels.length;
  if (sums.length < K) sums = new Float64Array(K);
  const n = extractFeatures(text, model.features, scratch);
  const w = model.weights, ids = scratch.ids;
  if (K === 2) { // the common cases, unrolled with register accumulators
    let s0 = 0, s1 = 0;
    for (let t = 0; t < n; t++) { const b = ids[t] << 1; s0 += w[b]; s1 += w[b + 1]; }
    sums[0] = s0; sums[1] = s1;
  } else if (K === 3) {
    let s0 = 0, s1 = 0, s2 = 0;
    for (let t = 0; t < n; t++) { const b = ids[t] * 3; s0 += w[b]; s1 += w[b + 1]; s2 += w[b + 2]; }
    sums[0] = s0; sums[1] = s1; sums[2] = s2;
  } else {
    // One pass per class: the first pulls the rows into cache with independent loads.
    for (let k = 0; k < K; k++) {
      let s = 0;
      for (let t = 0; t < n; t++) s += w[ids[t] * K + k];
      sums[k] = s;
    }
  }
  return finish(model, sums, n, probs);
}

/** Turns per-class weight sums into calibrated probabilities; returns the argmax index. */
function finish(model: ClassifierModel, s: Float64Array, n: number, probs: Float64Array): number {
  const K = model.labels.length;
  const norm = n > 0 ? 1 / Math.sqrt(n) : 0;
  const invT = 1 / model.temperature;
  let best = 0, max = -Infinity;
  for (let k = 0; k < K; k++) {
    const z = (s[k] * model.scales[k] * norm + model.bias[k]) * invT;
    probs[k] = z;
    if (z > max) { max = z; best = k; }
  }
  let total = 0;
  for (let k = 0; k < K; k++) { const e = Math.exp(probs[k] - max); probs[k] = e; total += e; }
  for (let k = 0; k < K; k++) probs[k] /= total;
  return best;
}

/** Label and calibrated probabilities of `text`. */
export function classify(model: ClassifierModel, text: string): Classification {
  const K = model.labels.length;
  const probs = new Float64Array(K);
  const best = predictInto(model, text, probs);
  const scores: Record<string, number> = {};
  for (let k = 0; k < K; k++) scores[model.labels[k]] = probs[k];
  return { label: model.labels[best], scores };
}

/** Quantises float weights to int8 with a per-class scale (max |w| maps to 127). */
export function quantize(weights: Float32Array, K: number): { weights: Int8Array; scales: Float32Array } {
  const scales = new Float32Array(K);
  for (let j = 0; j < weights.length; j++) {
    const a = Math.abs(weights[j]);
    if (a > scales[j % K]) scales[j % K] = a;
  }
  for (let k = 0; k < K; k++) scales[k] = scales[k] > 0 ? scales[k] / 127 : 1;
  const q = new Int8Array(weights.length);
  for (let j = 0; j < weights.length; j++) q[j] = Math.round(weights[j] / scales[j % K]);
  return { weights: q, scales };
}
