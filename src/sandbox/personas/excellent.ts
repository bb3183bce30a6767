// user_credit_profile_excellent: a well-paid Seattle professional with a
// rental property. Semi-monthly salary plus a monthly owner distribution from
// the property manager; a mortgage, utilities and a card paid in full every
// month; the surplus swept into savings and invested in a brokerage account.
// Net cash flow is strongly positive.

import type { IsoDate } from '../../domain/model.js';
import { addDays, monthOf } from '../calendar.js';
import type { SandboxAccount } from '../item-data.js';
import { cardLiability, openAccount, owner } from './accounts.js';
import { Brokerage } from './brokerage.js';
import { COFFEE, DINING, ENTERTAINMENT, GAS, GROCERY, RIDES, SHOPPING, TRAVEL } from './merchants.js';
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
  surplusSweep,
  cardAutopayDescription,
} from './simulation.js';

const SEATTLE: Place & { street: string } = {
  street: '1820 Queen Anne Ave N',
  atmStreet: '1500 Pine St',
  city: 'Seattle',
  region: 'WA',
  postalCode: '98109',
};

export function buildExcellent(seed: string, creationDate: IsoDate): SandboxAccount[] {
  const sim = createSim(seed, creationDate, SEATTLE);
  const rng = sim.rng.fork('profile');
  const owners = [owner('Evelyn Rose Harper', '2065550141', 'evelyn.harper@example.com', SEATTLE)];
  const checking = openAccount(sim, { key: 'checking', type: 'depository', subtype: 'checking', openingCents: rng.dollars(9_000, 13_000), owners });
  const savings = openAccount(sim, { key: 'savings', type: 'depository', subtype: 'savings', openingCents: rng.dollars(35_000, 48_000), owners });
  const card = openAccount(sim, {
    key: 'card', type: 'credit', subtype: 'credit card', openingCents: rng.dollars(1_800, 3_200), owners,
    limitCents: 25_000_00, liability: cardLiability(18.24, 40),
  });
  const { toSavings, fromSavings } = savingsTransferLabels(checking.mask, savings.mask);

  // Net pay per paycheck, with a raise a year into the history.
  const netPay = rng.dollars(5_400, 6_300);
  const raiseOn = addDays(sim.start, rng.int(330, 400));
  const rent = rng.dollars(2_450, 2_750);
  const mortgage = rng.dollars(3_050, 3_350);
  const brokerage = new Brokerage(sim, checking, owners);

  runDays(sim, [
    deposits(sim, 'checking', payDates({ kind: 'semi-monthly' }, sim.start, sim.end), 'NORTHWIND TRADERS PAYROLL PPD ID: 9876543210', (d) =>
      Math.round(netPay * (d >= raiseOn ? 1.045 : 1)),
    ),
    // The property manager keeps an 8% fee and deducts repairs now and then.
    deposits(sim, 'checking', payDates({ kind: 'monthly', day: 5 }, sim.start, sim.end), 'APPFOLIO OWNER DIST PPD ID: 8112233445 RENT 412 ELM ST', () =>
      Math.round(rent * 0.92) - (rng.chance(0.2) ? rng.dollars(90, 650) : 0),
    ),
    bill(sim, 'checking', 1, 'ROCKET MORTGAGE LOANPMT PPD ID: 3380694130', () => mortgage),
    bill(sim, 'checking', 9, 'SEATTLE CITY LIGHT UTIL PPD ID: 9916000350', (d) => Math.round(rng.dollars(70, 95) * seasonal(d, 0.35))),
    bill(sim, 'checking', 14, 'PUGET SOUND ENERGY BILLPAY PPD ID: 9100434100', (d) => Math.round(rng.dollars(38, 52) * seasonal(d, 0.9))),
    bill(sim, 'checking', 18, 'COMCAST CABLE COMM PPD ID: 0000108874', () => 8_999),
    bill(sim, 'checking', 22, 'VERIZON WIRELESS PAYMENTS PPD ID: 4223344802', () => 14_217),
    bill(sim, 'checking', 27, 'GEICO AUTO PPD ID: 5530004561', () => 13_650),
    // Property tax on the rental, twice a year.
    onDates(payDates({ kind: 'monthly', day: 28 }, sim.start, sim.end).filter((d) => monthOf(d) === 4 || monthOf(d) === 10), (date) =>
      sim.ledger.post('checking', { date, amountCents: rng.dollars(2_700, 3_000), description: 'KING COUNTY TREAS PROP TAX WEB PMT' }),
    ),
    subscription(sim, 'card', 7, 'NETFLIX.COM NETFLIX.COM CA', 1_549),
    subscription(sim, 'card', 12, 'SPOTIFY USA 877-778-1161 NY', 1_199),
    subscription(sim, 'card', 20, 'APPLE.COM/BILL 866-712-7753 CA', 299),
    subscription(sim, 'card', 24, 'NYTIMES*NYTIMES NYTIMES.COM NY', 2_500),
    spending(sim, {
      account: 'card',
      style: 'credit',
      categories: [
        { merchants: COFFEE, perWeek: 4, minDollars: 4.5, maxDollars: 8.75 },
        { merchants: GROCERY, perWeek: 2.2, minDollars: 45, maxDollars: 210 },
        { merchants: DINING, perWeek: 2.5, minDollars: 18, maxDollars: 95, weekendBoost: 1.6 },
        { merchants: GAS, perWeek: 0.9, minDollars: 38, maxDollars: 72 },
        { merchants: SHOPPING, perWeek: 1.5, minDollars: 12, maxDollars: 180, refundRate: 0.05 },
        { merchants: RIDES, perWeek: 0.6, minDollars: 11, maxDollars: 42 },
        { merchants: ENTERTAINMENT, perWeek: 0.3, minDollars: 15, maxDollars: 120, weekendBoost: 2 },
        { merchants: TRAVEL, perWeek: 0.08, minDollars: 180, maxDollars: 650 },
      ],
    }, 'card'),
    creditCardCycle(sim, {
      card: 'card', payFrom: 'checking', statementDay: 3, dueAfterDays: 25, pays: (s) => s, aprPercent: 18.24,
      checkingDescription: cardAutopayDescription(card.mask),
      cardDescription: 'AUTOMATIC PAYMENT - THANK YOU',
    }),
    // A second card held elsewhere, paid from checking (only this leg is in the Item).
    bill(sim, 'checking', 11, 'CHASE CREDIT CRD AUTOPAY PPD ID: 4760039224', () => rng.dollars(240, 920)),
    atmWithdrawals(sim, 'checking', 1, 200),
    onDates(payDates({ kind: 'monthly', day: 16 }, sim.start, sim.end), (date) => {
      ownTransfer(sim, 'checking', 'savings', date, 1_000_00, toSavings);
      brokerage.contribute(date, 1_500_00);
    }),
    // Anything well above a comfortable float goes to savings.
    surplusSweep(sim, payDates({ kind: 'monthly', day: 20 }, sim.start, sim.end), { keepCents: 12_000_00, minCents: 1_000_00, stepCents: 100_00 }, toSavings),
    cushion(sim, 'checking', 'savings', 1_000_00, fromSavings),
    savingsInterest(sim, 'savings', 4.1),
  ]);

  brokerage.finish();
  return sim.ledger.toAccounts();
}
