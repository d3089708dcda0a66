// The face of audit (see README.md): record a change in the same transaction as the change.
export { audit, diff, type Actor, type AuditRecord } from './log.ts';
