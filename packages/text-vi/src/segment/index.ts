// Word segmentation: a B/I structured perceptron over hashed features with a hashed word list.
export { segment, segmentToString, segmentationUnits, type SegmentOptions } from './segment.ts';
export { segmentSyllables } from './core.ts';
export { type SegmenterModel, type SegmenterMeta } from './model.ts';
export { encodeModel, decodeModel } from './model-file.ts';
export { trainSegmenter, withFoldedCopies, goldTags, RECIPE, type GoldSentence, type TrainOptions } from './train.ts';
export { forwardMaxMatch } from './fmm.ts';
export { WordF1, scoreSegmenter, type WordScores } from './metrics.ts';
export { WordHashSet, buildWordHashSet, buildSegmenterDictionary, wordHash, SOURCE_MAIN, SOURCE_DICTIONARY, SOURCE_WIKTIONARY, SOURCE_ANY, FOLDED } from './dictionary.ts';
