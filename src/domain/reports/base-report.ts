// The Base Report (`/cra/check_report/base_report/get` → `report`), computed from the user's
// linked Items as of the instant the report is generated. Pure: the caller supplies the ids and
// the server clock's instant; nothing here reads a clock or storage.
//
// The output is the contract's wire shape on purpose; see base-report-wire.ts.
//
// Window: the report date is the UTC calendar date of `generatedAt`, and the report covers
// [report date − days_requested + 1 … report date], both ends included. A transaction belongs to
// the report when its `date` (posted date, or transacted date while pending) is inside.

import type { IsoDateTime, LinkedItem } from '../model.js';
import type * as wire from './base-report-wire.js';
import { collectAccountActivity, daysAvailable, type AccountActivity } from './account-activity.js';
import { accountAttributes, scorePrimaryAccounts, summarizeAccountFlows, userAttributes } from './account-attributes.js';
import { accountInsights } from './account-insights.js';
import { wireAccountType } from './account-types.js';
import { accountBalances, dailyBalancesCents, historicalBalances } from './historical-balances.js';
import { toWireInvestments } from './investments.js';
import { toWireOwner } from './owners.js';
import { toWireTransaction } from './report-transactions.js';
import { isoDateFromEpochDay, reportWindow, type ReportWindow } from './windows.js';

export { computeReportWarnings, evaluateReportOutcome } from './report-outcome.js';
export type { ReportFailureReason, ReportOutcome, ReportOutcomeInput } from './report-outcome.js';

export type BaseReport = wire.BaseReport;

export interface BaseReportInput {
  reportId: string;
  /** The server clock's instant when generation ran; becomes `date_generated`. */
  generatedAt: IsoDateTime;
  /** Effective `days_requested`, already clamped to at least 180 by the caller. */
  daysRequested: number;
  clientReportId: string | null;
  items: LinkedItem[];
  /** `include_investments`: adds `investments` to accounts that have investment data. */
  includeInvestments: boolean;
}

/**
 * Computes the Base Report `report` object. Items and accounts keep the input order;
 * each account's `transactions` are oldest first (ties by `transaction_id`), as in the contract's
 * base_report/get example, and `historical_balances` newest first, as in its only example of them.
 */
export function computeBaseReport(input: BaseReportInput): BaseReport {
  const window = reportWindow(input.generatedAt, input.daysRequested);

  const activitiesPerItem = input.items.map((linked) => collectAccountActivity(linked, window));
  const allActivities = activitiesPerItem.flat();
  const flows = allActivities.map((activity) => summarizeAccountFlows(activity, window));
  const primaries = scorePrimaryAccounts(flows);

  let index = 0;
  const items = input.items.map((linked, itemIndex): wire.BaseReportItem => ({
    institution_name: linked.item.institutionName,
    institution_id: linked.item.institutionId,
    item_id: linked.item.itemId,
    date_last_updated: linked.item.lastUpdatedAt,
    accounts: activitiesPerItem[itemIndex].map((activity) => {
      const i = index++;
      return toWireAccount(activity, window, accountAttributes(flows[i], primaries[i]), input.includeInvestments);
    }),
  }));

  return {
    report_id: input.reportId,
    date_generated: input.generatedAt,
    days_requested: input.daysRequested,
    client_report_id: input.clientReportId,
    items,
    attributes: userAttributes(flows),
  };
}

function toWireAccount(
  activity: AccountActivity,
  window: ReportWindow,
  attributes: wire.BaseReportAttributes,
  includeInvestments: boolean,
): wire.BaseReportAccount {
  const { account } = activity;
  const available = daysAvailable(activity.earliestDay, window);
  const daily = dailyBalancesCents(activity, window);
  const firstInWindow = activity.inWindow[0];

  const wireAccount: wire.BaseReportAccount = {
    account_id: account.accountId,
    name: account.name,
    official_name: account.officialName,
    mask: account.mask,
    type: wireAccountType(account.type),
    subtype: account.subtype,
    days_available: available,
    ownership_type: account.ownershipType,
    // The range of institution-provided data in this report: from the oldest transaction in the
    // window to the report date (Plaid's example ends it on the generation date); both null when
    // the window holds no transaction.
    metadata: {
      start_date: firstInWindow === undefined ? null : isoDateFromEpochDay(firstInWindow.day),
      end_date: firstInWindow === undefined ? null : isoDateFromEpochDay(window.reportDay),
    },
    balances: accountBalances(activity, daily, window),
    owners: account.owners.map(toWireOwner),
    consumer_disputes: [],
    transactions: activity.inWindow.map((dated) => toWireTransaction(dated.transaction)),
    historical_balances: historicalBalances(account, daily, window),
    attributes,
    account_insights: accountInsights(activity, window, available),
  };

  if (includeInvestments) {
    const investments = toWireInvestments(account, window);
    if (investments !== null) wireAccount.investments = investments;
  }
  return wireAccount;
}
