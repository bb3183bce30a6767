// The figures a consumer report PDF shows that the Base Report does not carry ready-made:
// per-month inflows and outflows, income deposits grouped by payer, the distinct account owners.
// Pure arithmetic on the report's own data (integer cents), so that the PDF states nothing the
// report's JSON does not support.

import type { BaseReport, BaseReportAccount, BaseReportTransaction, Owner } from '../domain/reports/base-report-wire.js';
import type { BalancePoint } from './balance-chart.js';
import { centsOf } from './format.js';

const MS_PER_DAY = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY;
const isoDate = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

/** The report window as dates: `days_requested` days ending on the report date, inclusive. */
export function reportWindowDates(report: Pick<BaseReport, 'date_generated' | 'days_requested'>): { start: string; end: string } {
  const end = report.date_generated.slice(0, 10);
  return { start: isoDate(dayNumber(end) - report.days_requested + 1), end };
}

export interface MonthFlows {
  /** `YYYY-MM`. */
  month: string;
  inflowCents: number;
  outflowCents: number;
  count: number;
}

/**
 * Posted transactions per calendar month of the window, oldest month first; inflows (negative
 * amounts) are reported as positive cents. Every month of the window is listed, empty or not.
 */
export function monthlyFlows(account: BaseReportAccount, window: { start: string; end: string }): MonthFlows[] {
  const months = new Map<string, MonthFlows>();
  for (let month = window.start.slice(0, 7); month <= window.end.slice(0, 7); month = nextMonth(month)) {
    months.set(month, { month, inflowCents: 0, outflowCents: 0, count: 0 });
  }
  for (const t of account.transactions) {
    if (t.pending) continue;
    const entry = months.get(t.date.slice(0, 7));
    if (!entry) continue;
    const cents = centsOf(t.amount);
    if (cents < 0) entry.inflowCents -= cents;
    else entry.outflowCents += cents;
    entry.count += 1;
  }
  return [...months.values()];
}

function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

export interface IncomeSource {
  payer: string;
  /** The enrichment's credit category, e.g. `INCOME_SALARY`. */
  category: string;
  count: number;
  /** Positive: money received. */
  totalCents: number;
  firstDate: string;
  lastDate: string;
  currency: string | null;
}

/** Who a transaction is from or to: the enrichment's cleaned name, else merchant, else the raw text. */
export function counterparty(t: BaseReportTransaction): string {
  return t.name ?? t.merchant_name ?? t.original_description ?? 'Unknown';
}

/**
 * Posted deposits the report categorises as income (credit category `INCOME`), grouped by payer
 * and category; the largest total first.
 */
export function incomeSources(report: BaseReport): IncomeSource[] {
  const sources = new Map<string, IncomeSource>();
  for (const item of report.items) {
    for (const account of item.accounts) {
      for (const t of account.transactions) {
        if (t.pending || t.amount >= 0 || t.credit_category?.primary !== 'INCOME') continue;
        const payer = counterparty(t);
        const currency = t.iso_currency_code ?? t.unofficial_currency_code;
        const key = `${payer.toUpperCase()}|${t.credit_category.detailed}|${currency}`;
        const source = sources.get(key) ?? {
          payer,
          category: t.credit_category.detailed,
          count: 0,
          totalCents: 0,
          firstDate: t.date,
          lastDate: t.date,
          currency,
        };
        source.count += 1;
        source.totalCents -= centsOf(t.amount);
        if (t.date < source.firstDate) source.firstDate = t.date;
        if (t.date > source.lastDate) source.lastDate = t.date;
        sources.set(key, source);
      }
    }
  }
  return [...sources.values()].sort((a, b) => b.totalCents - a.totalCents || (a.payer < b.payer ? -1 : a.payer > b.payer ? 1 : 0));
}

/** The distinct owners across the report's accounts (same names, emails, phones and addresses = one owner). */
export function distinctOwners(report: BaseReport): Owner[] {
  const seen = new Map<string, Owner>();
  for (const item of report.items) {
    for (const account of item.accounts) {
      for (const owner of account.owners) {
        const key = JSON.stringify([owner.names, owner.emails.map((e) => e.data), owner.phone_numbers.map((p) => p.data), owner.addresses.map((a) => a.data)]);
        if (!seen.has(key)) seen.set(key, owner);
      }
    }
  }
  return [...seen.values()];
}

/** Daily balances oldest first, as the chart draws them. */
export function balancePoints(account: Pick<BaseReportAccount, 'historical_balances'>): BalancePoint[] {
  return account.historical_balances.map((b) => ({ date: b.date, balance: b.current })).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** One-line address: `10003 Broadway Road, New York, NY 10003, US`. */
export function addressLine(address: Owner['addresses'][number]): string {
  const d = address.data;
  const region = [d.region, d.postal_code].filter(Boolean).join(' ');
  return [d.street, d.city, region, d.country].filter((part) => part !== null && part !== '').join(', ');
}
