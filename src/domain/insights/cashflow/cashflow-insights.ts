// Cash Flow Insights (`/cra/check_report/cashflow_insights/get` → `report`): the attribute map of
// the requested catalogue version, and the legacy Check Score when `plaid_check_score_version`
// asks for it (older contracts: `report.plaid_check_score`).

import { cashflowAttributes, type ReportAnalysis } from '../analysis.js';
import { depositoryDataProblem, type ProductResult } from '../product-result.js';
import { lendScoreObject } from '../scoring/lend-score.js';
import type { CatalogueVersion } from './catalogue.js';

/** CFI1 and v1.0 are the same catalogue (brief §G.14); v2.0 adds to it. Absent = CFI1. */
export function catalogueVersion(version: string | null | undefined): CatalogueVersion {
  return version === 'v2.0' ? 'v2' : 'v1';
}

export interface CashflowInsightsInput {
  analysis: ReportAnalysis;
  generatedTime: string;
  attributesVersion: string | null;
  /** `plaid_check_score_version` (v1.0 | v2.0), or null for no Check Score. */
  checkScoreVersion: string | null;
}

export function computeCashflowInsights(input: CashflowInsightsInput): ProductResult<Record<string, unknown>> {
  const { data } = input.analysis;
  const problem = depositoryDataProblem(data, 'Cash Flow Insights');
  if (problem) return problem;
  const report: Record<string, unknown> = {
    report_id: data.reportId,
    generated_time: input.generatedTime,
    attributes: cashflowAttributes(input.analysis, catalogueVersion(input.attributesVersion)),
  };
  if (input.checkScoreVersion) {
    report.plaid_check_score = lendScoreObject(input.analysis, input.checkScoreVersion === 'v2.0' ? 'v2' : 'v1');
  }
  return { ok: true, report };
}
