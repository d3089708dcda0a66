// The face of claims (see README.md): the rumour desk's claims, their matching and import.
export { CLAIM_DEADLINE_DAYS, createClaim, getClaim, MAX_STATEMENT, setClaimStatus, type Claim, type NewClaim } from './claims.ts';
export { importClaims, type ClaimImportSummary } from './import.ts';
export { claimMatcher, decideLink, linkText, matchText } from './matching.ts';
export { CLAIM_STATUSES, CLAIM_VERDICTS, claimLinks, claims, type ClaimStatus, type ClaimVerdict, type LinkDecision, type LinkLevel } from './schema.ts';
