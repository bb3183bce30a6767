// Report PDFs (brief §C.0): `/cra/check_report/pdf/get` and its legacy twin
// `/consumer_report/pdf/get` (the consumer report), and `/cra/check_report/verification/pdf/get`
// (the home-lending verification reports). Each reads the user's current report like any product
// get — same state errors, same access log — and renders it with src/pdf. PDFs are not stored or
// billed: they are views of data the client already pays for.

import type { BaseReport, BaseReportWarning } from '../domain/reports/base-report-wire.js';
import type { VerificationReportType } from '../domain/verification/verification-wire.js';
import { ADD_ON_TITLES, type AddOnProduct, type AddOnSection } from '../pdf/add-on-sections.js';
import { renderConsumerReportPdf } from '../pdf/consumer-report-pdf.js';
import { renderVerificationPdf, type VerificationPdfSection } from '../pdf/verification-pdf.js';
import type { ReportRecord } from '../store/repositories/reports.js';
import { baseReportBody, readableReport } from './check-reports.js';
import type { OperationDeps } from './deps.js';
import { PlaidError } from './plaid-errors.js';
import type { UserReference } from './users.js';
import { getVerificationReport } from './verification.js';

export interface ConsumerReportPdfRequest extends UserReference {
  /** `add_ons`: sections for these products when they exist. */
  addOns: readonly string[];
  operation: string;
  requestId: string;
}

/** The consumer report PDF of the user's current report. */
export async function consumerReportPdf(deps: OperationDeps, clientId: string, input: ConsumerReportPdfRequest): Promise<Buffer> {
  const record = await readableReport(deps, clientId, input, input.operation, input.requestId, {
    servePreviousWhileGenerating: deps.config.reports.servePreviousWhileGenerating,
  });
  const stored = JSON.parse(await baseReportBody(deps, record, null)) as { report: BaseReport; warnings?: BaseReportWarning[] };
  const addOns: AddOnSection[] = [];
  for (const product of new Set(input.addOns)) {
    if (!(product in ADD_ON_TITLES)) throw new PlaidError('INVALID_FIELD', `add_ons may contain only ${Object.keys(ADD_ON_TITLES).join(', ')}`);
    addOns.push(await addOnSection(deps, record, product as AddOnProduct));
  }
  return renderConsumerReportPdf({
    report: stored.report,
    warnings: stored.warnings ?? [],
    userId: record.userId,
    permissiblePurpose: record.request.consumer_report_permissible_purpose ?? null,
    addOns,
  });
}

/** An add-on as it stands: the stored product's report, its failure, or not generated. Never builds it. */
async function addOnSection(deps: OperationDeps, record: ReportRecord, product: AddOnProduct): Promise<AddOnSection> {
  const stored = await deps.repos.reports.product(record.reportId, product);
  if (!stored) return { product, state: 'not_generated' };
  if (stored.state !== 'ready' || stored.body === null) {
    return { product, state: 'failed', code: stored.failure_code ?? 'PRODUCT_GENERATION_FAILED', message: stored.failure_message ?? '' };
  }
  return { product, state: 'ready', report: JSON.parse(stored.body).report };
}

/** The combinations the contract documents for `reports_requested` (brief §C.0). */
const PDF_COMBINATIONS: ReadonlyArray<readonly VerificationPdfSection[]> = [['voa'], ['employment_refresh'], ['income'], ['voa', 'income']];

export interface VerificationPdfRequest extends UserReference {
  reportsRequested: readonly string[] | null;
  /** Deprecated single `report_requested`; used when `reports_requested` is absent. */
  reportRequested: string | null;
  operation: string;
  requestId: string;
}

/** The sections a verification PDF request asks for, or the request's error. */
export function verificationPdfSections(input: Pick<VerificationPdfRequest, 'reportsRequested' | 'reportRequested'>): VerificationPdfSection[] {
  const asked = input.reportsRequested ?? (input.reportRequested === null ? null : [input.reportRequested]);
  if (asked === null) throw new PlaidError('MISSING_FIELDS', 'the following required fields are missing: reports_requested');
  const match = PDF_COMBINATIONS.find((c) => c.length === asked.length && c.every((s) => asked.includes(s)));
  if (!match) {
    throw new PlaidError('INVALID_FIELD', `reports_requested must be one of ${PDF_COMBINATIONS.map((c) => `[${c.join(', ')}]`).join(', ')}`);
  }
  return [...match];
}

/** The verification report PDF of the user's current report. */
export async function verificationReportPdf(deps: OperationDeps, clientId: string, input: VerificationPdfRequest): Promise<Buffer> {
  const sections = verificationPdfSections(input);
  const result = await getVerificationReport(deps, clientId, {
    userId: input.userId,
    userToken: input.userToken,
    reportsRequested: sections.map((s) => s.toUpperCase() as VerificationReportType),
    employmentRefreshDays: null,
    employmentRefreshFallback: 'report',
    operation: input.operation,
    requestId: input.requestId,
  });
  return renderVerificationPdf({
    verification: result.report,
    sections,
    userId: result.record.userId,
    permissiblePurpose: result.record.request.consumer_report_permissible_purpose ?? null,
    generatedAt: result.baseReport.date_generated,
  });
}
