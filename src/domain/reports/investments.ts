// `investments` (BaseReportInvestments) from the holdings and investment transactions that a
// custom-user config gave the account, stored as given (config snake_case; see
// `Account.investments`). The config names securities by ticker/CUSIP/ISIN and carries no Plaid
// ids, so this module derives what the contract needs:
// - `security_id`: a deterministic id from the security's identifier (ISIN, else CUSIP, else
//   ticker), so one security has one id across accounts and reports, as at Plaid; a given
//   `security_id` wins.
// - `investment_transaction_id`: deterministic from the account id and the row's position; a
//   given id wins.
// - `institution_value` = price × quantity (2 dp) unless given; `cost_basis` as given, else null.
// - Transactions: quantity is negative for sells (the contract's sign); `amount` = quantity ×
//   price + fees (2 dp) unless given, so buys are positive (cash debited) and sells negative;
//   `subtype` defaults per type (buy→buy, sell→sell, fee→account fee, transfer→transfer,
//   cancel→adjustment, cash→deposit/withdrawal by the amount's sign).
// - Only investment transactions dated inside the report window are listed, oldest first, like
//   the account's other transactions.
// - Security `type` is taken when given; otherwise `CUR:` tickers are `cryptocurrency`, OCC option
//   symbols are `derivative`, and anything else is null rather than a guess.
// - Rows lacking a number the contract requires (price, quantity) or a valid date/type are skipped.

import { createHash } from 'node:crypto';
import type { Account, Currency } from '../model.js';
import type * as wire from './base-report-wire.js';
import { epochDayFromIsoDate, inRange, type ReportWindow } from './windows.js';

type Row = Record<string, unknown>;

const TRANSACTION_TYPES: ReadonlySet<string> = new Set(['buy', 'sell', 'cancel', 'cash', 'fee', 'transfer']);
const OCC_OPTION_SYMBOL = /^[A-Z.]{1,6}\d{6}[CP]\d{8}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The account's investments, or null when it has none to report. */
export function toWireInvestments(account: Account, window: ReportWindow): wire.BaseReportInvestments | null {
  const source = account.investments;
  if (source === null) return null;

  const securities = new Map<string, wire.BaseReportInvestmentSecurity>();
  const securityIdOf = (security: unknown, fallbackKey: string): string | null => {
    if (!isRow(security)) return null;
    const given = text(security.security_id);
    const isin = text(security.isin);
    const cusip = text(security.cusip);
    const ticker = text(security.ticker_symbol);
    const identifier = isin !== null ? `isin:${isin}` : cusip !== null ? `cusip:${cusip}` : ticker !== null ? `ticker:${ticker}` : fallbackKey;
    const securityId = given ?? derivedId(`security|${identifier}`);
    if (!securities.has(securityId)) {
      securities.set(securityId, {
        security_id: securityId,
        name: text(security.name),
        isin,
        cusip,
        institution_security_id: null,
        institution_id: null,
        ticker_symbol: ticker,
        type: text(security.type) ?? inferSecurityType(ticker),
      });
    }
    return securityId;
  };

  const holdings: wire.BaseReportInvestmentHolding[] = [];
  rows(source.holdings).forEach((row, index) => {
    const price = finite(row.institution_price);
    const quantity = finite(row.quantity);
    if (price === null || quantity === null) return;
    const securityId = securityIdOf(row.security, `holding|${account.accountId}|${index}`);
    if (securityId === null) return;
    const currency = currencyOf(row, account.currency);
    holdings.push({
      account_id: account.accountId,
      security_id: securityId,
      institution_price: price,
      institution_price_as_of: isoDate(row.institution_price_as_of),
      institution_value: finite(row.institution_value) ?? round2(price * quantity),
      cost_basis: finite(row.cost_basis),
      quantity,
      iso_currency_code: currency.isoCurrencyCode,
      unofficial_currency_code: currency.unofficialCurrencyCode,
    });
  });

  const transactions: wire.BaseReportInvestmentTransaction[] = [];
  rows(source.investment_transactions).forEach((row, index) => {
    const date = isoDate(row.date);
    const type = text(row.type);
    const price = finite(row.price);
    const givenQuantity = finite(row.quantity);
    if (date === null || type === null || !TRANSACTION_TYPES.has(type) || price === null || givenQuantity === null) return;
    if (!inRange(epochDayFromIsoDate(date), window)) return;
    const quantity = type === 'sell' ? -Math.abs(givenQuantity) : givenQuantity;
    const fees = finite(row.fees);
    const amount = finite(row.amount) ?? round2(quantity * price + (fees ?? 0));
    const currency = currencyOf(row, account.currency);
    transactions.push({
      investment_transaction_id: text(row.investment_transaction_id) ?? derivedId(`investment_transaction|${account.accountId}|${index}`),
      account_id: account.accountId,
      security_id: securityIdOf(row.security, `investment_transaction|${account.accountId}|${index}`),
      date,
      name: text(row.name) ?? '',
      quantity,
      amount,
      price,
      fees,
      type: type as wire.InvestmentTransactionType,
      subtype: text(row.subtype) ?? defaultSubtype(type as wire.InvestmentTransactionType, amount),
      iso_currency_code: currency.isoCurrencyCode,
      unofficial_currency_code: currency.unofficialCurrencyCode,
    });
  });
  transactions.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  return { holdings, securities: [...securities.values()], investment_transactions: transactions };
}

function defaultSubtype(type: wire.InvestmentTransactionType, amount: number): string {
  switch (type) {
    case 'buy':
      return 'buy';
    case 'sell':
      return 'sell';
    case 'fee':
      return 'account fee';
    case 'transfer':
      return 'transfer';
    case 'cancel':
      return 'adjustment';
    case 'cash':
      return amount < 0 ? 'deposit' : 'withdrawal';
  }
}

function inferSecurityType(ticker: string | null): string | null {
  if (ticker === null) return null;
  if (ticker.startsWith('CUR:')) return 'cryptocurrency';
  if (OCC_OPTION_SYMBOL.test(ticker)) return 'derivative';
  return null;
}

/** A row's currency: `iso_currency_code`/`unofficial_currency_code` if given, else the config's `currency`, else the account's. */
function currencyOf(row: Row, fallback: Currency): Currency {
  const iso = text(row.iso_currency_code);
  const unofficial = text(row.unofficial_currency_code);
  if (iso !== null || unofficial !== null) return { isoCurrencyCode: iso, unofficialCurrencyCode: iso === null ? unofficial : null };
  const configured = text(row.currency);
  if (configured !== null) return { isoCurrencyCode: configured, unofficialCurrencyCode: null };
  return fallback;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A 37-character base62 id (Plaid's id shape) that depends only on `key`. */
function derivedId(key: string): string {
  const bytes = createHash('sha512').update(key).digest();
  let id = '';
  for (let i = 0; i < 37; i++) id += BASE62[bytes[i] % 62];
  return id;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100 + 0;
}

function rows(value: unknown): Row[] {
  return Array.isArray(value) ? value.filter(isRow) : [];
}

function isRow(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function isoDate(value: unknown): string | null {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return null;
  try {
    epochDayFromIsoDate(value);
    return value;
  } catch {
    return null;
  }
}
