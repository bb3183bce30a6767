// The FCRA access log gets a row for every report read. Written one INSERT at
// a time, each read would pay a commit of its own; here the reads that arrive
// together share one (group commit). A read still waits for its row to be
// committed before it answers, so no answered read goes unlogged.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface AccessLogEntry {
  id: string;
  clientId: string;
  userId: string;
  reportId: string | null;
  operation: string;
  permissiblePurpose: string | null;
  requestId: string;
  at: string;
}

export interface AccessLogWriter {
  /** Resolves once the entry is committed. */
  append(entry: AccessLogEntry): Promise<void>;
}

export function accessLogRow(entry: AccessLogEntry) {
  return {
    id: entry.id,
    client_id: entry.clientId,
    user_id: entry.userId,
    report_id: entry.reportId,
    operation: entry.operation,
    permissible_purpose: entry.permissiblePurpose,
    request_id: entry.requestId,
    at: entry.at,
  };
}

/** Rows per INSERT statement: 8 parameters each stays far below SQLite's and PostgreSQL's limits. */
const ROWS_PER_STATEMENT = 500;

export function accessLogWriter(db: Kysely<Database>): AccessLogWriter {
  let waiting: Array<{ entry: AccessLogEntry; resolve: () => void; reject: (error: unknown) => void }> = [];

  async function commit(): Promise<void> {
    const batch = waiting;
    waiting = [];
    try {
      await db.transaction().execute(async (trx) => {
        for (let start = 0; start < batch.length; start += ROWS_PER_STATEMENT) {
          await trx
            .insertInto('access_log')
            .values(batch.slice(start, start + ROWS_PER_STATEMENT).map(({ entry }) => accessLogRow(entry)))
            .execute();
        }
      });
      for (const { resolve } of batch) resolve();
    } catch (error) {
      for (const { reject } of batch) reject(error);
    }
  }

  return {
    append(entry) {
      return new Promise<void>((resolve, reject) => {
        // The first entry of a batch schedules its commit after this turn's I/O, so requests read together commit together.
        if (waiting.length === 0) setImmediate(() => void commit());
        waiting.push({ entry, resolve, reject });
      });
    },
  };
}
