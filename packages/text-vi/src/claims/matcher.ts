// Claim matching: which known claim (a short checkable statement that circulates) a post or a
// citizen's question repeats or asks about, if any. The score of a claim is how much of the claim's
// weighted words and word pairs the best sentence (or pair of sentences) of the text holds, so a
// partial mention inside a long post counts fully and a question counts as the statement it asks
// about; a notice on the same subject and place that lacks the claim's figure or action does not
// reach it. Two levels, as fact-checkers' tiplines use: `confirmed` links at once, `suggested` waits
// for a person. A person's decisions feed back: a confirmed text becomes another phrasing of its claim,
// a rejected one vetoes texts nearly identical to it for that claim.
import { figureUnit } from './figures.ts';
import { claimSentences, type ClaimTextModels, type Sentence } from './text.ts';

export interface ClaimMatchOptions {
  /** Score from which a claim is suggested to a person. Default 0.55. */
  suggest?: number;
  /** Score from which the link is made at once. Default 0.78. */
  confirm?: number;
  /** A confirmed link needs this lead over the next claim; else it is only suggested. Default 0.1. */
  margin?: number;
  /** Share of unigrams rejected-text overlap from which a rejected text vetoes. Default 0.8. */
  veto?: number;
}

export type ClaimLevel = 'confirmed' | 'suggested';

export interface ClaimCandidate {
  claim: string;
  score: number;
}

export interface ClaimMatch {
  /** The best claim at or above the suggestion threshold, or null. */
  claim: string | null;
  level: ClaimLevel | null;
  /** The best claim's score (0 when none was near). */
  score: number;
  /** Claims scored, best first (at most five). */
  candidates: ClaimCandidate[];
}

interface Phrasing {
  claim: number;
  uniTotal: number;
  biTotal: number;
  figures: readonly string[];
  /** Units of the figures ("d" for money, "ngay" for days). */
  figureUnits: ReadonlySet<string>;
  uni: Map<string, number>;
  bi: Map<string, number>;
}

interface ClaimEntry {
  id: string;
  phrasings: Phrasing[];
  /** Unigram sets of texts a person rejected for this claim. */
  rejected: Set<string>[];
  removed: boolean;
}

interface Posting {
  phrasing: number;
  /** The feature's weight in the phrasing, scaled by its rarity among claims. */
  weight: number;
}

const DEFAULTS: Required<ClaimMatchOptions> = { suggest: 0.55, confirm: 0.78, margin: 0.1, veto: 0.8 };
const BIGRAM_SHARE = 0.3;
/** Weight of a claim's stated reason ("để …") relative to the rest. */
const PURPOSE_WEIGHT = 0.5;
/** A figure of the claim's kind but another value in the text: the accurate figure, or another fee. */
const FIGURE_CONFLICT = 0.55;

export class ClaimMatcher {
  private readonly options: Required<ClaimMatchOptions>;
  private readonly claims: ClaimEntry[] = [];
  private readonly byId = new Map<string, number>();
  private readonly phrasings: Phrasing[] = [];
  private uniPostings = new Map<string, Posting[]>();
  private biPostings = new Map<string, Posting[]>();
  /** Feature → number of live claims that hold it; weights are scaled by rarity among claims. */
  private readonly df = new Map<string, number>();
  private dirty = true;
  private liveClaims = 0;
  // Scratch per match, sized to the phrasings.
  private uniHit = new Float64Array(0);
  private biHit = new Float64Array(0);

  constructor(private readonly models: ClaimTextModels, options: ClaimMatchOptions = {}) {
    this.options = { ...DEFAULTS, ...options };
  }

  get size(): number {
    return this.liveClaims;
  }

  /** Adds a claim (or another phrasing of a known one). Returns false for a text with no words that count. */
  addClaim(id: string, statement: string): boolean {
    const sentences = claimSentences(statement, this.models, { purposeWeight: PURPOSE_WEIGHT });
    const merged = mergeSentences(sentences);
    if (merged.tokens.length === 0) return false;
    let ci = this.byId.get(id);
    if (ci === undefined || this.claims[ci].removed) {
      if (ci === undefined) {
        ci = this.claims.length;
        this.claims.push({ id, phrasings: [], rejected: [], removed: false });
        this.byId.set(id, ci);
      } else this.claims[ci] = { id, phrasings: [], rejected: [], removed: false };
      this.liveClaims++;
    }
    const claim = this.claims[ci];
    const before = new Set(claim.phrasings.flatMap((p) => [...p.uni.keys()]));
    const phrasing = toPhrasing(ci, merged);
    claim.phrasings.push(phrasing);
    this.phrasings.push(phrasing);
    for (const f of phrasing.uni.keys()) if (!before.has(f)) this.df.set(f, (this.df.get(f) ?? 0) + 1);
    this.dirty = true;
    return true;
  }

  /** Stops matching a claim (closed, merged into another). */
  removeClaim(id: string): void {
    const ci = this.byId.get(id);
    if (ci === undefined || this.claims[ci].removed) return;
    const claim = this.claims[ci];
    for (const f of new Set(claim.phrasings.flatMap((p) => [...p.uni.keys()]))) this.df.set(f, (this.df.get(f) ?? 1) - 1);
    claim.removed = true;
    this.liveClaims--;
    this.dirty = true;
  }

  /**
   * A person's decision on a text–claim pair: a confirmed text becomes another phrasing of the claim
   * (its best sentence, so the rest of a long post does not dilute it); a rejected one vetoes later
   * texts nearly identical to it for that claim.
   */
  learn(id: string, text: string, decision: 'confirmed' | 'rejected'): void {
    const ci = this.byId.get(id);
    if (ci === undefined || this.claims[ci].removed) return;
    const window = this.bestWindow(ci, text);
    if (!window) return;
    if (decision === 'rejected') this.claims[ci].rejected.push(new Set(window.tokens));
    else this.addClaim(id, window.tokens.join(' '));
  }

  /** The best claim for a text, its level and score. */
  match(text: string): ClaimMatch {
    const candidates = this.rank(text);
    const best = candidates[0];
    const { suggest, confirm, margin } = this.options;
    if (!best || best.score < suggest) return { claim: null, level: null, score: best?.score ?? 0, candidates };
    const lead = best.score - (candidates[1]?.score ?? 0);
    const level: ClaimLevel = best.score >= confirm && lead >= margin ? 'confirmed' : 'suggested';
    return { claim: best.claim, level, score: best.score, candidates };
  }

  /** Claims scored against a text, best first (at most `limit`). */
  rank(text: string, limit = 5): ClaimCandidate[] {
    this.refresh();
    const windows = windowsOf(claimSentences(text, this.models));
    const bestOf = new Map<number, number>();
    for (const w of windows) {
      for (const [pi, score] of this.scoreWindow(w)) {
        const ci = this.phrasings[pi].claim;
        if (score <= (bestOf.get(ci) ?? 0)) continue;
        if (this.vetoed(ci, w)) continue;
        bestOf.set(ci, score);
      }
    }
    return [...bestOf]
      .map(([ci, score]) => ({ claim: this.claims[ci].id, score: Math.round(score * 1000) / 1000 }))
      .sort((a, b) => b.score - a.score || (a.claim < b.claim ? -1 : 1))
      .slice(0, limit);
  }

  private vetoed(ci: number, w: Sentence): boolean {
    const rejected = this.claims[ci].rejected;
    if (rejected.length === 0) return false;
    const mine = new Set(w.tokens);
    for (const r of rejected) {
      let shared = 0;
      for (const t of mine) if (r.has(t)) shared++;
      if (shared / (mine.size + r.size - shared) >= this.options.veto) return true;
    }
    return false;
  }

  /** The window of a text that scores best for one claim. */
  private bestWindow(ci: number, text: string): Sentence | null {
    this.refresh();
    let best: Sentence | null = null;
    let bestScore = -1;
    for (const w of windowsOf(claimSentences(text, this.models))) {
      let s = 0;
      for (const [pi, score] of this.scoreWindow(w)) if (this.phrasings[pi].claim === ci && score > s) s = score;
      if (s > bestScore) (bestScore = s), (best = w);
    }
    return best;
  }

  /** Phrasing index → score, for the phrasings sharing a feature with the window. */
  private scoreWindow(w: Sentence): Map<number, number> {
    const touched: number[] = [];
    const uniHit = this.uniHit;
    const biHit = this.biHit;
    const seen = new Set<string>();
    for (const f of w.tokens) {
      if (seen.has(f)) continue;
      seen.add(f);
      const list = this.uniPostings.get(f);
      if (!list) continue;
      for (let k = 0; k < list.length; k++) {
        const p = list[k];
        if (uniHit[p.phrasing] === 0 && biHit[p.phrasing] === 0) touched.push(p.phrasing);
        uniHit[p.phrasing] += p.weight;
      }
    }
    for (const f of bigrams(w.tokens)) {
      const list = this.biPostings.get(f);
      if (!list) continue;
      for (let k = 0; k < list.length; k++) {
        const p = list[k];
        if (uniHit[p.phrasing] === 0 && biHit[p.phrasing] === 0) touched.push(p.phrasing);
        biHit[p.phrasing] += p.weight;
      }
    }
    let units: Set<string> | null = null;
    const out = new Map<number, number>();
    for (const pi of touched) {
      const p = this.phrasings[pi];
      const u = p.uniTotal > 0 ? uniHit[pi] / p.uniTotal : 0;
      const b = p.biTotal > 0 ? biHit[pi] / p.biTotal : u;
      let score = (1 - BIGRAM_SHARE) * u + BIGRAM_SHARE * b;
      // The claim's figure is missing and another of its kind stands in its place.
      if (p.figureUnits.size && !p.figures.some((f) => seen.has(f))) {
        units ??= new Set(w.figures.map((f) => figureUnit(f) ?? ''));
        for (const unit of p.figureUnits) if (units.has(unit)) {
          score *= FIGURE_CONFLICT;
          break;
        }
      }
      out.set(pi, score);
      uniHit[pi] = 0;
      biHit[pi] = 0;
    }
    return out;
  }

  /** Rarity factors and weight totals, recomputed after claims changed. */
  private refresh(): void {
    if (!this.dirty) return;
    const n = Math.max(1, this.liveClaims);
    const rarity = new Map<string, number>();
    for (const [f, df] of this.df) if (df > 0) rarity.set(f, 0.5 + 0.5 * (Math.log((n + 1) / df) / Math.log(n + 1)));
    const r = (f: string) => rarity.get(f) ?? 1;
    this.uniPostings = new Map();
    this.biPostings = new Map();
    for (let pi = 0; pi < this.phrasings.length; pi++) {
      const p = this.phrasings[pi];
      if (this.claims[p.claim].removed) continue;
      p.uniTotal = 0;
      p.biTotal = 0;
      for (const [f, base] of p.uni) {
        const weight = base * r(f);
        p.uniTotal += weight;
        (this.uniPostings.get(f) ?? this.uniPostings.set(f, []).get(f)!).push({ phrasing: pi, weight });
      }
      for (const [f, base] of p.bi) {
        const [a, b] = f.split(' ');
        const weight = (base * (r(a) + r(b))) / 2;
        p.biTotal += weight;
        (this.biPostings.get(f) ?? this.biPostings.set(f, []).get(f)!).push({ phrasing: pi, weight });
      }
    }
    if (this.uniHit.length < this.phrasings.length) {
      this.uniHit = new Float64Array(this.phrasings.length * 2);
      this.biHit = new Float64Array(this.phrasings.length * 2);
    }
    this.dirty = false;
  }
}

function mergeSentences(sentences: readonly Sentence[]): Sentence {
  return {
    tokens: sentences.flatMap((s) => s.tokens),
    weights: sentences.flatMap((s) => s.weights),
    figures: sentences.flatMap((s) => s.figures),
  };
}

/** Each sentence, and each pair of neighbouring sentences. */
function windowsOf(sentences: readonly Sentence[]): Sentence[] {
  const out = [...sentences];
  for (let i = 0; i + 1 < sentences.length; i++) out.push(mergeSentences([sentences[i], sentences[i + 1]]));
  return out;
}

function bigrams(tokens: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < tokens.length; i++) if (tokens[i] !== tokens[i + 1]) out.add(tokens[i] + ' ' + tokens[i + 1]);
  return out;
}

function toPhrasing(claim: number, s: Sentence): Phrasing {
  const uni = new Map<string, number>();
  s.tokens.forEach((t, i) => uni.set(t, Math.max(uni.get(t) ?? 0, s.weights[i])));
  const bi = new Map<string, number>();
  for (let i = 0; i + 1 < s.tokens.length; i++) {
    if (s.tokens[i] === s.tokens[i + 1]) continue;
    const f = s.tokens[i] + ' ' + s.tokens[i + 1];
    bi.set(f, Math.max(bi.get(f) ?? 0, (s.weights[i] + s.weights[i + 1]) / 2));
  }
  return { claim, uniTotal: 0, biTotal: 0, figures: s.figures, figureUnits: new Set(s.figures.map((f) => figureUnit(f) ?? '')), uni, bi };
}
