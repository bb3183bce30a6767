// Opening persona accounts and the people who own them.

import type { AccountType, Owner, OwnerAddress, OwnershipType } from '../../domain/model.js';
import { defaultAccountName } from '../custom-user/account-kinds.js';
import { numbersFor } from '../ledger.js';
import type { Place } from './merchants.js';
import type { Sim } from './simulation.js';

/** A valid ABA routing number used for every persona account (Plaid's Sandbox routing number). */
export const SANDBOX_ROUTING = '011401533';

export interface OpenedAccount {
  key: string;
  mask: string;
}

export interface OpenOptions {
  key: string;
  type: AccountType;
  subtype: string;
  openingCents: number;
  owners: Owner[];
  ownershipType?: OwnershipType;
  limitCents?: number;
  liability?: Record<string, unknown>;
  /** Fixed account number (user_good keeps Plaid's familiar masks); random otherwise. */
  accountNumber?: string;
  name?: string;
  officialName?: string | null;
}

export function openAccount(sim: Sim, o: OpenOptions): OpenedAccount {
  const accountNumber = o.accountNumber ?? sim.rng.fork(`number/${o.key}`).digits(o.type === 'credit' ? 16 : 10);
  const defaults = defaultAccountName(o.subtype, o.type);
  sim.ledger.open({
    key: o.key,
    type: o.type,
    subtype: o.subtype,
    name: o.name ?? defaults.name,
    officialName: o.officialName === undefined ? defaults.officialName : o.officialName,
    // Only depository accounts carry ACH routing; cards and brokerages have just a number.
    numbers: o.type === 'depository' ? numbersFor(accountNumber, SANDBOX_ROUTING) : { ...numbersFor(accountNumber, ''), achRouting: null, achWireRouting: null },
    openingCents: o.openingCents,
    limitCents: o.limitCents ?? null,
    owners: o.owners,
    ownershipType: o.ownershipType ?? (o.owners.length > 1 ? 'joint' : 'individual'),
    liability: o.liability ?? null,
  });
  return { key: o.key, mask: accountNumber.slice(-4) };
}

export function owner(name: string, phone: string, email: string, home: Place & { street: string }): Owner {
  const address: OwnerAddress = {
    data: { street: home.street, city: home.city, region: home.region, postalCode: home.postalCode, country: 'US' },
    primary: true,
  };
  return {
    names: [name],
    phoneNumbers: [{ data: phone, primary: true, type: 'mobile' }],
    emails: [{ data: email, primary: true, type: 'primary' }],
    addresses: [address],
  };
}

/** A credit card's liability block, in the custom-user config's snake_case. */
export function cardLiability(purchaseApr: number, minimumPaymentDollars: number): Record<string, unknown> {
  return {
    type: 'credit',
    purchase_apr: purchaseApr,
    cash_apr: 29.99,
    balance_transfer_apr: purchaseApr,
    special_apr: 0,
    minimum_payment_amount: minimumPaymentDollars,
    is_overdue: false,
  };
}
