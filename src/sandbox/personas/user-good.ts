// user_good / pass_good: Plaid's default Sandbox login. Thin data: a sparse
// history of small purchases in the style of Plaid's canned transactions, an
// occasional payroll deposit, and a checking balance that ends under $100 —
// the user Plaid recommends for LOW_BALANCE_DETECTED.

import type { IsoDate } from '../../domain/model.js';
import { addDays, eachDay } from '../calendar.js';
import { DEFAULT_ADDRESSES, DEFAULT_EMAILS, DEFAULT_NAMES, DEFAULT_PHONE_NUMBERS } from '../custom-user/owners.js';
import type { SandboxAccount } from '../item-data.js';
import { cardPostingDate } from '../ledger.js';
import { cardLiability, openAccount } from './accounts.js';
import type { Place } from './merchants.js';
import { payDates } from './schedules.js';
import { createSim, creditCardCycle, deposits, onDates, runDays, savingsInterest } from './simulation.js';

const MALAKOFF: Place = { atmStreet: '2992 Cameron Road', city: 'Malakoff', region: 'NY', postalCode: '14236' };

// Plaid's Sandbox transactions, with amounts in dollars.
const PURCHASES: readonly [string, number, number][] = [
  ['Uber 063015 SF**POOL**', 5.4, 18],
  ["McDonald's", 6, 14],
  ['Starbucks', 3.5, 8],
  ['SparkFun', 20, 95],
  ['KFC', 7, 16],
  ['Touchstone Climbing', 24, 80],
  ['United Airlines', 120, 480],
  ['Madison Bicycle Shop', 15, 140],
];

export function buildUserGood(seed: string, creationDate: IsoDate): SandboxAccount[] {
  const sim = createSim(seed, creationDate, MALAKOFF);
  const rng = sim.rng.fork('profile');
  const owners = [{
    names: [...DEFAULT_NAMES],
    phoneNumbers: [...DEFAULT_PHONE_NUMBERS],
    emails: [...DEFAULT_EMAILS],
    addresses: [...DEFAULT_ADDRESSES],
  }];
  // Plaid's familiar masks: checking 0000, savings 1111, credit card 3333.
  openAccount(sim, { key: 'checking', type: 'depository', subtype: 'checking', openingCents: rng.dollars(300, 450), owners, accountNumber: '1111222233330000' });
  openAccount(sim, { key: 'savings', type: 'depository', subtype: 'savings', openingCents: rng.dollars(190, 215), owners, accountNumber: '1111222233331111' });
  openAccount(sim, {
    key: 'card', type: 'credit', subtype: 'credit card', openingCents: rng.dollars(200, 400), owners, accountNumber: '1111222233333333',
    limitCents: 2_000_00, liability: cardLiability(12.5, 25),
  });

  // A handful of payroll deposits over two years: too few for a steady stream.
  const every = rng.int(5, 7);
  const paydays = payDates({ kind: 'biweekly', anchor: '2024-01-05' }, sim.start, sim.end).filter((_d, i) => i % every === 2);
  const purchaseDays = [...eachDay(sim.start, addDays(sim.end, -4))].filter(() => rng.chance(0.12));
  const target = rng.dollars(40, 95);

  runDays(sim, [
    deposits(sim, 'checking', paydays, 'ACH Electronic CreditGUSTO PAY 123456', () => rng.dollars(250, 400)),
    onDates(purchaseDays, (date) => {
      const [name, min, max] = rng.pick(PURCHASES.slice(0, 6));
      const cents = rng.dollars(min, max);
      const account = rng.chance(0.5) && sim.ledger.balance('checking') > cents + 50_00 ? 'checking' : 'card';
      sim.ledger.post(account, { date, amountCents: cents, description: name, postedOn: cardPostingDate(date) });
    }),
    creditCardCycle(sim, {
      card: 'card', payFrom: 'checking', statementDay: 25, dueAfterDays: 20, aprPercent: 12.5,
      // Pays a little more than the minimum, never more than checking holds.
      pays: (s) => Math.max(0, Math.min(s, 25_00 + Math.round(s * 0.1), sim.ledger.balance('checking') - 20_00)),
      checkingDescription: 'CREDIT CARD 3333 PAYMENT *//',
      cardDescription: 'AUTOMATIC PAYMENT - THANK',
    }),
    savingsInterest(sim, 'savings', 0.5),
    // The last days: one larger purchase leaves checking just under $100, then a ride and a coffee stay pending.
    onDates([addDays(sim.end, -3)], (date) => {
      const excess = sim.ledger.balance('checking') - target;
      const [name] = PURCHASES[rng.int(6, 7)];
      if (excess > 0) sim.ledger.post('checking', { date, amountCents: excess, description: name });
    }),
    onDates([sim.end], (date) => {
      sim.ledger.post('card', { date, amountCents: 433, description: 'Starbucks', postedOn: cardPostingDate(date) });
      sim.ledger.post('checking', { date, amountCents: 633, description: 'Uber 072515 SF**POOL**', postedOn: cardPostingDate(date) });
    }),
  ]);
  return sim.ledger.toAccounts();
}
