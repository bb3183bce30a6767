// Home-lending verification reports (brief §C.0, §C.2): `/cra/check_report/verification/get`
// and the data behind `/cra/check_report/verification/pdf/get`.
//
// Every section is computed on request from the report's stored Base Report, so it describes the
// same snapshot as every other product of the report and needs no storage of its own;
// `home_lending_report_options` at create therefore "pre-builds" nothing, but its
// `employment_refresh_options` is the default for gets that give none. INCOME reuses Income
// Insights (II2), with the create request's `income_insights` filter.

import type { BaseReport, BaseReportWarning } from '../domain/reports/base-report-wire.js';
import { computeIncomeInsights } from '../domain/insights/income/income-insights.js';
import { insightsDataFromBaseReport } from '../domain/insights/insights-data.js';
import { computeVerificationReport } from '../domain/verification/verification-report.js';
import type { VerificationReport, VerificationReportType } from '../domain/verification/verification-wire.js';
import type { ReportRecord } from '../store/repositories/reports.js';
import { baseReportBody, readableReport } from './check-reports.js';
import type { OperationDeps } from './deps.js';
import { PlaidError, isPlaidErrorCode } from './plaid-errors.js';
import type { UserReference } from './users.js';

type Json = Record<string, any>;

export const MAX_EMPLOYMENT_REFRESH_DAYS = 731;

export interface VerificationGetInput extends UserReference {
  reportsRequested: VerificationReportType[];
  /** `employment_refresh_options.days_requested` of the get, if given. */
  employmentRefreshDays: number | null;
  /**
   * When neither the get nor the create gave Employment Refresh days: `required` fails with
   * MISSING_FIELDS (the JSON get, as Plaid documents); `report` uses the report's days (the PDF
   * get, whose request cannot carry them).
   */
  employmentRefreshFallback: 'required' | 'report';
  /** The Plaid path, for the access log. */
  operation: string;
  requestId: string;
}

export interface VerificationResult {
  report: VerificationReport;
  warnings: Json[];
  /** The consumer report it was computed from (for PDF headers). */
  record: ReportRecord;
  baseReport: BaseReport;
}

/** The report and warnings of `/cra/check_report/verification/get`. */
export async function getVerificationReport(deps: OperationDeps, clientId: string, input: VerificationGetInput): Promise<VerificationResult> {
  const wanted = [...new Set(input.reportsRequested)];
  if (wanted.length === 0) throw new PlaidError('INVALID_FIELD', 'reports_requested must contain at least one of VOA, EMPLOYMENT_REFRESH, INCOME');
  checkDays(input.employmentRefreshDays, 'employment_refresh_options.days_requested');

  const record = await readableReport(deps, clientId, input, input.operation, input.requestId, {
    servePreviousWhileGenerating: deps.config.reports.servePreviousWhileGenerating,
  });
  const stored = JSON.parse(await baseReportBody(deps, record, null)) as { report: BaseReport; warnings?: BaseReportWarning[] };
  const employmentRefreshDays = wanted.includes('EMPLOYMENT_REFRESH')
    ? resolveEmploymentRefreshDays(record, input.employmentRefreshDays, input.employmentRefreshFallback === 'report' ? stored.report.days_requested : null)
    : null;

  const report = computeVerificationReport({
    report: stored.report,
    reportsRequested: wanted,
    employmentRefreshDays,
    gseShareable: gseShareable(record),
    incomeInsights: wanted.includes('INCOME') ? incomeInsights(stored.report, record) : null,
  });
  return { report, warnings: checkReportWarnings(stored.warnings ?? []), record, baseReport: stored.report };
}

/** Whether the report was created with `base_report.gse_options`. */
export function gseShareable(record: ReportRecord): boolean {
  const options = record.request.base_report?.gse_options;
  return options !== undefined && options !== null;
}

/**
 * Employment Refresh days: the get's `employment_refresh_options`, else the create request's
 * `base_report.home_lending_report_options.employment_refresh_options`, else the fallback; Plaid
 * requires one when EMPLOYMENT_REFRESH is asked for.
 */
function resolveEmploymentRefreshDays(record: ReportRecord, fromGet: number | null, fallback: number | null): number {
  if (fromGet !== null) return fromGet;
  const fromCreate = createEmploymentRefreshDays(record);
  if (fromCreate !== null) return fromCreate;
  if (fallback !== null) return fallback;
  throw new PlaidError('MISSING_FIELDS', 'the following required fields are missing: employment_refresh_options.days_requested');
}

/** The create request's `home_lending_report_options.employment_refresh_options.days_requested`, if any. */
export function createEmploymentRefreshDays(record: ReportRecord): number | null {
  const days = record.request.base_report?.home_lending_report_options?.employment_refresh_options?.days_requested;
  return typeof days === 'number' ? days : null;
}

function checkDays(days: number | null, field: string): void {
  if (days === null) return;
  if (!Number.isInteger(days) || days < 1 || days > MAX_EMPLOYMENT_REFRESH_DAYS) {
    throw new PlaidError('INVALID_FIELD', `${field} must be an integer from 1 to ${MAX_EMPLOYMENT_REFRESH_DAYS}`);
  }
}

/** The II2 Income Insights report of the Base Report, or that product's failure as a PlaidError. */
function incomeInsights(report: BaseReport, record: ReportRecord): Json {
  const filter = record.request.income_insights?.income_insights_filter;
  const result = computeIncomeInsights({
    data: insightsDataFromBaseReport(report),
    generatedTime: report.date_generated,
    filter: filter ? { includedCategories: filter.included_categories ?? [], excludedCategories: filter.excluded_categories ?? null } : null,
  });
  if (!result.ok) throw new PlaidError(isPlaidErrorCode(result.code) ? result.code : 'PRODUCT_GENERATION_FAILED', result.message);
  return result.report;
}

/** The Base Report's warnings as the CHECK_REPORT_WARNINGs of a product response. */
function checkReportWarnings(warnings: readonly BaseReportWarning[]): Json[] {
  return warnings.map((w) => ({ warning_type: 'CHECK_REPORT_WARNING', warning_code: w.warning_code, cause: w.cause }));
}
