// Synthetic users with known income streams, for measuring income detection (bench/insights.ts).
//
// Each user has a checking and a savings account (some a second checking at another bank) with
// 12 or 24 months of history ending the day before the report, and 1–5 true income streams drawn
// from every frequency (WEEKLY, BIWEEKLY, SEMI_MONTHLY, MONTHLY by day or by nth weekday, DAILY)
// and category (salary, gig, rental, benefits, pension, child support), with the irregularities
// real deposits have:
//   - pay days moved to the business day before (payroll, benefits) or after (rent, gig
//     payouts) a weekend or Federal Reserve holiday;
//   - missed payments (never the last two of an active stream) and extra payments (off-cycle
//     bonuses, instant cash-outs), bonuses folded into a paycheck;
//   - amount drift (raises, per-payment jitter) and gig noise (amounts varying ±60%, skipped
//     weeks);
//   - streams that stopped months before the report (truth: INACTIVE, no next payment) and
//     streams that started recently;
//   - paychecks split between checking and savings; 5% of ACH credits posting a business day late.
// Around them, deposits that are not income and must not be detected as streams: transfers
// between the user's own accounts (regular sweeps and occasional top-ups with both legs present,
// and monthly transfers in from the user's account at another bank, one leg only),
// merchant refunds, earned-wage advances and loan proceeds, one-off payment-app credits from
// strangers; and everyday spending.
//
// The truth for each stream: its transactions, frequency, and next pay date (the first scheduled
// business pay day after the report date) when active. Generation uses the sandbox calendar,
// independent of the detector's own.

import { enrichTransaction } from '../src/domain/enrichment/index.js';
import type { Account, AccountType, IsoDate, LinkedItem, Transaction } from '../src/domain/model.js';
import {
  addDays,
  dayOfWeek,
  daysInMonth,
  eachDay,
  isBusinessDay,
  makeDate,
  monthOf,
  monthStart,
  nthWeekday,
  onOrAfterBusinessDay,
  onOrBeforeBusinessDay,
  yearOf,
} from '../src/sandbox/calendar.js';
import { SeededRandom } from '../src/sandbox/seeded-random.js';

export type TrueFrequency = 'WEEKLY' | 'BIWEEKLY' | 'SEMI_MONTHLY' | 'MONTHLY' | 'DAILY';

export interface TrueStream {
  label: string;
  frequency: TrueFrequency;
  active: boolean;
  /** First scheduled pay date after the report date; null when the stream has stopped. */
  nextPaymentDate: IsoDate | null;
  transactionIds: Set<string>;
}

export interface SyntheticUser {
  name: string;
  items: LinkedItem[];
  reportAt: string;
  daysRequested: number;
  streams: TrueStream[];
}

export const REPORT_AT = '2026-08-23T12:00:00Z';
const REPORT_DATE = '2026-08-23';
const LAST_DATA_DATE = '2026-08-22';

type Shift = 'before' | 'after';
/** Nominal pay dates from a start date (inclusive) on, unbounded; the caller stops. */
type Calendar = (from: IsoDate, to: IsoDate) => IsoDate[];

function shifted(dates: IsoDate[], shift: Shift): IsoDate[] {
  const move = shift === 'before' ? onOrBeforeBusinessDay : onOrAfterBusinessDay;
  return [...new Set(dates.map(move))].sort();
}

function periodic(anchor: IsoDate, period: number): Calendar {
  return (from, to) => {
    const out: IsoDate[] = [];
    let d = anchor;
    while (d > addDays(from, -period)) d = addDays(d, -period);
    for (; d <= addDays(to, period); d = addDays(d, period)) out.push(d);
    return out;
  };
}

function monthDays(days: readonly (number | 'last')[]): Calendar {
  return (from, to) => {
    const out: IsoDate[] = [];
    for (let m = monthStart(from, -1); m <= monthStart(to, 1); m = monthStart(m, 1)) {
      for (const day of days) out.push(makeDate(yearOf(m), monthOf(m), day === 'last' ? daysInMonth(yearOf(m), monthOf(m)) : day));
    }
    return out;
  };
}

function monthWeekday(weekday: number, n: number): Calendar {
  return (from, to) => {
    const out: IsoDate[] = [];
    for (let m = monthStart(from, -1); m <= monthStart(to, 1); m = monthStart(m, 1)) out.push(nthWeekday(yearOf(m), monthOf(m), weekday, n));
    return out;
  };
}

/** A weekday in the first `span` days of 2024 (2024-01-01 was a Monday): the anchor of a weekly or biweekly calendar. */
function weekdayAnchor(r: SeededRandom, span: 7 | 14): IsoDate {
  const weekdays = Array.from({ length: span }, (_, i) => addDays('2024-01-01', i)).filter((d) => dayOfWeek(d) !== 0 && dayOfWeek(d) !== 6);
  return r.pick(weekdays);
}

const businessDays: Calendar = (from, to) => [...eachDay(from, addDays(to, 7))].filter(isBusinessDay);

interface StreamPlan {
  label: string;
  frequency: TrueFrequency;
  calendar: Calendar;
  shift: Shift;
  description: (rng: SeededRandom, date: IsoDate) => string;
  baseCents: number;
  /** Per-payment relative spread (uniform ±). */
  jitter: number;
  missRate: number;
  /** Off-cycle extra payments per year. */
  extrasPerYear: number;
  extraFactor: [number, number];
  /** Paychecks with a bonus folded in, per year. */
  foldedBonusesPerYear: number;
  raise: number;
  start: IsoDate;
  end: IsoDate;
  /** Share of each payment paid into savings on the same day (0 = all to checking). */
  splitToSavings: number;
}

const EMPLOYERS = [
  'NORTHWIND TRADERS', 'GLOBEX', 'INITECH', 'UMBRELLA HEALTH', 'STARK INDUSTRIES', 'WAYNE ENTERPRISES', 'WONKA FOODS', 'TYRELL', 'CYBERDYNE SYSTEMS',
  'HOOLI', 'VANDELAY IMPORTS', 'PIED PIPER', 'MASSIVE DYNAMIC', 'OSCORP', 'DUNDER MIFFLIN', 'BLUTH COMPANY', 'MONARCH LOGISTICS', 'SIRIUS CYBERNETICS',
  'SOYLENT', 'ACME WIDGETS', 'GRINGOTTS', 'PLANET EXPRESS', 'CHOAM', 'WEYLAND YUTANI', 'OCEANIC AIRLINES', 'DHARMA INITIATIVE',
];
const FIRST = ['MARIA', 'JAMES', 'LINDA', 'ROBERT', 'PRIYA', 'CHEN', 'FATIMA', 'DIEGO', 'OLGA', 'KWAME', 'AIKO', 'LIAM', 'NOOR', 'SOFIA', 'IVAN'];
const LAST = ['GARCIA', 'SMITH', 'NGUYEN', 'PATEL', 'KIM', 'OKAFOR', 'ROSSI', 'COHEN', 'SILVA', 'MULLER', 'HASSAN', 'BROWN', 'LOPEZ', 'TANAKA'];
const GIG_WEEKLY = [
  ['UBER', (r: SeededRandom) => `UBER USA ${r.digits(4)} EDI PAYMNT PPD ID: ${r.digits(10)}`],
  ['DOORDASH', (r: SeededRandom) => `DOORDASH INC DASHER PPD ID: ${r.digits(10)}`],
  ['INSTACART', (r: SeededRandom) => `INSTACART SHOPPER PAY PPD ID: ${r.digits(10)}`],
  ['LYFT', (r: SeededRandom) => `LYFT INC DRIVER PAYOUT ${r.digits(8)}`],
  ['GRUBHUB', (r: SeededRandom) => `GRUBHUB HOLDINGS DRIVER PAY ${r.digits(9)}`],
] as const;

const ref = (r: SeededRandom, n: number) => r.digits(n);

function salaryDescription(r: SeededRandom, employer: string): (rng: SeededRandom, date: IsoDate) => string {
  const style = r.int(0, 5);
  const person = `${r.pick(LAST)} ${r.pick(FIRST)}`;
  const titled = employer.split(' ').map((w) => w[0] + w.slice(1).toLowerCase()).join(' ');
  return (rng, date) => {
    switch (style) {
      case 0:
        return `${employer} DES:PAYROLL ID:${ref(rng, 10)} INDN:${person} CO ID:${ref(rng, 10)} PPD`;
      case 1:
        return `${employer} PAYROLL PPD ID: ${ref(rng, 10)}`;
      case 2:
        return `DIRECT DEP ${employer} PAYROLL ${date.slice(5, 7)}${date.slice(8, 10)}${date.slice(2, 4)}`;
      case 3:
        return `${titled} Direct Dep`;
      case 4:
        return `ACH Electronic Credit${employer.split(' ')[0]} PAY ${ref(rng, 6)}`;
      default:
        return `${employer} DIR DEP ${ref(rng, 8)}`;
    }
  };
}

/** The stream plans of one user. */
function planStreams(r: SeededRandom, historyStart: IsoDate, index: number): StreamPlan[] {
  const plans: StreamPlan[] = [];
  const base = (over: Partial<StreamPlan> & Pick<StreamPlan, 'label' | 'frequency' | 'calendar' | 'shift' | 'description' | 'baseCents'>): StreamPlan => ({
    jitter: 0, missRate: 0, extrasPerYear: 0, extraFactor: [1, 1], foldedBonusesPerYear: 0, raise: 1, start: historyStart, end: LAST_DATA_DATE, splitToSavings: 0, ...over,
  });
  const salaryFrequencies: TrueFrequency[] = ['WEEKLY', 'BIWEEKLY', 'SEMI_MONTHLY', 'MONTHLY'];
  const salaries = 1 + (r.chance(0.35) ? 1 : 0);
  for (let s = 0; s < salaries; s++) {
    const employer = EMPLOYERS[(index * 3 + s * 7) % EMPLOYERS.length];
    const frequency = salaryFrequencies[(index + s) % salaryFrequencies.length];
    const perYear = { WEEKLY: 52, BIWEEKLY: 26, SEMI_MONTHLY: 24, MONTHLY: 12, DAILY: 261 }[frequency];
    const calendar =
      frequency === 'WEEKLY' ? periodic(weekdayAnchor(r, 7), 7)
      : frequency === 'BIWEEKLY' ? periodic(weekdayAnchor(r, 14), 14)
      : frequency === 'SEMI_MONTHLY' ? monthDays(r.pick([[15, 'last'], [1, 15], [5, 20], [10, 25]] as (number | 'last')[][]))
      : monthDays([r.pick([1, 15, 25, 28, 'last'] as (number | 'last')[])]);
    const stopped = r.chance(0.2);
    plans.push(base({
      label: `salary:${employer}`,
      frequency,
      calendar,
      shift: 'before',
      description: salaryDescription(r, employer),
      baseCents: Math.round((r.dollars(32_000, 140_000) / perYear)),
      jitter: frequency === 'WEEKLY' && r.chance(0.5) ? 0.12 : 0.005,
      missRate: r.chance(0.5) ? 0.04 : 0,
      extrasPerYear: r.chance(0.35) ? r.int(1, 2) : 0,
      extraFactor: [0.8, 3],
      foldedBonusesPerYear: r.chance(0.25) ? 1 : 0,
      raise: 1 + r.int(0, 6) / 100,
      end: stopped ? addDays(LAST_DATA_DATE, -r.int(60, 200)) : LAST_DATA_DATE,
      start: !stopped && r.chance(0.2) ? addDays(LAST_DATA_DATE, -r.int(70, 160)) : historyStart,
      splitToSavings: r.chance(0.2) ? 0.2 : 0,
    }));
  }
  // Gig work: weekly payouts on a fixed weekday (or daily instant pay), amounts all over the place.
  if (r.chance(0.45)) {
    const [name, describe] = GIG_WEEKLY[(index + 2) % GIG_WEEKLY.length];
    const daily = r.chance(0.3);
    plans.push(base({
      label: `gig:${name}`,
      frequency: daily ? 'DAILY' : 'WEEKLY',
      calendar: daily ? businessDays : periodic(weekdayAnchor(r, 7), 7),
      shift: 'after',
      description: (rng) => describe(rng),
      baseCents: daily ? r.dollars(40, 120) : r.dollars(150, 500),
      jitter: 0.6,
      missRate: daily ? 0.1 : r.int(5, 25) / 100,
      extrasPerYear: daily ? 0 : r.int(0, 6),
      extraFactor: [0.2, 1],
      end: r.chance(0.15) ? addDays(LAST_DATA_DATE, -r.int(60, 150)) : LAST_DATA_DATE,
    }));
  }
  // Rent received from a tenant or a property manager, early in the month.
  if (r.chance(0.35)) {
    const tenant = `${r.pick(FIRST)} ${r.pick(LAST)}`;
    const viaZelle = r.chance(0.5);
    const refCode = r.digits(10);
    plans.push(base({
      label: `rental:${tenant}`,
      frequency: 'MONTHLY',
      calendar: monthDays([r.int(1, 5)]),
      shift: 'after',
      description: (rng) => (viaZelle ? `ZELLE PAYMENT FROM ${tenant} RENT REF # ${ref(rng, 9)}` : `APPFOLIO OWNER DIST PPD ID: ${refCode} RENT ${r.int(10, 999)} ELM ST`),
      baseCents: r.dollars(900, 2_800),
      jitter: viaZelle ? 0 : 0.03,
      missRate: 0.03,
    }));
  }
  // Benefits: Social Security (nth Wednesday), weekly unemployment (often over), biweekly child support, a monthly pension.
  const benefit = r.int(0, 5);
  if (benefit === 0) {
    plans.push(base({ label: 'benefit:ssa', frequency: 'MONTHLY', calendar: monthWeekday(3, r.int(2, 4)), shift: 'before', description: () => 'SSA TREAS 310 XXSOC SEC', baseCents: r.dollars(900, 2_400) }));
  } else if (benefit === 1) {
    plans.push(base({
      label: 'benefit:unemployment', frequency: 'WEEKLY', calendar: periodic(weekdayAnchor(r, 7), 7), shift: 'before',
      description: () => 'AZDES UI BENEFITS PPD ID: 1866000001', baseCents: r.dollars(240, 480),
      start: addDays(LAST_DATA_DATE, -r.int(200, 330)), end: r.chance(0.6) ? addDays(LAST_DATA_DATE, -r.int(60, 120)) : LAST_DATA_DATE,
    }));
  } else if (benefit === 2) {
    plans.push(base({
      label: 'benefit:child-support', frequency: 'BIWEEKLY', calendar: periodic(weekdayAnchor(r, 14), 14), shift: 'before',
      description: (rng) => `STATE CHILD SUPPORT SDU PPD ID: ${ref(rng, 10)}`, baseCents: r.dollars(150, 600),
    }));
  } else if (benefit === 3) {
    plans.push(base({
      label: 'benefit:pension', frequency: 'MONTHLY', calendar: monthDays([r.pick([1, 'last'] as (number | 'last')[])]), shift: 'before',
      description: () => 'CALPERS RETIREMENT PPD ID: 9460000001', baseCents: r.dollars(1_200, 3_600),
    }));
  }
  return plans;
}

class Ledger {
  readonly accounts: Account[] = [];
  readonly transactions: Transaction[] = [];
  private seq = 0;
  constructor(readonly itemId: string) {}
  open(name: string, type: AccountType, subtype: string, mask: string, currentCents: number, limitCents: number | null = null): string {
    const accountId = `${this.itemId}-${name}`;
    this.accounts.push({
      accountId, itemId: this.itemId, name: `${name} account`, officialName: null, mask, type, subtype,
      currency: { isoCurrencyCode: 'USD', unofficialCurrencyCode: null }, currentCents, availableCents: currentCents, limitCents,
      owners: [{ names: ['Synthetic User'], phoneNumbers: [], emails: [], addresses: [] }], ownershipType: null, numbers: null, liability: null, investments: null,
    });
    return accountId;
  }
  post(accountId: string, date: IsoDate, amountCents: number, description: string): string {
    const account = this.accounts.find((a) => a.accountId === accountId)!;
    const transactionId = `${accountId}-t${String(this.seq++).padStart(6, '0')}`;
    this.transactions.push({
      transactionId, accountId, amountCents, currency: account.currency, originalDescription: description, datePosted: date, dateTransacted: date, pending: false,
      enrichment: enrichTransaction({ description, amountCents, accountType: account.type, accountSubtype: account.subtype }),
    });
    return transactionId;
  }
  linked(createdAt: string, institutionId: string): LinkedItem {
    return { item: { itemId: this.itemId, institutionId, institutionName: 'Synthetic Bank', createdAt, lastUpdatedAt: createdAt }, accounts: this.accounts, transactions: this.transactions };
  }
}

const MERCHANTS = ['KROGER #0412', 'WHOLE FOODS MKT', 'SHELL OIL 5744', 'STARBUCKS STORE 1234', 'TARGET 00012345', 'CHIPOTLE 1932', 'AMAZON MKTPL*2K4LM1', 'CVS/PHARMACY #0871', 'NETFLIX.COM', 'COMCAST CABLE COMM PPD ID: 0000108874'];

/** One synthetic user with known streams (see the file comment). */
export function generateUser(seed: string, index: number): SyntheticUser {
  const r = new SeededRandom(`${seed}/user/${index}`);
  const months = index % 2 === 0 ? 24 : 12;
  const historyStart = addDays(LAST_DATA_DATE, -Math.round(months * 30.44) + 1);
  const ledger = new Ledger(`${seed}-u${index}-item`);
  const checking = ledger.open('checking', 'depository', 'checking', '1234', 0);
  const savings = ledger.open('savings', 'depository', 'savings', '5678', 0);
  const card = ledger.open('card', 'credit', 'credit card', '9012', 0, 500_000);

  const streams: TrueStream[] = [];
  for (const plan of planStreams(r, historyStart, index)) {
    const rng = r.fork(plan.label);
    const scheduled = shifted(plan.calendar(plan.start, plan.end), plan.shift).filter((d) => d >= plan.start && d <= plan.end && d >= historyStart);
    if (scheduled.length < 3) continue;
    const ids = new Set<string>();
    const raiseOn = scheduled[Math.floor(scheduled.length * 0.6)];
    const pay = (date: IsoDate, cents: number) => {
      const toSavings = Math.round(cents * plan.splitToSavings);
      ids.add(ledger.post(checking, date, -(cents - toSavings), plan.description(rng, date)));
      if (toSavings > 0) ids.add(ledger.post(savings, date, -toSavings, plan.description(rng, date)));
    };
    const lastTwo = new Set(plan.end === LAST_DATA_DATE ? scheduled.slice(-2) : []);
    for (const date of scheduled) {
      if (!lastTwo.has(date) && rng.chance(plan.missRate)) continue;
      let cents = Math.round(rng.around(plan.baseCents, plan.jitter) * (date >= raiseOn ? plan.raise : 1));
      if (rng.chance(plan.foldedBonusesPerYear / 26)) cents *= 2;
      // ACH credits now and then post a business day late.
      const posted = plan.frequency !== 'DAILY' && rng.chance(0.05) ? onOrAfterBusinessDay(addDays(date, 1)) : date;
      pay(posted > LAST_DATA_DATE ? date : posted, Math.max(100, cents));
    }
    const years = scheduled.length / ({ WEEKLY: 52, BIWEEKLY: 26, SEMI_MONTHLY: 24, MONTHLY: 12, DAILY: 261 }[plan.frequency]);
    const extras = Math.round(plan.extrasPerYear * years);
    for (let e = 0; e < extras; e++) {
      const date = onOrBeforeBusinessDay(addDays(scheduled[0], rng.int(0, Math.max(0, scheduled.length > 1 ? dayGap(scheduled[0], scheduled[scheduled.length - 1]) : 0))));
      if (scheduled.includes(date) || date < historyStart) continue;
      pay(date, Math.round(plan.baseCents * (plan.extraFactor[0] + (rng.int(0, 100) / 100) * (plan.extraFactor[1] - plan.extraFactor[0]))));
    }
    const active = plan.end === LAST_DATA_DATE;
    const future = shifted(plan.calendar(REPORT_DATE, addDays(REPORT_DATE, 60)), plan.shift).filter((d) => d > REPORT_DATE);
    streams.push({ label: plan.label, frequency: plan.frequency, active, nextPaymentDate: active ? (future[0] ?? null) : null, transactionIds: ids });
  }

  // Noise that is not income.
  const noise = r.fork('noise');
  const sweep = noise.int(2, 20) * 50_00;
  for (const day of eachDay(historyStart, LAST_DATA_DATE)) {
    if (day.endsWith('-20') || (day.endsWith('-05') && noise.chance(0.5))) {
      const ref11 = noise.digits(11);
      const amount = day.endsWith('-20') ? sweep : noise.int(1, 30) * 25_00;
      ledger.post(checking, day, amount, `ONLINE TRANSFER TO SAV ...5678 TRANSACTION#: ${ref11}`);
      ledger.post(savings, day, -amount, `ONLINE TRANSFER FROM CHK ...1234 TRANSACTION#: ${ref11}`);
    }
    if (noise.chance(0.02)) {
      const amount = noise.int(2, 40) * 25_00;
      ledger.post(savings, day, amount, noise.pick(['TRANSFER TO SHARE 0001', `Online Banking transfer to CHK 1234 Confirmation# ${noise.digits(10)}`]));
      ledger.post(checking, day, -amount, noise.pick(['TRANSFER FROM SHARE 0001', `Online Banking transfer from SAV 5678 Confirmation# ${noise.digits(10)}`]));
    }
    // Money from the user's own account at another bank (one leg only), monthly for some users.
    if (index % 4 === 2 && day.endsWith('-10')) ledger.post(checking, onOrAfterBusinessDay(day), -noise.int(4, 12) * 50_00, 'EXTERNAL TRANSFER FROM ALLY BANK SAVINGS ACCT ...4321');
    if (noise.chance(0.05)) ledger.post(checking, day, -noise.dollars(5, 160), noise.pick(['POS RETURN WALMART #1234', `AMAZON.COM*${noise.digits(5)} REFUND`, 'TARGET 00012345 RETURN', 'BEST BUY 00123 REFUND']));
    if (index % 5 === 3 && noise.chance(0.04)) ledger.post(checking, day, -noise.int(2, 10) * 25_00, noise.pick(['DAVE.COM ADVANCE PPD ID: 3371234001', 'EARNIN ACTIVEHOURS ADVANCE', 'MONEYLION INSTACASH ADVANCE']));
    if (index % 7 === 1 && noise.chance(0.004)) ledger.post(checking, day, -noise.dollars(2_000, 9_000), 'UPSTART LOAN PROCEEDS PPD ID: 4550001111');
    if (noise.chance(0.03)) ledger.post(checking, day, -noise.dollars(15, 300), `ZELLE PAYMENT FROM ${noise.pick(FIRST)} ${noise.pick(LAST)} ${noise.pick(LAST)} REF # ${noise.digits(9)}`);
    const purchases = noise.int(0, 3);
    for (let p = 0; p < purchases; p++) ledger.post(noise.chance(0.5) ? checking : card, day, noise.dollars(3, 180), noise.pick(MERCHANTS));
    if (day.endsWith('-03')) ledger.post(checking, onOrAfterBusinessDay(day), noise.dollars(900, 2_400), 'AVALON APARTMENTS RENT WEB PMTS');
    if (dayOfWeek(day) === 6 && noise.chance(0.3)) ledger.post(checking, day, noise.int(2, 10) * 20_00, 'ATM WITHDRAWAL 1500 PINE ST');
  }
  for (const a of ledger.accounts) {
    const sum = ledger.transactions.filter((t) => t.accountId === a.accountId).reduce((s, t) => s + t.amountCents, 0);
    a.currentCents = a.type === 'credit' ? Math.max(0, sum) : 5_000_00 - sum;
    a.availableCents = a.currentCents;
  }
  return { name: `user-${index}`, items: [ledger.linked('2026-08-23T10:00:00Z', 'ins_109508')], reportAt: REPORT_AT, daysRequested: months === 24 ? 731 : 365, streams };
}

function dayGap(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

export function generateUsers(count: number, seed = 'income-bench'): SyntheticUser[] {
  return Array.from({ length: count }, (_, i) => generateUser(seed, i));
}

/**
 * The timing user: 24 months, 5 accounts (3 checking, 1 savings, 1 card) over 2 Items, ~10,000
 * transactions, with salary, gig, rental income and the usual noise.
 */
export function performanceUser(seed = 'income-bench-perf'): { items: LinkedItem[]; reportAt: string; daysRequested: number; transactionCount: number } {
  const r = new SeededRandom(seed);
  const first = new Ledger(`${seed}-a`);
  const second = new Ledger(`${seed}-b`);
  const accounts = [
    [first, first.open('checking', 'depository', 'checking', '1111', 0)],
    [first, first.open('savings', 'depository', 'savings', '2222', 0)],
    [first, first.open('card', 'credit', 'credit card', '3333', 0, 1_000_000)],
    [second, second.open('checking', 'depository', 'checking', '4444', 0)],
    [second, second.open('bills', 'depository', 'checking', '5555', 0)],
  ] as const;
  const start = addDays(LAST_DATA_DATE, -730);
  for (const date of shifted(periodic('2024-01-05', 14)(start, LAST_DATA_DATE), 'before')) if (date >= start && date <= LAST_DATA_DATE) first.post(accounts[0][1], date, -r.dollars(2_100, 2_140), 'NORTHWIND TRADERS PAYROLL PPD ID: 9876543210');
  for (const date of shifted(monthDays([1])(start, LAST_DATA_DATE), 'after')) if (date >= start && date <= LAST_DATA_DATE) second.post(accounts[3][1], date, -1_650_00, `ZELLE PAYMENT FROM MARIA GARCIA RENT REF # ${r.digits(9)}`);
  for (const date of shifted(periodic('2024-01-01', 7)(start, LAST_DATA_DATE), 'after')) if (date >= start && date <= LAST_DATA_DATE && r.chance(0.8)) second.post(accounts[3][1], date, -r.dollars(80, 420), `DOORDASH INC DASHER PPD ID: 4560001234`);
  for (const day of eachDay(start, LAST_DATA_DATE)) {
    const purchases = 13 + (r.chance(0.35) ? 1 : 0);
    for (let p = 0; p < purchases; p++) {
      const [ledger, accountId] = accounts[r.pick([0, 0, 2, 2, 3, 4])];
      ledger.post(accountId, day, r.dollars(2, 250), r.pick(MERCHANTS));
    }
    if (day.endsWith('-20')) {
      const ref11 = r.digits(11);
      first.post(accounts[0][1], day, 500_00, `ONLINE TRANSFER TO SAV ...2222 TRANSACTION#: ${ref11}`);
      first.post(accounts[1][1], day, -500_00, `ONLINE TRANSFER FROM CHK ...1111 TRANSACTION#: ${ref11}`);
    }
    if (r.chance(0.05)) first.post(accounts[0][1], day, -r.dollars(5, 120), 'POS RETURN WALMART #1234');
  }
  for (const ledger of [first, second]) {
    for (const a of ledger.accounts) {
      const sum = ledger.transactions.filter((t) => t.accountId === a.accountId).reduce((s, t) => s + t.amountCents, 0);
      a.currentCents = a.type === 'credit' ? Math.max(0, sum) : 20_000_00 - sum;
    }
  }
  const transactionCount = first.transactions.length + second.transactions.length;
  return { items: [first.linked('2026-08-23T10:00:00Z', 'ins_109508'), second.linked('2026-08-23T10:05:00Z', 'ins_109509')], reportAt: REPORT_AT, daysRequested: 731, transactionCount };
}
