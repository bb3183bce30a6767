// `/cra/check_report/verification/get` → `report`: the home-lending verification sections of a
// consumer report, computed from its ready Base Report. Pure: the caller supplies the Base Report,
// what was asked for, and (for INCOME) the Income Insights report, which another module computes.

import { createHash } from 'node:crypto';
import type * as base from '../reports/base-report-wire.js';
import { computeEmploymentRefresh } from './employment-refresh.js';
import { computeVoa } from './voa.js';
import type * as wire from './verification-wire.js';

export interface VerificationInput {
  report: base.BaseReport;
  reportsRequested: readonly wire.VerificationReportType[];
  /** Days of payroll deposits for EMPLOYMENT_REFRESH; required when it is requested. */
  employmentRefreshDays: number | null;
  /** Whether the report was created with `base_report.gse_options` (mints `gse_reference_id`). */
  gseShareable: boolean;
  /** The II2 Income Insights report (`CraIncomeInsights`), required when INCOME is requested. */
  incomeInsights: Record<string, unknown> | null;
}

/**
 * Computes the verification report. Sections not requested are null. Each section's
 * `generated_time` is the Base Report's `date_generated`: every section describes that snapshot.
 */
export function computeVerificationReport(input: VerificationInput): wire.VerificationReport {
  const wants = new Set(input.reportsRequested);
  const report: wire.VerificationReport = {
    report_id: input.report.report_id,
    client_report_id: input.report.client_report_id,
    voa: null,
    employment_refresh: null,
    income: null,
  };
  if (input.gseShareable) report.gse_reference_id = gseReferenceId(input.report.report_id);
  if (wants.has('VOA')) report.voa = computeVoa(input.report);
  if (wants.has('EMPLOYMENT_REFRESH')) {
    if (input.employmentRefreshDays === null) throw new Error('EMPLOYMENT_REFRESH needs employmentRefreshDays');
    report.employment_refresh = computeEmploymentRefresh(input.report, input.employmentRefreshDays);
  }
  if (wants.has('INCOME')) {
    if (input.incomeInsights === null) throw new Error('INCOME needs the Income Insights report');
    report.income = verificationIncome(input.incomeInsights);
  }
  return report;
}

/**
 * `gse_reference_id`: the id a GSE (Fannie Mae, Freddie Mac) uses to fetch the shared report.
 * Plaid mints it at create; opencheck derives it from the report id (UUID-shaped, version 4
 * bits set), so it is stable for the life of the report and needs no storage.
 */
export function gseReferenceId(reportId: string): string {
  const hex = createHash('sha256').update(`gse_reference_id|${reportId}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

type Json = Record<string, unknown>;

/**
 * `CraVerificationIncomeReport` from an II2 Income Insights report: the same streams and summary;
 * the report-level ids (already on the verification report) and the II1 legacy fields are dropped.
 */
export function verificationIncome(incomeInsights: Json): Json {
  const items = Array.isArray(incomeInsights.items) ? (incomeInsights.items as Json[]) : [];
  return {
    generated_time: incomeInsights.generated_time,
    days_requested: incomeInsights.days_requested,
    user_summary: incomeInsights.user_summary ?? null,
    income_streams: incomeInsights.income_streams ?? [],
    items: items.map((item) => ({
      item_id: item.item_id,
      accounts: item.accounts ?? [],
      last_updated_time: item.last_updated_time,
      institution_id: item.institution_id,
      institution_name: item.institution_name,
    })),
  };
}
