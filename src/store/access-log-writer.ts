// The FCRA access log gets a row for every report read. Written one INSERT at
// a time, each read would pay a commit of its own; here the reads that arrive
// together share one (group-commit.ts), on either database. A read still
// waits for its row to be committed before it answers, so no answered read
// goes unlogged.
import type { Kysely } from 'kysely';
import { groupCommitter } from './group-commit.js';
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

// A batch is written in INSERTs of these row counts (largest first), so that
// a handful of fixed texts serve every batch size and stay prepared.
const CHUNK_ROWS = [64, 16, 4, 1];
const COLUMNS = ['id', 'client_id', 'user_id', 'report_id', 'operation', 'permissible_purpose', 'request_id', 'at'] as const;
const insertText = (rows: number) =>
  `insert into access_log (${COLUMNS.join(', ')}) values ${new Array(rows).fill(`(${COLUMNS.map(() => '?').join(', ')})`).join(', ')}`;
const INSERTS = new Map(CHUNK_ROWS.map((rows) => [rows, insertText(rows)]));

/** Inserts entries through `db` (a connection or a transaction), in the fixed statements above. */
export async function insertAccessLogEntries(db: Kysely<Database>, entries: readonly AccessLogEntry[]): Promise<void> {
  let start = 0;
  for (const rows of CHUNK_ROWS) {
    for (; entries.length - start >= rows; start += rows) {
      // Built field by field: this runs for every report read.
      const parameters: unknown[] = [];
      for (let i = start; i < start + rows; i += 1) {
        const e = entries[i];
        parameters.push(e.id, e.clientId, e.userId, e.reportId, e.operation, e.permissiblePurpose, e.requestId, e.at);
      }
      await runStatement(db, INSERTS.get(rows)!, parameters);
    }
  }
}

export function accessLogWriter(db: Kysely<Database>): AccessLogWriter {
  // A group that cannot be written fails all its reads: each is answered with an error, none goes unlogged.
  const append = groupCommitter<AccessLogEntry, void>(
    db,
    async (trx, entries) => {
      await insertAccessLogEntries(trx, entries);
      return entries.map(() => undefined);
    },
    { retryAlone: false },
  );
  return { append };
}
