// Whether a report can be built at all, and the warnings that go with one that can.

import type { IsoDateTime, LinkedItem } from '../model.js';
import type * as wire from './base-report-wire.js';
import { collectAccountActivity, daysAvailable } from './account-activity.js';
import { hasOwnerIdentity } from './owners.js';
import { reportWindow } from './windows.js';

export interface ReportOutcomeInput {
  items: LinkedItem[];
  generatedAt: IsoDateTime;
  /** Effective (already clamped) `days_requested`. */
  daysRequested: number;
  /** `days_required` from the create request; null or 0 means no minimum. */
  daysRequired: number | null;
  /** `base_report.require_identity`. */
  requireIdentity: boolean;
}

export type ReportFailureReason = 'NO_ACCOUNTS' | 'INSTITUTION_TRANSACTION_HISTORY_NOT_SUPPORTED' | 'IDENTITY_UNAVAILABLE';

export type ReportOutcome = { ok: true } | { ok: false; reason: ReportFailureReason };

/**
 * Decides whether a Base Report is READY or FAILED, checking in this order:
 * 1. `NO_ACCOUNTS` when the user's Items hold no account of any type (a credit-only user is fine).
 * 2. `INSTITUTION_TRANSACTION_HISTORY_NOT_SUPPORTED` when `days_required` is set and the user's
 *    history is shorter: history = the longest `days_available` among the accounts, i.e. days from
 *    an account's earliest transaction (even one older than the window) to the report date, both
 *    included, capped at `days_requested` (brief §G.1).
 * 3. `IDENTITY_UNAVAILABLE` when `require_identity` is set and no account anywhere has an owner
 *    with a non-blank name. One identified account is enough: the report is about one consumer,
 *    and an Item that lacks identity still yields its IDENTITY_UNAVAILABLE warning.
 */
export function evaluateReportOutcome(input: ReportOutcomeInput): ReportOutcome {
  const accounts = input.items.flatMap((linked) => linked.accounts);
  if (accounts.length === 0) return { ok: false, reason: 'NO_ACCOUNTS' };

  if (input.daysRequired !== null && input.daysRequired > 0) {
    const window = reportWindow(input.generatedAt, input.daysRequested);
    let history = 0;
    for (const linked of input.items) {
      for (const activity of collectAccountActivity(linked, window)) {
        history = Math.max(history, daysAvailable(activity.earliestDay, window));
      }
    }
    if (history < input.daysRequired) return { ok: false, reason: 'INSTITUTION_TRANSACTION_HISTORY_NOT_SUPPORTED' };
  }

  if (input.requireIdentity && !accounts.some(hasOwnerIdentity)) return { ok: false, reason: 'IDENTITY_UNAVAILABLE' };

  return { ok: true };
}

/**
 * The `warnings` of a Base Report, per Item in input order:
 * - `IDENTITY_UNAVAILABLE` when none of the Item's accounts has an owner with a non-blank name
 *   (an Item with no account included).
 * - `TRANSACTIONS_UNAVAILABLE` when the Item has credit or depository accounts (the contract's
 *   wording: "associated with Credit and Depository accounts") and none of them has any
 *   transaction at all. An Item that delivered history for some accounts is not warned about the
 *   quiet ones: a dormant savings account is data, not missing data.
 * `USER_FRAUD_ALERT` concerns the user rather than Items, so the caller adds it when it applies.
 * Each warning's `cause` is a CHECK_REPORT_ERROR `DATA_UNAVAILABLE` naming the Item.
 */
export function computeReportWarnings(items: readonly LinkedItem[]): wire.BaseReportWarning[] {
  const warnings: wire.BaseReportWarning[] = [];
  for (const linked of items) {
    const itemId = linked.item.itemId;
    if (!linked.accounts.some(hasOwnerIdentity)) {
      warnings.push(warning('IDENTITY_UNAVAILABLE', itemId, 'account owner information is not available for this item'));
    }
    const transactional = new Set(
      linked.accounts.filter((a) => a.type === 'credit' || a.type === 'depository').map((a) => a.accountId),
    );
    if (transactional.size > 0 && !linked.transactions.some((t) => transactional.has(t.accountId))) {
      warnings.push(warning('TRANSACTIONS_UNAVAILABLE', itemId, 'transactions are not available for the credit and depository accounts of this item'));
    }
  }
  return warnings;
}

function warning(code: wire.BaseReportWarningCode, itemId: string, message: string): wire.BaseReportWarning {
  return {
    warning_type: 'BASE_REPORT_WARNING',
    warning_code: code,
    cause: {
      error_type: 'CHECK_REPORT_ERROR',
      error_code: 'DATA_UNAVAILABLE',
      error_message: message,
      display_message: null,
      item_id: itemId,
    },
  };
}
