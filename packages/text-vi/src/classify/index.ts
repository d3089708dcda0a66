// Supervised text classifier: hashed word and character n-grams, linear softmax, calibrated.
export { mulberry32, trainClassifier, type ClassifierTrainOptions, type ClassWeight, type EpochReport, type LabeledText } from './train.ts';
export { classify, predictInto, type ClassifierModel, type Classification } from './model.ts';
export { serializeModel, deserializeModel } from './serialize.ts';
export { DEFAULT_FEATURES, type FeatureSpec } from './features.ts';
export { evaluateLabels, type LabelEvaluation } from './metrics.ts';
