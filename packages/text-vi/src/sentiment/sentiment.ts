// sentiment(): the lexicon-and-rules scorer, optionally blended with an installation's own trained
// classifier. The default lexicon is compiled on first use, never on import.
import { predictInto, type ClassifierModel } from '../classify/model.ts';
import { parseSentimentLexicon, type SentimentLexicon } from './lexicon.ts';
import { SENTIMENT_LEXICON_TSV } from './lexicon-data.ts';
import { analyzeSentiment } from './rules.ts';

export type SentimentLabel = 'negative' | 'neutral' | 'positive';
export const SENTIMENT_LABELS: readonly SentimentLabel[] = ['negative', 'neutral', 'positive'];

export interface SentimentResult {
  label: SentimentLabel;
  /** -1 (very negative) … 1 (very positive). */
  score: number;
  /** Confidence per label, summing to 1 (a monotone map of score for the rules alone). */
  scores: Record<SentimentLabel, number>;
}

export interface SentimentOptions {
  /** Another lexicon (see loadSentimentLexicon); default: the shipped data/sentiment-lexicon.tsv. */
  lexicon?: SentimentLexicon;
  /** An installation's own classifier trained on its labelled posts. */
  model?: ClassifierModel;
  /** Share of the model in the blend, 0..1 (default 0.7); 1 lets the model override the rules. */
  modelWeight?: number;
  /** Model label → sentiment label, when its labels are not negative/neutral/positive (or neg/neu/pos). */
  labelMap?: Record<string, SentimentLabel>;
  /** |score| below this is neutral (default 0.1). */
  neutralBand?: number;
}

let defaultLexicon: SentimentLexicon | null = null;
/** The shipped lexicon, parsed once on first use. */
export function defaultSentimentLexicon(): SentimentLexicon {
  return (defaultLexicon ??= parseSentimentLexicon(SENTIMENT_LEXICON_TSV));
}

const SHARPNESS = 4; // how quickly confidence grows with |score|

export function sentiment(text: string, options: SentimentOptions = {}): SentimentResult {
  return sentimentFromRules(analyzeSentiment(text, options.lexicon ?? defaultSentimentLexicon()).score, text, options);
}

/** sentiment() given the rules' score of `text` (analyze() computes it from tokens it shares). */
export function sentimentFromRules(score: number, text: string, options: SentimentOptions = {}): SentimentResult {
  const band = options.neutralBand ?? 0.1;
  const rules = scoresFromScore(score, band);
  if (!options.model) return { label: labelFromScore(score, band), score, scores: rules };

  const model = modelScores(options.model, text, options.labelMap);
  const w = Math.min(1, Math.max(0, options.modelWeight ?? 0.7));
  const scores = {} as Record<SentimentLabel, number>;
  for (const l of SENTIMENT_LABELS) scores[l] = w * model[l] + (1 - w) * rules[l];
  const label = SENTIMENT_LABELS.reduce((a, b) => (scores[b] > scores[a] ? b : a));
  return { label, score: scores.positive - scores.negative, scores };
}

export const labelFromScore = (score: number, band: number): SentimentLabel =>
  score <= -band ? 'negative' : score >= band ? 'positive' : 'neutral';

/** Softmax over logits chosen so that the argmax agrees with labelFromScore. */
export function scoresFromScore(score: number, band: number): Record<SentimentLabel, number> {
  const pos = Math.exp(SHARPNESS * score);
  const neg = Math.exp(-SHARPNESS * score);
  const neu = Math.exp(SHARPNESS * (2 * band - Math.abs(score)));
  const sum = pos + neg + neu;
  return { negative: neg / sum, neutral: neu / sum, positive: pos / sum };
}

function modelScores(model: ClassifierModel, text: string, labelMap?: Record<string, SentimentLabel>): Record<SentimentLabel, number> {
  const probs = new Float64Array(model.labels.length);
  predictInto(model, text, probs);
  const out: Record<SentimentLabel, number> = { negative: 0, neutral: 0, positive: 0 };
  model.labels.forEach((l, k) => {
    const target = labelMap?.[l] ?? guessLabel(l);
    if (!target) throw new Error(`sentiment: model label "${l}" is not negative/neutral/positive; pass labelMap`);
    out[target] += probs[k];
  });
  return out;
}

function guessLabel(label: string): SentimentLabel | undefined {
  const l = label.toLowerCase();
  if (l.startsWith('neg')) return 'negative';
  if (l.startsWith('neu')) return 'neutral';
  if (l.startsWith('pos')) return 'positive';
  return undefined;
}
