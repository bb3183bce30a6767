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
  const { rows } = await db.executeQuery<Row>(compiled(db, text, parameters));
  return rows;
}

/** Runs a statement that returns no rows (see runStatement) and says how many rows it changed. */
export async function runCounting(db: Kysely<Database>, text: string, parameters: readonly unknown[]): Promise<number> {
  const { numAffectedRows } = await db.executeQuery(compiled(db, text, parameters));
  return Number(numAffectedRows ?? 0);
}

function compiled(db: Kysely<Database>, text: string, parameters: readonly unknown[]): CompiledQuery {
  let query = text;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    query = numberedPlaceholders.get(text) ?? '';
    if (!query) {
      let n = 0;
      query = text.replace(/\?/g, () => `$${++n}`);
      numberedPlaceholders.set(text, query);
    }
  }
  return CompiledQuery.raw(query, [...parameters]);
}
