// LendScore (`lend_score`, LS1 / v1.0 / v2.0) and the legacy Check Score (`plaid_check_score`,
// v1.0 / v2.0): a transparent points scorecard over the cash-flow attributes.
//
// Each factor turns one attribute into a grade between 0 (worst) and 1 (best) by linear
// interpolation between fixed points, flat beyond the ends; the grades are monotone in the
// obvious direction (more NSF fees, more negative-balance days, a higher spend-to-income ratio
// never grade better). The score is 1 + Σ weight × grade, rounded, so it runs from 1 to 99
// (the weights of a version add up to 98). Higher = lower risk.
//
// Reason codes (≤ 5) are the factors that cost the most points (weight × (1 − grade)), largest
// first, ties by code; a factor costing less than one point is not a reason. They are the
// reasons the score is not higher.
//
// The Check Score is the LendScore's predecessor; opencheck computes it with the scorecard of
// the same version (v1.0 → the v1 weights, v2.0 → the v2 weights).

import type { AttributeValue } from '../cashflow/catalogue.js';

export type ScorecardVersion = 'v1' | 'v2';

export interface Factor {
  code: string;
  reason: string;
  /** The attribute(s) the grade reads. */
  attributes: readonly string[];
  /** [value, grade] points, values ascending. */
  points: readonly (readonly [number, number])[];
  /** Grade when the attribute is null (cannot be computed). */
  missing: number;
  /** The value graded, from the attributes (null when missing). */
  value(attributes: Readonly<Record<string, AttributeValue>>): number | null;
}

const num = (v: AttributeValue | undefined): number | null => (typeof v === 'number' ? v : null);

export const FACTORS: readonly Factor[] = [
  {
    code: 'PCS0101',
    reason: 'Spending is high relative to money coming in',
    attributes: ['cashflow_outflow_to_inflow_ratio_val_90d'],
    points: [[0.7, 1], [0.9, 0.8], [1.0, 0.5], [1.1, 0.2], [1.3, 0]],
    missing: 0,
    value: (a) => num(a.cashflow_outflow_to_inflow_ratio_val_90d),
  },
  {
    code: 'PCS0102',
    reason: 'Average account balance is low',
    attributes: ['balance_depository_amt_mean_90d'],
    points: [[0, 0], [250, 0.2], [1_000, 0.5], [3_000, 0.8], [10_000, 1]],
    missing: 0.3,
    value: (a) => num(a.balance_depository_amt_mean_90d),
  },
  {
    code: 'PCS0103',
    reason: 'Recent NSF or overdraft fees',
    attributes: ['bank_penalty_nsf_cnt_sum_180d', 'bank_penalty_overdraft_cnt_sum_180d'],
    points: [[0, 1], [1, 0.6], [3, 0.3], [6, 0.1], [10, 0]],
    missing: 1,
    value: (a) => (num(a.bank_penalty_nsf_cnt_sum_180d) ?? 0) + (num(a.bank_penalty_overdraft_cnt_sum_180d) ?? 0),
  },
  {
    code: 'PCS0104',
    reason: 'Days with a negative balance',
    attributes: ['balance_depository_negative_days_sum_90d'],
    points: [[0, 1], [2, 0.7], [7, 0.4], [20, 0.1], [45, 0]],
    missing: 0.5,
    value: (a) => num(a.balance_depository_negative_days_sum_90d),
  },
  {
    code: 'PCS0105',
    reason: 'Income is low or not detected',
    attributes: ['income_projected_amt_val_latest'],
    points: [[0, 0], [1_000, 0.3], [2_500, 0.6], [5_000, 0.85], [8_000, 1]],
    missing: 0,
    value: (a) => num(a.income_projected_amt_val_latest),
  },
  {
    code: 'PCS0106',
    reason: 'Income is irregular',
    attributes: ['income_regular_pct_val_180d'],
    points: [[0, 0], [50, 0.4], [80, 0.8], [100, 1]],
    missing: 0,
    value: (a) => num(a.income_regular_pct_val_180d),
  },
  {
    code: 'PCS0107',
    reason: 'Reliance on cash advances or earned-wage advances',
    attributes: ['lending_ewa_disbursement_cnt_sum_180d', 'lending_cash_advance_disbursement_cnt_sum_180d'],
    points: [[0, 1], [1, 0.6], [3, 0.3], [8, 0]],
    missing: 1,
    value: (a) => (num(a.lending_ewa_disbursement_cnt_sum_180d) ?? 0) + (num(a.lending_cash_advance_disbursement_cnt_sum_180d) ?? 0),
  },
  {
    code: 'PCS0108',
    reason: 'Debt payments are high relative to income',
    attributes: ['lending_payment_to_income_ratio_val_90d'],
    points: [[0.1, 1], [0.3, 0.7], [0.5, 0.35], [0.8, 0]],
    missing: 0.3,
    value: (a) => num(a.lending_payment_to_income_ratio_val_90d),
  },
  {
    code: 'PCS0109',
    reason: 'Short account history',
    attributes: ['account_history_days_val_latest'],
    points: [[30, 0], [90, 0.3], [180, 0.6], [365, 1]],
    missing: 0,
    value: (a) => num(a.account_history_days_val_latest),
  },
  {
    code: 'PCS0110',
    reason: 'Days with a low balance',
    attributes: ['balance_depository_low_days_sum_90d'],
    points: [[0, 1], [5, 0.7], [20, 0.35], [60, 0]],
    missing: 0.5,
    value: (a) => num(a.balance_depository_low_days_sum_90d),
  },
];

/** Points per factor code, per version; each version's weights add up to 98. */
export const WEIGHTS: Record<ScorecardVersion, Readonly<Record<string, number>>> = {
  v1: { PCS0101: 16, PCS0102: 14, PCS0103: 14, PCS0104: 10, PCS0105: 12, PCS0106: 6, PCS0107: 8, PCS0108: 8, PCS0109: 4, PCS0110: 6 },
  v2: { PCS0101: 14, PCS0102: 12, PCS0103: 14, PCS0104: 8, PCS0105: 12, PCS0106: 8, PCS0107: 10, PCS0108: 8, PCS0109: 4, PCS0110: 8 },
};

const MAX_REASONS = 5;
const MIN_REASON_POINTS = 1;

/** Piecewise-linear interpolation through ascending points, flat beyond the ends. */
export function grade(points: Factor['points'], value: number): number {
  if (value <= points[0][0]) return points[0][1];
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i];
    if (value <= x1) {
      const [x0, y0] = points[i - 1];
      return y0 + ((y1 - y0) * (value - x0)) / (x1 - x0);
    }
  }
  return points[points.length - 1][1];
}

export interface Scorecard {
  score: number;
  reasonCodes: string[];
  /** Per factor: the graded value, its grade and the points it lost (for docs and tests). */
  breakdown: { code: string; value: number | null; grade: number; lostPoints: number }[];
}

export function scoreAttributes(attributes: Readonly<Record<string, AttributeValue>>, version: ScorecardVersion): Scorecard {
  const card = evaluateFactors(FACTORS, WEIGHTS[version], attributes, MAX_REASONS);
  return { score: Math.min(99, Math.max(1, Math.round(1 + card.points))), reasonCodes: card.reasonCodes, breakdown: card.breakdown };
}

/**
 * Grades `factors` (those with a weight) and adds up weight × grade. Reasons: factors that lost
 * at least one point, most points lost first, ties by code, at most `maxReasons`.
 */
export function evaluateFactors(
  factors: readonly Factor[],
  weights: Readonly<Record<string, number>>,
  attributes: Readonly<Record<string, AttributeValue>>,
  maxReasons: number,
): { points: number; maxPoints: number; reasonCodes: string[]; breakdown: Scorecard['breakdown'] } {
  let points = 0;
  let maxPoints = 0;
  const breakdown: Scorecard['breakdown'] = [];
  for (const factor of factors) {
    const weight = weights[factor.code];
    if (weight === undefined) continue;
    const value = factor.value(attributes);
    const g = value === null ? factor.missing : grade(factor.points, value);
    points += weight * g;
    maxPoints += weight;
    breakdown.push({ code: factor.code, value, grade: g, lostPoints: weight * (1 - g) });
  }
  const reasonCodes = breakdown
    .filter((b) => b.lostPoints >= MIN_REASON_POINTS)
    .sort((a, b) => b.lostPoints - a.lostPoints || (a.code < b.code ? -1 : 1))
    .slice(0, maxReasons)
    .map((b) => b.code);
  return { points, maxPoints, reasonCodes, breakdown };
}
