// Helpers for the features naming their records in the audit log (see describe.ts).

/** The ids of a resolver that are row ids (the log keeps them as text). */
export const rowIds = (ids: readonly string[]): number[] => ids.filter((id) => /^\d{1,9}$/.test(id)).map(Number);
/** Quotes a title as the log's sentences do: “…”. */
export const quoted = (title: string): string => `“${title}”`;
