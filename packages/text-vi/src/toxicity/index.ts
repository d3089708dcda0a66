// Offensive and hateful language, scored by a classifier model that is passed in.
export { toxicity } from './toxicity.ts';
