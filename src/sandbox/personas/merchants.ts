// Merchants and how a bank prints them. A debit card swipe reads
// "POS DEBIT STARBUCKS #1234 SEATTLE WA"; the same swipe on a credit card
// statement reads "STARBUCKS #1234 SEATTLE WA"; online merchants print their
// billing descriptor instead of a town.

import type { SeededRandom } from '../seeded-random.js';

export interface Place {
  /** A busy street in town, where the ATMs are. */
  atmStreet: string;
  city: string;
  region: string;
  postalCode: string;
}

export interface Merchant {
  name: string;
  /** Chains print a store number, e.g. "#1234". */
  chain?: boolean;
  /** Billing descriptor that replaces the town for online merchants. */
  online?: string;
  /** Amazon-style order codes that change with every charge. */
  orderCode?: boolean;
}

export type CardStyle = 'debit' | 'credit';

export const GROCERY: readonly Merchant[] = [
  { name: 'SAFEWAY', chain: true },
  { name: "TRADER JOE'S", chain: true },
  { name: 'WHOLE FOODS MKT', chain: true },
  { name: 'KROGER', chain: true },
  { name: 'ALDI', chain: true },
  { name: 'COSTCO WHSE', chain: true },
];
export const COFFEE: readonly Merchant[] = [
  { name: 'STARBUCKS', chain: true },
  { name: 'DUNKIN', chain: true },
  { name: "PEET'S COFFEE", chain: true },
];
export const DINING: readonly Merchant[] = [
  { name: 'CHIPOTLE', chain: true },
  { name: 'PANERA BREAD', chain: true },
  { name: 'SHAKE SHACK', chain: true },
  { name: 'TST* BLUE DOOR CAFE' },
  { name: 'SQ *NORTHSIDE TACOS' },
  { name: 'DOORDASH*THAI BASIL', online: 'WWW.DOORDASH. CA' },
  { name: 'UBER *EATS', online: 'HELP.UBER.COM CA' },
];
export const GAS: readonly Merchant[] = [
  { name: 'SHELL OIL', chain: true },
  { name: 'CHEVRON', chain: true },
  { name: 'EXXONMOBIL', chain: true },
  { name: 'BP', chain: true },
  { name: 'CIRCLE K', chain: true },
];
export const SHOPPING: readonly Merchant[] = [
  { name: 'AMAZON MKTPL', online: 'AMZN.COM/BILL WA', orderCode: true },
  { name: 'AMAZON.COM', online: 'AMZN.COM/BILL WA', orderCode: true },
  { name: 'TARGET', chain: true },
  { name: 'WALMART', chain: true },
  { name: 'THE HOME DEPOT', chain: true },
  { name: 'BEST BUY', chain: true },
  { name: 'CVS/PHARMACY', chain: true },
  { name: 'WALGREENS', chain: true },
];
export const RIDES: readonly Merchant[] = [
  { name: 'UBER *TRIP', online: 'HELP.UBER.COM CA' },
  { name: 'LYFT *RIDE', online: 'LYFT.COM CA' },
];
export const ENTERTAINMENT: readonly Merchant[] = [
  { name: 'AMC THEATRES', chain: true },
  { name: 'TICKETMASTER', online: '800-653-8000 CA' },
  { name: 'STEAMGAMES.COM', online: '425-889-9642 WA' },
];
export const TRAVEL: readonly Merchant[] = [
  { name: 'DELTA AIR LINES', online: 'ATLANTA GA' },
  { name: 'UNITED AIRLINES', online: 'HOUSTON TX' },
  { name: 'MARRIOTT HOTELS', online: 'BETHESDA MD' },
  { name: 'AIRBNB * HMQ4ZK2', online: 'AIRBNB.COM CA' },
];

/** Fixes a few store numbers per chain so the same stores recur, as in a real neighbourhood. */
export class MerchantBook {
  private readonly stores = new Map<string, number[]>();

  constructor(
    private readonly rng: SeededRandom,
    readonly place: Place,
  ) {}

  private storeNumber(merchant: Merchant): number {
    let numbers = this.stores.get(merchant.name);
    if (!numbers) {
      numbers = [this.rng.int(100, 9999), this.rng.int(100, 9999)];
      this.stores.set(merchant.name, numbers);
    }
    return this.rng.chance(0.8) ? numbers[0] : numbers[1];
  }

  /** The statement line for a card purchase at `merchant`. */
  describe(merchant: Merchant, style: CardStyle): string {
    let body: string;
    if (merchant.online) {
      const code = merchant.orderCode ? `*${this.orderCode()}` : '';
      body = `${merchant.name}${code} ${merchant.online}`;
    } else {
      const store = merchant.chain ? ` #${this.storeNumber(merchant)}` : '';
      body = `${merchant.name}${store} ${this.place.city.toUpperCase()} ${this.place.region}`;
    }
    if (style === 'credit') return body;
    return merchant.online ? `DEBIT CARD PURCHASE ${body}` : `POS DEBIT ${body}`;
  }

  private orderCode(): string {
    const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
    let out = '';
    for (let i = 0; i < 9; i++) out += alphabet[this.rng.int(0, alphabet.length - 1)];
    return out;
  }

  /** "ATM WITHDRAWAL 004521 1500 PINE ST SEATTLE WA". */
  atm(): string {
    return `ATM WITHDRAWAL ${String(this.rng.int(1, 9999)).padStart(6, '0')} ${this.place.atmStreet.toUpperCase()} ${this.place.city.toUpperCase()} ${this.place.region}`;
  }
}
