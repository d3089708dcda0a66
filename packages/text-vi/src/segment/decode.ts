// Best tag sequence for one sentence: Viterbi over two tags (B starts a word, I continues one).
// Punctuation, emoji and other symbols never join a neighbour: a hard constraint, not a learned
// preference (the treebank has no emoji to learn from).
import { FEATURES_PER_GAP, PAD, SentenceContext } from './features.ts';
import { Shape } from './syllables.ts';

const NEG = -1e30;

/** Whether gap i may be joined at all (neither side is punctuation or a symbol). */
export function joinable(ctx: SentenceContext, i: number): boolean {
  const p = i + PAD;
  const a = ctx.shape[p - 1], b = ctx.shape[p];
  return a !== Shape.Punct && b !== Shape.Punct && a !== Shape.Other && b !== Shape.Other;
}

/**
 * Tags for n syllables: tags[i] = 1 when syllable i continues the word of i-1 (tags[0] = 0).
 * `emission(i)` returns the score of tag I at gap i (tag B scores 0).
 */
export function viterbi(n: number, emission: Float32Array, allowed: Uint8Array, trans: Float32Array, tags: Uint8Array): void {
  if (n === 0) return;
  const backB = new Uint8Array(n); // best previous tag when current is B
  const backI = new Uint8Array(n);
  let scoreB = 0;
  let scoreI = NEG;
  const bb = trans[0], bi = trans[1], ib = trans[2], ii = trans[3];
  for (let i = 1; i < n; i++) {
    const fromBB = scoreB + bb, fromIB = scoreI + ib;
    const newB = fromBB >= fromIB ? fromBB : fromIB;
    backB[i] = fromBB >= fromIB ? 0 : 1;
    let newI = NEG;
    if (allowed[i]) {
      const fromBI = scoreB + bi, fromII = scoreI + ii;
      newI = (fromBI >= fromII ? fromBI : fromII) + emission[i];
      backI[i] = fromBI >= fromII ? 0 : 1;
    }
    scoreB = newB;
    scoreI = newI;
  }
  // The sentence end behaves like a following word start (B), so the last gap sees the same
  // transition costs as every other one.
  let t = scoreI + ib > scoreB + bb ? 1 : 0;
  for (let i = n - 1; i >= 1; i--) {
    tags[i] = t;
    t = t === 1 ? backI[i] : backB[i];
  }
  tags[0] = 0;
}

/** Scratch buffers reused across sentences to keep the hot path allocation-light. */
export class Scratch {
  feats = new Int32Array(FEATURES_PER_GAP * 64);
  emission = new Float32Array(64);
  allowed = new Uint8Array(64);
  tags = new Uint8Array(64);
  ensure(n: number): void {
    if (this.emission.length >= n) return;
    let cap = this.emission.length;
    while (cap < n) cap *= 2;
    this.feats = new Int32Array(FEATURES_PER_GAP * cap);
    this.emission = new Float32Array(cap);
    this.allowed = new Uint8Array(cap);
    this.tags = new Uint8Array(cap);
  }
}

/** Computes features, emission scores and the joinable mask for every gap of `ctx`. */
export function scoreGaps(ctx: SentenceContext, weights: Float32Array, mask: number, sc: Scratch): void {
  const n = ctx.n;
  sc.ensure(n);
  const feats = sc.feats, em = sc.emission, allowed = sc.allowed;
  for (let i = 1; i < n; i++) {
    const ok = joinable(ctx, i);
    allowed[i] = ok ? 1 : 0;
    if (!ok) { em[i] = 0; continue; }
    const off = i * FEATURES_PER_GAP;
    ctx.features(i, mask, feats, off);
    let s = 0;
    for (let k = 0; k < FEATURES_PER_GAP; k++) s += weights[feats[off + k]];
    em[i] = s;
  }
}
