// The face of audit (see README.md): record a change in the same transaction as the change; name the records the log points at.
export { audit, diff, type Actor, type AuditRecord } from './log.ts';
export { quoted, rowIds } from './names.ts';
