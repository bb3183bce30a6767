// Group commit. Every commit is a WAL write and, on SQLite, takes its turn on
// the one connection, so a burst of requests that each commit alone queue
// behind one another (and the report worker behind them all). Here what is
// submitted in the same turn of the event loop is written in one
// transaction, and every submitter's promise settles when that transaction
// has committed: nobody is answered before their rows are durable.
//
// If the shared transaction fails, it is rolled back and (unless the caller
// opts out) each submission is written again in a transaction of its own, so
// one caller's failure (a constraint, say) is theirs alone. A write may
// therefore run twice and must only write through the transaction it is given.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export type TransactionWork<T> = (trx: Kysely<Database>) => Promise<T>;
export type GroupCommit = <T>(work: TransactionWork<T>) => Promise<T>;

/** Most submissions in one transaction, so one group never holds the connection for long. */
const MAX_GROUP = 256;

/**
 * Batches submissions: `writeGroup` writes a group of them in one
 * transaction and returns one result per submission, in order. With
 * `retryAlone: false` a failed group rejects all its submissions instead.
 */
export function groupCommitter<I, R>(
  db: Kysely<Database>,
  writeGroup: (trx: Kysely<Database>, group: readonly I[]) => Promise<R[]>,
  options: { retryAlone: boolean } = { retryAlone: true },
): (item: I) => Promise<R> {
  let waiting: Array<{ item: I; resolve: (result: R) => void; reject: (error: unknown) => void }> = [];

  async function commit(): Promise<void> {
    const group = waiting.slice(0, MAX_GROUP);
    waiting = waiting.slice(group.length);
    if (waiting.length > 0) setImmediate(() => void commit());
    let results: R[];
    try {
      results = await db.transaction().execute((trx) => writeGroup(trx, group.map((g) => g.item)));
    } catch (error) {
      if (group.length === 1 || !options.retryAlone) {
        for (const { reject } of group) reject(error);
        return;
      }
      for (const one of group) {
        try {
          const [result] = await db.transaction().execute((trx) => writeGroup(trx, [one.item]));
          one.resolve(result);
        } catch (oneError) {
          one.reject(oneError);
        }
      }
      return;
    }
    group.forEach(({ resolve }, i) => resolve(results[i]));
  }

  return (item) =>
    new Promise<R>((resolve, reject) => {
      // The first submission of a group schedules the commit after this turn's I/O, so requests read together commit together.
      if (waiting.length === 0) setImmediate(() => void commit());
      waiting.push({ item, resolve, reject });
    });
}

/** SQLite: pieces of work submitted together run one after another in one transaction. */
export function sqliteGroupCommit(db: Kysely<Database>): GroupCommit {
  const submit = groupCommitter<TransactionWork<unknown>, unknown>(db, async (trx, works) => {
    const results: unknown[] = [];
    for (const work of works) results.push(await work(trx));
    return results;
  });
  return submit as GroupCommit;
}

/**
 * PostgreSQL has a connection per request and group-commits in its own WAL,
 * so there each piece of work simply gets its own transaction.
 */
export function transactionPerCall(db: Kysely<Database>): GroupCommit {
  return (work) => db.transaction().execute(work);
}
