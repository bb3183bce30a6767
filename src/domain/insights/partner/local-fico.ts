// opencheck's local stand-in for FICO UltraFICO (`partner_insights.fico`). LOCALLY MODELLED: not
// FICO's model. UltraFICO starts from a bureau FICO Score and lets bank-account behaviour add to
// it; opencheck does the same with its own cash-flow scorecard:
//
//   ultrafico = min(850, base + max(0, round((LendScore v2 − 40) × 0.5)))   (so 0 to +30 points)
//
// It never lowers the base score. `negative_reason_codes` repeat the base score's reason codes
// (≤ 4); `positive_reason_codes` (≤ 4) name the cash-flow strengths found, in this order:
// UF01 healthy average balance, UF02 no NSF or overdraft fees, UF03 money in exceeds money out,
// UF04 regular income, UF05 long account history.
// `report_characteristics` are computed from the report's depository accounts (see docs).

import { cashflowAttributes, type ReportAnalysis } from '../analysis.js';
import { derivedUuid } from '../ids.js';
import { insufficientDataReason } from '../scoring/lend-score.js';
import { scoreAttributes } from '../scoring/scorecard.js';
import type { FicoRequest, UltraFicoRequest } from './partner-requests.js';

type Json = Record<string, unknown>;

const POSITIVE_REASONS: readonly (readonly [code: string, holds: (grade: Record<string, number>) => boolean])[] = [
  ['UF01', (g) => g.PCS0102 >= 0.8],
  ['UF02', (g) => g.PCS0103 === 1],
  ['UF03', (g) => g.PCS0101 >= 0.8],
  ['UF04', (g) => g.PCS0106 >= 0.8],
  ['UF05', (g) => g.PCS0109 === 1],
];

function padded(codes: readonly string[], prefix: string): Json {
  const out: Json = {};
  for (let i = 0; i < 4; i++) out[`${prefix}${i + 1}`] = codes[i] ?? null;
  return out;
}

function ultraFicoResult(analysis: ReportAnalysis, reportId: string, lenderApplicationId: string, request: UltraFicoRequest): Json {
  const ids = {
    request_correlation_id: request.requestCorrelationId ?? undefined,
    fico_scoring_request_id: request.ficoScoringRequestId ?? derivedUuid('fico', reportId, lenderApplicationId, request.bureau),
  };
  const reason = insufficientDataReason(analysis);
  if (reason !== null) return { ...ids, ultrafico_score: null, error_reason: reason };
  const card = scoreAttributes(cashflowAttributes(analysis, 'v2'), 'v2');
  const grades = Object.fromEntries(card.breakdown.map((b) => [b.code, b.grade]));
  const uplift = Math.max(0, Math.round((card.score - 40) * 0.5));
  const negative = request.reasonCodes.slice(0, 4);
  const positive = POSITIVE_REASONS.filter(([, holds]) => holds(grades)).map(([code]) => code).slice(0, 4);
  return {
    ...ids,
    ultrafico_score: {
      ultrafico_score_version: request.ultraficoScoreVersion,
      score: Math.min(850, request.baseScore + uplift),
      negative_reason_codes: negative,
      positive_reason_codes: positive,
      did_inquiries_adversely_affect_score: request.didInquiriesAdverselyAffectScore,
      ...padded(negative, 'reason_code_'),
      ...padded(positive, 'positive_reason_code_'),
    },
  };
}

/** `CraPartnerInsightsFicoReportCharacteristics`, over the depository accounts. */
export function reportCharacteristics(analysis: ReportAnalysis): Json {
  const { data, features } = analysis;
  const depository = data.accounts.filter((a) => a.type === 'depository');
  const ids = new Set(depository.map((a) => a.accountId));
  const reportDay = data.window.reportDay;
  const posted = data.transactions.filter((t) => !t.pending && ids.has(t.accountId));
  const balances = features.balances;
  const months = [1, 3, 6, 12] as const;
  const windowDays = (m: number) => (m === 12 ? 365 : m * 30);
  const balanceWindow = (m: number) => (balances === null || windowDays(m) > features.days ? null : balances.subarray(features.days - windowDays(m)));
  let lastNegative: number | null = null;
  if (balances !== null) for (let i = balances.length - 1; i >= 0 && lastNegative === null; i--) if (balances[i] < 0) lastNegative = features.days - 1 - i;
  let lastNsfDay: number | null = null;
  analysis.flows.forEach((flow, i) => {
    const t = data.transactions[i];
    if (flow.kind === 'bank_fee' && flow.fee === 'nsf' && !t.pending && ids.has(t.accountId)) lastNsfDay = t.day;
  });
  const out: Json = {
    num_accounts: depository.length,
    num_checking_accounts: depository.filter((a) => a.subtype === 'checking').length,
    num_savings_accounts: depository.filter((a) => a.subtype === 'savings').length,
    num_money_market_accounts: depository.filter((a) => a.subtype === 'money market').length,
    days_since_earliest_tx: posted.length === 0 ? null : reportDay - posted[0].day,
    days_since_most_recent_tx: posted.length === 0 ? null : reportDay - posted[posted.length - 1].day,
    days_since_most_recent_negative_ending_balance: lastNegative,
    days_since_most_recent_insufficient_funds_fee_debit_tx: lastNsfDay === null ? null : reportDay - lastNsfDay,
    tot_current_balances: depository.some((a) => a.currentCents !== null)
      ? depository.reduce((a, acc) => a + (acc.currentCents ?? 0), 0) / 100
      : null,
  };
  for (const m of months) {
    const suffix = m === 1 ? '1_month' : `${m}_months`;
    const w = balanceWindow(m);
    out[`avg_daily_balance_over_${suffix}`] = w === null ? null : Math.round(w.reduce((a, b) => a + b, 0) / w.length) / 100;
    out[`tot_number_days_with_negative_balance_over_${suffix}`] = w === null ? null : w.filter((v) => v < 0).length;
    const from = reportDay - windowDays(m) + 1;
    out[`days_with_tx_over_${suffix}`] = windowDays(m) > features.days ? null : new Set(posted.filter((t) => t.day >= from).map((t) => t.day)).size;
  }
  return out;
}

/** The `fico` object (CraPartnerInsightsFicoResults). */
export function localFico(analysis: ReportAnalysis, request: FicoRequest): Json {
  return {
    lender_application_id: request.lenderApplicationId,
    ultrafico_score_results: request.requests.map((r) => ultraFicoResult(analysis, analysis.data.reportId, request.lenderApplicationId, r)),
    report_characteristics: reportCharacteristics(analysis),
  };
}
