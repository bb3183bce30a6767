// LendScore (`/cra/check_report/lend_score/get` → `report`) and the legacy Check Score inside
// Cash Flow Insights. The scorecard is in scorecard.ts; this file decides when there is enough
// data to score and shapes the wire objects (`LendScore`: {score, reason_codes, error_reason}).

import { cashflowAttributes, type ReportAnalysis } from '../analysis.js';
import { productFailure, type ProductResult } from '../product-result.js';
import { scoreAttributes, type ScorecardVersion } from './scorecard.js';

export type LendScoreVersion = 'LS1' | 'v1.0' | 'v2.0';

/** LS1 and v1.0 are the same model (brief §G.14); v2.0 re-weights it. */
export function scorecardVersion(version: string | null | undefined): ScorecardVersion {
  return version === 'v2.0' ? 'v2' : 'v1';
}

const MIN_HISTORY_DAYS = 60;
const MIN_TRANSACTIONS = 10;
const RECENT_DAYS = 90;

/**
 * Why the data cannot be scored, or null when it can. A score needs at least 60 days of
 * depository history, at least 10 posted depository transactions in the report, and at least one
 * in the last 90 days.
 */
export function insufficientDataReason(analysis: ReportAnalysis): string | null {
  const { data } = analysis;
  const depository = data.accounts.filter((a) => a.type === 'depository');
  const ids = new Set(depository.map((a) => a.accountId));
  const posted = data.transactions.filter((t) => !t.pending && ids.has(t.accountId));
  if (Math.max(0, ...depository.map((a) => a.daysAvailable)) < MIN_HISTORY_DAYS) {
    return `INSUFFICIENT_HISTORY: less than ${MIN_HISTORY_DAYS} days of depository transaction history`;
  }
  if (posted.length < MIN_TRANSACTIONS) return `INSUFFICIENT_TRANSACTIONS: fewer than ${MIN_TRANSACTIONS} posted depository transactions`;
  if (!posted.some((t) => t.day > data.window.reportDay - RECENT_DAYS)) return `NO_RECENT_ACTIVITY: no depository transactions in the last ${RECENT_DAYS} days`;
  return null;
}

export interface LendScoreWire {
  score: number | null;
  reason_codes: string[];
  error_reason: string | null;
}

/** The `LendScore` object (also the Check Score's shape). */
export function lendScoreObject(analysis: ReportAnalysis, version: ScorecardVersion): LendScoreWire {
  const reason = insufficientDataReason(analysis);
  if (reason !== null) return { score: null, reason_codes: [], error_reason: reason };
  const card = scoreAttributes(cashflowAttributes(analysis, 'v2'), version);
  return { score: card.score, reason_codes: card.reasonCodes, error_reason: null };
}

export interface LendScoreInput {
  analysis: ReportAnalysis;
  generatedTime: string;
  version: string | null;
}

/** Fails with NO_ACCOUNTS without a depository account; thin data gives `error_reason` instead of a score. */
export function computeLendScore(input: LendScoreInput): ProductResult<Record<string, unknown>> {
  const { data } = input.analysis;
  if (!data.accounts.some((a) => a.type === 'depository')) {
    return productFailure('NO_ACCOUNTS', 'No depository accounts were found for this user, so LendScore cannot be generated');
  }
  return {
    ok: true,
    report: {
      report_id: data.reportId,
      generated_time: input.generatedTime,
      lend_score: lendScoreObject(input.analysis, scorecardVersion(input.version)),
    },
  };
}
