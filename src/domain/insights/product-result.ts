// The outcome of building an insight product: its `report` object, or the CHECK_REPORT_ERROR the
// product fails with (brief §D.2). Expected outcomes are values; only bugs throw.

import type { InsightsData } from './insights-data.js';

export type ProductFailureCode = 'NO_ACCOUNTS' | 'INSUFFICIENT_TRANSACTION_DATA' | 'NETWORK_CONSENT_REQUIRED';

export type ProductResult<T> = { ok: true; report: T } | { ok: false; code: ProductFailureCode; message: string };

export function productFailure(code: ProductFailureCode, message: string): { ok: false; code: ProductFailureCode; message: string } {
  return { ok: false, code, message };
}

/**
 * Products computed from depository cash flow need some (brief §D.2): NO_ACCOUNTS when the
 * report has no depository account, INSUFFICIENT_TRANSACTION_DATA when its depository accounts
 * have no posted transaction in the report window. Null when there is data to work with.
 */
export function depositoryDataProblem(data: InsightsData, product: string): { ok: false; code: ProductFailureCode; message: string } | null {
  const depository = new Set(data.accounts.filter((a) => a.type === 'depository').map((a) => a.accountId));
  if (depository.size === 0) return productFailure('NO_ACCOUNTS', `No depository accounts were found for this user, so ${product} cannot be generated`);
  if (!data.transactions.some((t) => !t.pending && depository.has(t.accountId))) {
    return productFailure('INSUFFICIENT_TRANSACTION_DATA', `the user's depository accounts have no posted transactions in the report window, so ${product} cannot be generated`);
  }
  return null;
}
