// The consumer report lifecycle (brief §A.4): create → pending → (job)
// ready | failed, announced by a CHECK_REPORT webhook; gets read the user's
// most recently created report for 24 hours after generation.
import { setImmediate } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { computeBaseReport, computeReportWarnings, evaluateReportOutcome } from '../domain/reports/base-report.js';
import { newReportId, newTimeOrderedId } from '../identifiers.js';
import type { JobOutcome } from '../jobs/job-queue.js';
import { createRepositories } from '../store/repositories/index.js';
import type { Database } from '../store/schema.js';
import type { ReportRecord } from '../store/repositories/reports.js';
import type { UserRecord } from '../store/repositories/users.js';
import { isoNow, type OperationDeps } from './deps.js';
import { PlaidError, isPlaidErrorCode, renderPlaidError, type PlaidErrorCode } from './plaid-errors.js';
import { resolveUser, type UserReference } from './users.js';
import { recordWebhook } from './webhooks.js';

export const REPORT_QUEUE = 'check-report.generate';
/** Plaid: a report is readable for 24 hours after it was generated. */
export const REPORT_TTL_MS = 24 * 60 * 60 * 1000;
const MIN_DAYS_REQUESTED = 180;

/** Products that may be built eagerly at create (brief §B). */
export const CRA_PRODUCTS = new Set([
  'cra_base_report',
  'cra_income_insights',
  'cra_partner_insights',
  'cra_network_insights',
  'cra_cashflow_insights',
  'cra_lend_score',
  'cra_monitoring',
  'cra_plaid_credit_score',
]);

/**
 * Builds one eager insight product from the Base Report. A builder that
 * throws marks its product failed without failing the Base Report.
 */
export type EagerProductBuilder = (deps: OperationDeps, report: ReportRecord, baseReportBody: string) => Promise<void>;
/** Builders keyed by product name; a requested product without one fails. */
export type EagerProductBuilders = ReadonlyMap<string, EagerProductBuilder>;

export interface CreateCheckReportInput extends UserReference {
  request: Record<string, any>;
  requestId: string;
}

let sequenceCounter = 0;

export async function createCheckReport(deps: OperationDeps, clientId: string, input: CreateCheckReportInput): Promise<{ reportId: string }> {
  const request = input.request;
  if (request.days_requested < 0) throw new PlaidError('INVALID_FIELD', 'days_requested must be >= 0');
  if (request.days_required != null && request.days_required < 0) throw new PlaidError('INVALID_FIELD', 'days_required must be >= 0');
  const products: string[] = request.products ?? [];
  const notCra = products.filter((p) => !CRA_PRODUCTS.has(p));
  if (notCra.length > 0) throw new PlaidError('INVALID_PRODUCT', `products must be Plaid Check products; not allowed: ${notCra.join(', ')}`);
  const user = await resolveUser(deps, clientId, input);

  const nowMs = deps.clock.nowMs();
  const now = new Date(nowMs).toISOString();
  const reportId = newReportId(nowMs);
  // Stored without credentials: what the report was asked to be.
  const { client_id: _id, secret: _secret, ...stored } = request;
  const sequence = nowMs * 1000 + (sequenceCounter++ % 1000);
  // Creates that arrive together commit together (group commit on SQLite); each answers once its rows are durable.
  await deps.store.groupCommit(async (trx) => {
    const repos = createRepositories(trx, deps.store.readCaches);
    await repos.reports.insertPending({ reportId, clientId, userId: user.userId, createdAt: now, sequence, request: stored });
    await deps.jobs.enqueue(trx, { queue: REPORT_QUEUE, payload: { reportId }, maxAttempts: 5 });
    // Creating (or refreshing) a report is billable; partner insights bill at create too.
    for (const product of ['cra_base_report', ...products.filter((p) => p === 'cra_partner_insights')]) {
      await repos.reports.bill({ id: newTimeOrderedId(nowMs), clientId, userId: user.userId, reportId, product, at: now });
    }
    await repos.reports.logAccess({
      id: newTimeOrderedId(nowMs),
      clientId,
      userId: user.userId,
      reportId,
      operation: '/cra/check_report/create',
      permissiblePurpose: request.consumer_report_permissible_purpose,
      requestId: input.requestId,
      at: now,
    });
  });
  deps.jobs.notify();
  return { reportId };
}

const FAILURE_CODE: Record<string, PlaidErrorCode> = {
  NO_ACCOUNTS: 'NO_ACCOUNTS',
  INSTITUTION_TRANSACTION_HISTORY_NOT_SUPPORTED: 'INSTITUTION_TRANSACTION_HISTORY_NOT_SUPPORTED',
  // require_identity failures have no documented code; DATA_UNAVAILABLE is ours (brief §D.2).
  IDENTITY_UNAVAILABLE: 'DATA_UNAVAILABLE',
};

const FAILURE_MESSAGE: Record<string, string> = {
  NO_ACCOUNTS: 'No accounts were found for this user',
  INSTITUTION_TRANSACTION_HISTORY_NOT_SUPPORTED:
    'the available transaction history is shorter than days_required; lower days_required and create the report again',
  IDENTITY_UNAVAILABLE: 'base_report.require_identity was set and no account owner identity is available for this user',
};

function effectiveDaysRequested(request: Record<string, any>): number {
  return Math.max(MIN_DAYS_REQUESTED, Number(request.days_requested));
}

function clientReportId(request: Record<string, any>): string | null {
  return request.client_report_id ?? request.base_report?.client_report_id ?? null;
}

/**
 * The job: builds the Base Report and eager products; the outcome it returns
 * finishes the report and records its webhook in the transaction that also
 * finishes the job, so both commit together (or neither, and the job runs again).
 */
export async function generateCheckReport(deps: OperationDeps, eagerBuilders: EagerProductBuilders, reportId: string): Promise<JobOutcome | void> {
  // The create that enqueued this job has its answer waiting to be written: let I/O go first.
  await setImmediate();
  const report = await deps.repos.reports.findById(reportId);
  if (!report || report.state !== 'pending') return; // already finished (at-least-once delivery of jobs)
  const user = await deps.repos.users.findById(report.clientId, report.userId);
  if (!user) return; // removed meanwhile: its reports went with it
  const request = report.request;
  const items = await deps.repos.items.linkedItemsForUser(report.clientId, report.userId);
  const generatedAt = isoNow(deps.clock);
  const daysRequested = effectiveDaysRequested(request);
  const requested: string[] = request.products ?? [];
  const eager = [...new Set(requested.filter((p) => p !== 'cra_base_report'))];

  const outcome = evaluateReportOutcome({
    items,
    generatedAt,
    daysRequested,
    daysRequired: request.days_required ?? null,
    requireIdentity: request.base_report?.require_identity === true,
  });
  if (!outcome.ok) {
    const failedProducts = ['cra_base_report', ...eager];
    return { record: (trx) => finishFailed(trx, deps, report, user, items.map((i) => i.item.itemId), generatedAt, outcome.reason, failedProducts) };
  }

  const baseReport = computeBaseReport({
    reportId,
    generatedAt,
    daysRequested,
    clientReportId: clientReportId(request),
    items,
    includeInvestments: request.include_investments === true,
  });
  const body = JSON.stringify({ report: baseReport, warnings: computeReportWarnings(items) });

  // Eager products are built before the report is announced (brief §A.4).
  const successful = ['cra_base_report'];
  const failed: string[] = [];
  for (const product of eager) {
    const builder = eagerBuilders.get(product);
    if (!builder) {
      failed.push(product);
      continue;
    }
    try {
      await builder(deps, { ...report, generatedAt }, body);
      const stored = await deps.repos.reports.product(reportId, product);
      (stored?.state === 'ready' ? successful : failed).push(product);
    } catch (error) {
      deps.log.warn({ report_id: reportId, product, err: error }, 'eager product failed');
      failed.push(product);
    }
  }

  const expiresAt = new Date(Date.parse(generatedAt) + REPORT_TTL_MS).toISOString();
  return {
    async record(trx) {
      const finished = await createRepositories(trx, deps.store.readCaches).reports.finish(report, {
        state: 'ready',
        generatedAt,
        expiresAt,
        baseReport: body,
        successfulProducts: successful,
        failedProducts: failed,
      });
      if (!finished) return;
      await recordWebhook(trx, deps, {
        clientId: report.clientId,
        userId: report.userId,
        reportId,
        url: request.webhook,
        body: readyWebhook(user, items.map((i) => i.item.itemId), successful, failed),
      });
      // The delivery job is claimed once this commits.
      deps.jobs.notify();
    },
  };
}

async function finishFailed(
  trx: Kysely<Database>,
  deps: OperationDeps,
  report: ReportRecord,
  user: UserRecord,
  itemIds: string[],
  generatedAt: string,
  reason: string,
  failedProducts: string[],
): Promise<void> {
  const code = FAILURE_CODE[reason] ?? 'DATA_UNAVAILABLE';
  const message = FAILURE_MESSAGE[reason] ?? 'the report could not be generated';
  const finished = await createRepositories(trx, deps.store.readCaches).reports.finish(report, {
    state: 'failed',
    generatedAt,
    failureCode: code,
    failureMessage: message,
    failedProducts,
  });
  if (!finished) return;
  await recordWebhook(trx, deps, {
    clientId: report.clientId,
    userId: report.userId,
    reportId: report.reportId,
    url: report.request.webhook,
    body: failedWebhook(user, itemIds, new PlaidError(code, message)),
  });
  deps.jobs.notify();
}

/** New-API users get USER_CHECK_REPORT_*; legacy user_token users the CHECK_REPORT_* codes (brief §G.8). */
function webhookCode(user: UserRecord, outcome: 'READY' | 'FAILED'): string {
  return user.api === 'legacy' ? `CHECK_REPORT_${outcome}` : `USER_CHECK_REPORT_${outcome}`;
}

function readyWebhook(user: UserRecord, itemIds: string[], successful: string[], failed: string[]): Record<string, unknown> {
  return {
    webhook_type: 'CHECK_REPORT',
    webhook_code: webhookCode(user, 'READY'),
    user_id: user.userId,
    successful_products: successful,
    failed_products: failed,
    item_ids: itemIds,
    environment: 'sandbox',
  };
}

function failedWebhook(user: UserRecord, itemIds: string[], error: PlaidError): Record<string, unknown> {
  return {
    webhook_type: 'CHECK_REPORT',
    webhook_code: webhookCode(user, 'FAILED'),
    user_id: user.userId,
    item_ids: itemIds,
    // Additive and unverified in Plaid's docs (brief §G.9); receivers ignore unknown fields.
    error: renderPlaidError(error, null),
    environment: 'sandbox',
  };
}

export interface ReportReadOptions {
  /** Serve the previous ready report while a newer one is generating (opencheck option; off = Plaid's documented behaviour). */
  servePreviousWhileGenerating: boolean;
}

/**
 * The report a product get reads, or Plaid's error for its state: not found,
 * not ready, failed, or expired.
 */
export async function readableReport(
  deps: OperationDeps,
  clientId: string,
  ref: UserReference,
  operation: string,
  requestId: string,
  options: ReportReadOptions,
): Promise<ReportRecord> {
  const user = await resolveUser(deps, clientId, ref);
  let report = await deps.repos.reports.latestForUser(clientId, user.userId);
  if (report?.state === 'pending' && options.servePreviousWhileGenerating) {
    report = (await deps.repos.reports.latestReadyForUser(clientId, user.userId)) ?? report;
  }
  const readAtMs = deps.clock.nowMs();
  await deps.accessLog.append({
    id: newTimeOrderedId(readAtMs),
    clientId,
    userId: user.userId,
    reportId: report?.reportId ?? null,
    operation,
    permissiblePurpose: report?.request.consumer_report_permissible_purpose ?? null,
    requestId,
    at: new Date(readAtMs).toISOString(),
  });
  if (!report) throw new PlaidError('CONSUMER_REPORT_NOT_FOUND');
  if (report.state === 'pending') throw new PlaidError('PRODUCT_NOT_READY');
  if (report.state === 'failed') {
    const code = report.failureCode && isPlaidErrorCode(report.failureCode) ? report.failureCode : 'DATA_UNAVAILABLE';
    throw new PlaidError(code, report.failureMessage ?? undefined);
  }
  if (report.expiresAt !== null && isoNow(deps.clock) >= report.expiresAt) throw new PlaidError('CONSUMER_REPORT_EXPIRED');
  return report;
}

/** The stored Base Report body, narrowed to some Items when asked. */
export async function baseReportBody(deps: OperationDeps, report: ReportRecord, itemIds: string[] | null): Promise<string> {
  const body = await deps.repos.reports.baseReportBody(report.reportId);
  if (body === null) throw new Error(`ready report ${report.reportId} has no body`);
  if (!itemIds) return body;
  const parsed = JSON.parse(body);
  const known = new Set(parsed.report.items.map((i: { item_id: string }) => i.item_id));
  const unknown = itemIds.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new PlaidError('INVALID_FIELD', `item_ids contains Items that are not in the report: ${unknown.join(', ')}`);
  parsed.report.items = parsed.report.items.filter((i: { item_id: string }) => itemIds.includes(i.item_id));
  parsed.warnings = parsed.warnings.filter((w: { cause?: { item_id?: string } | null }) => !w.cause?.item_id || itemIds.includes(w.cause.item_id));
  return JSON.stringify(parsed);
}
