// Verification of Assets (`report.voa` of /cra/check_report/verification/get), computed from a
// ready Base Report so that it describes exactly the data the consumer report holds.
//
// Rules (docs/verification-and-pdf.md):
// - Accounts: the asset accounts only — depository and investment (brokerage) accounts. Credit
//   and loan accounts hold no assets and are left out; an Item left with none is left out too.
// - Window: the Base Report's (`days_requested`, ending on the report date). `all_transactions`
//   lists every transaction of the account in it, as the Base Report does; `start_date` and
//   `end_date` are the window's first day and the report date.
// - `historical_balances`: the Base Report's daily balances (newest first).
// - `average_balance_30_days` / `_60_days` / `_90_days` (the last per brief §G.7): the mean of the
//   daily balances of the last 30/60/90 days, counted back from the report date inclusive
//   (§G.19), rounded half away from zero to cents; null without daily balances (investment
//   accounts, accounts with no current balance).
// - `nsf_overdraft_transactions_count`: the Base Report's count over the window.
// - `attributes.total_inflow_amount` / `total_outflow_amount`: the Base Report's user-level totals
//   (depository accounts, USD, posted transactions).
// - `large_deposits` (opencheck addition): posted USD deposits into a depository account of more
//   than $5,000.00 — the brief's large-deposit threshold (§E.1, LARGE_DEPOSIT_DETECTED).
// - `investments`: carried over when the Base Report has them (`include_investments`).

import { meanCents, toCents } from '../money.js';
import type * as base from '../reports/base-report-wire.js';
import { decimalAmount } from '../reports/wire-amounts.js';
import { epochDayFromIsoDate, inRange, isoDateFromEpochDay, reportWindow, trailingRange, type ReportWindow } from '../reports/windows.js';
import { verificationItems } from './report-items.js';
import type * as wire from './verification-wire.js';

/** Deposits strictly above this (in USD cents) are large deposits (brief §E.1: "> $5,000"). */
export const LARGE_DEPOSIT_THRESHOLD_CENTS = 500_000;

/** The trailing windows of the VOA's average balances. */
export const VOA_AVERAGE_DAYS = [30, 60, 90] as const;

const ASSET_TYPES: ReadonlySet<base.AccountType> = new Set(['depository', 'investment', 'brokerage']);

/** Whether an account holds assets a VOA verifies. */
export function isAssetAccount(account: Pick<base.BaseReportAccount, 'type'>): boolean {
  return ASSET_TYPES.has(account.type);
}

/** Computes `report.voa` from a Base Report. */
export function computeVoa(report: base.BaseReport): wire.VoaReport {
  const window = reportWindow(report.date_generated, report.days_requested);
  const items: wire.VoaItem[] = verificationItems(report, (item) => item.accounts.filter(isAssetAccount).map((account) => voaAccount(account, window)));
  return {
    generated_time: report.date_generated,
    days_requested: report.days_requested,
    items,
    attributes: {
      total_inflow_amount: report.attributes.total_inflow_amount,
      total_outflow_amount: report.attributes.total_outflow_amount,
    },
  };
}

function voaAccount(account: base.BaseReportAccount, window: ReportWindow): wire.VoaAccount {
  const [avg30, avg60, avg90] = VOA_AVERAGE_DAYS.map((days) => averageBalance(account.historical_balances, window, days));
  const voa: wire.VoaAccount = {
    account_id: account.account_id,
    balances: {
      available: account.balances.available,
      current: account.balances.current,
      iso_currency_code: account.balances.iso_currency_code,
      unofficial_currency_code: account.balances.unofficial_currency_code,
      historical_balances: account.historical_balances,
      average_balance_30_days: avg30,
      average_balance_60_days: avg60,
      average_balance_90_days: avg90,
      nsf_overdraft_transactions_count: account.attributes.nsf_overdraft_transactions_count,
    },
    consumer_disputes: account.consumer_disputes,
    mask: account.mask,
    name: account.name,
    official_name: account.official_name,
    type: account.type,
    subtype: account.subtype,
    days_available: account.days_available,
    transactions_insights: {
      all_transactions: account.transactions,
      start_date: isoDateFromEpochDay(window.firstDay),
      end_date: isoDateFromEpochDay(window.reportDay),
      large_deposits: account.type === 'depository' ? largeDeposits(account.transactions) : [],
    },
    owners: account.owners,
    ownership_type: account.ownership_type,
  };
  if (account.investments) voa.investments = account.investments;
  return voa;
}

/** Mean daily balance over the last `days` days of the window; null when there are no daily balances. */
export function averageBalance(balances: readonly base.BaseReportHistoricalBalance[], window: ReportWindow, days: number): number | null {
  const range = trailingRange(window, days);
  const cents = balances.filter((b) => inRange(epochDayFromIsoDate(b.date), range)).map((b) => toCents(b.current));
  const mean = meanCents(cents);
  return mean === null ? null : decimalAmount(mean);
}

/** Posted USD deposits above the threshold, in the order the account lists them (oldest first). */
export function largeDeposits(transactions: readonly base.BaseReportTransaction[]): wire.LargeDeposit[] {
  return transactions
    .filter((t) => !t.pending && t.iso_currency_code === 'USD' && -toCents(t.amount) > LARGE_DEPOSIT_THRESHOLD_CENTS)
    .map((t) => ({
      transaction_id: t.transaction_id,
      date: t.date,
      amount: t.amount,
      iso_currency_code: t.iso_currency_code,
      unofficial_currency_code: t.unofficial_currency_code,
      original_description: t.original_description,
      credit_category: t.credit_category,
    }));
}
