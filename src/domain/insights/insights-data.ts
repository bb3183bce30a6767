// What every insight product is computed from: the report's own Base Report (the stored
// `/base_report/get` body), read back into flat, typed arrays. Products are built "from the
// current report" (brief §A.4): the same transactions, balances and report date as the Base
// Report the client can read, whether the product is built before the webhook or on its first get.

import { normaliseDescription } from '../enrichment/index.js';
import type { PersonalFinanceCategory, TransactionEnrichment } from '../model.js';
import type * as wire from '../reports/base-report-wire.js';
import { toCents } from '../money.js';
import { epochDayFromIsoDate, epochDayOfInstant, type ReportWindow } from '../reports/windows.js';

export interface InsightCurrency {
  isoCurrencyCode: string | null;
  unofficialCurrencyCode: string | null;
}

export interface InsightAccount {
  accountId: string;
  itemId: string;
  name: string;
  officialName: string | null;
  mask: string | null;
  type: wire.AccountType;
  subtype: string | null;
  currency: InsightCurrency;
  currentCents: number | null;
  availableCents: number | null;
  limitCents: number | null;
  isPrimary: boolean;
  daysAvailable: number;
  metadata: { start_date: string | null; end_date: string | null };
  owners: wire.Owner[];
  /** End-of-day balances in cents, index 0 = the window's first day; null when the report has none. */
  dailyBalancesCents: number[] | null;
}

export interface InsightTransaction {
  transactionId: string;
  accountId: string;
  itemId: string;
  accountType: wire.AccountType;
  accountSubtype: string | null;
  /** Plaid sign: positive = money out. */
  amountCents: number;
  currency: InsightCurrency;
  originalDescription: string;
  /** The wire `date` (posted, or transacted while pending) as an epoch day. */
  day: number;
  date: string;
  pending: boolean;
  merchantName: string | null;
  /** Enrichment's display name (the employer for payroll credits). */
  name: string | null;
  pfcPrimary: string;
  pfcDetailed: string;
  creditPrimary: string;
  creditDetailed: string;
  /** The enrichment as the domain's predicates (enrichment/predicates.ts) expect it. */
  enrichment: TransactionEnrichment;
  /** Normalised description: uppercase words, space-padded (" ACME CORP PAYROLL "). */
  text: string;
  tokens: readonly string[];
}

export interface InsightItem {
  itemId: string;
  institutionId: string;
  institutionName: string;
  lastUpdatedAt: string;
  accounts: InsightAccount[];
}

export interface InsightsData {
  reportId: string;
  /** `date_generated` of the Base Report: every window ends on its UTC date. */
  reportGeneratedAt: string;
  clientReportId: string | null;
  window: ReportWindow;
  items: InsightItem[];
  accounts: InsightAccount[];
  /** Every transaction of every account, ascending by day, then transaction_id. */
  transactions: InsightTransaction[];
}

// Some banks glue a lowercase word to an uppercase one ("CreditGUSTO"); split them first so the
// payer's name stands alone once uppercased.
const LOWER_THEN_UPPER = /([a-z])(?=[A-Z])/g;

export function normaliseForInsights(description: string): { text: string; tokens: readonly string[] } {
  return normaliseDescription(description.replace(LOWER_THEN_UPPER, '$1 '));
}

/** Reads a Base Report `report` object into the flat form the insight products use. */
export function insightsDataFromBaseReport(report: wire.BaseReport): InsightsData {
  const reportDay = epochDayOfInstant(report.date_generated);
  const window: ReportWindow = {
    firstDay: reportDay - report.days_requested + 1,
    lastDay: reportDay,
    reportDay,
    daysRequested: report.days_requested,
  };
  const items: InsightItem[] = [];
  const accounts: InsightAccount[] = [];
  const transactions: InsightTransaction[] = [];
  const dayOf = new Map<string, number>();
  const day = (date: string): number => {
    let d = dayOf.get(date);
    if (d === undefined) {
      d = epochDayFromIsoDate(date);
      dayOf.set(date, d);
    }
    return d;
  };
  const textOf = new Map<string, { text: string; tokens: readonly string[] }>();

  for (const item of report.items) {
    const itemAccounts: InsightAccount[] = [];
    for (const account of item.accounts) {
      const currency = { isoCurrencyCode: account.balances.iso_currency_code, unofficialCurrencyCode: account.balances.unofficial_currency_code };
      const insightAccount: InsightAccount = {
        accountId: account.account_id,
        itemId: item.item_id,
        name: account.name,
        officialName: account.official_name,
        mask: account.mask,
        type: account.type,
        subtype: account.subtype,
        currency,
        currentCents: centsOrNull(account.balances.current),
        availableCents: centsOrNull(account.balances.available),
        limitCents: centsOrNull(account.balances.limit),
        isPrimary: account.attributes.is_primary_account === true,
        daysAvailable: account.days_available,
        metadata: { start_date: account.metadata.start_date, end_date: account.metadata.end_date },
        owners: account.owners,
        dailyBalancesCents: dailyBalances(account.historical_balances, window, day),
      };
      itemAccounts.push(insightAccount);
      accounts.push(insightAccount);
      for (const t of account.transactions) {
        const description = t.original_description ?? '';
        let normalised = textOf.get(description);
        if (normalised === undefined) {
          normalised = normaliseForInsights(description);
          textOf.set(description, normalised);
        }
        const pfc = {
          primary: t.personal_finance_category?.primary ?? 'OTHER',
          detailed: t.personal_finance_category?.detailed ?? 'OTHER',
          confidenceLevel: (t.personal_finance_category?.confidence_level ?? 'UNKNOWN') as PersonalFinanceCategory['confidenceLevel'],
        };
        const credit = { primary: t.credit_category?.primary ?? 'OTHER', detailed: t.credit_category?.detailed ?? 'OTHER_OTHER' };
        transactions.push({
          transactionId: t.transaction_id,
          accountId: account.account_id,
          itemId: item.item_id,
          accountType: account.type,
          accountSubtype: account.subtype,
          amountCents: toCents(t.amount),
          currency: { isoCurrencyCode: t.iso_currency_code, unofficialCurrencyCode: t.unofficial_currency_code },
          originalDescription: description,
          day: day(t.date),
          date: t.date,
          pending: t.pending,
          merchantName: t.merchant_name ?? null,
          name: t.name ?? null,
          pfcPrimary: pfc.primary,
          pfcDetailed: pfc.detailed,
          creditPrimary: credit.primary,
          creditDetailed: credit.detailed,
          enrichment: {
            name: t.name ?? '',
            merchantName: t.merchant_name ?? null,
            personalFinanceCategory: pfc,
            creditCategory: credit,
            transactionType: t.transaction_type ?? 'unresolved',
            paymentChannel: 'other',
          },
          text: normalised.text,
          tokens: normalised.tokens,
        });
      }
    }
    items.push({
      itemId: item.item_id,
      institutionId: item.institution_id,
      institutionName: item.institution_name,
      lastUpdatedAt: item.date_last_updated,
      accounts: itemAccounts,
    });
  }
  transactions.sort((a, b) => a.day - b.day || (a.transactionId < b.transactionId ? -1 : a.transactionId > b.transactionId ? 1 : 0));
  return {
    reportId: report.report_id,
    reportGeneratedAt: report.date_generated,
    clientReportId: report.client_report_id,
    window,
    items,
    accounts,
    transactions,
  };
}

function centsOrNull(amount: number | null): number | null {
  return amount === null ? null : toCents(amount);
}

/** `historical_balances` (any order) as a per-day array over the window; days without an entry repeat the next known balance. */
function dailyBalances(history: readonly wire.BaseReportHistoricalBalance[], window: ReportWindow, day: (date: string) => number): number[] | null {
  if (history.length === 0) return null;
  const length = window.lastDay - window.firstDay + 1;
  const out = new Array<number | undefined>(length).fill(undefined);
  for (const entry of history) {
    const index = day(entry.date) - window.firstDay;
    if (index >= 0 && index < length) out[index] = toCents(entry.current);
  }
  let next: number | undefined;
  for (let i = length - 1; i >= 0; i--) {
    if (out[i] === undefined) out[i] = next;
    else next = out[i];
  }
  let previous: number | undefined;
  for (let i = 0; i < length; i++) {
    if (out[i] === undefined) out[i] = previous;
    else previous = out[i];
  }
  if (previous === undefined) return null;
  return out as number[];
}
