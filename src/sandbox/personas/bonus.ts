// user_credit_bonus: a Denver analyst with two jobs. The main employer pays
// biweekly and folds a quarterly bonus into the last paycheck of each
// quarter; the second pays semi-monthly and pays its bonuses as separate
// deposits (an annual bonus in March, a holiday bonus in December).

import type { IsoDate } from '../../domain/model.js';
import { dayOfMonth, monthOf } from '../calendar.js';
import type { SandboxAccount } from '../item-data.js';
import { cardLiability, openAccount, owner } from './accounts.js';
import { COFFEE, DINING, ENTERTAINMENT, GAS, GROCERY, RIDES, SHOPPING } from './merchants.js';
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

const DENVER: Place & { street: string } = {
  street: '1275 S Pearl St',
  atmStreet: '1600 Champa St',
  city: 'Denver',
  region: 'CO',
  postalCode: '80210',
};

/** The last date of each calendar quarter among the given pay dates. */
function lastOfQuarter(dates: readonly IsoDate[]): Set<IsoDate> {
  const last = new Map<string, IsoDate>();
  for (const d of dates) {
    if (monthOf(d) % 3 === 0) last.set(d.slice(0, 7), d);
  }
  return new Set(last.values());
}

export function buildBonus(seed: string, creationDate: IsoDate): SandboxAccount[] {
  const sim = createSim(seed, creationDate, DENVER);
  const rng = sim.rng.fork('profile');
  const owners = [owner('Priya Anand', '7205550166', 'priya.anand@example.com', DENVER)];
  const checking = openAccount(sim, { key: 'checking', type: 'depository', subtype: 'checking', openingCents: rng.dollars(3_500, 5_000), owners });
  const savings = openAccount(sim, { key: 'savings', type: 'depository', subtype: 'savings', openingCents: rng.dollars(8_000, 12_000), owners });
  const card = openAccount(sim, {
    key: 'card', type: 'credit', subtype: 'credit card', openingCents: rng.dollars(600, 1_400), owners,
    limitCents: 12_000_00, liability: cardLiability(21.99, 35),
  });
  const { toSavings, fromSavings } = savingsTransferLabels(checking.mask, savings.mask);

  const mainDates = payDates({ kind: 'biweekly', anchor: '2024-01-05' }, sim.start, sim.end);
  const quarterEnds = lastOfQuarter(mainDates);
  const mainPay = rng.dollars(2_250, 2_500);
  const secondPay = rng.dollars(1_050, 1_250);
  const bonuses: { date: IsoDate; cents: number }[] = [];

  runDays(sim, [
    deposits(sim, 'checking', mainDates, 'INITECH INC PAYROLL PPD ID: 9111111101', (d) =>
      mainPay + (quarterEnds.has(d) ? rng.dollars(1_800, 3_200) : 0),
    ),
    deposits(sim, 'checking', payDates({ kind: 'semi-monthly' }, sim.start, sim.end), 'GLOBEX CORP DIRECT DEP PPD ID: 8223344556', () => secondPay),
    // Separate bonus deposits from the second employer.
    deposits(
      sim,
      'checking',
      payDates({ kind: 'monthly', day: 7 }, sim.start, sim.end).filter((d) => monthOf(d) === 3 || monthOf(d) === 12),
      (d) => (monthOf(d) === 3 ? 'GLOBEX CORP BONUS PPD ID: 8223344556 ANNUAL' : 'GLOBEX CORP BONUS PPD ID: 8223344556 HOLIDAY'),
      (d) => {
        const cents = monthOf(d) === 3 ? rng.dollars(4_000, 6_000) : rng.dollars(600, 900);
        bonuses.push({ date: d, cents });
        return cents;
      },
    ),
    bill(sim, 'checking', 1, 'CORTLAND DENVER WEB PMTS PPD ID: 1260000777', () => 1_945_00),
    bill(sim, 'checking', 10, 'XCEL ENERGY-PSCO XCELENERGY PPD ID: 8410000044', (d) => Math.round(rng.dollars(60, 85) * seasonal(d, 0.7))),
    bill(sim, 'checking', 13, 'COMCAST CABLE COMM PPD ID: 0000108874', () => 79_99),
    bill(sim, 'checking', 21, 'AT&T PAYMENT PPD ID: 9864031004', () => 85_00),
    bill(sim, 'checking', 25, 'DEPT EDUCATION STUDENT LN PPD ID: 9102010001', () => 312_44),
    bill(sim, 'checking', 28, 'STATE FARM RO 27 SFPP PPD ID: 9000313004', () => 124_10),
    subscription(sim, 'card', 4, 'NETFLIX.COM NETFLIX.COM CA', 1_549),
    subscription(sim, 'card', 19, 'PLANET FITNESS 844-880-7180 NH', 2_499),
    spending(sim, {
      account: 'card',
      style: 'credit',
      categories: [
        { merchants: COFFEE, perWeek: 3, minDollars: 4, maxDollars: 7.5 },
        { merchants: GROCERY, perWeek: 1.8, minDollars: 35, maxDollars: 150 },
        { merchants: DINING, perWeek: 2, minDollars: 14, maxDollars: 70, weekendBoost: 1.5 },
        { merchants: GAS, perWeek: 0.8, minDollars: 32, maxDollars: 60 },
        { merchants: SHOPPING, perWeek: 1.2, minDollars: 10, maxDollars: 160, refundRate: 0.05 },
        { merchants: RIDES, perWeek: 0.4, minDollars: 9, maxDollars: 35 },
        { merchants: ENTERTAINMENT, perWeek: 0.3, minDollars: 15, maxDollars: 90, weekendBoost: 2 },
      ],
    }, 'card'),
    creditCardCycle(sim, {
      card: 'card', payFrom: 'checking', statementDay: 8, dueAfterDays: 25, pays: (s) => s, aprPercent: 21.99,
      checkingDescription: cardAutopayDescription(card.mask),
      cardDescription: 'AUTOMATIC PAYMENT - THANK YOU',
    }),
    atmWithdrawals(sim, 'checking', 1, 140),
    // A standing monthly transfer, plus half of each separate bonus a few days after it lands.
    onDates(payDates({ kind: 'monthly', day: 16 }, sim.start, sim.end), (date) => ownTransfer(sim, 'checking', 'savings', date, 600_00, toSavings)),
    (date) => {
      for (const b of bonuses) {
        if (dayOfMonth(date) === dayOfMonth(b.date) + 3 && date.slice(0, 7) === b.date.slice(0, 7)) {
          ownTransfer(sim, 'checking', 'savings', date, Math.round(b.cents / 2 / 100_00) * 100_00, toSavings);
        }
      }
    },
    surplusSweep(sim, payDates({ kind: 'monthly', day: 22 }, sim.start, sim.end), { keepCents: 5_000_00, minCents: 1_000_00, stepCents: 100_00 }, toSavings),
    cushion(sim, 'checking', 'savings', 300_00, fromSavings),
    savingsInterest(sim, 'savings', 3.8),
  ]);
  return sim.ledger.toAccounts();
}
