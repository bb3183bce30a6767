// user_credit_profile_good: an Austin gig worker. No salary; weekly-ish
// payouts from Uber, DoorDash and Instacart that vary with the hours driven.
// Spending follows the money — a fuller account buys more, a thin one buys
// less — so cash flow nets out close to zero over the history.

import type { IsoDate } from '../../domain/model.js';
import type { SandboxAccount } from '../item-data.js';
import { cardLiability, openAccount, owner } from './accounts.js';
import { COFFEE, DINING, ENTERTAINMENT, GAS, GROCERY, SHOPPING } from './merchants.js';
import type { Place } from './merchants.js';
import { payDates } from './schedules.js';
import {
  atmWithdrawals,
  bill,
  createSim,
  creditCardCycle,
  deposits,
  onDates,
  ownTransfer,
  runDays,
  cushion,
  savingsInterest,
  seasonal,
  spending,
  subscription,
  savingsTransferLabels,
  cardAutopayDescription,
} from './simulation.js';
import type { Sim } from './simulation.js';

const AUSTIN: Place & { street: string } = {
  street: '4410 Duval St',
  atmStreet: '2901 S Lamar Blvd',
  city: 'Austin',
  region: 'TX',
  postalCode: '78751',
};

/** Weekly payouts on `weekday`, skipping weeks the driver took off. */
function gigPayouts(sim: Sim, label: string, weekday: number, skipRate: number, minDollars: number, maxDollars: number, description: string) {
  const rng = sim.rng.fork(`gig/${label}`);
  const dates = payDates({ kind: 'weekly', weekday }, sim.start, sim.end).filter(() => !rng.chance(skipRate));
  return deposits(sim, 'checking', dates, description, () => rng.dollars(minDollars, maxDollars));
}

export function buildGood(seed: string, creationDate: IsoDate): SandboxAccount[] {
  const sim = createSim(seed, creationDate, AUSTIN);
  const rng = sim.rng.fork('profile');
  const owners = [owner('Marcus Allen Reed', '5125550178', 'marcus.reed@example.com', AUSTIN)];
  const checking = openAccount(sim, { key: 'checking', type: 'depository', subtype: 'checking', openingCents: rng.dollars(2_200, 2_800), owners });
  const savings = openAccount(sim, { key: 'savings', type: 'depository', subtype: 'savings', openingCents: rng.dollars(900, 1_500), owners });
  const card = openAccount(sim, {
    key: 'card', type: 'credit', subtype: 'credit card', openingCents: rng.dollars(300, 700), owners,
    limitCents: 6_000_00, liability: cardLiability(24.49, 35),
  });
  const { toSavings, fromSavings } = savingsTransferLabels(checking.mask, savings.mask);

  // Spend more when the account is flush and less when it is thin: the
  // feedback that keeps a gig worker's cash flow near neutral.
  const budget = (_date: IsoDate): number => {
    const balance = sim.ledger.balance('checking');
    return balance > 3_500_00 ? 1.3 : balance < 500_00 ? 0.45 : balance < 1_500_00 ? 0.7 : 1;
  };

  runDays(sim, [
    gigPayouts(sim, 'uber', 2, 0.08, 300, 720, 'UBER USA 6787 EDI PAYMNT PPD ID: 3320101010'),
    gigPayouts(sim, 'doordash', 1, 0.15, 180, 460, 'DOORDASH INC DASHER PPD ID: 4560001234'),
    gigPayouts(sim, 'instacart', 3, 0.4, 120, 340, 'INSTACART SHOPPER PAY PPD ID: 4610000987'),
    bill(sim, 'checking', 1, 'AVALON CEDAR PARK WEB PMTS PPD ID: 1231234560', () => 1_385_00),
    bill(sim, 'checking', 8, 'AUSTIN ENERGY UTIL PPD ID: 7460000789', (d) => Math.round(rng.dollars(70, 95) * seasonal(d, 0.6))),
    bill(sim, 'checking', 15, 'TOYOTA MOTOR CR PMT PPD ID: 9522055001', () => 389_42),
    bill(sim, 'checking', 19, 'T-MOBILE PCS SVC PPD ID: 1911001000', () => 75_00),
    bill(sim, 'checking', 23, 'PROGRESSIVE INS PPD ID: 9100121212', () => 168_35),
    subscription(sim, 'card', 9, 'SPOTIFY USA 877-778-1161 NY', 1_199),
    subscription(sim, 'card', 17, 'HULU 877-8244858 CA', 999),
    spending(sim, {
      account: 'checking',
      style: 'debit',
      budget,
      categories: [
        { merchants: GAS, perWeek: 2.5, minDollars: 32, maxDollars: 58 },
        { merchants: GROCERY, perWeek: 1.6, minDollars: 28, maxDollars: 120 },
        { merchants: COFFEE, perWeek: 2, minDollars: 3.5, maxDollars: 7 },
      ],
    }, 'debit'),
    spending(sim, {
      account: 'card',
      style: 'credit',
      budget,
      categories: [
        { merchants: DINING, perWeek: 2, minDollars: 11, maxDollars: 48, weekendBoost: 1.5 },
        { merchants: SHOPPING, perWeek: 1, minDollars: 9, maxDollars: 140, refundRate: 0.05 },
        { merchants: ENTERTAINMENT, perWeek: 0.3, minDollars: 12, maxDollars: 60, weekendBoost: 2 },
      ],
    }, 'card'),
    creditCardCycle(sim, {
      card: 'card', payFrom: 'checking', statementDay: 12, dueAfterDays: 24, pays: (s) => s, aprPercent: 24.49,
      checkingDescription: cardAutopayDescription(card.mask),
      cardDescription: 'AUTOMATIC PAYMENT - THANK YOU',
    }),
    atmWithdrawals(sim, 'checking', 1.5, 120),
    // Moves a good month's extra into savings and borrows it back after a thin one.
    onDates(payDates({ kind: 'monthly', day: 26 }, sim.start, sim.end), (date) => {
      const balance = sim.ledger.balance('checking');
      if (balance > 3_000_00) ownTransfer(sim, 'checking', 'savings', date, 500_00, toSavings);
      else if (balance < 900_00 && sim.ledger.balance('savings') > 400_00) ownTransfer(sim, 'savings', 'checking', date, 400_00, fromSavings);
    }),
    cushion(sim, 'checking', 'savings', 100_00, fromSavings),
    savingsInterest(sim, 'savings', 0.5),
    // Now and then a friend's Venmo reimbursement for a split cost.
    onDates(payDates({ kind: 'monthly', day: 12 }, sim.start, sim.end).filter(() => rng.chance(0.3)), (date) =>
      sim.ledger.post('checking', { date, amountCents: -rng.dollars(20, 90), description: 'VENMO CASHOUT PPD ID: 5264681992' }),
    ),
  ]);
  return sim.ledger.toAccounts();
}
