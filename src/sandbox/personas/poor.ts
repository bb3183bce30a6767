// user_credit_profile_poor: a Cleveland renter with no steady income — odd
// jobs paid by check, cash deposits, help from family over Zelle, a yearly tax
// refund — spending a little more than comes in. Savings drain into checking
// over the history; once they are gone, bills bounce (NSF), paid items
// overdraw the account (overdraft fees) and cash-advance apps fill the gaps.
// A small credit card carries a balance, takes minimum payments and an
// occasional cash advance.

import type { IsoDate } from '../../domain/model.js';
import { addDays, daysInMonth, monthOf, monthStart, onOrAfterBusinessDay, yearOf } from '../calendar.js';
import type { SandboxAccount } from '../item-data.js';
import { cardLiability, openAccount, owner } from './accounts.js';
import type { Merchant, Place } from './merchants.js';
import { GAS } from './merchants.js';
import { monthlyDebitDates, payDates } from './schedules.js';
import {
  atmWithdrawals,
  createSim,
  creditCardCycle,
  deposits,
  onDates,
  ownTransfer,
  runDays,
  seasonal,
  spending,
  subscription,
  savingsTransferLabels,
} from './simulation.js';
import type { DayHandler, Sim } from './simulation.js';

const CLEVELAND: Place & { street: string } = {
  street: '3317 W 65th St',
  atmStreet: '5800 Detroit Ave',
  city: 'Cleveland',
  region: 'OH',
  postalCode: '44102',
};

const FAST_FOOD: readonly Merchant[] = [
  { name: "MCDONALD'S F", chain: true },
  { name: 'TACO BELL', chain: true },
  { name: 'WENDYS', chain: true },
  { name: 'POPEYES', chain: true },
];
const DISCOUNT_GROCERY: readonly Merchant[] = [
  { name: 'ALDI', chain: true },
  { name: 'SAVE A LOT', chain: true },
  { name: 'KROGER', chain: true },
];
const DOLLAR: readonly Merchant[] = [
  { name: 'DOLLAR GENERAL', chain: true },
  { name: 'FAMILY DOLLAR', chain: true },
];
const FEE_CENTS = 34_00;

/**
 * Irregular deposits on random days: `perMonth(month)` of them each month
 * (fractions round up by chance). Counting per month rather than flipping a
 * coin each day keeps the yearly total steady enough for the persona's story.
 */
function irregular(sim: Sim, label: string, perMonth: (month: IsoDate) => number, minDollars: number, maxDollars: number, describe: (ref: string) => string): DayHandler {
  const rng = sim.rng.fork(`income/${label}`);
  const dates: IsoDate[] = [];
  for (let month = monthStart(sim.start); month <= sim.end; month = monthStart(month, 1)) {
    const rate = perMonth(month);
    const count = Math.floor(rate) + (rng.chance(rate - Math.floor(rate)) ? 1 : 0);
    const days = daysInMonth(yearOf(month), monthOf(month));
    for (let i = 0; i < count; i++) dates.push(addDays(month, rng.int(0, days - 1)));
  }
  return deposits(sim, 'checking', dates.filter((d) => d >= sim.start).sort(), () => describe(rng.digits(9)), () => rng.dollars(minDollars, maxDollars));
}

export function buildPoor(seed: string, creationDate: IsoDate): SandboxAccount[] {
  const sim = createSim(seed, creationDate, CLEVELAND);
  const rng = sim.rng.fork('profile');
  const { ledger } = sim;
  const owners = [owner('Dana Lee Whitfield', '2165550123', 'dana.whitfield@example.com', CLEVELAND)];
  const checking = openAccount(sim, { key: 'checking', type: 'depository', subtype: 'checking', openingCents: rng.dollars(700, 900), owners });
  const savings = openAccount(sim, { key: 'savings', type: 'depository', subtype: 'savings', openingCents: rng.dollars(2_800, 3_300), owners });
  const card = openAccount(sim, {
    key: 'card', type: 'credit', subtype: 'credit card', openingCents: rng.dollars(180, 260), owners,
    limitCents: 500_00, liability: cardLiability(29.99, 35),
  });
  const { fromSavings } = savingsTransferLabels(checking.mask, savings.mask);
  // Odd jobs dry up in the second year: roughly break-even at first, then a
  // deficit that empties savings towards the end of the history.
  const secondYear = addDays(sim.start, 365);
  const oddJobs = (d: IsoDate): number => (d < secondYear ? 3.2 : 1.9);

  let checkNumber = 1040;
  let startOfDay = 0;
  let feesThisMonth = { month: 0, count: 0 };
  const retries = new Map<IsoDate, { cents: number; description: string }[]>();
  let advance: { repayOn: IsoDate; cents: number } | null = null;
  let lastTopUp: IsoDate | null = null;

  const chargeFee = (date: IsoDate, description: string): void => {
    if (feesThisMonth.month !== monthOf(date)) feesThisMonth = { month: monthOf(date), count: 0 };
    if (feesThisMonth.count >= 3) return; // banks cap daily and monthly fee counts
    feesThisMonth.count++;
    ledger.post('checking', { date, amountCents: FEE_CENTS, description });
    if (rng.chance(0.08)) ledger.post('checking', { date: onOrAfterBusinessDay(addDays(date, 1)), amountCents: -FEE_CENTS, description: 'OVERDRAFT FEE REFUND' });
  };

  // An ACH debit that bounces (NSF fee, item returned and re-presented a week
  // later) when checking cannot cover it and the bank declines to pay it.
  const achDebit = (date: IsoDate, cents: number, description: string, retried = false): void => {
    const balance = ledger.balance('checking');
    if (balance >= cents || (balance - cents > -250_00 && rng.chance(0.55))) {
      ledger.post('checking', { date, amountCents: cents, description });
      return;
    }
    chargeFee(date, 'NSF FEE');
    if (!retried) {
      const on = onOrAfterBusinessDay(addDays(date, 7));
      retries.set(on, [...(retries.get(on) ?? []), { cents, description }]);
    }
  };
  const monthlyAch = (day: number, description: string, cents: (d: IsoDate) => number): DayHandler =>
    onDates(monthlyDebitDates(day, sim.start, sim.end), (d) => achDebit(d, cents(d), description));

  runDays(sim, [
    (date) => {
      startOfDay = ledger.balance('checking');
      for (const r of retries.get(date) ?? []) achDebit(date, r.cents, r.description, true);
    },
    irregular(sim, 'checks', oddJobs, 250, 750, (ref) => `MOBILE DEPOSIT REF #${ref}`),
    irregular(sim, 'zelle', () => 1.5, 40, 200, (ref) => `ZELLE PAYMENT FROM TINA WHITFIELD REF # ${ref}`),
    irregular(sim, 'cash', () => 1, 60, 300, () => 'CASH DEPOSIT BRANCH 0412'),
    deposits(sim, 'checking', payDates({ kind: 'monthly', day: 24 }, sim.start, sim.end).filter((d) => monthOf(d) === 2), 'IRS TREAS 310 TAX REF', () => rng.dollars(700, 1_300)),
    // Rent goes to the landlord by paper check.
    onDates(monthlyDebitDates(2, sim.start, sim.end), (date) => achDebit(date, 795_00, `CHECK ${checkNumber++}`)),
    monthlyAch(6, 'CRICKET WIRELESS PPD ID: 1800374000', () => 55_00),
    monthlyAch(11, 'CLEVELAND PUBLIC PWR UTIL PPD ID: 3346000417', (d) => Math.round(rng.dollars(55, 75) * seasonal(d, 0.4))),
    monthlyAch(14, 'DOMINION ENERGY OHIO PPD ID: 1340000860', (d) => Math.round(rng.dollars(30, 45) * seasonal(d, 1.4))),
    monthlyAch(20, 'PROGRESSIVE INS PPD ID: 9100121212', () => 118_40),
    monthlyAch(27, 'RENT-A-CENTER PPD ID: 7510000131', () => 68_99),
    monthlyAch(16, 'ONEMAIN FINANCIAL PMT PPD ID: 1800420000', () => 142_18),
    monthlyAch(9, 'SPECTRUM PPD ID: 8001234567', () => 64_99),
    subscription(sim, 'card', 5, 'NETFLIX.COM NETFLIX.COM CA', 699),
    spending(sim, {
      account: 'checking',
      style: 'debit',
      // A debit card purchase the balance cannot cover is declined, not overdrawn.
      allow: (_d, cents) => ledger.balance('checking') >= cents,
      categories: [
        { merchants: DISCOUNT_GROCERY, perWeek: 1.5, minDollars: 20, maxDollars: 85 },
        { merchants: FAST_FOOD, perWeek: 2, minDollars: 6, maxDollars: 17 },
        { merchants: GAS, perWeek: 0.9, minDollars: 15, maxDollars: 40 },
        { merchants: DOLLAR, perWeek: 0.8, minDollars: 5, maxDollars: 30 },
      ],
    }, 'debit'),
    spending(sim, { account: 'card', style: 'credit', allow: (_d, cents) => ledger.balance('card') + cents <= 500_00, categories: [
      { merchants: GAS, perWeek: 0.3, minDollars: 15, maxDollars: 35 },
    ] }, 'card'),
    // Cash advances on the card when it has room.
    (date) => {
      if (ledger.balance('card') <= 390_00 && rng.chance(0.012)) {
        ledger.post('card', { date, amountCents: 100_00, description: `CASH ADVANCE ${sim.merchants.atm()}` });
        ledger.post('card', { date, amountCents: 10_00, description: 'CASH ADVANCE FEE' });
        ledger.post('checking', { date, amountCents: -100_00, description: `CASH DEPOSIT ATM ${CLEVELAND.atmStreet.toUpperCase()}` });
      }
    },
    creditCardCycle(sim, {
      card: 'card', payFrom: 'checking', statementDay: 18, dueAfterDays: 23, aprPercent: 29.99,
      pays: (s) => Math.min(s, Math.max(35_00, Math.round(s * 0.03))),
      checkingDescription: `PLATYPUS CARD PAYMENT PPD ID: 9000100012 ...${card.mask}`,
      cardDescription: 'PAYMENT RECEIVED - THANK YOU',
    }),
    atmWithdrawals(sim, 'checking', 2, 60, 3_50),
    // Cash-advance app: borrows when the account is dry, repays from the next deposit with a tip.
    (date) => {
      if (advance && date >= advance.repayOn) {
        ledger.post('checking', { date, amountCents: advance.cents + rng.dollars(2, 6), description: 'DAVE INC DEBIT PPD ID: 3371234001' });
        advance = null;
      } else if (!advance && ledger.balance('checking') < 20_00 && (ledger.balance('savings') < 50_00 || rng.chance(0.08))) {
        const cents = rng.int(2, 10) * 25_00;
        ledger.post('checking', { date, amountCents: -cents, description: 'DAVE.COM ADVANCE PPD ID: 3371234001' });
        advance = { repayOn: onOrAfterBusinessDay(addDays(date, rng.int(8, 14))), cents };
      }
    },
    // End of day: a balance pushed below zero by a paid item costs an overdraft fee;
    // whatever is left in savings is moved over the next business day.
    (date) => {
      const balance = ledger.balance('checking');
      if (balance < 0 && balance < startOfDay) chargeFee(date, 'OVERDRAFT FEE');
      const saved = ledger.balance('savings');
      const next = onOrAfterBusinessDay(addDays(date, 1));
      if (balance < 100_00 && saved > 0 && next !== lastTopUp && rng.chance(0.8)) {
        ownTransfer(sim, 'savings', 'checking', next, Math.min(saved, 250_00), fromSavings);
        lastTopUp = next;
      }
    },
  ]);
  return ledger.toAccounts();
}
