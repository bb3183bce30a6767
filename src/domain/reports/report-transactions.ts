// A stored transaction as a `BaseReportTransaction`.

import type { Transaction } from '../model.js';
import type * as wire from './base-report-wire.js';
import { transactionDate } from './account-activity.js';
import { decimalAmount } from './wire-amounts.js';

/** opencheck has no merchant geodata; the contract's `Location` lists every key as required, so all are null. */
function emptyLocation(): wire.Location {
  return { address: null, city: null, region: null, postal_code: null, country: null, lat: null, lon: null, store_number: null };
}

/**
 * `amount` keeps Plaid's sign (positive = money out). `date` is the posted date, or the transacted
 * date while pending. `account_owner` and `check_number` are never known here, so null.
 */
export function toWireTransaction(transaction: Transaction): wire.BaseReportTransaction {
  const { enrichment } = transaction;
  return {
    transaction_id: transaction.transactionId,
    account_id: transaction.accountId,
    amount: decimalAmount(transaction.amountCents),
    iso_currency_code: transaction.currency.isoCurrencyCode,
    unofficial_currency_code: transaction.currency.unofficialCurrencyCode,
    original_description: transaction.originalDescription,
    date: transactionDate(transaction),
    date_transacted: transaction.dateTransacted,
    pending: transaction.pending,
    merchant_name: enrichment.merchantName,
    name: enrichment.name,
    credit_category: { primary: enrichment.creditCategory.primary, detailed: enrichment.creditCategory.detailed },
    personal_finance_category: {
      primary: enrichment.personalFinanceCategory.primary,
      detailed: enrichment.personalFinanceCategory.detailed,
      confidence_level: enrichment.personalFinanceCategory.confidenceLevel,
    },
    transaction_type: enrichment.transactionType,
    location: emptyLocation(),
    account_owner: null,
    check_number: null,
  };
}
