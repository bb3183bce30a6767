// Hand-built LinkedItem inputs for the Base Report tests. Amounts are written in dollars as the
// tests reason about them and converted to cents here.

import type { Account, LinkedItem, Owner, Transaction } from '../../../src/domain/model.js';
import { toCents } from '../../../src/domain/money.js';

export const USD = { isoCurrencyCode: 'USD', unofficialCurrencyCode: null };

export const OWNER: Owner = {
  names: ['Alberta Charleson'],
  phoneNumbers: [{ data: '+1 415-555-0101', primary: true, type: 'mobile' }],
  emails: [{ data: 'alberta@example.com', primary: true, type: null }],
  addresses: [
    {
      data: { street: '2992 Cameron Road', city: 'Malakoff', region: 'NY', postalCode: '14236', country: 'US' },
      primary: true,
    },
  ],
};

export interface AccountSpec extends Partial<Omit<Account, 'currentCents' | 'availableCents' | 'limitCents'>> {
  accountId: string;
  current?: number | null;
  available?: number | null;
  limit?: number | null;
}

export function account(spec: AccountSpec): Account {
  const { current = 1000, available = null, limit = null, ...rest } = spec;
  return {
    itemId: 'item-1',
    name: `Account ${spec.accountId}`,
    officialName: null,
    mask: '0000',
    type: 'depository',
    subtype: 'checking',
    currency: USD,
    owners: [OWNER],
    ownershipType: null,
    numbers: null,
    liability: null,
    investments: null,
    ...rest,
    currentCents: current === null ? null : toCents(current),
    availableCents: available === null ? null : toCents(available),
    limitCents: limit === null ? null : toCents(limit),
  };
}

export interface TransactionSpec {
  id: string;
  accountId: string;
  /** Dollars, Plaid sign: positive = money out. */
  amount: number;
  /** Posted date (for pending rows: the transacted date). */
  date: string;
  /** Defaults to `date`. */
  transacted?: string;
  pending?: boolean;
  pfcDetailed?: string;
  currency?: { isoCurrencyCode: string | null; unofficialCurrencyCode: string | null };
  merchantName?: string | null;
}

export function txn(spec: TransactionSpec): Transaction {
  const pending = spec.pending ?? false;
  const detailed = spec.pfcDetailed ?? (spec.amount < 0 ? 'INCOME_WAGES' : 'GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE');
  const primary = detailed.startsWith('BANK_FEES') ? 'BANK_FEES' : detailed.startsWith('INCOME') ? 'INCOME' : 'GENERAL_MERCHANDISE';
  return {
    transactionId: spec.id,
    accountId: spec.accountId,
    amountCents: toCents(spec.amount),
    currency: spec.currency ?? USD,
    originalDescription: `DESC ${spec.id}`,
    datePosted: pending ? null : spec.date,
    dateTransacted: spec.transacted ?? spec.date,
    pending,
    enrichment: {
      name: `Name ${spec.id}`,
      merchantName: spec.merchantName ?? null,
      personalFinanceCategory: { primary, detailed, confidenceLevel: 'HIGH' },
      creditCategory: { primary: `CC_${primary}`, detailed: `CC_${detailed}` },
      transactionType: 'special',
      paymentChannel: 'other',
    },
  };
}

export function linkedItem(spec: {
  itemId?: string;
  accounts: Account[];
  transactions?: Transaction[];
  lastUpdatedAt?: string;
}): LinkedItem {
  const itemId = spec.itemId ?? 'item-1';
  return {
    item: {
      itemId,
      institutionId: 'ins_109508',
      institutionName: 'First Platypus Bank',
      createdAt: '2024-01-01T00:00:00.000Z',
      lastUpdatedAt: spec.lastUpdatedAt ?? '2026-08-22T09:00:00.000Z',
    },
    accounts: spec.accounts.map((a) => ({ ...a, itemId })),
    transactions: spec.transactions ?? [],
  };
}
