// The FCRA access log gets a row for every report read. Written one INSERT at
// a time, each read would pay a commit of its own; here the reads that arrive
// together share one (group commit). A read still waits for its row to be
// committed before it answers, so no answered read goes unlogged.
import type { Kysely } from 'kysely';
import { runStatement } from './raw-statement.js';
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

// A batch is written in INSERTs of these row counts (largest first), so that
// a handful of fixed texts serve every batch size and stay prepared.
const CHUNK_ROWS = [64, 16, 4, 1];
const COLUMNS = ['id', 'client_id', 'user_id', 'report_id', 'operation', 'permissible_purpose', 'request_id', 'at'] as const;
const insertText = (rows: number) =>
  `insert into access_log (${COLUMNS.join(', ')}) values ${new Array(rows).fill(`(${COLUMNS.map(() => '?').join(', ')})`).join(', ')}`;
const INSERTS = new Map(CHUNK_ROWS.map((rows) => [rows, insertText(rows)]));

export function accessLogWriter(db: Kysely<Database>): AccessLogWriter {
  let waiting: Array<{ entry: AccessLogEntry; resolve: () => void; reject: (error: unknown) => void }> = [];

  async function commit(): Promise<void> {
    const batch = waiting;
    waiting = [];
    try {
      await db.transaction().execute(async (trx) => {
        let start = 0;
        for (const rows of CHUNK_ROWS) {
          for (; batch.length - start >= rows; start += rows) {
            // Built field by field: this runs for every report read.
            const parameters: unknown[] = [];
            for (let i = start; i < start + rows; i += 1) {
              const e = batch[i].entry;
              parameters.push(e.id, e.clientId, e.userId, e.reportId, e.operation, e.permissiblePurpose, e.requestId, e.at);
            }
            await runStatement(trx, INSERTS.get(rows)!, parameters);
          }
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
