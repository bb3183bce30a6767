// A brokerage account fed by monthly contributions from checking. The
// checking leg is an ordinary transaction; the brokerage side is recorded the
// way Investments reports it (a cash contribution, then buys), and the
// account's value is its holdings at the last price plus uninvested cash.

import type { IsoDate, Owner } from '../../domain/model.js';
import { daysBetween, monthStart } from '../calendar.js';
import type { SeededRandom } from '../seeded-random.js';
import { openAccount } from './accounts.js';
import type { Sim } from './simulation.js';

interface Security {
  ticker: string;
  name: string;
  /** Price at the start of the history, and yearly drift. */
  startPrice: number;
  drift: number;
  /** Shares held before the history starts, and what they cost. */
  openingShares: number;
  openingCostPerShare: number;
  /** Share of each contribution bought. */
  allocation: number;
}

const SECURITIES: readonly Security[] = [
  { ticker: 'VTI', name: 'Vanguard Total Stock Market ETF', startPrice: 228.4, drift: 0.09, openingShares: 120, openingCostPerShare: 181.2, allocation: 0.7 },
  { ticker: 'VXUS', name: 'Vanguard Total International Stock ETF', startPrice: 58.1, drift: 0.05, openingShares: 90, openingCostPerShare: 55.4, allocation: 0.3 },
  { ticker: 'AAPL', name: 'Apple Inc.', startPrice: 189.9, drift: 0.11, openingShares: 40, openingCostPerShare: 132.5, allocation: 0 },
];

export class Brokerage {
  private readonly rng: SeededRandom;
  private readonly shares = new Map<string, number>();
  private readonly cost = new Map<string, number>();
  private readonly transactions: Record<string, unknown>[] = [];
  private cashCents = 0;
  readonly mask: string;

  constructor(
    private readonly sim: Sim,
    private readonly from: { key: string; mask: string },
    owners: Owner[],
  ) {
    this.rng = sim.rng.fork('brokerage');
    this.mask = openAccount(sim, { key: 'brokerage', type: 'investment', subtype: 'brokerage', openingCents: 0, owners }).mask;
    for (const s of SECURITIES) {
      this.shares.set(s.ticker, s.openingShares);
      this.cost.set(s.ticker, s.openingShares * s.openingCostPerShare);
    }
  }

  /** Deterministic month-by-month price: drift plus a seeded wobble of a few percent. */
  private price(s: Security, date: IsoDate): number {
    const years = daysBetween(this.sim.start, date) / 365;
    const wobble = 1 + this.rng.fork(`${s.ticker}/${monthStart(date)}`).int(-40, 40) / 1000;
    return Math.round(s.startPrice * (1 + s.drift) ** years * wobble * 100) / 100;
  }

  contribute(date: IsoDate, cents: number): void {
    const ref = this.rng.fork(`ref/${date}`).digits(11);
    this.sim.ledger.post(this.from.key, { date, amountCents: cents, description: `ONLINE TRANSFER TO BRKG ...${this.mask} TRANSACTION#: ${ref}` });
    // Cash coming in: Investments reports it with a negative amount (money into the account), no
    // security and no quantity. Left to the quantity × price default, it would read as a withdrawal.
    this.transactions.push({
      date, name: `CONTRIBUTION FROM CHK ...${this.from.mask}`, quantity: 0, price: 0, fees: 0, amount: -cents / 100,
      type: 'cash', subtype: 'contribution', currency: 'USD',
    });
    this.cashCents += cents;
    for (const s of SECURITIES.filter((x) => x.allocation > 0)) {
      const price = this.price(s, date);
      const quantity = Math.floor(((cents / 100) * s.allocation * 1000) / price) / 1000;
      if (quantity <= 0) continue;
      this.shares.set(s.ticker, (this.shares.get(s.ticker) ?? 0) + quantity);
      this.cost.set(s.ticker, (this.cost.get(s.ticker) ?? 0) + quantity * price);
      this.cashCents -= Math.round(quantity * price * 100);
      this.transactions.push({
        date, name: `BUY ${s.ticker}`, quantity, price, fees: 0, type: 'buy', currency: 'USD',
        security: { ticker_symbol: s.ticker, name: s.name, currency: 'USD' },
      });
    }
  }

  /** Values the holdings at the last price and stores them on the account. */
  finish(): void {
    let valueCents = this.cashCents;
    const holdings = SECURITIES.map((s) => {
      const price = this.price(s, this.sim.end);
      const quantity = Math.round((this.shares.get(s.ticker) ?? 0) * 1000) / 1000;
      valueCents += Math.round(quantity * price * 100);
      return {
        institution_price: price,
        institution_price_as_of: this.sim.end,
        cost_basis: Math.round((this.cost.get(s.ticker) ?? 0) * 100) / 100,
        quantity,
        currency: 'USD',
        security: { ticker_symbol: s.ticker, name: s.name, currency: 'USD' },
      };
    });
    this.sim.ledger.adjustBalance('brokerage', valueCents);
    this.sim.ledger.setInvestments('brokerage', { holdings, investment_transactions: this.transactions }, this.cashCents);
  }
}
