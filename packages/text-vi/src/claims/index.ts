// Claim matching: posts and questions against known claims (rumours), in two levels.
export { ClaimMatcher, type ClaimCandidate, type ClaimLevel, type ClaimMatch, type ClaimMatchOptions } from './matcher.ts';
export { claimSentences, MAX_CLAIM_TEXT, type ClaimTextModels, type Sentence } from './text.ts';
export { parseClaimSynonyms, type ClaimSynonyms } from './synonyms.ts';
