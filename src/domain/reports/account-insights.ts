// `account_insights` (BaseReportAccountInsights), deprecated by Plaid in favour of `attributes`
// but still in the contract.
//
// opencheck's rules, where Plaid documents only field names:
// - Computed from the account's posted transactions in the report window (pending rows may still
//   change), like the attributes. `days_available` is the account's own `days_available`.
// - `average_days_between_transactions` = (newest − oldest transaction date) / (count − 1), in days,
//   rounded to 2 dp; 0 with fewer than two transactions.
// - `number_of_days_no_transactions` = days from the oldest transaction to the report date (both
//   included) on which nothing posted; 0 when there is no transaction.
// - Monthly arrays have one entry per calendar month from the month of the oldest transaction to
//   the report date's month, oldest first, the first month clipped to the window and the last
//   ending on the report date. They are empty for non-depository accounts (the contract says so for
//   the flow arrays; opencheck applies it to the gap array too) and for accounts with no
//   transaction.
// - Per month: `longest_gaps…days` = largest difference in days between consecutive transactions
//   in that month (0 for two on the same day), null with fewer than two; `number_of_inflows` /
//   `number_of_outflows` count negative / positive amounts in any currency;
//   `average_inflow_amounts` / `average_outflow_amounts` are the mean absolute amount of the USD
//   inflows / outflows (positive, per the 2025-05 changelog), rounded half away from zero to
//   cents, and 0 in a month without any.

import { meanCents } from '../money.js';
import type * as wire from './base-report-wire.js';
import type { AccountActivity, DatedTransaction } from './account-activity.js';
import { amountWithCurrency, isUsd, USD } from './wire-amounts.js';
import { calendarMonths, isoDateFromEpochDay, monthStart, type DayRange, type ReportWindow } from './windows.js';

interface MonthTally {
  range: DayRange;
  longestGapDays: number | null;
  inflows: number;
  outflows: number;
  usdInflowCents: number[];
  usdOutflowCents: number[];
}

export function accountInsights(
  activity: AccountActivity,
  window: ReportWindow,
  daysAvailable: number,
): wire.BaseReportAccountInsights {
  const posted = activity.posted;
  const count = posted.length;
  const oldest = count > 0 ? posted[0].day : null;
  const newest = count > 0 ? posted[count - 1].day : null;

  const insights: wire.BaseReportAccountInsights = {
    oldest_transaction_date: oldest === null ? null : isoDateFromEpochDay(oldest),
    most_recent_transaction_date: newest === null ? null : isoDateFromEpochDay(newest),
    days_available: daysAvailable,
    average_days_between_transactions:
      oldest !== null && newest !== null && count >= 2 ? Math.round(((newest - oldest) / (count - 1)) * 100) / 100 : 0,
    longest_gaps_between_transactions: [],
    number_of_inflows: [],
    average_inflow_amounts: [],
    number_of_outflows: [],
    average_outflow_amounts: [],
    number_of_days_no_transactions: oldest === null ? 0 : daysWithoutTransactions(posted, oldest, window.reportDay),
  };
  if (oldest === null || activity.account.type !== 'depository') return insights;

  const months = tallyMonths(posted, {
    firstDay: Math.max(monthStart(oldest), window.firstDay),
    lastDay: window.reportDay,
  });
  for (const month of months) {
    const period = { start_date: isoDateFromEpochDay(month.range.firstDay), end_date: isoDateFromEpochDay(month.range.lastDay) };
    insights.longest_gaps_between_transactions.push({ ...period, days: month.longestGapDays });
    insights.number_of_inflows.push({ ...period, count: month.inflows });
    insights.number_of_outflows.push({ ...period, count: month.outflows });
    insights.average_inflow_amounts.push({ ...period, total_amount: amountWithCurrency(meanCents(month.usdInflowCents) ?? 0, USD) });
    insights.average_outflow_amounts.push({ ...period, total_amount: amountWithCurrency(meanCents(month.usdOutflowCents) ?? 0, USD) });
  }
  return insights;
}

/** Days in [oldestDay, reportDay] on which no transaction posted; `posted` is sorted by day. */
function daysWithoutTransactions(posted: readonly DatedTransaction[], oldestDay: number, reportDay: number): number {
  let distinctDays = 0;
  let previous = Number.NaN;
  for (const { day } of posted) {
    if (day !== previous) distinctDays++;
    previous = day;
  }
  return reportDay - oldestDay + 1 - distinctDays;
}

/** Walks the sorted transactions once, advancing through the months alongside them. */
function tallyMonths(posted: readonly DatedTransaction[], range: DayRange): MonthTally[] {
  const months: MonthTally[] = calendarMonths(range).map((monthRange) => ({
    range: monthRange,
    longestGapDays: null,
    inflows: 0,
    outflows: 0,
    usdInflowCents: [],
    usdOutflowCents: [],
  }));

  let m = 0;
  let previousDayInMonth: number | null = null;
  for (const { transaction, day } of posted) {
    while (day > months[m].range.lastDay) {
      m++;
      previousDayInMonth = null;
    }
    const month = months[m];
    if (previousDayInMonth !== null) {
      month.longestGapDays = Math.max(month.longestGapDays ?? 0, day - previousDayInMonth);
    }
    previousDayInMonth = day;

    const cents = transaction.amountCents;
    const usd = isUsd(transaction.currency);
    if (cents < 0) {
      month.inflows++;
      if (usd) month.usdInflowCents.push(-cents);
    } else if (cents > 0) {
      month.outflows++;
      if (usd) month.usdOutflowCents.push(cents);
    }
  }
  return months;
}
