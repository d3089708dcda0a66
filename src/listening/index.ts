// The face of listening (see README.md): posts in (from any door), issues and figures out, the desk's tabs.
export { minPlaceVoices, placeSpikeVoices } from './alerts/evaluate.ts';
export { analyzerFor } from './analyzer.ts';
export { seedListeningDemo } from './demo/seed.ts';
export { LISTENING_DESK } from './tabs.ts';
export { parsePostDate } from './ingest/dates.ts';
export { parseMapping, type FileFormat } from './ingest/files.ts';
export { importFile, markInterruptedImports, type ImportProgress } from './ingest/import.ts';
export { repairListening } from './repair.ts';
export { ingestPosts } from './ingest/ingest.ts';
export { issueOutline, listIssues, type IssueOutline, type IssueSummary } from './issues.ts';
export { representativePosts } from './posts.ts';
export { getSource, SOURCE_NAME } from './sources.ts';
