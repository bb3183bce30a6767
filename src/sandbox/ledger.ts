// A running ledger for generated histories. Personas and seeded accounts are
// simulated day by day: each posting moves the account's running balance, so
// a card autopay can pay exactly the statement balance and an overdraft fee
// follows a debit that took checking below zero. At the end every account's
// `current` is its opening balance moved by its posted rows, which is the
// invariant the Base Report's historical balances rely on.

import type { AccountNumbers, AccountType, Currency, IsoDate, Owner, OwnershipType } from '../domain/model.js';
import { addDays, onOrAfterBusinessDay } from './calendar.js';
import type { SandboxAccount, SandboxTransaction } from './item-data.js';
import { byDisplayDate } from './item-data.js';
import { isOwedBalance } from './custom-user/account-kinds.js';

export interface LedgerAccountSpec {
  key: string;
  type: AccountType;
  subtype: string;
  name: string;
  officialName: string | null;
  numbers: AccountNumbers | null;
  /** Balance at the start of the history: money held, or owed for credit and loans. */
  openingCents: number;
  limitCents?: number | null;
  owners?: Owner[];
  ownershipType?: OwnershipType;
  liability?: Record<string, unknown> | null;
}

interface LedgerAccount {
  spec: LedgerAccountSpec;
  balanceCents: number;
  rows: SandboxTransaction[];
  investments: Record<string, unknown> | null;
  availableOverride: { cents: number | null } | null;
}

export interface Posting {
  /** Day the customer acted (card swipe, transfer request). */
  date: IsoDate;
  amountCents: number;
  description: string;
  /** Day the bank posts it; defaults to `date`. After the Item creation day the row is pending. */
  postedOn?: IsoDate;
}

const USD: Currency = { isoCurrencyCode: 'USD', unofficialCurrencyCode: null };

export function numbersFor(account: string, routing: string): AccountNumbers {
  return {
    account,
    achRouting: routing,
    achWireRouting: routing,
    eftInstitution: null,
    eftBranch: null,
    internationalBic: null,
    internationalIban: null,
    bacsSortCode: null,
  };
}

/** Card purchases post on the next business day. */
export function cardPostingDate(date: IsoDate): IsoDate {
  return onOrAfterBusinessDay(addDays(date, 1));
}

export class Ledger {
  private readonly accounts = new Map<string, LedgerAccount>();

  constructor(readonly creationDate: IsoDate) {}

  open(spec: LedgerAccountSpec): void {
    if (this.accounts.has(spec.key)) throw new Error(`account ${spec.key} opened twice`);
    this.accounts.set(spec.key, { spec, balanceCents: spec.openingCents, rows: [], investments: null, availableOverride: null });
  }

  private get(key: string): LedgerAccount {
    const account = this.accounts.get(key);
    if (!account) throw new Error(`no ledger account ${key}`);
    return account;
  }

  /** Posted running balance: money held, or money owed for credit and loans. */
  balance(key: string): number {
    return this.get(key).balanceCents;
  }

  /**
   * Adds a row in Plaid's sign. Rows dated after the Item was created are
   * never generated; rows that post after it are pending and leave the
   * balance alone until they post.
   */
  post(key: string, posting: Posting): void {
    const account = this.get(key);
    if (posting.date > this.creationDate) return;
    const postedOn = posting.postedOn ?? posting.date;
    const pending = postedOn > this.creationDate;
    account.rows.push({
      amountCents: posting.amountCents,
      currency: USD,
      originalDescription: posting.description,
      datePosted: pending ? null : postedOn,
      dateTransacted: posting.date,
      pending,
    });
    if (!pending) account.balanceCents += isOwedBalance(account.spec.type) ? posting.amountCents : -posting.amountCents;
  }

  /** Money moved between two of the user's accounts: both legs on the same day, opposite signs. */
  transfer(fromKey: string, toKey: string, date: IsoDate, cents: number, fromDescription: string, toDescription: string): void {
    this.post(fromKey, { date, amountCents: cents, description: fromDescription });
    this.post(toKey, { date, amountCents: -cents, description: toDescription });
  }

  setInvestments(key: string, investments: Record<string, unknown>, availableCents: number | null): void {
    const account = this.get(key);
    account.investments = investments;
    account.availableOverride = { cents: availableCents };
  }

  /** Changes the opening balance (for investment accounts valued after their holdings are known). */
  adjustBalance(key: string, deltaCents: number): void {
    const account = this.get(key);
    account.spec = { ...account.spec, openingCents: account.spec.openingCents + deltaCents };
    account.balanceCents += deltaCents;
  }

  toAccounts(): SandboxAccount[] {
    return [...this.accounts.values()].map(({ spec, balanceCents, rows, investments, availableOverride }) => {
      const owed = isOwedBalance(spec.type);
      const limitCents = spec.limitCents ?? null;
      const available = availableOverride
        ? availableOverride.cents
        : spec.type === 'credit'
          ? limitCents === null ? null : limitCents - balanceCents
          : owed ? null : balanceCents;
      const account = spec.numbers?.account ?? null;
      return {
        name: spec.name,
        officialName: spec.officialName,
        mask: account ? account.slice(-4) : null,
        type: spec.type,
        subtype: spec.subtype,
        currency: USD,
        currentCents: balanceCents,
        availableCents: available,
        limitCents,
        owners: spec.owners ?? [],
        ownershipType: spec.ownershipType ?? (spec.owners?.length ? 'individual' : null),
        numbers: spec.numbers,
        liability: spec.liability ?? null,
        investments,
        transactions: [...rows].sort(byDisplayDate),
      };
    });
  }
}
