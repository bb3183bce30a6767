// opencheck's cash-flow attribute catalogue (Cash Flow Insights `attributes`; brief §C.4, §G.20).
//
// Plaid's list is private; only `cash_reliance_atm_withdrawal_amt_cv_90d` is public, which
// suggests keys of the form <theme>_<subject>_<measure>_<stat>_<window>. opencheck's own
// catalogue follows that scheme:
//   measure: amt (US dollars), cnt (count), days, ratio (a ÷ b), pct (percent)
//   stat:    sum, mean (average over days or transactions, as described), mavg (per month:
//            the sum ÷ (window days ÷ 30.4375)), min, cv (coefficient of variation, percent:
//            population standard deviation ÷ mean × 100), val (a single value), distinct
//   window:  30d/60d/90d/180d/365d = the last N days counted back from the report date,
//            inclusive (brief §G.19); `latest` = as of the report date.
// A windowed attribute is null when its window is longer than the report's days_requested, and
// any attribute is null when it cannot be computed (a ratio over zero, a CV of fewer than two
// values, a balance without balance history).
//
// Versions: `v1` is the CFI1 / v1.0 set; `v2` (v2.0) is v1 plus the attributes marked v2.
// Every attribute is documented in docs/insights.md (a test keeps the two in step).

import { medianOf } from '../income/streams.js';
import { rangeSum, windowSum, type CashflowFeatures, type Measure } from './features.js';

export type CatalogueVersion = 'v1' | 'v2';
export type AttributeValue = number | boolean | null;
type Unit = 'usd' | 'count' | 'days' | 'ratio' | 'pct';

export interface AttributeDefinition {
  key: string;
  since: CatalogueVersion;
  unit: Unit;
  description: string;
  compute(f: CashflowFeatures): AttributeValue;
}

const DAYS_PER_MONTH = 30.4375;

function format(unit: Unit, value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  switch (unit) {
    case 'usd':
      return Math.round(value) / 100 + 0;
    case 'ratio':
      return Math.round(value * 10_000) / 10_000;
    case 'pct':
      return Math.round(value * 100) / 100;
    default:
      return Math.round(value);
  }
}

function windowed(
  base: string,
  windows: readonly number[],
  since: CatalogueVersion,
  unit: Unit,
  description: string,
  value: (f: CashflowFeatures, days: number) => number | null,
): AttributeDefinition[] {
  return windows.map((days) => ({
    key: `${base}_${days}d`,
    since,
    unit,
    description: description.replace('{window}', `the last ${days} days`),
    compute: (f) => (days > f.days ? null : format(unit, value(f, days))),
  }));
}

function latest(base: string, since: CatalogueVersion, unit: Unit, description: string, value: (f: CashflowFeatures) => number | null): AttributeDefinition {
  return { key: `${base}_latest`, since, unit, description, compute: (f) => format(unit, value(f)) };
}

const sum = (measure: Measure) => (f: CashflowFeatures, days: number) => windowSum(f, measure, days);
const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

/** Coefficient of variation in percent; null for fewer than two values or a zero mean. */
export function coefficientOfVariation(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  if (mean === 0) return null;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
  return (Math.sqrt(variance) / Math.abs(mean)) * 100;
}

/** Sums of a measure over consecutive 30-day buckets counted back from the report date (most recent first). */
function monthlyBuckets(f: CashflowFeatures, measure: Measure, days: number): number[] {
  const out: number[] = [];
  for (let end = f.days; end > f.days - days; end -= 30) out.push(rangeSum(f, measure, end - 30, end));
  return out;
}

function balanceWindow(f: CashflowFeatures, days: number): Float64Array | null {
  return f.balances === null ? null : f.balances.subarray(Math.max(0, f.days - days));
}

function countDays(f: CashflowFeatures, days: number, test: (cents: number) => boolean): number | null {
  const window = balanceWindow(f, days);
  if (window === null) return null;
  let n = 0;
  for (const v of window) if (test(v)) n++;
  return n;
}

const W_ALL = [30, 60, 90, 180, 365] as const;

export const CASHFLOW_CATALOGUE: readonly AttributeDefinition[] = [
  // --- income: deposits that belong to a detected income stream (Income Insights, every category)
  ...windowed('income_total_amt_sum', [30, 90, 180, 365], 'v1', 'usd', 'Income received over {window}: deposits belonging to any detected income stream.', sum('incomeAmt')),
  ...windowed('income_earned_amt_sum', [90, 365], 'v1', 'usd', 'Earned income (salary, gig economy, self-employment streams) received over {window}.', sum('earnedAmt')),
  ...windowed('income_gig_amt_sum', [90, 365], 'v2', 'usd', 'Gig-economy income received over {window}.', sum('gigAmt')),
  ...windowed('income_benefits_amt_sum', [90, 365], 'v2', 'usd', 'Benefit and retirement income received over {window}.', sum('benefitsAmt')),
  ...windowed('income_total_cnt_sum', [90], 'v2', 'count', 'Number of income deposits over {window}.', sum('incomeCnt')),
  ...windowed('income_total_amt_cv', [180], 'v2', 'pct', 'Coefficient of variation of income per 30-day period over {window} (6 periods counted back from the report date).', (f, d) =>
    coefficientOfVariation(monthlyBuckets(f, 'incomeAmt', d)),
  ),
  ...windowed('income_regular_pct_val', [180], 'v2', 'pct', 'Share of the income over {window} that came from streams with a known pay frequency, percent.', (f, d) => {
    const r = ratio(windowSum(f, 'regularIncomeAmt', d), windowSum(f, 'incomeAmt', d));
    return r === null ? null : r * 100;
  }),
  latest('income_active_stream_cnt_val', 'v1', 'count', 'Number of ACTIVE income streams (every category) on the report date.', (f) => f.streams.filter((s) => s.status === 'ACTIVE').length),
  latest('income_projected_amt_val', 'v1', 'usd', "Projected monthly net income: the sum of the ACTIVE streams' projected monthly income (Income Insights).", (f) =>
    f.streams.reduce((a, s) => a + s.projectedMonthlyCents, 0),
  ),

  // --- cash flow: money in and out, transfers between the user's own accounts excluded
  ...windowed('cashflow_inflow_amt_sum', W_ALL, 'v1', 'usd', 'Money into depository accounts over {window}, excluding transfers between the user\'s own accounts.', sum('inflowAmt')),
  ...windowed('cashflow_outflow_amt_sum', W_ALL, 'v1', 'usd', 'Money out of depository accounts over {window}, excluding transfers between the user\'s own accounts.', sum('outflowAmt')),
  ...windowed('cashflow_net_amt_sum', [30, 90, 180, 365], 'v1', 'usd', 'Net cash flow (inflow − outflow) over {window}; negative when more went out than came in.', (f, d) =>
    windowSum(f, 'inflowAmt', d) - windowSum(f, 'outflowAmt', d),
  ),
  ...windowed('cashflow_net_amt_mavg', [90, 180], 'v2', 'usd', 'Net cash flow per month over {window}: the net sum ÷ (window days ÷ 30.4375).', (f, d) =>
    ((windowSum(f, 'inflowAmt', d) - windowSum(f, 'outflowAmt', d)) * DAYS_PER_MONTH) / d,
  ),
  ...windowed('cashflow_outflow_to_inflow_ratio_val', [90, 180], 'v1', 'ratio', 'Outflow ÷ inflow over {window}; above 1 means spending more than comes in (null without inflow).', (f, d) =>
    ratio(windowSum(f, 'outflowAmt', d), windowSum(f, 'inflowAmt', d)),
  ),
  ...windowed('cashflow_inflow_cnt_sum', [90], 'v2', 'count', 'Number of inflows over {window} (own transfers excluded).', sum('inflowCnt')),
  ...windowed('cashflow_outflow_cnt_sum', [90], 'v2', 'count', 'Number of outflows over {window} (own transfers excluded).', sum('outflowCnt')),
  ...windowed('cashflow_net_negative_period_cnt_sum', [180], 'v2', 'count', 'Number of 30-day periods, of the 6 counted back from the report date over {window}, with negative net cash flow.', (f, d) => {
    const inflow = monthlyBuckets(f, 'inflowAmt', d);
    const outflow = monthlyBuckets(f, 'outflowAmt', d);
    return inflow.filter((v, i) => v - outflow[i] < 0).length;
  }),

  // --- balances: the sum of all depository accounts' end-of-day balances (historical_balances)
  ...windowed('balance_depository_amt_mean', [30, 90, 180], 'v1', 'usd', 'Average end-of-day total depository balance over {window}.', (f, d) => {
    const w = balanceWindow(f, d);
    return w === null ? null : w.reduce((a, b) => a + b, 0) / w.length;
  }),
  ...windowed('balance_depository_amt_min', [30, 90], 'v1', 'usd', 'Lowest end-of-day total depository balance over {window}.', (f, d) => {
    const w = balanceWindow(f, d);
    return w === null ? null : Math.min(...w);
  }),
  latest('balance_depository_amt_val', 'v1', 'usd', 'Total depository balance at the end of the report date.', (f) => (f.balances === null ? null : f.balances[f.days - 1])),
  ...windowed('balance_depository_negative_days_sum', [30, 90, 180], 'v1', 'days', 'Days over {window} on which the total depository balance ended below zero.', (f, d) => countDays(f, d, (v) => v < 0)),
  ...windowed('balance_depository_low_days_sum', [30, 90], 'v2', 'days', 'Days over {window} on which the total depository balance ended below $100.', (f, d) => countDays(f, d, (v) => v < 10_000)),
  ...windowed('balance_depository_amt_cv', [90], 'v2', 'pct', 'Coefficient of variation of the end-of-day total depository balance over {window}.', (f, d) => {
    const w = balanceWindow(f, d);
    return w === null ? null : coefficientOfVariation([...w]);
  }),

  // --- bank penalties: NSF and overdraft fees as charged (reversals are not netted here)
  ...windowed('bank_penalty_nsf_cnt_sum', [30, 90, 180, 365], 'v1', 'count', 'NSF (insufficient funds / returned item) fees charged over {window}.', sum('nsfCnt')),
  ...windowed('bank_penalty_overdraft_cnt_sum', [30, 90, 180, 365], 'v1', 'count', 'Overdraft fees charged over {window}.', sum('overdraftCnt')),
  ...windowed('bank_penalty_fee_amt_sum', [90, 365], 'v2', 'usd', 'All bank fees charged over {window} (NSF, overdraft, ATM, maintenance, …).', sum('feeAmt')),
  latest('bank_penalty_nsf_overdraft_days_val', 'v2', 'days', 'Days from the most recent NSF or overdraft fee to the report date (null when none in the report).', (f) =>
    f.penaltyDays.length === 0 ? null : f.days - 1 - f.penaltyDays[f.penaltyDays.length - 1],
  ),

  // --- cash reliance
  ...windowed('cash_reliance_atm_withdrawal_amt_sum', [30, 90, 180], 'v1', 'usd', 'ATM and teller cash withdrawals over {window}.', sum('atmAmt')),
  ...windowed('cash_reliance_atm_withdrawal_cnt_sum', [30, 90, 180], 'v1', 'count', 'Number of ATM and teller cash withdrawals over {window}.', sum('atmCnt')),
  ...windowed('cash_reliance_atm_withdrawal_amt_cv', [90], 'v1', 'pct', 'Coefficient of variation of the individual ATM withdrawal amounts over {window}.', (f, d) =>
    coefficientOfVariation(f.atmWithdrawals.filter((w) => w.index >= f.days - d).map((w) => w.cents)),
  ),
  ...windowed('cash_reliance_cash_deposit_amt_sum', [90, 180], 'v2', 'usd', 'Cash and cheque deposits (branch, ATM, mobile) over {window}.', sum('cashDepositAmt')),
  ...windowed('cash_reliance_atm_withdrawal_pct_val', [90], 'v2', 'pct', 'ATM withdrawals as a percentage of all outflows over {window}.', (f, d) => {
    const r = ratio(windowSum(f, 'atmAmt', d), windowSum(f, 'outflowAmt', d));
    return r === null ? null : r * 100;
  }),

  // --- lending: loan repayments and disbursements (flows.ts says which kind)
  ...windowed('lending_loan_payment_amt_sum', [30, 90, 180], 'v1', 'usd', 'Loan repayments of every kind (cards, mortgage, auto, student, personal, BNPL, advances) over {window}.', sum('loanPaymentAmt')),
  ...windowed('lending_loan_payment_cnt_sum', [90, 180], 'v1', 'count', 'Number of loan repayments over {window}.', sum('loanPaymentCnt')),
  ...windowed('lending_loan_disbursement_amt_sum', [90, 180, 365], 'v1', 'usd', 'Loan, cash-advance and earned-wage-advance money received over {window}.', sum('loanDisbursementAmt')),
  ...windowed('lending_loan_disbursement_cnt_sum', [90, 180, 365], 'v1', 'count', 'Number of loan disbursements over {window}.', sum('loanDisbursementCnt')),
  ...windowed('lending_ewa_disbursement_cnt_sum', [30, 90, 180], 'v1', 'count', 'Earned-wage-access and cash-advance app advances received over {window}.', sum('ewaDisbursementCnt')),
  ...windowed('lending_bnpl_payment_cnt_sum', [90, 180], 'v1', 'count', 'Buy-now-pay-later instalments paid over {window}.', sum('bnplPaymentCnt')),
  ...windowed('lending_personal_loan_payment_amt_sum', [90], 'v2', 'usd', 'Personal-loan repayments over {window}.', sum('personalLoanPaymentAmt')),
  ...windowed('lending_cash_advance_disbursement_cnt_sum', [180], 'v2', 'count', 'Credit-card cash advances received over {window}.', sum('cashAdvanceDisbursementCnt')),
  ...windowed('lending_lender_cnt_distinct', [180], 'v2', 'count', 'Distinct lenders (personal, BNPL, advance apps; not card issuers, mortgage, auto or student lenders) paid or borrowed from over {window}.', (f, d) =>
    new Set(f.lenders.filter((l) => l.index >= f.days - d).map((l) => l.key)).size,
  ),
  ...windowed('lending_payment_to_income_ratio_val', [90], 'v1', 'ratio', 'Loan repayments ÷ income over {window} (null without income).', (f, d) =>
    ratio(windowSum(f, 'loanPaymentAmt', d), windowSum(f, 'incomeAmt', d)),
  ),

  // --- spending
  ...windowed('spending_essential_amt_sum', [30, 90], 'v1', 'usd', 'Essential spending (rent and utilities, groceries, insurance, medical, transport, childcare, education, government) over {window}.', sum('essentialAmt')),
  ...windowed('spending_discretionary_amt_sum', [30, 90], 'v1', 'usd', 'Discretionary spending (everything else bought) over {window}.', sum('discretionaryAmt')),
  ...windowed('spending_gambling_amt_sum', [90, 365], 'v1', 'usd', 'Gambling and casino spending over {window}.', sum('gamblingAmt')),
  ...windowed('spending_gambling_cnt_sum', [90], 'v2', 'count', 'Number of gambling transactions over {window}.', sum('gamblingCnt')),
  ...windowed('spending_essential_to_income_ratio_val', [90], 'v2', 'ratio', 'Essential spending ÷ income over {window} (null without income).', (f, d) =>
    ratio(windowSum(f, 'essentialAmt', d), windowSum(f, 'incomeAmt', d)),
  ),
  ...windowed('spending_p2p_outflow_amt_sum', [90], 'v2', 'usd', 'Payment-app transfers out (Zelle, Venmo, Cash App, PayPal) over {window}.', sum('p2pOutAmt')),

  // --- housing
  ...windowed('housing_rent_payment_cnt_sum', [90, 365], 'v2', 'count', 'Rent payments over {window}.', sum('rentCnt')),
  ...windowed('housing_rent_payment_amt_sum', [90], 'v2', 'usd', 'Rent paid over {window}.', sum('rentAmt')),

  // --- accounts
  latest('account_depository_cnt_val', 'v1', 'count', 'Depository accounts in the report.', (f) => f.data.accounts.filter((a) => a.type === 'depository').length),
  latest('account_history_days_val', 'v1', 'days', 'Longest transaction history among the accounts (days_available).', (f) => Math.max(0, ...f.data.accounts.map((a) => a.daysAvailable))),
  latest('account_credit_utilization_pct_val', 'v2', 'pct', 'Credit-card balances ÷ credit limits, percent (cards with a limit; null without any).', (f) => {
    const cards = f.data.accounts.filter((a) => a.type === 'credit' && a.limitCents !== null && a.limitCents > 0 && a.currentCents !== null);
    const limit = cards.reduce((a, c) => a + c.limitCents!, 0);
    return limit === 0 ? null : (cards.reduce((a, c) => a + Math.max(0, c.currentCents!), 0) / limit) * 100;
  }),
  ...windowed('account_transaction_days_sum', [30, 90], 'v2', 'days', 'Days over {window} with at least one posted depository transaction.', (f, d) => {
    let n = 0;
    for (let i = Math.max(0, f.days - d); i < f.days; i++) if (rangeSum(f, 'transactionCnt', i, i + 1) > 0) n++;
    return n;
  }),
  ...windowed('account_transaction_cnt_mavg', [90], 'v2', 'count', 'Posted depository transactions per month over {window} (median of the three 30-day periods).', (f, d) =>
    medianOf(monthlyBuckets(f, 'transactionCnt', d)),
  ),
];

/** The attribute set of a catalogue version, keys in catalogue order. */
export function computeAttributes(f: CashflowFeatures, version: CatalogueVersion): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const definition of CASHFLOW_CATALOGUE) {
    if (version === 'v1' && definition.since === 'v2') continue;
    out[definition.key] = definition.compute(f);
  }
  return out;
}
