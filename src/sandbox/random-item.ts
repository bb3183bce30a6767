// Random-but-seeded data for custom users that leave things out: a config
// with no `override_accounts` gets a whole random Item (checking, savings and
// sometimes a credit card), and an account given without transactions under a
// `seed` gets a random history of its own. Same seed, same data; dates are
// relative to the Item creation day.

import type { AccountType, IsoDate } from '../domain/model.js';
import { DEFAULT_ADDRESSES, DEFAULT_EMAILS, DEFAULT_NAMES, DEFAULT_PHONE_NUMBERS } from './custom-user/owners.js';
import type { SandboxAccount, SandboxTransaction } from './item-data.js';
import { cardLiability, openAccount } from './personas/accounts.js';
import { COFFEE, DINING, GAS, GROCERY, SHOPPING } from './personas/merchants.js';
import type { Place } from './personas/merchants.js';
import type { PaySchedule } from './personas/schedules.js';
import { payDates } from './personas/schedules.js';
import {
  bill,
  createSim,
  creditCardCycle,
  deposits,
  onDates,
  ownTransfer,
  runDays,
  savingsInterest,
  seasonal,
  spending,
} from './personas/simulation.js';
import type { DayHandler, Sim } from './personas/simulation.js';
import { SeededRandom } from './seeded-random.js';

const PLACES: readonly Place[] = [
  { atmStreet: '101 Main St', city: 'Columbus', region: 'OH', postalCode: '43215' },
  { atmStreet: '500 Market St', city: 'San Francisco', region: 'CA', postalCode: '94105' },
  { atmStreet: '230 Peachtree St NW', city: 'Atlanta', region: 'GA', postalCode: '30303' },
  { atmStreet: '1200 Main St', city: 'Dallas', region: 'TX', postalCode: '75202' },
  { atmStreet: '15 Court Sq', city: 'Boston', region: 'MA', postalCode: '02108' },
];
const EMPLOYERS = ['ACME CORP', 'GLOBEX CORP', 'INITECH INC', 'UMBRELLA CORP', 'HOOLI INC', 'STARK INDUSTRIES'];
const SCHEDULES: readonly PaySchedule[] = [
  { kind: 'biweekly', anchor: '2024-01-05' },
  { kind: 'semi-monthly' },
  { kind: 'weekly', weekday: 5 },
  { kind: 'monthly', day: 'last' },
];
const PER_YEAR: Record<PaySchedule['kind'], number> = { weekly: 52, biweekly: 26, 'semi-monthly': 24, monthly: 12 };

function defaultOwners() {
  return [{ names: [...DEFAULT_NAMES], phoneNumbers: [...DEFAULT_PHONE_NUMBERS], emails: [...DEFAULT_EMAILS], addresses: [...DEFAULT_ADDRESSES] }];
}

/**
 * Salary, rent, utilities and debit-card spending on one checking account,
 * sized so that spending tracks income and the balance stays near where it began.
 */
function everydayChecking(sim: Sim, key: string, openingCents: number): DayHandler[] {
  const rng = sim.rng.fork(`everyday/${key}`);
  const schedule = rng.pick(SCHEDULES);
  const monthlyNetCents = rng.dollars(3_200, 7_500);
  const payCents = Math.round((monthlyNetCents * 12) / PER_YEAR[schedule.kind]);
  const employer = rng.pick(EMPLOYERS);
  const rentCents = Math.round(monthlyNetCents * rng.int(28, 36) / 100);
  const budget = (): number => {
    const balance = sim.ledger.balance(key);
    return balance > openingCents * 1.4 ? 1.4 : balance < openingCents * 0.6 ? 0.6 : 1;
  };
  const scale = monthlyNetCents / 4_500_00;
  return [
    deposits(sim, key, payDates(schedule, sim.start, sim.end), `${employer} PAYROLL PPD ID: ${rng.digits(10)}`, () => rng.around(payCents, 0.02)),
    bill(sim, key, 1, `RENT PAYMENT WEB PMTS PPD ID: ${rng.digits(10)}`, () => rentCents),
    bill(sim, key, 12, 'ELECTRIC UTILITY BILLPAY PPD ID: 9100434100', (d) => Math.round(rng.dollars(60, 90) * seasonal(d, 0.5))),
    bill(sim, key, 19, 'WIRELESS PAYMENTS PPD ID: 4223344802', () => rng.dollars(55, 95)),
    spending(sim, {
      account: key,
      style: 'debit',
      budget,
      categories: [
        { merchants: GROCERY, perWeek: 2, minDollars: 30 * scale, maxDollars: 160 * scale },
        { merchants: DINING, perWeek: 2, minDollars: 12, maxDollars: 70 * scale, weekendBoost: 1.5 },
        { merchants: COFFEE, perWeek: 2, minDollars: 3.5, maxDollars: 7 },
        { merchants: GAS, perWeek: 1, minDollars: 30, maxDollars: 65 },
        { merchants: SHOPPING, perWeek: 1.5, minDollars: 10, maxDollars: 220 * scale, refundRate: 0.04 },
      ],
    }, key),
  ];
}

/** A whole random Item: what Plaid gives a custom user whose config is `{}`. */
export function generateRandomItem(seed: string, creationDate: IsoDate): SandboxAccount[] {
  const pick = new SeededRandom(seed).fork('shape');
  const sim = createSim(seed, creationDate, pick.pick(PLACES));
  const owners = defaultOwners();
  const checkingOpening = sim.rng.fork('opening').dollars(1_500, 6_000);
  const checking = openAccount(sim, { key: 'checking', type: 'depository', subtype: 'checking', openingCents: checkingOpening, owners });
  const savings = openAccount(sim, { key: 'savings', type: 'depository', subtype: 'savings', openingCents: sim.rng.fork('opening').dollars(500, 15_000), owners });
  const hasCard = pick.chance(0.6);
  const handlers = everydayChecking(sim, 'checking', checkingOpening);
  if (hasCard) {
    const card = openAccount(sim, { key: 'card', type: 'credit', subtype: 'credit card', openingCents: 0, owners, limitCents: pick.int(20, 120) * 100_00, liability: cardLiability(22.99, 35) });
    handlers.push(
      spending(sim, { account: 'card', style: 'credit', categories: [{ merchants: SHOPPING, perWeek: 1, minDollars: 10, maxDollars: 150 }] }, 'card'),
      creditCardCycle(sim, {
        card: 'card', payFrom: 'checking', statementDay: pick.int(1, 28), dueAfterDays: 25, pays: (s) => s, aprPercent: 22.99,
        checkingDescription: `CREDIT CARD AUTOPAY PPD ID: 9000100012 ...${card.mask}`,
        cardDescription: 'AUTOMATIC PAYMENT - THANK YOU',
      }),
    );
  }
  const labels = { fromKind: 'CHK', toKind: 'SAV', fromMask: checking.mask, toMask: savings.mask } as const;
  handlers.push(
    onDates(payDates({ kind: 'monthly', day: 20 }, sim.start, sim.end), (date) => {
      if (sim.ledger.balance('checking') > checkingOpening * 1.3) ownTransfer(sim, 'checking', 'savings', date, 200_00, labels);
    }),
    savingsInterest(sim, 'savings', 1.5),
  );
  runDays(sim, handlers);
  return sim.ledger.toAccounts();
}

const SAVINGS_LIKE = new Set(['savings', 'cd', 'money market', 'hsa', 'cash isa', 'isa', 'education savings account']);

/** Random rows for one configured account that was given no transactions, keeping its starting balance sensible. */
export function generateAccountRows(
  seed: string,
  account: { type: AccountType; subtype: string; openingCents: number },
  creationDate: IsoDate,
): SandboxTransaction[] {
  const sim = createSim(seed, creationDate, new SeededRandom(seed).fork('place').pick(PLACES));
  const { type, subtype, openingCents } = account;
  const rng = sim.rng.fork('account');
  openAccount(sim, { key: 'account', type, subtype, openingCents, owners: [] });
  let handlers: DayHandler[] = [];
  if (type === 'depository' && SAVINGS_LIKE.has(subtype)) {
    const monthly = rng.dollars(100, 600);
    handlers = [
      deposits(sim, 'account', payDates({ kind: 'monthly', day: 16 }, sim.start, sim.end), `ONLINE TRANSFER FROM CHK ...${rng.digits(4)}`, () => monthly),
      savingsInterest(sim, 'account', 1.5),
    ];
  } else if (type === 'depository') {
    handlers = everydayChecking(sim, 'account', Math.max(openingCents, 1_000_00));
  } else if (type === 'credit') {
    const category = { merchants: [...GROCERY, ...DINING, ...SHOPPING], perWeek: 4, minDollars: 8, maxDollars: 140 };
    handlers = [spending(sim, { account: 'account', style: 'credit', categories: [category] }, 'card')];
    // Paid in full each month by an account outside the Item, so only this leg appears.
    handlers.push(onDates(payDates({ kind: 'monthly', day: 25 }, sim.start, sim.end), (date) => {
      const owed = sim.ledger.balance('account') - openingCents;
      if (owed > 0) sim.ledger.post('account', { date, amountCents: -owed, description: 'PAYMENT - THANK YOU' });
    }));
  } else if (type === 'loan') {
    const payment = Math.max(50_00, Math.round(openingCents / 120));
    handlers = [onDates(payDates({ kind: 'monthly', day: 15 }, sim.start, sim.end), (date) => {
      const cents = Math.min(payment, sim.ledger.balance('account'));
      if (cents > 0) sim.ledger.post('account', { date, amountCents: -cents, description: 'PAYMENT RECEIVED - THANK YOU' });
    })];
  }
  runDays(sim, handlers);
  return sim.ledger.toAccounts()[0].transactions;
}
