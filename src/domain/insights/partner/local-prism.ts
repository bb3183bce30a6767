// opencheck's local stand-in for Prism Data (CashScore, FirstDetect, Detect, Extend, Insights).
// LOCALLY MODELLED: these are not Prism's models, whose features, weights and reason codes are
// private. They are transparent scorecards over opencheck's own cash-flow attributes, shaped
// like Prism's results, so that integrations can be built and tested end to end.
//
// Every score runs 1–999 (higher = lower risk): 1 + round(points ÷ max points × 998).
// `error_reason` (a non-nullable string in the contract) is present only when a model cannot score.
// Reason codes (≤ 4) are the factors that lost the most points, coded
// <product><version digits><0><factor number>: CS03003 = CashScore v3, factor 3.

import { cashflowAttributes, type ReportAnalysis } from '../analysis.js';
import type { AttributeValue } from '../cashflow/catalogue.js';
import { windowSum } from '../cashflow/features.js';
import { insufficientDataReason } from '../scoring/lend-score.js';
import { evaluateFactors, FACTORS, WEIGHTS, type Factor } from '../scoring/scorecard.js';
import type { PrismVersions } from './partner-requests.js';

type Json = Record<string, unknown>;
const num = (v: AttributeValue | undefined): number | null => (typeof v === 'number' ? v : null);

/** Early-default / first-party-fraud signals, for FirstDetect and Detect. */
export const DETECT_FACTORS: readonly Factor[] = [
  { code: '01', reason: 'New banking relationship', attributes: ['account_history_days_val_latest'], points: [[14, 0], [60, 0.4], [180, 0.8], [365, 1]], missing: 0, value: (a) => num(a.account_history_days_val_latest) },
  {
    code: '02', reason: 'NSF or overdraft fees in the last 30 days', attributes: ['bank_penalty_nsf_cnt_sum_30d', 'bank_penalty_overdraft_cnt_sum_30d'],
    points: [[0, 1], [1, 0.5], [3, 0]], missing: 1,
    value: (a) => (num(a.bank_penalty_nsf_cnt_sum_30d) ?? 0) + (num(a.bank_penalty_overdraft_cnt_sum_30d) ?? 0),
  },
  { code: '03', reason: 'Negative balance in the last 30 days', attributes: ['balance_depository_negative_days_sum_30d'], points: [[0, 1], [3, 0.5], [10, 0]], missing: 0.5, value: (a) => num(a.balance_depository_negative_days_sum_30d) },
  { code: '04', reason: 'Advance-app borrowing in the last 30 days', attributes: ['lending_ewa_disbursement_cnt_sum_30d'], points: [[0, 1], [1, 0.5], [3, 0]], missing: 1, value: (a) => num(a.lending_ewa_disbursement_cnt_sum_30d) },
  { code: '05', reason: 'Money leaves as fast as it arrives', attributes: ['cashflow_outflow_to_inflow_ratio_val_90d'], points: [[0.8, 1], [1.0, 0.6], [1.2, 0]], missing: 0, value: (a) => num(a.cashflow_outflow_to_inflow_ratio_val_90d) },
  { code: '06', reason: 'Heavy use of cash', attributes: ['cash_reliance_atm_withdrawal_pct_val_90d'], points: [[5, 1], [20, 0.6], [50, 0]], missing: 1, value: (a) => num(a.cash_reliance_atm_withdrawal_pct_val_90d) },
];

/** Capacity for more credit, for Extend. */
export const EXTEND_FACTORS: readonly Factor[] = [
  { code: '01', reason: 'Low average balance', attributes: ['balance_depository_amt_mean_90d'], points: [[0, 0], [500, 0.3], [2_000, 0.6], [8_000, 1]], missing: 0.3, value: (a) => num(a.balance_depository_amt_mean_90d) },
  { code: '02', reason: 'Low income', attributes: ['income_projected_amt_val_latest'], points: [[0, 0], [1_500, 0.3], [4_000, 0.7], [8_000, 1]], missing: 0, value: (a) => num(a.income_projected_amt_val_latest) },
  { code: '03', reason: 'High debt payments relative to income', attributes: ['lending_payment_to_income_ratio_val_90d'], points: [[0.1, 1], [0.35, 0.5], [0.7, 0]], missing: 0.3, value: (a) => num(a.lending_payment_to_income_ratio_val_90d) },
  {
    code: '04', reason: 'NSF or overdraft fees in the last 180 days', attributes: ['bank_penalty_nsf_cnt_sum_180d', 'bank_penalty_overdraft_cnt_sum_180d'],
    points: [[0, 1], [2, 0.5], [6, 0]], missing: 1,
    value: (a) => (num(a.bank_penalty_nsf_cnt_sum_180d) ?? 0) + (num(a.bank_penalty_overdraft_cnt_sum_180d) ?? 0),
  },
  { code: '05', reason: 'Negative monthly net cash flow', attributes: ['cashflow_net_amt_mavg_90d'], points: [[-500, 0], [0, 0.5], [1_000, 1]], missing: 0.5, value: (a) => num(a.cashflow_net_amt_mavg_90d) },
];

const DETECT_WEIGHTS = {
  firstdetect: { '01': 20, '02': 20, '03': 15, '04': 15, '05': 15, '06': 15 },
  detect: { '01': 15, '02': 20, '03': 20, '04': 15, '05': 15, '06': 15 },
};
const EXTEND_WEIGHTS = { '01': 25, '02': 25, '03': 20, '04': 15, '05': 15 };
/** CashScore 3_lite: the first five LendScore factors only. */
const LITE_CODES = ['PCS0101', 'PCS0102', 'PCS0103', 'PCS0104', 'PCS0105'];

const VERSION_DIGITS: Record<string, string> = { '3': '03', '3_lite': '13', '4': '04', '4.1': '41' };

function scoreObject(
  analysis: ReportAnalysis,
  attributes: Readonly<Record<string, AttributeValue>>,
  prefix: string,
  version: string,
  factors: readonly Factor[],
  weights: Readonly<Record<string, number>>,
  withVersion: boolean,
): Json {
  const reason = insufficientDataReason(analysis);
  const base: Json = withVersion ? { version: Number.parseInt(version, 10), model_version: version } : { model_version: version };
  const metadata = prismMetadata(analysis);
  if (reason !== null) return { ...base, score: null, reason_codes: [], metadata, error_reason: reason };
  const card = evaluateFactors(factors, weights, attributes, 4);
  return {
    ...base,
    score: 1 + Math.round((card.points / card.maxPoints) * 998),
    reason_codes: card.reasonCodes.map((code) => `${prefix}${VERSION_DIGITS[version]}0${code.slice(-2)}`),
    metadata,
  };
}

/** `PrismCashScoreMetadata`: ages (days before the report date) and counts of the depository credits and debits. */
export function prismMetadata(analysis: ReportAnalysis): Json {
  const { data } = analysis;
  const ids = new Set(data.accounts.filter((a) => a.type === 'depository').map((a) => a.accountId));
  const posted = data.transactions.filter((t) => !t.pending && ids.has(t.accountId) && t.amountCents !== 0);
  const ages = (list: typeof posted) => list.map((t) => data.window.reportDay - t.day);
  const credits = posted.filter((t) => t.amountCents < 0);
  const debits = posted.filter((t) => t.amountCents > 0);
  const max = (xs: number[]) => (xs.length === 0 ? null : Math.max(...xs));
  const min = (xs: number[]) => (xs.length === 0 ? null : Math.min(...xs));
  const lastMonth = (list: typeof posted) => list.filter((t) => t.day > data.window.reportDay - 30).length;
  return {
    max_age: max(ages(posted)),
    min_age: min(ages(posted)),
    min_age_credit: min(ages(credits)),
    min_age_debit: min(ages(debits)),
    max_age_debit: max(ages(debits)),
    max_age_credit: max(ages(credits)),
    num_trxn_credit: credits.length,
    num_trxn_debit: debits.length,
    l1m_credit_value_cnt: lastMonth(credits),
    l1m_debit_value_cnt: lastMonth(debits),
  };
}

/** `PrismInsights.result`: cash-flow figures over the last 1, 3, 6 (and, from v4, 12) months, dollars unless a count. */
function insightsResult(analysis: ReportAnalysis, version: string): Record<string, number> {
  const f = analysis.features;
  const usd = (cents: number) => Math.round(cents) / 100 + 0;
  const out: Record<string, number> = {};
  const months = version === '3' ? [1, 3, 6] : [1, 3, 6, 12];
  for (const m of months) {
    const days = m === 12 ? 365 : m * 30;
    if (days > f.days) continue;
    const inflow = windowSum(f, 'inflowAmt', days);
    const outflow = windowSum(f, 'outflowAmt', days);
    out[`l${m}m_inflow_amt`] = usd(inflow);
    out[`l${m}m_outflow_amt`] = usd(outflow);
    out[`l${m}m_net_amt`] = usd(inflow - outflow);
    out[`l${m}m_income_amt`] = usd(windowSum(f, 'incomeAmt', days));
    out[`l${m}m_nsf_cnt`] = windowSum(f, 'nsfCnt', days) + windowSum(f, 'overdraftCnt', days);
    if (f.balances !== null) {
      const window = f.balances.subarray(f.days - days);
      out[`l${m}m_cumbal_acc`] = usd(window.reduce((a, b) => a + b, 0) / window.length);
      out[`l${m}m_min_bal`] = usd(Math.min(...window));
      out[`l${m}m_neg_bal_days`] = window.filter((v) => v < 0).length;
    }
    out[`l${m}m_loan_pmt_amt`] = usd(windowSum(f, 'loanPaymentAmt', days));
    out[`l${m}m_atm_amt`] = usd(windowSum(f, 'atmAmt', days));
    if (version !== '3') {
      out[`l${m}m_ewa_cnt`] = windowSum(f, 'ewaDisbursementCnt', days);
      out[`l${m}m_bnpl_cnt`] = windowSum(f, 'bnplPaymentCnt', days);
    }
  }
  out.num_acc = analysis.data.accounts.filter((a) => a.type === 'depository').length;
  if (version !== '3') out.income_stream_cnt = analysis.streams.filter((s) => s.status === 'ACTIVE').length;
  return out;
}

/** The `prism` object (CraPartnerInsightsPrism) for the versions asked (absent products are null). */
export function localPrism(analysis: ReportAnalysis, versions: PrismVersions): Json {
  const attributes = cashflowAttributes(analysis, 'v2');
  const cashScore = (version: string) => {
    const weights = version === '3_lite'
      ? Object.fromEntries(LITE_CODES.map((c) => [c, WEIGHTS.v1[c]]))
      : version === '3' ? WEIGHTS.v1 : WEIGHTS.v2;
    return scoreObject(analysis, attributes, 'CS', version, FACTORS, weights, true);
  };
  return {
    status: 'SUCCESS',
    cash_score: versions.cashscore ? cashScore(versions.cashscore) : null,
    first_detect: versions.firstdetect ? scoreObject(analysis, attributes, 'FD', versions.firstdetect, DETECT_FACTORS, DETECT_WEIGHTS.firstdetect, true) : null,
    detect: versions.detect ? scoreObject(analysis, attributes, 'DT', versions.detect, DETECT_FACTORS, DETECT_WEIGHTS.detect, false) : null,
    extend: versions.extend ? scoreObject(analysis, attributes, 'EX', versions.extend, EXTEND_FACTORS, EXTEND_WEIGHTS, false) : null,
    insights: versions.insights
      ? { version: Number.parseInt(versions.insights, 10), model_version: versions.insights, result: insightsResult(analysis, versions.insights) }
      : null,
  };
}
