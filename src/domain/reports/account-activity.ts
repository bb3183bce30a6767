// One pass over an Item's transactions that every Base Report calculation starts from: each
// transaction is dated once (as an epoch day), assigned to its account, and kept if it falls in
// the report window. Everything downstream is then linear in transactions plus days.

import type { Account, Item, LinkedItem, Transaction } from '../model.js';
import { epochDayFromIsoDate, type ReportWindow } from './windows.js';

export interface DatedTransaction {
  transaction: Transaction;
  /**
   * Epoch day of the transaction's wire `date`: the posted date, or the transacted date while
   * pending (the contract's definition of `BaseReportTransaction.date`).
   */
  day: number;
}

export interface AccountActivity {
  item: Item;
  account: Account;
  /** Transactions dated inside the report window, ascending by day, then by transaction_id. */
  inWindow: DatedTransaction[];
  /** The posted (non-pending) subset of `inWindow`, same order. */
  posted: DatedTransaction[];
  /**
   * Earliest `date` among all the account's transactions dated on or before the report date,
   * including those older than the window (brief §G.1); null when there are none.
   */
  earliestDay: number | null;
}

/** The wire `date` of a transaction: posted date, or transacted date while pending. */
export function transactionDate(transaction: Transaction): string {
  if (transaction.pending) return transaction.dateTransacted;
  return transaction.datePosted ?? transaction.dateTransacted;
}

/**
 * Groups an Item's transactions by account, in the Item's account order. Transactions naming an
 * account the Item does not have are dropped: there is nowhere to report them.
 */
export function collectAccountActivity(linked: LinkedItem, window: ReportWindow): AccountActivity[] {
  const byAccount = new Map<string, { activity: AccountActivity; perDay: DatedTransaction[][] }>();
  const activities = linked.accounts.map((account) => {
    const activity: AccountActivity = { item: linked.item, account, inWindow: [], posted: [], earliestDay: null };
    byAccount.set(account.accountId, { activity, perDay: [] });
    return activity;
  });

  // Many transactions share a date, so each distinct date string is parsed once.
  const dayOf = new Map<string, number>();
  for (const transaction of linked.transactions) {
    const entry = byAccount.get(transaction.accountId);
    if (entry === undefined) continue;
    const date = transactionDate(transaction);
    let day = dayOf.get(date);
    if (day === undefined) {
      day = epochDayFromIsoDate(date);
      dayOf.set(date, day);
    }
    if (day > window.reportDay) continue;
    const { activity, perDay } = entry;
    if (activity.earliestDay === null || day < activity.earliestDay) activity.earliestDay = day;
    if (day < window.firstDay) continue;
    // Bucketing by day orders the window in O(transactions + days); only same-day rows need sorting.
    (perDay[day - window.firstDay] ??= []).push({ transaction, day });
  }

  for (const { activity, perDay } of byAccount.values()) {
    for (const sameDay of perDay) {
      if (sameDay === undefined) continue;
      if (sameDay.length > 1 && !isSortedById(sameDay)) sameDay.sort(byTransactionId);
      for (const dated of sameDay) {
        activity.inWindow.push(dated);
        if (!dated.transaction.pending) activity.posted.push(dated);
      }
    }
  }
  return activities;
}

/**
 * `days_available`: days from the account's earliest transaction to the report date, both
 * included, capped at `days_requested`; 0 when the account has no transaction. Counting both ends
 * means an account whose history starts on the window's first day reports exactly
 * `days_requested`, as in Plaid's example (365 / 365).
 */
export function daysAvailable(earliestDay: number | null, window: ReportWindow): number {
  if (earliestDay === null) return 0;
  return Math.min(window.daysRequested, window.reportDay - earliestDay + 1);
}

function byTransactionId(a: DatedTransaction, b: DatedTransaction): number {
  const idA = a.transaction.transactionId;
  const idB = b.transaction.transactionId;
  return idA < idB ? -1 : idA > idB ? 1 : 0;
}

function isSortedById(rows: readonly DatedTransaction[]): boolean {
  for (let i = 1; i < rows.length; i++) if (byTransactionId(rows[i - 1], rows[i]) > 0) return false;
  return true;
}
