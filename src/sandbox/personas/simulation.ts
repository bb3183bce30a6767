// The day-by-day simulation personas are written in. A persona opens its
// accounts on a Ledger and lists handlers; `runDays` calls every handler for
// every day of the history in order (income before bills before spending
// before end-of-day checks), so later handlers see the balances earlier ones left.

import type { IsoDate } from '../../domain/model.js';
import { addDays, dayOfMonth, dayOfWeek, eachDay, monthOf, onOrAfterBusinessDay } from '../calendar.js';
import { Ledger, cardPostingDate } from '../ledger.js';
import { SeededRandom } from '../seeded-random.js';
import { MerchantBook } from './merchants.js';
import { monthlyCalendarDates, monthlyDebitDates } from './schedules.js';
import type { CardStyle, Merchant, Place } from './merchants.js';

/** Generated histories cover the 730 days (24 months) before the Item creation day, inclusive. */
export const HISTORY_DAYS = 730;

export interface Sim {
  rng: SeededRandom;
  ledger: Ledger;
  merchants: MerchantBook;
  /** First day of the history. */
  start: IsoDate;
  /** The Item creation day: the last day with data. */
  end: IsoDate;
}

export type DayHandler = (date: IsoDate) => void;

export function createSim(seed: string, creationDate: IsoDate, place: Place): Sim {
  const rng = new SeededRandom(seed);
  return {
    rng,
    ledger: new Ledger(creationDate),
    merchants: new MerchantBook(rng.fork('stores'), place),
    start: addDays(creationDate, -(HISTORY_DAYS - 1)),
    end: creationDate,
  };
}

export function runDays(sim: Sim, handlers: readonly DayHandler[]): void {
  for (const date of eachDay(sim.start, sim.end)) for (const handle of handlers) handle(date);
}

/** Runs `act` on each listed date, with the date's position in the list (the nth paycheck). */
export function onDates(dates: readonly IsoDate[], act: (date: IsoDate, index: number) => void): DayHandler {
  const positions = new Map<IsoDate, number[]>();
  dates.forEach((d, i) => positions.set(d, [...(positions.get(d) ?? []), i]));
  return (date) => {
    for (const i of positions.get(date) ?? []) act(date, i);
  };
}

/** Heating and cooling months cost more: 1 ± `swing`, peaking in January (and, weaker, July). */
export function seasonal(date: IsoDate, swing: number): number {
  const winter = Math.cos(((monthOf(date) - 1) / 12) * 2 * Math.PI);
  return 1 + swing * (winter > 0 ? winter : -winter * 0.5);
}

export interface SpendingCategory {
  merchants: readonly Merchant[];
  /** Expected purchases per week. */
  perWeek: number;
  minDollars: number;
  maxDollars: number;
  /** Weekend days see this many times the weekday rate (dining, entertainment). */
  weekendBoost?: number;
  /** Share of purchases returned for a refund a few days later. */
  refundRate?: number;
}

export interface SpendingPlan {
  account: string;
  style: CardStyle;
  categories: readonly SpendingCategory[];
  /** Scales every purchase amount on a given day (e.g. a thin budget late in the month). */
  budget?: (date: IsoDate) => number;
  /** Asked before each purchase; false skips it (a declined card, a tight week). */
  allow?: (date: IsoDate, cents: number) => boolean;
}

/**
 * Everyday card spending. Purchases post on the next business day, so the last
 * day or two of the history end up pending; a small purchase is forced on the
 * last two days (even past `allow`: a bank authorises a coffee on a thin
 * balance) so every persona shows a few pending rows.
 */
export function spending(sim: Sim, plan: SpendingPlan, label: string): DayHandler {
  const rng = sim.rng.fork(`spending/${label}`);
  const refunds = new Map<IsoDate, { cents: number; description: string }[]>();
  return (date) => {
    for (const r of refunds.get(date) ?? []) {
      sim.ledger.post(plan.account, { date, amountCents: -r.cents, description: r.description, postedOn: cardPostingDate(date) });
    }
    const weekend = dayOfWeek(date) === 0 || dayOfWeek(date) === 6;
    let bought = 0;
    for (const category of plan.categories) {
      const rate = (category.perWeek / 7) * (weekend ? (category.weekendBoost ?? 1) : 1);
      const count = Math.floor(rate) + (rng.chance(rate - Math.floor(rate)) ? 1 : 0);
      for (let i = 0; i < count; i++) {
        const cents = Math.max(100, Math.round(rng.dollars(category.minDollars, category.maxDollars) * (plan.budget?.(date) ?? 1)));
        if (plan.allow && !plan.allow(date, cents)) continue;
        const merchant = rng.pick(category.merchants);
        const description = sim.merchants.describe(merchant, plan.style);
        sim.ledger.post(plan.account, { date, amountCents: cents, description, postedOn: cardPostingDate(date) });
        bought++;
        if (category.refundRate && rng.chance(category.refundRate)) {
          const on = addDays(date, rng.int(3, 12));
          const refund = { cents, description: plan.style === 'debit' ? description.replace(/^(POS DEBIT|DEBIT CARD PURCHASE) /, 'POS RETURN ') : `${description} REFUND` };
          refunds.set(on, [...(refunds.get(on) ?? []), refund]);
        }
      }
    }
    if (bought === 0 && date >= addDays(sim.end, -1) && plan.categories.length > 0) {
      const category = plan.categories[0];
      const cents = rng.dollars(category.minDollars, Math.min(category.maxDollars, category.minDollars * 3));
      const description = sim.merchants.describe(rng.pick(category.merchants), plan.style);
      sim.ledger.post(plan.account, { date, amountCents: cents, description, postedOn: cardPostingDate(date) });
    }
  };
}

export interface CardCycle {
  card: string;
  payFrom: string;
  statementDay: number;
  /** Days from statement to the autopay. */
  dueAfterDays: number;
  /** How much of the statement balance is paid. */
  pays: (statementCents: number, rng: SeededRandom) => number;
  /** Line on the checking statement, e.g. "PLATYPUS CARD AUTOPAY PPD ID: 9000100012". */
  checkingDescription: string;
  cardDescription: string;
  /** Interest on a balance carried past a statement; null for a card paid in full. */
  aprPercent: number | null;
}

/**
 * A credit card's monthly cycle: the statement closes, then an autopay from
 * checking pays it (both legs recorded, same day). A balance carried into the
 * next statement is charged interest.
 */
export function creditCardCycle(sim: Sim, cycle: CardCycle): DayHandler {
  const rng = sim.rng.fork(`card/${cycle.card}`);
  let due: { date: IsoDate; cents: number } | null = null;
  let carriedCents = 0;
  return (date) => {
    if (dayOfMonth(date) === cycle.statementDay) {
      if (cycle.aprPercent !== null && carriedCents > 0) {
        const interest = Math.round((carriedCents * cycle.aprPercent) / 100 / 12);
        sim.ledger.post(cycle.card, { date, amountCents: interest, description: 'INTEREST CHARGE ON PURCHASES' });
      }
      const statement = sim.ledger.balance(cycle.card);
      const payment = Math.min(statement, cycle.pays(statement, rng));
      carriedCents = statement - payment;
      due = payment > 0 ? { date: onOrAfterBusinessDay(addDays(date, cycle.dueAfterDays)), cents: payment } : null;
    }
    if (due && due.date === date) {
      sim.ledger.transfer(cycle.payFrom, cycle.card, date, due.cents, cycle.checkingDescription, cycle.cardDescription);
      due = null;
    }
  };
}

/** Pays a savings account's interest on the last day of each month. */
export function savingsInterest(sim: Sim, account: string, apyPercent: number): DayHandler {
  return (date) => {
    if (addDays(date, 1).slice(8) !== '01') return;
    const cents = Math.round((Math.max(sim.ledger.balance(account), 0) * apyPercent) / 100 / 12);
    if (cents > 0) sim.ledger.post(account, { date, amountCents: -cents, description: 'INTEREST PAYMENT' });
  };
}

export interface TransferLabels {
  fromMask: string;
  toMask: string;
  fromKind: 'CHK' | 'SAV';
  toKind: 'CHK' | 'SAV';
}

// Numbers each simulation's transfers so that every one gets its own reference.
const transferCounts = new WeakMap<Sim, number>();

/** "ONLINE TRANSFER TO SAV ...1234 TRANSACTION#: 12345678901" and its mirror on the other account. */
export function ownTransfer(sim: Sim, from: string, to: string, date: IsoDate, cents: number, labels: TransferLabels): void {
  const count = (transferCounts.get(sim) ?? 0) + 1;
  transferCounts.set(sim, count);
  const ref = sim.rng.fork(`transfer/${count}`).digits(11);
  sim.ledger.transfer(
    from,
    to,
    date,
    cents,
    `ONLINE TRANSFER TO ${labels.toKind} ...${labels.toMask} TRANSACTION#: ${ref}`,
    `ONLINE TRANSFER FROM ${labels.fromKind} ...${labels.fromMask} TRANSACTION#: ${ref}`,
  );
}

/** Both directions' labels for transfers between a checking and a savings account. */
export function savingsTransferLabels(checkingMask: string, savingsMask: string): { toSavings: TransferLabels; fromSavings: TransferLabels } {
  return {
    toSavings: { fromKind: 'CHK', toKind: 'SAV', fromMask: checkingMask, toMask: savingsMask },
    fromSavings: { fromKind: 'SAV', toKind: 'CHK', fromMask: savingsMask, toMask: checkingMask },
  };
}

/**
 * On each date, moves checking's balance above `keepCents` to savings, in
 * whole multiples of `stepCents`, when the surplus exceeds `minCents`.
 */
export function surplusSweep(
  sim: Sim,
  dates: readonly IsoDate[],
  sweep: { keepCents: number; minCents: number; stepCents: number },
  labels: TransferLabels,
): DayHandler {
  return onDates(dates, (date) => {
    const surplus = sim.ledger.balance('checking') - sweep.keepCents;
    if (surplus > sweep.minCents) ownTransfer(sim, 'checking', 'savings', date, Math.floor(surplus / sweep.stepCents) * sweep.stepCents, labels);
  });
}

/** How the Sandbox bank prints a card autopay on checking. */
export const cardAutopayDescription = (cardMask: string): string => `PLATYPUS CARD AUTOPAY PPD ID: 9000100012 ...${cardMask}`;

/** Occasional ATM cash, in multiples of $20. */
export function atmWithdrawals(sim: Sim, account: string, perMonth: number, maxDollars: number, feeCents = 0): DayHandler {
  const rng = sim.rng.fork(`atm/${account}`);
  return (date) => {
    if (!rng.chance(perMonth / 30)) return;
    const cents = rng.int(2, Math.max(2, Math.floor(maxDollars / 20))) * 2000;
    sim.ledger.post(account, { date, amountCents: cents, description: sim.merchants.atm() });
    if (feeCents > 0 && rng.chance(0.4)) sim.ledger.post(account, { date, amountCents: feeCents, description: 'NON-NETWORK ATM FEE' });
  };
}

/** Deposits on the given dates (payroll, benefits, payouts): the amount is money in, so posted negative. */
export function deposits(
  sim: Sim,
  account: string,
  dates: readonly IsoDate[],
  description: string | ((date: IsoDate, index: number) => string),
  cents: (date: IsoDate, index: number) => number,
): DayHandler {
  return onDates(dates, (date, i) => {
    const amount = cents(date, i);
    if (amount <= 0) return;
    const text = typeof description === 'string' ? description : description(date, i);
    sim.ledger.post(account, { date, amountCents: -amount, description: text });
  });
}

/** A monthly ACH debit such as rent, a mortgage or a utility, on `day` or the next business day. */
export function bill(sim: Sim, account: string, day: number | 'last', description: string, cents: (date: IsoDate) => number): DayHandler {
  return onDates(monthlyDebitDates(day, sim.start, sim.end), (date) => {
    sim.ledger.post(account, { date, amountCents: cents(date), description });
  });
}

/** A monthly card charge (streaming, software), posting the next business day. */
export function subscription(sim: Sim, account: string, day: number, description: string, cents: number): DayHandler {
  return onDates(monthlyCalendarDates(day, sim.start, sim.end), (date) => {
    sim.ledger.post(account, { date, amountCents: cents, description, postedOn: cardPostingDate(date) });
  });
}

/**
 * Keeps checking from ending a day overdrawn while savings can cover it: an
 * end-of-day transfer brings it back to `floorCents`, in whole hundreds.
 */
export function cushion(sim: Sim, checking: string, savings: string, floorCents: number, labels: TransferLabels): DayHandler {
  return (date) => {
    const short = floorCents - sim.ledger.balance(checking);
    if (short <= 0) return;
    const cents = Math.min(Math.ceil(short / 100_00) * 100_00, Math.floor(sim.ledger.balance(savings) / 100_00) * 100_00);
    if (cents > 0) ownTransfer(sim, savings, checking, date, cents, labels);
  };
}
