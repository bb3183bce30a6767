// `historical_balances` and the balance averages derived from them.
//
// Balances are reconstructed backwards from the account's current balance by posted date (the
// contract: "calculated from the current balance … by subtracting inflows and adding back outflows
// according to the posted date of each transaction"). Pending transactions have no posted date and
// so never move a historical balance.

import type { Account } from '../model.js';
import { meanCents } from '../money.js';
import type * as wire from './base-report-wire.js';
import type { AccountActivity } from './account-activity.js';
import { balanceIsOwed } from './account-types.js';
import { amountWithCurrency, decimalAmount } from './wire-amounts.js';
import { calendarMonths, isoDateFromEpochDay, trailingRange, type ReportWindow } from './windows.js';

/** Days averaged by `most_recent_thirty_day_average_balance`. */
const RECENT_AVERAGE_DAYS = 30;

/**
 * End-of-day balances in cents, one per window day, index 0 = the window's first day; null when
 * the account gets no history (investment accounts, or no current balance to start from).
 *
 * Depository (and other) accounts: balance(d) = current + Σ amount posted after d, since a
 * positive amount took money out after d. Credit and loan accounts report `current` as the amount
 * owed, which an outflow (purchase) raises, so the sign flips: owed(d) = current − Σ amount posted
 * after d. Only transactions posted up to the report date count: `current` is the balance as of
 * then.
 */
export function dailyBalancesCents(activity: AccountActivity, window: ReportWindow): number[] | null {
  const { account } = activity;
  if (account.type === 'investment' || account.currentCents === null) return null;

  const days = window.lastDay - window.firstDay + 1;
  const postedPerDay = new Array<number>(days).fill(0);
  for (const { transaction, day } of activity.posted) postedPerDay[day - window.firstDay] += transaction.amountCents;

  const sign = balanceIsOwed(account.type) ? -1 : 1;
  const balances = new Array<number>(days);
  let balance = account.currentCents;
  for (let i = days - 1; i >= 0; i--) {
    balances[i] = balance;
    balance += sign * postedPerDay[i];
  }
  return balances;
}

/** `historical_balances`: newest first, as in the contract's only example of them (VOA). */
export function historicalBalances(
  account: Account,
  daily: readonly number[] | null,
  window: ReportWindow,
): wire.BaseReportHistoricalBalance[] {
  if (daily === null) return [];
  const out: wire.BaseReportHistoricalBalance[] = new Array(daily.length);
  for (let i = daily.length - 1, j = 0; i >= 0; i--, j++) {
    out[j] = {
      date: isoDateFromEpochDay(window.firstDay + i),
      current: decimalAmount(daily[i]),
      iso_currency_code: account.currency.isoCurrencyCode,
      unofficial_currency_code: account.currency.unofficialCurrencyCode,
    };
  }
  return out;
}

/**
 * `balances`: the institution's figures plus the averages of the daily history. Every mean is
 * over whole days (each day's end-of-day balance weighs the same) and rounded half away from
 * zero to cents. Monthly averages cover each calendar month overlapping the window, the first
 * and last clipped to it, oldest first.
 */
export function accountBalances(
  activity: AccountActivity,
  daily: readonly number[] | null,
  window: ReportWindow,
): wire.BaseReportAccountBalances {
  const { account, item } = activity;
  const averages = daily === null ? null : balanceAverages(account, daily, window);
  return {
    available: centsOrNull(account.availableCents),
    current: centsOrNull(account.currentCents),
    limit: centsOrNull(account.limitCents),
    iso_currency_code: account.currency.isoCurrencyCode,
    unofficial_currency_code: account.currency.unofficialCurrencyCode,
    last_updated_datetime: item.lastUpdatedAt,
    average_balance: averages?.average_balance ?? null,
    average_monthly_balances: averages?.average_monthly_balances ?? [],
    most_recent_thirty_day_average_balance: averages?.most_recent_thirty_day_average_balance ?? null,
  };
}

function balanceAverages(account: Account, daily: readonly number[], window: ReportWindow) {
  const meanOver = (firstDay: number, lastDay: number): number =>
    meanCents(daily.slice(firstDay - window.firstDay, lastDay - window.firstDay + 1)) ?? 0;

  const recent = trailingRange(window, RECENT_AVERAGE_DAYS);
  return {
    average_balance: decimalAmount(meanOver(window.firstDay, window.lastDay)),
    average_monthly_balances: calendarMonths(window).map((month) => ({
      start_date: isoDateFromEpochDay(month.firstDay),
      end_date: isoDateFromEpochDay(month.lastDay),
      average_balance: amountWithCurrency(meanOver(month.firstDay, month.lastDay), account.currency),
    })),
    most_recent_thirty_day_average_balance: decimalAmount(meanOver(recent.firstDay, recent.lastDay)),
  };
}

function centsOrNull(cents: number | null): number | null {
  return cents === null ? null : decimalAmount(cents);
}
