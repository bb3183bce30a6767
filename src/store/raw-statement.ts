// Fixed SQL texts for the statements the hot paths run many times a second
// (job claims and finishes, webhook attempts, access-log rows): Kysely's
// query building and compiling costs about as much as SQLite takes to run
// them, so these skip the builder and go straight to the driver.
import { CompiledQuery, PostgresAdapter, type Kysely } from 'kysely';
import type { Database } from './schema.js';

const numberedPlaceholders = new Map<string, string>();

/**
 * Runs a statement written with `?` placeholders (numbered $1, $2, … on
 * PostgreSQL) on a connection or transaction. The text must hold no other `?`.
 */
export async function runStatement<Row>(db: Kysely<Database>, text: string, parameters: readonly unknown[]): Promise<Row[]> {
  let query = text;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    query = numberedPlaceholders.get(text) ?? '';
    if (!query) {
      let n = 0;
      query = text.replace(/\?/g, () => `$${++n}`);
      numberedPlaceholders.set(text, query);
    }
  }
  const { rows } = await db.executeQuery<Row>(CompiledQuery.raw(query, [...parameters]));
  return rows;
}
