// Word-level precision/recall/F1 over a fixed syllable sequence (CoNLL 2018 "Words" with gold
// syllables): a predicted word counts when its exact syllable span is a gold word.

export interface WordScores { precision: number; recall: number; f1: number; gold: number; predicted: number; correct: number }

/** Accumulates counts over many sentences; words are given as syllable counts per word. */
export class WordF1 {
  gold = 0;
  predicted = 0;
  correct = 0;

  add(goldLengths: readonly number[], predictedLengths: readonly number[]): void {
    const spans = new Set<number>();
    let pos = 0;
    for (const len of goldLengths) { spans.add(pos * 4096 + len); pos += len; }
    pos = 0;
    for (const len of predictedLengths) { if (spans.has(pos * 4096 + len)) this.correct++; pos += len; }
    this.gold += goldLengths.length;
    this.predicted += predictedLengths.length;
  }

  scores(): WordScores {
    const precision = this.predicted ? this.correct / this.predicted : 0;
    const recall = this.gold ? this.correct / this.gold : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { precision, recall, f1, gold: this.gold, predicted: this.predicted, correct: this.correct };
  }
}

/** Scores `predict` (syllables → word lengths) against gold sentences (words of syllables). */
export function scoreSegmenter(sentences: readonly string[][][], predict: (syllables: string[]) => number[]): WordScores {
  const f = new WordF1();
  for (const words of sentences) f.add(words.map((w) => w.length), predict(words.flat()));
  return f.scores();
}
