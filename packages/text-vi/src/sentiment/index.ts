// Sentiment (lexicon + rules, optionally blended with a trained model) and frustration (bức xúc).
export { sentiment, defaultSentimentLexicon, SENTIMENT_LABELS, type SentimentLabel, type SentimentOptions, type SentimentResult } from './sentiment.ts';
export { frustration } from './frustration.ts';
export { parseSentimentLexicon, type SentimentLexicon, type LexiconEntry as SentimentLexiconEntry, type EntryKind as SentimentEntryKind } from './lexicon.ts';
export { analyzeSentiment, type SentimentAnalysis } from './rules.ts';
