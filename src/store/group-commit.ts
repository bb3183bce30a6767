// Group commit for SQLite. Every commit is a WAL write and takes its turn on
// the one connection, so a burst of requests that each commit alone queue
// behind one another (and the report worker behind them all). Work submitted
// in the same turn of the event loop runs in one transaction instead, and
// every caller's promise settles when that transaction has committed: nobody
// is answered before their rows are durable.
//
// If the shared transaction fails, it is rolled back and each piece of work
// runs again in a transaction of its own, so one caller's failure (a
// constraint, say) is theirs alone. Work may therefore run twice and must
// only write through the transaction it is given.
//
// PostgreSQL has a connection per request and group-commits in its own WAL,
// so there each piece of work simply gets its own transaction.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export type TransactionWork<T> = (trx: Kysely<Database>) => Promise<T>;
export type GroupCommit = <T>(work: TransactionWork<T>) => Promise<T>;

interface Waiting {
  work: TransactionWork<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Most pieces of work in one transaction, so one group never holds the connection for long. */
const MAX_GROUP = 256;

export function transactionPerCall(db: Kysely<Database>): GroupCommit {
  return (work) => db.transaction().execute(work);
}

export function sqliteGroupCommit(db: Kysely<Database>): GroupCommit {
  let waiting: Waiting[] = [];

  async function commit(): Promise<void> {
    const group = waiting.slice(0, MAX_GROUP);
    waiting = waiting.slice(group.length);
    if (waiting.length > 0) setImmediate(() => void commit());
    let results: unknown[];
    try {
      results = await db.transaction().execute(async (trx) => {
        const values: unknown[] = [];
        for (const { work } of group) values.push(await work(trx));
        return values;
      });
    } catch (error) {
      if (group.length === 1) {
        group[0].reject(error);
        return;
      }
      for (const one of group) {
        try {
          one.resolve(await db.transaction().execute(one.work));
        } catch (oneError) {
          one.reject(oneError);
        }
      }
      return;
    }
    group.forEach(({ resolve }, i) => resolve(results[i]));
  }

  return <T>(work: TransactionWork<T>) =>
    new Promise<T>((resolve, reject) => {
      // The first piece of a group schedules the commit after this turn's I/O, so requests read together commit together.
      if (waiting.length === 0) setImmediate(() => void commit());
      waiting.push({ work, resolve: resolve as (value: unknown) => void, reject });
    });
}
