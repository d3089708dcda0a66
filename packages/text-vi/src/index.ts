// @nhipcau/text-vi — Vietnamese text analysis as pure functions. Imports nothing from the app,
// performs no I/O and loads no model on import: models are plain objects passed in.

// Personal-data redaction, places, topic queries, near-duplicates.
export * from './redact/index.ts';
export * from './places/index.ts';
export * from './query/index.ts';
export * from './concepts/index.ts';
export * from './dedup/index.ts';
export * from './claims/index.ts';

// Normalisation, tokenizer, word segmentation.
export * from './normalize/index.ts';
export * from './tokenize/index.ts';
export * from './segment/index.ts';

// Classifier, sentiment, frustration, toxicity.
export * from './classify/index.ts';
export * from './sentiment/index.ts';
export * from './toxicity/index.ts';

// The whole pipeline over one post.
export { analyze, MAX_ANALYZED, type Analysis, type AnalyzedPlace, type AnalyzeOptions, type AnalyzerModels } from './analyze.ts';
