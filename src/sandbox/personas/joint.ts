// user_credit_joint_account: a Chicago couple sharing a joint checking and a
// joint savings account (two owner records, ownership "joint"). Both salaries
// land in the joint checking: one biweekly, one semi-monthly. A mortgage,
// daycare, a car loan and a card in one partner's name are paid from it.

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

const CHICAGO: Place & { street: string } = {
  street: '2240 N Kenmore Ave',
  atmStreet: '2500 N Clark St',
  city: 'Chicago',
  region: 'IL',
  postalCode: '60614',
};

export function buildJoint(seed: string, creationDate: IsoDate): SandboxAccount[] {
  const sim = createSim(seed, creationDate, CHICAGO);
  const rng = sim.rng.fork('profile');
  const jordan = owner('Jordan Michael Ellis', '3125550114', 'jordan.ellis@example.com', CHICAGO);
  const taylor = owner('Taylor Anne Ellis', '3125550187', 'taylor.ellis@example.com', CHICAGO);
  const both = [jordan, taylor];
  const checking = openAccount(sim, {
    key: 'checking', type: 'depository', subtype: 'checking', openingCents: rng.dollars(5_000, 7_000), owners: both,
    name: 'Joint Checking', officialName: 'Plaid Joint Checking Account',
  });
  const savings = openAccount(sim, {
    key: 'savings', type: 'depository', subtype: 'savings', openingCents: rng.dollars(15_000, 22_000), owners: both,
    name: 'Joint Savings', officialName: 'Plaid Growth Savings Account',
  });
  const card = openAccount(sim, {
    key: 'card', type: 'credit', subtype: 'credit card', openingCents: rng.dollars(900, 1_800), owners: [jordan],
    limitCents: 15_000_00, liability: cardLiability(20.24, 40),
  });
  const { toSavings, fromSavings } = savingsTransferLabels(checking.mask, savings.mask);
  const jordanPay = rng.dollars(2_750, 3_000);
  const taylorPay = rng.dollars(2_300, 2_550);

  runDays(sim, [
    // The employer-name recipe from Plaid's docs: "<Employer> Direct Dep".
    deposits(sim, 'checking', payDates({ kind: 'biweekly', anchor: '2024-01-12' }, sim.start, sim.end), 'Weyland-Yutani Direct Dep', () => jordanPay),
    deposits(sim, 'checking', payDates({ kind: 'semi-monthly' }, sim.start, sim.end), 'CITY OF CHICAGO PAYROLL PPD ID: 3366000001', () => taylorPay),
    bill(sim, 'checking', 1, 'MR. COOPER MORTGAGE PMT PPD ID: 7530000112', () => 2_485_37),
    bill(sim, 'checking', 3, 'BRIGHT HORIZONS TUITION PPD ID: 5040000288', () => 1_640_00),
    bill(sim, 'checking', 9, 'COMED PAYMENT PPD ID: 3360000777', (d) => Math.round(rng.dollars(70, 90) * seasonal(d, 0.3))),
    bill(sim, 'checking', 12, 'PEOPLES GAS PAYMENT PPD ID: 3361000888', (d) => Math.round(rng.dollars(35, 50) * seasonal(d, 1.6))),
    bill(sim, 'checking', 15, 'HONDA PMT PPD ID: 9510000333', () => 432_16),
    bill(sim, 'checking', 18, 'XFINITY MOBILE PPD ID: 0000108875', () => 90_00),
    bill(sim, 'checking', 24, 'ALLSTATE INS PPD ID: 3360123456', () => 182_40),
    subscription(sim, 'card', 6, 'DISNEY PLUS 888-905-7888 CA', 1_399),
    subscription(sim, 'card', 14, 'AMAZON PRIME*2H4K81 AMZN.COM/BILL WA', 1_499),
    spending(sim, {
      account: 'card',
      style: 'credit',
      categories: [
        { merchants: GROCERY, perWeek: 2.5, minDollars: 40, maxDollars: 230 },
        { merchants: COFFEE, perWeek: 2, minDollars: 4, maxDollars: 12 },
        { merchants: DINING, perWeek: 1.5, minDollars: 18, maxDollars: 110, weekendBoost: 1.8 },
        { merchants: GAS, perWeek: 1, minDollars: 35, maxDollars: 68 },
        { merchants: SHOPPING, perWeek: 2, minDollars: 12, maxDollars: 190, refundRate: 0.06 },
        { merchants: ENTERTAINMENT, perWeek: 0.3, minDollars: 20, maxDollars: 120, weekendBoost: 2 },
      ],
    }, 'card'),
    spending(sim, {
      account: 'checking',
      style: 'debit',
      categories: [{ merchants: GROCERY, perWeek: 0.5, minDollars: 15, maxDollars: 60 }],
    }, 'debit'),
    creditCardCycle(sim, {
      card: 'card', payFrom: 'checking', statementDay: 5, dueAfterDays: 25, pays: (s) => s, aprPercent: 20.24,
      checkingDescription: cardAutopayDescription(card.mask),
      cardDescription: 'AUTOMATIC PAYMENT - THANK YOU',
    }),
    atmWithdrawals(sim, 'checking', 1.5, 160),
    surplusSweep(sim, payDates({ kind: 'monthly', day: 20 }, sim.start, sim.end), { keepCents: 6_000_00, minCents: 500_00, stepCents: 100_00 }, toSavings),
    cushion(sim, 'checking', 'savings', 500_00, fromSavings),
    savingsInterest(sim, 'savings', 3.5),
  ]);
  return sim.ledger.toAccounts();
}
