// Employment Refresh (`report.employment_refresh` of /cra/check_report/verification/get): the
// payroll deposits of the last days, without amounts, so that a lender can confirm before closing
// that the borrower is still paid by the same employer (brief §C.2).
//
// Rules (docs/verification-and-pdf.md):
// - A payroll deposit is money in (negative amount) on a depository account whose enrichment
//   credit category is `INCOME_SALARY` — what the enrichment rules give wages from an employer
//   ("… Direct Dep", "PAYROLL", ADP, Gusto …). Gig-platform payouts, benefits, interest and
//   transfers are not payroll. Pending deposits are listed and flagged.
// - Window: the last `days_requested` days counted back from the report date inclusive, clipped
//   to the Base Report's window (the report holds no older data); the report echoes the days it
//   actually covers.
// - Every depository account is listed, with its payroll deposits (possibly none), so the reader
//   sees which accounts were looked at. Items without a depository account are left out.
// - `employers` (opencheck addition): the payroll deposits grouped by employer — the enrichment's
//   cleaned name (`name`, e.g. "Weyland Yutani" for "Weyland-Yutani Direct Dep"), else
//   `merchant_name`, else the raw description — with the most recent pay date; most recent first,
//   then by name.

import type * as base from '../reports/base-report-wire.js';
import { epochDayFromIsoDate, inRange, reportWindow, trailingRange } from '../reports/windows.js';
import { verificationItems } from './report-items.js';
import type * as wire from './verification-wire.js';

/** Whether a Base Report transaction is a payroll deposit. */
export function isPayrollDeposit(transaction: base.BaseReportTransaction): boolean {
  return transaction.amount < 0 && transaction.credit_category?.detailed === 'INCOME_SALARY';
}

/** The employer a payroll deposit names. */
export function employerName(transaction: base.BaseReportTransaction): string {
  return transaction.name ?? transaction.merchant_name ?? transaction.original_description ?? 'Unknown employer';
}

/** Computes `report.employment_refresh` over the last `daysRequested` days of a Base Report. */
export function computeEmploymentRefresh(report: base.BaseReport, daysRequested: number): wire.EmploymentRefreshReport {
  const window = reportWindow(report.date_generated, report.days_requested);
  const range = trailingRange(window, daysRequested);
  const employers = new Map<string, { name: string; dates: string[]; accountIds: Set<string> }>();

  const items: wire.EmploymentRefreshItem[] = verificationItems(report, (item) =>
    item.accounts
      .filter((account) => account.type === 'depository')
      .map((account): wire.EmploymentRefreshAccount => {
        const deposits = account.transactions.filter((t) => isPayrollDeposit(t) && inRange(epochDayFromIsoDate(t.date), range));
        for (const deposit of deposits) {
          const name = employerName(deposit);
          const key = name.toUpperCase();
          const employer = employers.get(key) ?? { name, dates: [], accountIds: new Set<string>() };
          employer.dates.push(deposit.date);
          employer.accountIds.add(account.account_id);
          employers.set(key, employer);
        }
        return {
          account_id: account.account_id,
          name: account.name,
          official_name: account.official_name,
          type: account.type,
          subtype: account.subtype,
          transactions: deposits.map((t) => ({
            account_id: t.account_id,
            original_description: t.original_description ?? '',
            date: t.date,
            pending: t.pending,
            transaction_id: t.transaction_id,
          })),
        };
      }),
  );

  return {
    generated_time: report.date_generated,
    days_requested: range.lastDay - range.firstDay + 1,
    items,
    employers: [...employers.values()]
      .map((e) => ({
        name: e.name,
        most_recent_pay_date: e.dates.reduce((a, b) => (a > b ? a : b)),
        deposit_count: e.dates.length,
        account_ids: [...e.accountIds],
      }))
      .sort((a, b) => compare(b.most_recent_pay_date, a.most_recent_pay_date) || compare(a.name, b.name)),
  };
}

/** Code-unit order: the same on every machine, unlike a locale's. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
