export { redact, type RedactOptions, type RedactResult } from './redact.ts';
export { PLACEHOLDERS, type RedactSpan, type RedactType } from './types.ts';
