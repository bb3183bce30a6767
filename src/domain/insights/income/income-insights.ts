// Income Insights (`/cra/check_report/income_insights/get` → `report`, II2), in the contract's
// wire shape (schemas CraIncomeInsights and the ones it references).
//
// Amounts: stream transactions keep Plaid's sign (deposits negative, brief §G.4); income metrics
// (monthly/annual net and gross) are positive. Annual = 12 × monthly, both to the cent.

import { bankCalendar } from '../bank-calendar.js';
import { classifyFlows, type Flow } from '../flows.js';
import { derivedUuid } from '../ids.js';
import type { InsightAccount, InsightCurrency, InsightsData } from '../insights-data.js';
import { depositoryDataProblem, type ProductResult } from '../product-result.js';
import { decimalAmount } from '../../reports/wire-amounts.js';
import { calendarMonths, isoDateFromEpochDay } from '../../reports/windows.js';
import { categoryKey, GROSS_UP, selectedCategories, type IncomeCategoryFilter } from './categories.js';
import { detectIncomeStreams, type IncomeStream } from './streams.js';

export interface IncomeInsightsInput {
  data: InsightsData;
  /** When this product was built: `generated_time`. */
  generatedTime: string;
  /** `income_insights_filter`; null = the default categories. */
  filter: IncomeCategoryFilter | null;
  /** Pre-computed classification and streams, when the caller already has them (LendScore, cash flow). */
  flows?: readonly Flow[];
}

type Json = Record<string, unknown>;

/** Detects every income stream of the report, whatever its category (other products use all of them). */
export function allIncomeStreams(data: InsightsData, flows: readonly Flow[] = classifyFlows(data.transactions)): IncomeStream[] {
  return detectIncomeStreams(data, flows, bankCalendar());
}

export function computeIncomeInsights(input: IncomeInsightsInput): ProductResult<Json> {
  const { data } = input;
  const problem = depositoryDataProblem(data, 'Income Insights');
  if (problem) return problem;
  const selected = selectedCategories(input.filter);
  const streams = allIncomeStreams(data, input.flows).filter((s) => selected(s.category));

  return {
    ok: true,
    report: {
      report_id: data.reportId,
      generated_time: input.generatedTime,
      days_requested: data.window.daysRequested,
      client_report_id: data.clientReportId,
      user_summary: { income_metrics: summaryMetrics(streams) },
      income_streams: streams.map((s) => wireStream(data, s)),
      items: data.items.map((item) => ({
        item_id: item.itemId,
        institution_id: item.institutionId,
        institution_name: item.institutionName,
        last_updated_time: item.lastUpdatedAt,
        accounts: item.accounts.filter((a) => a.type === 'depository').map(wireDepositoryAccount),
        // II1 fields: required by the schema, always empty under II2 (brief §G.18).
        bank_income_accounts: [],
        bank_income_sources: [],
      })),
      bank_income_summary: bankIncomeSummary(data, streams),
    },
  };
}

function grossCents(netCents: number, stream: IncomeStream): number {
  return Math.round(netCents * (GROSS_UP[categoryKey(stream.category)] ?? 1));
}

function modelledIncome(netMonthlyCents: number, grossMonthlyCents: number): Json {
  return {
    monthly: { gross_income: decimalAmount(grossMonthlyCents), net_income: decimalAmount(netMonthlyCents) },
    annual: { gross_income: decimalAmount(12 * grossMonthlyCents), net_income: decimalAmount(12 * netMonthlyCents) },
  };
}

function streamMetrics(stream: IncomeStream): Json {
  return {
    current: modelledIncome(stream.currentMonthlyCents, grossCents(stream.currentMonthlyCents, stream)),
    projected: modelledIncome(stream.projectedMonthlyCents, grossCents(stream.projectedMonthlyCents, stream)),
    iso_currency_code: stream.currency.isoCurrencyCode,
    unofficial_currency_code: stream.currency.unofficialCurrencyCode,
  };
}

function currencyKey(currency: InsightCurrency): string {
  return `${currency.isoCurrencyCode}|${currency.unofficialCurrencyCode}`;
}

/**
 * `user_summary.income_metrics`: one entry per currency, summing the returned streams' monthly
 * net and gross (current and projected); a user with no stream gets one USD entry of zeros.
 */
function summaryMetrics(streams: readonly IncomeStream[]): Json[] {
  const byCurrency = new Map<string, { currency: InsightCurrency; net: [number, number]; gross: [number, number] }>();
  for (const stream of streams) {
    const key = currencyKey(stream.currency);
    const entry = byCurrency.get(key) ?? { currency: stream.currency, net: [0, 0], gross: [0, 0] };
    entry.net[0] += stream.currentMonthlyCents;
    entry.net[1] += stream.projectedMonthlyCents;
    entry.gross[0] += grossCents(stream.currentMonthlyCents, stream);
    entry.gross[1] += grossCents(stream.projectedMonthlyCents, stream);
    byCurrency.set(key, entry);
  }
  if (byCurrency.size === 0) byCurrency.set('USD', { currency: { isoCurrencyCode: 'USD', unofficialCurrencyCode: null }, net: [0, 0], gross: [0, 0] });
  return [...byCurrency.values()].map((e) => ({
    current: modelledIncome(e.net[0], e.gross[0]),
    projected: modelledIncome(e.net[1], e.gross[1]),
    iso_currency_code: e.currency.isoCurrencyCode,
    unofficial_currency_code: e.currency.unofficialCurrencyCode,
  }));
}

function wireStream(data: InsightsData, stream: IncomeStream): Json {
  const transactions = stream.transactions;
  return {
    income_stream_id: derivedUuid('income_stream', data.reportId, stream.payerKey, currencyKey(stream.currency)),
    start_date: transactions[0].transaction.date,
    end_date: transactions[transactions.length - 1].transaction.date,
    description: stream.description,
    insights: {
      income_category: stream.category,
      pay_frequency: stream.frequency,
      income_provider: { name: stream.provider.name, is_normalized: stream.provider.isNormalized },
      status: stream.status,
      next_payment: stream.nextPaymentDay === null ? null : { date: isoDateFromEpochDay(stream.nextPaymentDay) },
    },
    income_metrics: streamMetrics(stream),
    transactions: transactions.map(({ transaction: t, outlierExcessCents }) => ({
      transaction_id: t.transactionId,
      item_id: t.itemId,
      account_id: t.accountId,
      amount: decimalAmount(t.amountCents),
      date: t.date,
      original_description: t.originalDescription,
      iso_currency_code: t.currency.isoCurrencyCode,
      unofficial_currency_code: t.currency.unofficialCurrencyCode,
      // The excess over the stream's usual amount, in the transaction's (Plaid) sign.
      outlier: { is_outlier: outlierExcessCents !== null, amount: outlierExcessCents === null ? null : decimalAmount(-outlierExcessCents) },
    })),
  };
}

const DEPOSITORY_SUBTYPES: ReadonlySet<string> = new Set([
  'checking', 'savings', 'hsa', 'cd', 'money market', 'paypal', 'prepaid', 'cash management', 'ebt', 'limited purpose checking',
]);

/** `CraBankIncomeAccount`: its `subtype` enum has no null; an unknown depository subtype is reported as "all". */
export function wireDepositoryAccount(account: InsightAccount): Json {
  return {
    account_id: account.accountId,
    mask: account.mask,
    metadata: { start_date: account.metadata.start_date, end_date: account.metadata.end_date },
    name: account.name,
    official_name: account.officialName,
    subtype: account.subtype !== null && DEPOSITORY_SUBTYPES.has(account.subtype) ? account.subtype : 'all',
    type: 'depository',
    owners: account.owners,
  };
}

/**
 * Legacy `bank_income_summary` (II1 names, kept for older clients), over the returned streams:
 * totals received in the report window; historical monthly average = total ÷ (days_requested ×
 * 12 / 365) months; forecast = the streams' projected monthly income; annual = 12 × monthly;
 * `historical_summary` per calendar month of the window, each transaction's `bonus_type` being
 * BONUS_ONLY for an outlier paid off the stream's calendar, BONUS_INCLUDED for one paid on it.
 */
function bankIncomeSummary(data: InsightsData, streams: readonly IncomeStream[]): Json {
  const months = (data.window.daysRequested * 12) / 365;
  const totals = new Map<string, { currency: InsightCurrency; total: number; gross: number; forecast: number }>();
  for (const s of streams) {
    const entry = totals.get(currencyKey(s.currency)) ?? { currency: s.currency, total: 0, gross: 0, forecast: 0 };
    entry.total += s.totalCents;
    entry.gross += grossCents(s.totalCents, s);
    entry.forecast += s.projectedMonthlyCents;
    totals.set(currencyKey(s.currency), entry);
  }
  const amounts = (value: (e: { total: number; gross: number; forecast: number }) => number) =>
    [...totals.values()].map((e) => ({
      amount: decimalAmount(value(e)),
      iso_currency_code: e.currency.isoCurrencyCode,
      unofficial_currency_code: e.currency.unofficialCurrencyCode,
    }));
  const monthly = (cents: number) => Math.round(cents / months);
  const transactions = streams.flatMap((s) =>
    s.events.flatMap((e) => e.transactions.map((t) => ({ t, bonus: t.outlierExcessCents === null ? null : e.payDay === null ? 'BONUS_ONLY' : 'BONUS_INCLUDED' }))),
  );
  transactions.sort((a, b) => a.t.transaction.day - b.t.transaction.day || (a.t.transaction.transactionId < b.t.transaction.transactionId ? -1 : 1));
  return {
    total_amounts: amounts((e) => e.total),
    start_date: isoDateFromEpochDay(data.window.firstDay),
    end_date: isoDateFromEpochDay(data.window.reportDay),
    income_sources_count: streams.length,
    income_categories_count: new Set(streams.map((s) => categoryKey(s.category))).size,
    income_transactions_count: transactions.length,
    historical_average_monthly_income: amounts((e) => monthly(e.total)),
    historical_average_monthly_gross_income: amounts((e) => monthly(e.gross)),
    forecasted_average_monthly_income: amounts((e) => e.forecast),
    historical_annual_income: amounts((e) => 12 * monthly(e.total)),
    historical_annual_gross_income: amounts((e) => 12 * monthly(e.gross)),
    forecasted_annual_income: amounts((e) => 12 * e.forecast),
    historical_summary: calendarMonths(data.window).map((month) => {
      const inMonth = transactions.filter(({ t }) => t.transaction.day >= month.firstDay && t.transaction.day <= month.lastDay);
      const byCurrency = new Map<string, { currency: InsightCurrency; cents: number }>();
      for (const { t } of inMonth) {
        const key = currencyKey(t.transaction.currency);
        const entry = byCurrency.get(key) ?? { currency: t.transaction.currency, cents: 0 };
        entry.cents += t.cents;
        byCurrency.set(key, entry);
      }
      return {
        total_amounts: [...byCurrency.values()].map((e) => ({
          amount: decimalAmount(e.cents),
          iso_currency_code: e.currency.isoCurrencyCode,
          unofficial_currency_code: e.currency.unofficialCurrencyCode,
        })),
        start_date: isoDateFromEpochDay(month.firstDay),
        end_date: isoDateFromEpochDay(month.lastDay),
        transactions: inMonth.map(({ t, bonus }) => ({
          transaction_id: t.transaction.transactionId,
          amount: decimalAmount(t.transaction.amountCents),
          date: t.transaction.date,
          name: t.transaction.name ?? t.transaction.originalDescription,
          original_description: t.transaction.originalDescription,
          pending: t.transaction.pending,
          check_number: null,
          iso_currency_code: t.transaction.currency.isoCurrencyCode,
          unofficial_currency_code: t.transaction.currency.unofficialCurrencyCode,
          bonus_type: bonus,
        })),
      };
    }),
  };
}
