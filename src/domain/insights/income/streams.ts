// Income stream detection: which of the user's deposits are income, grouped into streams, each
// with its pay frequency, status, next payment, outliers and monthly amounts.
//
// 1. Candidates: posted deposits (amount < 0) on depository accounts that flows.ts classifies as
//    income — never a transfer between the user's own accounts, a refund, a fee reversal or a
//    loan disbursement.
// 2. Grouped by payer (counterparty.ts) and currency; deposits of one payer on the same day (a
//    paycheck split across accounts) form one payment.
// 3. A group is a stream when it has at least 2 payment days and its category is recognised
//    income (earned income, benefits, retirement, rental, investment, interest, tax refund), or,
//    for payment-app credits, cash deposits and unrecognised credits, when it follows a pay
//    calendar with at least 3 payments, or has at least 6 payments over at least 90 days.
// 4. Frequency: schedule.ts. Status, next payment and amounts: see the functions below.

import type { BankCalendar } from '../bank-calendar.js';
import { counterpartyKey, titleCase } from '../counterparty.js';
import type { Flow } from '../flows.js';
import type { InsightCurrency, InsightsData, InsightTransaction } from '../insights-data.js';
import { categoriseStream, categoryKey, type IncomeCategory } from './categories.js';
import { detectSchedule, lowerBound, PAYMENTS_PER_MONTH, type PayFrequency, type ScheduleFit } from './schedule.js';

export type StreamStatus = 'ACTIVE' | 'INACTIVE' | 'UNKNOWN';

export interface IncomeTransaction {
  transaction: InsightTransaction;
  /** Positive: the money received. */
  cents: number;
  p2p: boolean;
  cashDeposit: boolean;
  /** How much more than the stream's usual payment, in cents (positive), when an outlier; else null. */
  outlierExcessCents: number | null;
}

export interface PaymentEvent {
  day: number;
  cents: number;
  transactions: IncomeTransaction[];
  /** The calendar pay day this payment was matched to; null for an extra (off-calendar) payment or an UNKNOWN frequency. */
  payDay: number | null;
  /** Contains an outlier transaction. */
  outlier: boolean;
}

export interface IncomeStream {
  payerKey: string;
  currency: InsightCurrency;
  transactions: IncomeTransaction[];
  events: PaymentEvent[];
  category: IncomeCategory;
  frequency: PayFrequency;
  fit: ScheduleFit | null;
  status: StreamStatus;
  nextPaymentDay: number | null;
  /** Modelled from recent payments (see monthlyAmounts). */
  currentMonthlyCents: number;
  /** Forward-looking, active streams only. */
  projectedMonthlyCents: number;
  description: string;
  provider: { name: string; isNormalized: boolean };
  totalCents: number;
}

const RECENT_DAYS = 90;
const RECOGNISED_PRIMARIES: ReadonlySet<string> = new Set(['EARNED_INCOME', 'BENEFITS', 'RETIREMENT', 'PASSIVE_INCOME']);

/** Payers whose names opencheck knows how to spell (income_provider.is_normalized = true). */
const KNOWN_PAYERS: readonly (readonly [phrase: string, name: string])[] = [
  ['SSA', 'Social Security Administration'],
  ['SOC SEC', 'Social Security Administration'],
  ['SSI', 'Social Security Administration'],
  ['IRS', 'Internal Revenue Service'],
  ['DFAS', 'Defense Finance and Accounting Service'],
  ['VA BENEF', 'U.S. Department of Veterans Affairs'],
  ['VETERANS AFFAIRS', 'U.S. Department of Veterans Affairs'],
  ['OPM', 'U.S. Office of Personnel Management'],
];

export function detectIncomeStreams(data: InsightsData, flows: readonly Flow[], calendar: BankCalendar): IncomeStream[] {
  const depository = new Set(data.accounts.filter((a) => a.type === 'depository').map((a) => a.accountId));
  const groups = new Map<string, { key: string; currency: InsightCurrency; transactions: IncomeTransaction[] }>();
  data.transactions.forEach((t, i) => {
    const flow = flows[i];
    if (t.amountCents >= 0 || t.pending || flow.kind !== 'income' || !depository.has(t.accountId)) return;
    const key = counterpartyKey(t);
    const currencyCode = t.currency.isoCurrencyCode ?? `~${t.currency.unofficialCurrencyCode}`;
    const groupKey = `${key}|${currencyCode}`;
    let group = groups.get(groupKey);
    if (!group) {
      group = { key, currency: t.currency, transactions: [] };
      groups.set(groupKey, group);
    }
    group.transactions.push({ transaction: t, cents: -t.amountCents, p2p: flow.p2p, cashDeposit: flow.cashDeposit, outlierExcessCents: null });
  });

  const streams: IncomeStream[] = [];
  for (const group of groups.values()) {
    const stream = buildStream(group.key, group.currency, group.transactions, data.window.reportDay, calendar);
    if (stream !== null) streams.push(stream);
  }
  return streams.sort((a, b) => b.totalCents - a.totalCents || (a.payerKey < b.payerKey ? -1 : 1));
}

function buildStream(payerKey: string, currency: InsightCurrency, transactions: IncomeTransaction[], reportDay: number, calendar: BankCalendar): IncomeStream | null {
  const events: PaymentEvent[] = [];
  for (const t of transactions) {
    const last = events[events.length - 1];
    if (last && last.day === t.transaction.day) {
      last.cents += t.cents;
      last.transactions.push(t);
    } else {
      events.push({ day: t.transaction.day, cents: t.cents, transactions: [t], payDay: null, outlier: false });
    }
  }
  if (events.length < 2) return null;

  const category = categoriseStream(transactions);
  const days = events.map((e) => e.day);
  const fit = detectSchedule(days, calendar);
  const recognised = RECOGNISED_PRIMARIES.has(category.primary) || categoryKey(category) === 'OTHER.TAX_REFUND';
  const span = days[days.length - 1] - days[0];
  if (!recognised && !(fit !== null && events.length >= 3) && !(events.length >= 6 && span >= 90)) return null;

  if (fit) events.forEach((e, i) => (e.payDay = fit.matchedPayDay[i]));
  markOutliers(transactions, events);
  const frequency: PayFrequency = fit?.schedule.frequency ?? 'UNKNOWN';
  const status = streamStatus(events, fit, reportDay);
  const nextPaymentDay =
    status === 'ACTIVE' && fit !== null ? (fit.schedule.payDays(reportDay + 1, reportDay + 70)[0] ?? null) : null;
  const { current, projected } = monthlyAmounts(events, frequency, status, categoryKey(category), reportDay);
  return {
    payerKey,
    currency,
    transactions,
    events,
    category,
    frequency,
    fit,
    status,
    nextPaymentDay,
    currentMonthlyCents: current,
    projectedMonthlyCents: projected,
    description: mostCommon(transactions.map((t) => t.transaction.originalDescription)),
    provider: provider(payerKey, transactions),
    totalCents: transactions.reduce((sum, t) => sum + t.cents, 0),
  };
}

/**
 * Outliers (`outlier.is_outlier`): transactions "unusually high compared to the amounts for that
 * stream" — more than max(1.5 × the median amount, median + 4 × 1.4826 × MAD) and at least $50
 * above the median, where MAD is the median absolute deviation (so a steady paycheck's bonus is
 * an outlier, while a gig stream's ordinary ups and downs are not). The excess is measured
 * against the mean of the stream's other (non-outlier) transactions.
 */
function markOutliers(transactions: IncomeTransaction[], events: PaymentEvent[]): void {
  if (transactions.length < 3) return;
  const amounts = transactions.map((t) => t.cents);
  const median = medianOf(amounts);
  const mad = medianOf(amounts.map((a) => Math.abs(a - median)));
  const threshold = Math.max(1.5 * median, median + 4 * 1.4826 * mad);
  const outliers = transactions.filter((t) => t.cents > threshold && t.cents - median >= 5_000);
  if (outliers.length === 0) return;
  const regular = transactions.filter((t) => !outliers.includes(t));
  const mean = regular.reduce((sum, t) => sum + t.cents, 0) / regular.length;
  for (const t of outliers) t.outlierExcessCents = Math.round(t.cents - mean);
  for (const event of events) event.outlier = event.transactions.some((t) => t.outlierExcessCents !== null);
}

/**
 * ACTIVE unless the stream has gone quiet:
 * - with a pay calendar, INACTIVE once two of its pay days (five for DAILY) have passed, each
 *   beyond its tolerance, after the last payment made on a pay day, so one missed payment keeps
 *   it ACTIVE;
 * - without one (UNKNOWN frequency), UNKNOWN with fewer than 3 payments, else INACTIVE when the
 *   last payment is more than max(2 × the median gap between payments, 45) days old.
 */
function streamStatus(events: readonly PaymentEvent[], fit: ScheduleFit | null, reportDay: number): StreamStatus {
  const lastDay = events[events.length - 1].day;
  if (fit !== null) {
    const lastPayDay = [...events].reverse().find((e) => e.payDay !== null)?.payDay ?? lastDay;
    const tol = fit.schedule.toleranceDays;
    const missed = fit.schedule.payDays(lastPayDay + 1, reportDay - tol - 1).length;
    return missed >= (fit.schedule.frequency === 'DAILY' ? 5 : 2) ? 'INACTIVE' : 'ACTIVE';
  }
  if (events.length < 3) return 'UNKNOWN';
  const gaps = events.slice(1).map((e, i) => e.day - events[i].day);
  return reportDay - lastDay > Math.max(2 * medianOf(gaps), 45) ? 'INACTIVE' : 'ACTIVE';
}

/**
 * Monthly net income of a stream, in cents (rounded half up):
 * - ACTIVE with a weekly, biweekly, semi-monthly or monthly calendar: `current` = the mean of its
 *   regular payments (on a pay day, not outliers) in the last 90 days (or its last 3 regular
 *   payments if none) × payments per month (52/12, 26/12, 2, 1); `projected` = the mean of its
 *   last 3 regular payments × payments per month, which follows raises and cuts.
 * - Otherwise (DAILY, UNKNOWN, or not ACTIVE): `current` = everything received in the last 90
 *   days ÷ 3; `projected` = the same for ACTIVE streams, 0 for the others.
 * - Tax refunds are never projected (brief §C.3), so their `projected` is 0.
 */
function monthlyAmounts(events: readonly PaymentEvent[], frequency: PayFrequency, status: StreamStatus, category: string, reportDay: number): { current: number; projected: number } {
  const recentFrom = reportDay - RECENT_DAYS + 1;
  const recent = events.slice(lowerBound(events.map((e) => e.day), recentFrom));
  const observed = Math.round(recent.reduce((sum, e) => sum + e.cents, 0) / 3);
  const projectable = category !== 'OTHER.TAX_REFUND';
  if (status !== 'ACTIVE' || frequency === 'UNKNOWN' || frequency === 'DAILY') {
    return { current: observed, projected: status === 'ACTIVE' && projectable ? observed : 0 };
  }
  const perMonth = PAYMENTS_PER_MONTH[frequency];
  const regular = events.filter((e) => e.payDay !== null && !e.outlier);
  const lastThree = regular.slice(-3);
  const recentRegular = regular.filter((e) => e.day >= recentFrom);
  const mean = (list: readonly PaymentEvent[]) => (list.length === 0 ? 0 : list.reduce((s, e) => s + e.cents, 0) / list.length);
  const current = Math.round(mean(recentRegular.length > 0 ? recentRegular : lastThree) * perMonth);
  const projected = projectable ? Math.round(mean(lastThree) * perMonth) : 0;
  return { current, projected };
}

function provider(payerKey: string, transactions: readonly IncomeTransaction[]): { name: string; isNormalized: boolean } {
  const merchants = transactions.map((t) => t.transaction.merchantName).filter((m): m is string => m !== null && m.trim() !== '');
  if (merchants.length > 0) return { name: mostCommon(merchants), isNormalized: true };
  const text = transactions[transactions.length - 1].transaction.text;
  for (const [phrase, name] of KNOWN_PAYERS) if (text.includes(` ${phrase} `)) return { name, isNormalized: true };
  return { name: titleCase(payerKey), isNormalized: false };
}

/** The most frequent value; ties go to the one seen last (the most recent description). */
function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  let best = values[values.length - 1];
  let bestCount = 0;
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (count >= bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

export function medianOf(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
