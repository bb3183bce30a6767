// Consumer reports, their lazily built products, the FCRA access log and
// billing events. Reads are scoped to one API client.
import type { Kysely, Selectable } from 'kysely';
import type { Database, ReportsTable } from '../schema.js';
import { insertAccessLogEntries, type AccessLogEntry } from '../access-log-writer.js';
import { cachedRead, userKey, type StoreReadCaches } from '../read-cache.js';
import { runCounting, runStatement } from '../raw-statement.js';
import { isDuplicateKey } from '../store-errors.js';

export type ReportState = 'pending' | 'ready' | 'failed';

export interface ReportRecord {
  reportId: string;
  clientId: string;
  userId: string;
  state: ReportState;
  createdAt: string;
  generatedAt: string | null;
  expiresAt: string | null;
  /** The create request as stored (wire snake_case, credentials removed). */
  request: Record<string, any>;
  successfulProducts: string[] | null;
  failedProducts: string[] | null;
  failureCode: string | null;
  failureMessage: string | null;
}

function toRecord(row: Omit<Selectable<ReportsTable>, 'base_report'>): ReportRecord {
  return {
    reportId: row.report_id,
    clientId: row.client_id,
    userId: row.user_id,
    state: row.state as ReportState,
    createdAt: row.created_at,
    generatedAt: row.generated_at,
    expiresAt: row.expires_at,
    request: JSON.parse(row.request),
    successfulProducts: row.successful_products === null ? null : JSON.parse(row.successful_products),
    failedProducts: row.failed_products === null ? null : JSON.parse(row.failed_products),
    failureCode: row.failure_code,
    failureMessage: row.failure_message,
  };
}

const RECORD_COLUMNS = [
  'report_id', 'client_id', 'user_id', 'state', 'created_at', 'sequence', 'generated_at', 'expires_at', 'request',
  'successful_products', 'failed_products', 'failure_code', 'failure_message',
] as const;
const FIND_BY_ID = `select ${RECORD_COLUMNS.join(', ')} from reports where report_id = ?`;
// Fixed texts for the writes every create and every report job make (see raw-statement.ts).
const INSERT_PENDING = `insert into reports (report_id, client_id, user_id, state, created_at, sequence, request) values (?, ?, ?, 'pending', ?, ?, ?)`;
const FINISH_READY = `update reports set state = 'ready', generated_at = ?, expires_at = ?, base_report = ?, successful_products = ?, failed_products = ?
  where report_id = ? and state = 'pending'`;
const FINISH_FAILED = `update reports set state = 'failed', generated_at = ?, failure_code = ?, failure_message = ?, successful_products = '[]', failed_products = ?
  where report_id = ? and state = 'pending'`;
const INSERT_BILLING_EVENT = `insert into billing_events (id, client_id, user_id, report_id, product, at) values (?, ?, ?, ?, ?, ?)`;

export function reportsRepository(db: Kysely<Database>, caches: StoreReadCaches | null) {
  /** Which report is the user's latest (ready) one may have changed. */
  const forget = (owner: { clientId: string; userId: string }) => {
    const key = userKey(owner.clientId, owner.userId);
    caches?.latestReport.invalidate(key);
    caches?.latestReadyReport.invalidate(key);
  };
  const latest = (clientId: string, userId: string, readyOnly: boolean): Promise<ReportRecord | null> =>
    cachedRead(readyOnly ? caches?.latestReadyReport ?? null : caches?.latestReport ?? null, db.isTransaction, userKey(clientId, userId), async () => {
      let query = db.selectFrom('reports').select(RECORD_COLUMNS).where('client_id', '=', clientId).where('user_id', '=', userId);
      if (readyOnly) query = query.where('state', '=', 'ready');
      const row = await query.orderBy('sequence', 'desc').limit(1).executeTakeFirst();
      return row ? toRecord(row) : null;
    });
  return {
    async insertPending(report: { reportId: string; clientId: string; userId: string; createdAt: string; sequence: number; request: Record<string, unknown> }): Promise<void> {
      forget(report);
      await runStatement(db, INSERT_PENDING, [report.reportId, report.clientId, report.userId, report.createdAt, report.sequence, JSON.stringify(report.request)]);
    },

    async findById(reportId: string): Promise<ReportRecord | null> {
      // Fixed text: the report job reads its report by id once per report.
      const [row] = await runStatement<Pick<Selectable<ReportsTable>, (typeof RECORD_COLUMNS)[number]>>(db, FIND_BY_ID, [reportId]);
      return row ? toRecord(row) : null;
    },

    /** The user's most recently created report. */
    latestForUser: (clientId: string, userId: string) => latest(clientId, userId, false),

    /** The user's most recently created report that became ready. */
    latestReadyForUser: (clientId: string, userId: string) => latest(clientId, userId, true),

    async baseReportBody(reportId: string): Promise<string | null> {
      const row = await db.selectFrom('reports').select('base_report').where('report_id', '=', reportId).executeTakeFirst();
      return row?.base_report ?? null;
    },

    /**
     * Finishes a pending report. Returns false when it was no longer pending
     * (another worker finished it), so only one finisher announces it.
     */
    async finish(
      report: { reportId: string; clientId: string; userId: string },
      outcome:
        | { state: 'ready'; generatedAt: string; expiresAt: string; baseReport: string; successfulProducts: string[]; failedProducts: string[] }
        | { state: 'failed'; generatedAt: string; failureCode: string; failureMessage: string; failedProducts: string[] },
    ): Promise<boolean> {
      forget(report);
      const updated =
        outcome.state === 'ready'
          ? await runCounting(db, FINISH_READY, [
              outcome.generatedAt,
              outcome.expiresAt,
              outcome.baseReport,
              JSON.stringify(outcome.successfulProducts),
              JSON.stringify(outcome.failedProducts),
              report.reportId,
            ])
          : await runCounting(db, FINISH_FAILED, [
              outcome.generatedAt,
              outcome.failureCode,
              outcome.failureMessage,
              JSON.stringify(outcome.failedProducts),
              report.reportId,
            ]);
      return updated === 1;
    },

    async product(reportId: string, product: string) {
      return db.selectFrom('report_products').selectAll().where('report_id', '=', reportId).where('product', '=', product).executeTakeFirst();
    },

    /** Stores a built product; the first writer wins (a concurrent build of the same product is dropped). */
    async saveProduct(row: { reportId: string; product: string; state: 'ready' | 'failed'; body: string | null; failureCode: string | null; failureMessage: string | null; generatedAt: string }): Promise<void> {
      try {
        await db
          .insertInto('report_products')
          .values({
            report_id: row.reportId,
            product: row.product,
            state: row.state,
            body: row.body,
            failure_code: row.failureCode,
            failure_message: row.failureMessage,
            generated_at: row.generatedAt,
          })
          .execute();
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    },

    /** One entry inside the caller's transaction (a create logs its access atomically with the report). */
    async logAccess(entry: AccessLogEntry): Promise<void> {
      await insertAccessLogEntries(db, [entry]);
    },

    async accessLog(clientId: string, filter: { userId?: string; limit: number }) {
      let query = db.selectFrom('access_log').selectAll().where('client_id', '=', clientId);
      if (filter.userId) query = query.where('user_id', '=', filter.userId);
      return query.orderBy('at', 'desc').orderBy('id').limit(filter.limit).execute();
    },

    /** Records a billable event once per report and product. Returns true when newly recorded. */
    async bill(event: { id: string; clientId: string; userId: string; reportId: string; product: string; at: string }): Promise<boolean> {
      try {
        await runStatement(db, INSERT_BILLING_EVENT, [event.id, event.clientId, event.userId, event.reportId, event.product, event.at]);
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    },

    async billingEvents(clientId: string, filter: { userId?: string; limit: number }) {
      let query = db.selectFrom('billing_events').selectAll().where('client_id', '=', clientId);
      if (filter.userId) query = query.where('user_id', '=', filter.userId);
      return query.orderBy('at', 'desc').orderBy('id').limit(filter.limit).execute();
    },
  };
}
export type ReportsRepository = ReturnType<typeof reportsRepository>;
