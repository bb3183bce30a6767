// One pass over the report's depository transactions into per-day totals, from which every
// windowed cash-flow attribute is a constant-time prefix-sum lookup.
//
// Scope: posted transactions on depository accounts, in USD (as the Base Report's own totals),
// classified by flows.ts. Amounts are positive cents whatever their direction; transfers between
// the user's own accounts are neither inflow nor outflow.

import type { Flow } from '../flows.js';
import type { InsightsData } from '../insights-data.js';
import type { IncomeStream } from '../income/streams.js';

/** The per-day measures; each is summed over a window by `sum`. */
export const MEASURES = [
  'inflowAmt', 'inflowCnt', 'outflowAmt', 'outflowCnt',
  'incomeAmt', 'incomeCnt', 'earnedAmt', 'gigAmt', 'benefitsAmt', 'regularIncomeAmt',
  'essentialAmt', 'discretionaryAmt', 'gamblingAmt', 'gamblingCnt', 'p2pOutAmt', 'rentAmt', 'rentCnt',
  'atmAmt', 'atmCnt', 'cashDepositAmt', 'cashDepositCnt',
  'nsfCnt', 'overdraftCnt', 'feeAmt',
  'loanPaymentAmt', 'loanPaymentCnt', 'bnplPaymentCnt', 'personalLoanPaymentAmt',
  'loanDisbursementAmt', 'loanDisbursementCnt', 'ewaDisbursementCnt', 'cashAdvanceDisbursementCnt',
  'transactionCnt',
] as const;
export type Measure = (typeof MEASURES)[number];
/** Row of each measure in the per-day table. */
const M = Object.fromEntries(MEASURES.map((m, i) => [m, i])) as Record<Measure, number>;

export interface CashflowFeatures {
  data: InsightsData;
  streams: readonly IncomeStream[];
  /** Days in the report window. */
  days: number;
  /** prefix[m][i] = Σ of measure m over window days [0, i). */
  prefix: Record<Measure, Float64Array>;
  /** Total end-of-day depository balance per window day (cents), null when no depository account has balances. */
  balances: Float64Array | null;
  /** Individual ATM withdrawal amounts (cents) and their window-day index, ascending by day. */
  atmWithdrawals: { index: number; cents: number }[];
  /** Days (window index) with an NSF or overdraft fee, ascending. */
  penaltyDays: number[];
  /** Lender counterparties (loan payments and disbursements, cards and mortgages excluded) with their window-day index. */
  lenders: { index: number; key: string }[];
}

export function cashflowFeatures(data: InsightsData, flows: readonly Flow[], streams: readonly IncomeStream[], lenderKey: (i: number) => string): CashflowFeatures {
  const { window } = data;
  const days = window.lastDay - window.firstDay + 1;
  // One row of `days` cells per measure, in MEASURES order.
  const cells = new Float64Array(MEASURES.length * days);
  const depository = new Set(data.accounts.filter((a) => a.type === 'depository').map((a) => a.accountId));

  // Income: the transactions of detected streams, by the stream's category.
  const incomeOf = new Map<string, IncomeStream>();
  for (const s of streams) for (const t of s.transactions) incomeOf.set(t.transaction.transactionId, s);

  const atmWithdrawals: { index: number; cents: number }[] = [];
  const penaltyDays: number[] = [];
  const lenders: { index: number; key: string }[] = [];
  data.transactions.forEach((t, i) => {
    if (t.pending || !depository.has(t.accountId) || t.currency.isoCurrencyCode !== 'USD') return;
    const d = t.day - window.firstDay;
    if (d < 0 || d >= days) return;
    const flow = flows[i];
    const cents = Math.abs(t.amountCents);
    cells[M.transactionCnt * days + d] += 1;
    if (flow.kind === 'own_transfer') return;
    if (t.amountCents < 0) {
      cells[M.inflowAmt * days + d] += cents;
      cells[M.inflowCnt * days + d] += 1;
    } else if (t.amountCents > 0) {
      cells[M.outflowAmt * days + d] += cents;
      cells[M.outflowCnt * days + d] += 1;
    }
    const stream = incomeOf.get(t.transactionId);
    if (stream) {
      cells[M.incomeAmt * days + d] += cents;
      cells[M.incomeCnt * days + d] += 1;
      if (stream.category.primary === 'EARNED_INCOME') cells[M.earnedAmt * days + d] += cents;
      if (stream.category.secondary === 'GIG_ECONOMY') cells[M.gigAmt * days + d] += cents;
      if (stream.category.primary === 'BENEFITS' || stream.category.primary === 'RETIREMENT') cells[M.benefitsAmt * days + d] += cents;
      if (stream.frequency !== 'UNKNOWN') cells[M.regularIncomeAmt * days + d] += cents;
    }
    switch (flow.kind) {
      case 'income':
        if (flow.cashDeposit) {
          cells[M.cashDepositAmt * days + d] += cents;
          cells[M.cashDepositCnt * days + d] += 1;
        }
        break;
      case 'spend':
        cells[(flow.spend === 'essential' ? M.essentialAmt : flow.spend === 'gambling' ? M.gamblingAmt : M.discretionaryAmt) * days + d] += cents;
        if (flow.spend === 'gambling') cells[M.gamblingCnt * days + d] += 1;
        if (flow.rent) {
          cells[M.rentAmt * days + d] += cents;
          cells[M.rentCnt * days + d] += 1;
        }
        break;
      case 'transfer_out':
        if (flow.p2p) cells[M.p2pOutAmt * days + d] += cents;
        break;
      case 'atm_withdrawal':
        cells[M.atmAmt * days + d] += cents;
        cells[M.atmCnt * days + d] += 1;
        atmWithdrawals.push({ index: d, cents });
        break;
      case 'bank_fee':
        cells[M.feeAmt * days + d] += cents;
        if (flow.fee === 'nsf') cells[M.nsfCnt * days + d] += 1;
        if (flow.fee === 'overdraft') cells[M.overdraftCnt * days + d] += 1;
        if (flow.fee !== 'other') penaltyDays.push(d);
        break;
      case 'loan_payment':
        cells[M.loanPaymentAmt * days + d] += cents;
        cells[M.loanPaymentCnt * days + d] += 1;
        if (flow.lending === 'bnpl') cells[M.bnplPaymentCnt * days + d] += 1;
        if (flow.lending === 'personal') cells[M.personalLoanPaymentAmt * days + d] += cents;
        if (flow.lending !== 'credit_card' && flow.lending !== 'mortgage_auto' && flow.lending !== 'student') lenders.push({ index: d, key: lenderKey(i) });
        break;
      case 'loan_disbursement':
        cells[M.loanDisbursementAmt * days + d] += cents;
        cells[M.loanDisbursementCnt * days + d] += 1;
        if (flow.lending === 'ewa') cells[M.ewaDisbursementCnt * days + d] += 1;
        if (flow.lending === 'cash_advance') cells[M.cashAdvanceDisbursementCnt * days + d] += 1;
        lenders.push({ index: d, key: lenderKey(i) });
        break;
    }
  });

  const prefix = {} as Record<Measure, Float64Array>;
  MEASURES.forEach((m, row) => {
    const p = new Float64Array(days + 1);
    for (let i = 0, at = row * days; i < days; i++, at++) p[i + 1] = p[i] + cells[at];
    prefix[m] = p;
  });
  return { data, streams, days, prefix, balances: totalBalances(data, days), atmWithdrawals, penaltyDays, lenders };
}

function totalBalances(data: InsightsData, days: number): Float64Array | null {
  const accounts = data.accounts.filter((a) => a.type === 'depository' && a.dailyBalancesCents !== null);
  if (accounts.length === 0) return null;
  const total = new Float64Array(days);
  for (const account of accounts) {
    const series = account.dailyBalancesCents!;
    for (let i = 0; i < days && i < series.length; i++) total[i] += series[i];
  }
  return total;
}

/** Σ of a measure over the last `windowDays` days (report date inclusive). */
export function windowSum(f: CashflowFeatures, measure: Measure, windowDays: number): number {
  const p = f.prefix[measure];
  return p[f.days] - p[Math.max(0, f.days - windowDays)];
}

/** Σ of a measure over the window day indices [from, to). */
export function rangeSum(f: CashflowFeatures, measure: Measure, from: number, to: number): number {
  const p = f.prefix[measure];
  return p[Math.min(to, f.days)] - p[Math.max(0, from)];
}
