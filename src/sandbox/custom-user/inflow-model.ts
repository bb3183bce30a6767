// Rows an `inflow_model` adds to an account. Plaid documents what each model
// means but not the exact rows; opencheck's rules:
// - Span: the 24 most recent monthly occurrences on or before the Item
//   creation day (about two years, the longest history a report can ask for).
// - monthly-income: `transaction_name`, amount −`income_amount`, on
//   `payment_day_of_month` moved back to the previous business day (weekends
//   and Federal Reserve holidays), as payroll is.
// - monthly-balance-payment / monthly-interest-only-payment: on each statement
//   day an interest row (APR/12 of the balance then owed, "INTEREST" in its
//   description), then on the next payment day a payment into the account
//   (negative) named `transaction_name`: the whole statement balance, or just
//   that month's interest, so an interest-only account keeps `current` equal to
//   `starting_balance`. A cycle whose payment falls after the creation day is
//   left out entirely.

import type { AccountType, IsoDate } from '../../domain/model.js';
import {
  makeDate,
  monthOf,
  monthStart,
  onOrAfterBusinessDay,
  onOrBeforeBusinessDay,
  yearOf,
} from '../calendar.js';
import type { SandboxTransaction } from '../item-data.js';
import type { DayOfMonth, InflowModel, LiabilityOverride } from './config-parts.js';

export const INFLOW_MODEL_MONTHS = 24;

/** Interest accrues only on Plaid's Liabilities types; these APRs apply when the config gives none. */
const DEFAULT_APR_PERCENT: Record<string, number> = {
  'credit card': 19.99,
  paypal: 19.99,
  student: 6.8,
  mortgage: 6.5,
};

export interface InflowContext {
  accountType: AccountType;
  subtype: string;
  openingCents: number;
  liability: LiabilityOverride | null;
  creationDate: IsoDate;
  /** The config's own rows; posted ones move the balance interest is charged on. */
  configRows: readonly SandboxTransaction[];
  currency: SandboxTransaction['currency'];
}

function dayIn(monthFirst: IsoDate, day: DayOfMonth): IsoDate {
  return makeDate(yearOf(monthFirst), monthOf(monthFirst), day === 'last' ? 31 : day);
}

function row(date: IsoDate, amountCents: number, description: string, ctx: InflowContext): SandboxTransaction {
  return { amountCents, currency: ctx.currency, originalDescription: description, datePosted: date, dateTransacted: date, pending: false };
}

export function inflowModelRows(model: InflowModel, ctx: InflowContext): SandboxTransaction[] {
  switch (model.type) {
    case 'none':
      return [];
    case 'monthly-income':
      return incomeDates(model.paymentDay, ctx.creationDate).map((d) => row(d, -model.incomeAmountCents, model.transactionName, ctx));
    case 'monthly-balance-payment':
    case 'monthly-interest-only-payment':
      return liabilityCycles(model, ctx);
  }
}

function incomeDates(paymentDay: DayOfMonth, creationDate: IsoDate): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let offset = 0; dates.length < INFLOW_MODEL_MONTHS; offset--) {
    const date = onOrBeforeBusinessDay(dayIn(monthStart(creationDate, offset), paymentDay));
    if (date <= creationDate) dates.unshift(date);
  }
  return dates;
}

interface Cycle {
  statement: IsoDate;
  payment: IsoDate;
}

function cycles(statementDay: DayOfMonth, paymentDay: DayOfMonth, creationDate: IsoDate): Cycle[] {
  const out: Cycle[] = [];
  for (let offset = 0; out.length < INFLOW_MODEL_MONTHS; offset--) {
    const month = monthStart(creationDate, offset);
    const statement = dayIn(month, statementDay);
    // The payment is due on the first `paymentDay` after the statement closes.
    let due = dayIn(month, paymentDay);
    if (due < statement) due = dayIn(monthStart(month, 1), paymentDay);
    const early = onOrBeforeBusinessDay(due);
    const payment = early >= statement ? early : onOrAfterBusinessDay(due);
    if (payment <= creationDate) out.unshift({ statement, payment });
  }
  return out;
}

function liabilityCycles(
  model: Extract<InflowModel, { statementDay: DayOfMonth }>,
  ctx: InflowContext,
): SandboxTransaction[] {
  const aprPercent = ctx.liability?.aprPercent ?? DEFAULT_APR_PERCENT[ctx.subtype] ?? null;
  const interestName = ctx.accountType === 'credit' ? 'INTEREST CHARGE ON PURCHASES' : 'INTEREST CHARGED';
  const posted = ctx.configRows.filter((r) => r.datePosted !== null);
  const rows: SandboxTransaction[] = [];
  // Balance owed at the end of `date`: opening, plus config rows and rows generated so far.
  const owedOn = (date: IsoDate): number =>
    ctx.openingCents +
    posted.filter((r) => (r.datePosted as string) <= date).reduce((s, r) => s + r.amountCents, 0) +
    rows.filter((r) => (r.datePosted as string) <= date).reduce((s, r) => s + r.amountCents, 0);

  for (const { statement, payment } of cycles(model.statementDay, model.paymentDay, ctx.creationDate)) {
    const owed = owedOn(statement);
    const interest = aprPercent === null ? 0 : Math.round((Math.max(owed, 0) * aprPercent) / 100 / 12);
    if (interest > 0) rows.push(row(statement, interest, interestName, ctx));
    const due = model.type === 'monthly-interest-only-payment' ? interest : owed + interest;
    if (due > 0) rows.push(row(payment, -due, model.transactionName, ctx));
  }
  return rows;
}
