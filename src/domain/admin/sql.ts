import type { Em } from '../../db/orm.ts';

/**
 * Runs a read-only SQL query in `em`'s transaction (if any) and types its rows.
 * Counts must be cast in SQL (`::int`, sums `::float8`): PGlite and node-postgres
 * return bigint and numeric differently.
 */
export async function queryRows<T>(em: Em, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await em.execute(sql, params)) as unknown as T[];
}

/** The first row of a query that always returns one (aggregates). */
export async function queryOne<T>(em: Em, sql: string, params: unknown[] = []): Promise<T> {
  const [row] = await queryRows<T>(em, sql, params);
  if (!row) throw new Error('aggregate query returned no row');
  return row;
}

/** Escapes LIKE wildcards so that typed text matches literally (with `escape '\'`). */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
