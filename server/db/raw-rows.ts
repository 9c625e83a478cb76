import type { SQL } from 'drizzle-orm';

import type { Db, Tx } from './types.ts';

/**
 * Runs raw SQL and returns its rows. postgres.js returns the rows as an array and PGlite wraps
 * them in `{ rows }`; this hides the difference.
 */
export async function queryRows<Row extends Record<string, unknown>>(
  executor: Db | Tx,
  query: SQL,
): Promise<Row[]> {
  const result: unknown = await executor.execute(query);
  if (Array.isArray(result)) {
    return result as Row[];
  }

  return (result as { rows: Row[] }).rows;
}
