// frustration() — how upset (bức xúc) a post is, 0..1: negative sentiment × intensity. Intensity
// comes from shouting (ALL CAPS, "!!!", "???"), swearing, letters stretched for emphasis, angry
// emoji and complaint phrases ("bức xúc", "bao giờ mới", "lần thứ 3", "đã phản ánh nhiều lần").
// Praise scores 0 however loud it is.
import { defaultSentimentLexicon, type SentimentResult } from './sentiment.ts';
import { analyzeSentiment } from './rules.ts';
import type { SentimentLexicon } from './lexicon.ts';

const ANGRY_EMOJI = new Set(['😡', '🤬', '😠', '😤', '👿', '💢', '👎']);
const UPPER = /\p{Lu}/gu;
const LETTER = /\p{L}/gu;

/**
 * Frustration of `text` in 0..1. Pass the post's sentiment if already computed (for example a
 * blend with the installation's model); otherwise the rules score it.
 */
export function frustration(text: string, sentimentResult?: Pick<SentimentResult, 'score'>, lexicon: SentimentLexicon = defaultSentimentLexicon()): number {
  const analysis = analyzeSentiment(text, lexicon);
  const score = sentimentResult?.score ?? analysis.score;
  const cues: number[] = [...analysis.swears, ...analysis.complaints];

  // Shouting: share of upper-case letters in posts long enough for it to mean something.
  const letters = text.match(LETTER)?.length ?? 0;
  if (letters >= 8) {
    const ratio = (text.match(UPPER)?.length ?? 0) / letters;
    cues.push(Math.min(1, Math.max(0, (ratio - 0.3) / 0.5)) * 0.6);
  }
  let stretched = 0, repeatedAsk = 0;
  analysis.tokens.forEach((t, i) => {
    const raw = t.token.text;
    if (t.token.type === 'punct') {
      const bangs = raw.match(/!/g)?.length ?? 0;
      const asks = raw.match(/\?/g)?.length ?? 0;
      if (bangs >= 3) cues.push(0.35); else if (bangs === 2) cues.push(0.2); else if (bangs === 1) cues.push(0.05);
      if (asks >= 2) cues.push(0.25);
      if (bangs > 0 && asks > 0) cues.push(0.2);
    } else if (t.token.type === 'emoji') {
      if (ANGRY_EMOJI.has(t.exact)) cues.push(0.3);
    } else if (t.token.type === 'word' && /(\p{L})\1\1/u.test(raw.toLowerCase()) && stretched < 3) {
      stretched++;
      cues.push(0.1);
    }
    // "lần thứ 3", "lần thứ n": the count itself says the problem keeps coming back.
    if (t.folded === 'thu' && i > 0 && analysis.tokens[i - 1].folded === 'lan' && /^\d+$|^n$/.test(analysis.tokens[i + 1]?.exact ?? '')) {
      const n = Number(analysis.tokens[i + 1].exact);
      repeatedAsk = Number.isFinite(n) ? Math.min(0.4, 0.1 * n) : 0.3;
    }
  });
  if (repeatedAsk > 0) cues.push(repeatedAsk);

  const intensity = 1 - cues.reduce((keep, c) => keep * (1 - Math.min(0.95, c)), 1);
  // A complaint phrase makes a post negative enough to count even when its words are mild.
  let negativity = Math.max(0, -score);
  if (score < 0.2 && analysis.complaints.some((c) => c >= 0.15)) negativity = Math.max(negativity, 0.35);
  return Math.min(1, negativity * (0.4 + 0.6 * intensity));
}
