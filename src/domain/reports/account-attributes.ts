// `attributes` per account (BaseReportAttributes) and per user (BaseReportUserAttributes).
//
// Rules (brief §C.1 and §G.5/§G.19, plus opencheck's choices where Plaid is silent):
// - Only posted transactions count; a pending row may still change or vanish, and Plaid's
//   attributes describe settled activity.
// - Inflow = Σ negative amounts (kept negative), outflow = Σ positive amounts, USD transactions
//   only. Account-level totals are null for non-depository accounts; user-level totals add up the
//   depository accounts and are null when the user has none.
// - NSF/overdraft count = fee transactions (personal finance category BANK_FEES_OVERDRAFT_FEES or
//   BANK_FEES_INSUFFICIENT_FUNDS, amount > 0) minus reversals (same categories, amount < 0) dated
//   in the same window, floored at 0. Counted on depository accounts only (0 elsewhere), so that
//   the user-level count is the sum of the account-level ones.
// - Windows: the whole report window, and the last 30/60/90 days counted back from the report
//   date inclusive.

import type * as wire from './base-report-wire.js';
import type { AccountActivity } from './account-activity.js';
import { wireAccountType } from './account-types.js';
import { amountWithCurrency, isUsd, USD } from './wire-amounts.js';
import { trailingRange, TRAILING_WINDOW_DAYS, type ReportWindow } from './windows.js';

const NSF_FEE_CATEGORIES: ReadonlySet<string> = new Set(['BANK_FEES_OVERDRAFT_FEES', 'BANK_FEES_INSUFFICIENT_FUNDS']);

/** Sums for one window. */
export interface WindowFlows {
  inflowCents: number;
  outflowCents: number;
  nsfFees: number;
  nsfReversals: number;
}

/** An account's flows per window: [report window, 30d, 60d, 90d]. */
export interface AccountFlows {
  activity: AccountActivity;
  windows: readonly [WindowFlows, WindowFlows, WindowFlows, WindowFlows];
  /** Posted transactions in the report window, any currency (an input of the primary score). */
  postedCount: number;
}

export interface PrimaryAccount {
  isPrimary: boolean;
  score: number;
}

/** One pass over the account's posted transactions, accumulating every window at once. */
export function summarizeAccountFlows(activity: AccountActivity, window: ReportWindow): AccountFlows {
  // Every window ends on the report date and every posted row is dated on or before it, so a row
  // belongs to a window exactly when it is dated on or after the window's first day.
  const firstDays = [window.firstDay, ...TRAILING_WINDOW_DAYS.map((days) => trailingRange(window, days).firstDay)];
  const windows = [emptyFlows(), emptyFlows(), emptyFlows(), emptyFlows()] as const;
  const depository = activity.account.type === 'depository';

  for (const { transaction, day } of activity.posted) {
    const cents = transaction.amountCents;
    const usd = isUsd(transaction.currency);
    const nsf = depository && NSF_FEE_CATEGORIES.has(transaction.enrichment.personalFinanceCategory.detailed);
    if (!usd && !nsf) continue;
    for (let w = 0; w < firstDays.length; w++) {
      if (day < firstDays[w]) continue;
      const flows = windows[w];
      if (usd && cents < 0) flows.inflowCents += cents;
      if (usd && cents > 0) flows.outflowCents += cents;
      if (nsf && cents > 0) flows.nsfFees += 1;
      if (nsf && cents < 0) flows.nsfReversals += 1;
    }
  }
  return { activity, windows, postedCount: activity.posted.length };
}

/**
 * `primary_account_score` and `is_primary_account`, decided among accounts of the same (wire)
 * type across all Items.
 *
 * score = mean of the account's share of its type's USD inflow and its share of its type's posted
 * transaction count, over the report window. A share whose type-wide total is zero is left out of
 * the mean; with neither available the score is 0. The score is rounded to 2 dp.
 * The primary account of a type is the one with the highest unrounded score, provided it is above
 * zero; ties go to the account listed first. Every other account gets `is_primary_account: null`.
 */
export function scorePrimaryAccounts(accounts: readonly AccountFlows[]): PrimaryAccount[] {
  const totals = new Map<wire.AccountType, { inflowCents: number; count: number }>();
  for (const flows of accounts) {
    const type = wireAccountType(flows.activity.account.type);
    const total = totals.get(type) ?? { inflowCents: 0, count: 0 };
    total.inflowCents += flows.windows[0].inflowCents;
    total.count += flows.postedCount;
    totals.set(type, total);
  }

  const rawScores = accounts.map((flows) => {
    const total = totals.get(wireAccountType(flows.activity.account.type))!;
    const shares: number[] = [];
    if (total.inflowCents !== 0) shares.push(flows.windows[0].inflowCents / total.inflowCents);
    if (total.count !== 0) shares.push(flows.postedCount / total.count);
    return shares.length === 0 ? 0 : shares.reduce((a, b) => a + b, 0) / shares.length;
  });

  const bestByType = new Map<wire.AccountType, number>();
  accounts.forEach((flows, i) => {
    if (rawScores[i] <= 0) return;
    const type = wireAccountType(flows.activity.account.type);
    const best = bestByType.get(type);
    if (best === undefined || rawScores[i] > rawScores[best]) bestByType.set(type, i);
  });

  return accounts.map((flows, i) => ({
    isPrimary: bestByType.get(wireAccountType(flows.activity.account.type)) === i,
    score: Math.round(rawScores[i] * 100) / 100,
  }));
}

/** Per-account `attributes`. */
export function accountAttributes(flows: AccountFlows, primary: PrimaryAccount): wire.BaseReportAttributes {
  const depository = flows.activity.account.type === 'depository';
  return {
    is_primary_account: primary.isPrimary ? true : null,
    primary_account_score: primary.score,
    ...flowAttributes(flows.windows, depository),
  };
}

/** Report-level `attributes`: the depository accounts' flows added together. */
export function userAttributes(accounts: readonly AccountFlows[]): wire.BaseReportUserAttributes {
  const depository = accounts.filter((flows) => flows.activity.account.type === 'depository');
  const windows = [emptyFlows(), emptyFlows(), emptyFlows(), emptyFlows()] as const;
  for (const flows of depository) {
    for (let w = 0; w < windows.length; w++) {
      windows[w].inflowCents += flows.windows[w].inflowCents;
      windows[w].outflowCents += flows.windows[w].outflowCents;
      windows[w].nsfFees += flows.windows[w].nsfFees;
      windows[w].nsfReversals += flows.windows[w].nsfReversals;
    }
  }
  return flowAttributes(windows, depository.length > 0);
}

function flowAttributes(
  windows: AccountFlows['windows'],
  withTotals: boolean,
): Omit<wire.BaseReportAttributes, 'is_primary_account' | 'primary_account_score'> {
  const [all, d30, d60, d90] = windows;
  const inflow = (flows: WindowFlows) => (withTotals ? amountWithCurrency(flows.inflowCents, USD) : null);
  const outflow = (flows: WindowFlows) => (withTotals ? amountWithCurrency(flows.outflowCents, USD) : null);
  return {
    nsf_overdraft_transactions_count: netNsf(all),
    nsf_overdraft_transactions_count_30d: netNsf(d30),
    nsf_overdraft_transactions_count_60d: netNsf(d60),
    nsf_overdraft_transactions_count_90d: netNsf(d90),
    total_inflow_amount: inflow(all),
    total_inflow_amount_30d: inflow(d30),
    total_inflow_amount_60d: inflow(d60),
    total_inflow_amount_90d: inflow(d90),
    total_outflow_amount: outflow(all),
    total_outflow_amount_30d: outflow(d30),
    total_outflow_amount_60d: outflow(d60),
    total_outflow_amount_90d: outflow(d90),
  };
}

/** Fees not reversed within the same window; a reversal of a fee charged earlier cannot go below zero. */
function netNsf(flows: WindowFlows): number {
  return Math.max(0, flows.nsfFees - flows.nsfReversals);
}

function emptyFlows(): WindowFlows {
  return { inflowCents: 0, outflowCents: 0, nsfFees: 0, nsfReversals: 0 };
}
