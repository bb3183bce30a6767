// Cents → the contract's decimal numbers and `CreditAmountWithCurrency` objects.

import type { Currency } from '../model.js';
import { fromCents } from '../money.js';
import type * as wire from './base-report-wire.js';

/** USD, the only currency the attribute totals count (the contract: "only takes into account USD transactions"). */
export const USD: Currency = { isoCurrencyCode: 'USD', unofficialCurrencyCode: null };

/** A 2-dp decimal amount; never `-0`, which would survive as a distinct value in stored JSON comparisons. */
export function decimalAmount(cents: number): number {
  return fromCents(cents) + 0;
}

export function amountWithCurrency(cents: number, currency: Currency): wire.CreditAmountWithCurrency {
  return {
    amount: decimalAmount(cents),
    iso_currency_code: currency.isoCurrencyCode,
    unofficial_currency_code: currency.unofficialCurrencyCode,
  };
}

export function isUsd(currency: Currency): boolean {
  return currency.isoCurrencyCode === 'USD';
}
