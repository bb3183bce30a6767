// user_bank_income: a Phoenix household with a wide mix of income — the kind
// of history Income Insights has to untangle:
// - salary from a job that ended (inactive stream), then unemployment
//   benefits that stopped, then salary from a new job (active);
// - Social Security on the schedule set by the beneficiary's birth day;
// - child support, a lodger's rent over Zelle, savings interest;
// - DoorDash payouts in the last year, and a yearly tax refund.

import type { IsoDate } from '../../domain/model.js';
import { addDays, monthOf } from '../calendar.js';
import type { SandboxAccount } from '../item-data.js';
import { cardLiability, openAccount, owner } from './accounts.js';
import { COFFEE, DINING, GAS, GROCERY, SHOPPING } from './merchants.js';
import type { Place } from './merchants.js';
import { payDates, socialSecurityDates } from './schedules.js';
import {
  atmWithdrawals,
  bill,
  createSim,
  creditCardCycle,
  deposits,
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

const PHOENIX: Place & { street: string } = {
  street: '3902 N 16th St',
  atmStreet: '2 N Central Ave',
  city: 'Phoenix',
  region: 'AZ',
  postalCode: '85016',
};

export function buildBankIncome(seed: string, creationDate: IsoDate): SandboxAccount[] {
  const sim = createSim(seed, creationDate, PHOENIX);
  const rng = sim.rng.fork('profile');
  const owners = [owner('Gabriel Ortiz', '6025550131', 'gabriel.ortiz@example.com', PHOENIX)];
  const checking = openAccount(sim, { key: 'checking', type: 'depository', subtype: 'checking', openingCents: rng.dollars(2_500, 3_500), owners });
  const savings = openAccount(sim, { key: 'savings', type: 'depository', subtype: 'savings', openingCents: rng.dollars(6_000, 8_000), owners });
  const card = openAccount(sim, {
    key: 'card', type: 'credit', subtype: 'credit card', openingCents: rng.dollars(400, 900), owners,
    limitCents: 7_500_00, liability: cardLiability(23.74, 35),
  });
  const { toSavings, fromSavings } = savingsTransferLabels(checking.mask, savings.mask);

  // Employment story: laid off ~20 months before the Item, ~5 months of
  // unemployment benefits, new job since ~14 months before the Item.
  const laidOff = addDays(sim.start, rng.int(100, 130));
  const benefitsEnd = addDays(laidOff, rng.int(140, 160));
  const newJob = addDays(benefitsEnd, rng.int(10, 30));
  const gigStart = addDays(sim.end, -rng.int(320, 360));

  const weekly = (weekday: number) => payDates({ kind: 'weekly', weekday }, sim.start, sim.end);
  runDays(sim, [
    deposits(sim, 'checking', payDates({ kind: 'biweekly', anchor: '2024-01-05' }, sim.start, laidOff), 'SUNRISE MEDICAL GROUP PAYROLL PPD ID: 8600011234', () => rng.dollars(1_880, 1_920)),
    deposits(sim, 'checking', weekly(3).filter((d) => d > addDays(laidOff, 14) && d <= benefitsEnd), 'AZDES UI BENEFITS PPD ID: 1866000001', () => 320_00),
    deposits(sim, 'checking', payDates({ kind: 'semi-monthly' }, newJob, sim.end), 'DESERT SKY LOGISTICS PAYROLL PPD ID: 4420099876', () => rng.dollars(2_120, 2_180)),
    deposits(sim, 'checking', socialSecurityDates(14, sim.start, sim.end), 'SSA TREAS 310 XXSOC SEC', (d) => (d < '2026-01-01' ? 1_140_00 : 1_171_92)),
    deposits(sim, 'checking', payDates({ kind: 'biweekly', anchor: '2024-01-10' }, sim.start, sim.end), 'AZ CHILD SUPPORT CLEARINGHOUSE PPD ID: 1860000555', () => 285_00),
    deposits(sim, 'checking', payDates({ kind: 'monthly', day: 2 }, sim.start, sim.end), () => `ZELLE PAYMENT FROM SAMUEL KIM RENT REF # ${rng.digits(9)}`, () => 650_00),
    deposits(sim, 'checking', weekly(1).filter((d) => d >= gigStart && rng.chance(0.6)), 'DOORDASH INC DASHER PPD ID: 4560001234', () => rng.dollars(60, 240)),
    deposits(sim, 'checking', payDates({ kind: 'monthly', day: 18 }, sim.start, sim.end).filter((d) => monthOf(d) === 3), 'IRS TREAS 310 TAX REF', () => rng.dollars(900, 1_800)),
    bill(sim, 'checking', 1, 'VILLAGE AT CAMELBACK WEB PMTS PPD ID: 8600000444', () => 1_725_00),
    // Phoenix power bills peak in summer.
    bill(sim, 'checking', 10, 'APS ELECTRIC PMT PPD ID: 8600000999', (d) => Math.round(rng.dollars(95, 120) * (monthOf(d) >= 6 && monthOf(d) <= 9 ? 2.1 : seasonal(d, 0.1)))),
    bill(sim, 'checking', 14, 'COX COMM PHX PPD ID: 8600000123', () => 74_99),
    bill(sim, 'checking', 17, 'ALLY PAYMENT PPD ID: 9833122002', () => 455_81),
    bill(sim, 'checking', 20, 'METRO BY T-MOBILE PPD ID: 1911001001', () => 60_00),
    bill(sim, 'checking', 26, 'GEICO AUTO PPD ID: 5530004561', () => 131_20),
    subscription(sim, 'card', 11, 'SPOTIFY USA 877-778-1161 NY', 1_199),
    spending(sim, {
      account: 'checking',
      style: 'debit',
      categories: [
        { merchants: GROCERY, perWeek: 1.8, minDollars: 30, maxDollars: 140 },
        { merchants: GAS, perWeek: 1.2, minDollars: 28, maxDollars: 55 },
        { merchants: COFFEE, perWeek: 1.5, minDollars: 3.5, maxDollars: 7 },
      ],
    }, 'debit'),
    spending(sim, {
      account: 'card',
      style: 'credit',
      categories: [
        { merchants: DINING, perWeek: 1.5, minDollars: 12, maxDollars: 60, weekendBoost: 1.5 },
        { merchants: SHOPPING, perWeek: 1.2, minDollars: 10, maxDollars: 150, refundRate: 0.05 },
      ],
    }, 'card'),
    creditCardCycle(sim, {
      card: 'card', payFrom: 'checking', statementDay: 21, dueAfterDays: 25, pays: (s) => s, aprPercent: 23.74,
      checkingDescription: cardAutopayDescription(card.mask),
      cardDescription: 'AUTOMATIC PAYMENT - THANK YOU',
    }),
    atmWithdrawals(sim, 'checking', 1.5, 100),
    surplusSweep(sim, payDates({ kind: 'monthly', day: 25 }, sim.start, sim.end), { keepCents: 4_000_00, minCents: 300_00, stepCents: 50_00 }, toSavings),
    cushion(sim, 'checking', 'savings', 300_00, fromSavings),
    savingsInterest(sim, 'savings', 2.0),
  ]);
  return sim.ledger.toAccounts();
}
