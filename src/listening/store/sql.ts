// Bulk SQL helpers: whole columns travel as one array parameter each (INSERT … SELECT FROM unnest),
// so a batch of a thousand posts is one short statement with a dozen parameters on both databases.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

/** A PostgreSQL array literal of the values (NULL for null/undefined), to be cast in SQL (`::text[]`). */
export function pgArray(values: ReadonlyArray<string | number | boolean | null | undefined>): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    if (i) out += ',';
    const v = values[i];
    if (v === null || v === undefined) out += 'NULL';
    else if (typeof v === 'number') out += Number.isFinite(v) ? String(v) : 'NULL';
    else if (typeof v === 'boolean') out += v ? 't' : 'f';
    else out += `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  }
  return `${out}}`;
}

/** An array of strings as one text value (a post's topics), split again in SQL with string_to_array(x, '|'). */
export const joinList = (values: readonly string[] | null | undefined): string | null => (values ? values.join('|') : null);

export type Executor = Pick<Db, 'execute'>;

/** Rows of a statement, the same on PGlite and node-postgres. */
export async function rows<T = Record<string, unknown>>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export { sql };
