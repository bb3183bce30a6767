// Account owners as the contract's `Owner`, and the identity test behind `require_identity`
// and the IDENTITY_UNAVAILABLE warning.

import type { Account, Owner } from '../model.js';
import type * as wire from './base-report-wire.js';

/**
 * The contract makes `PhoneNumber.type`, `Email.type` and `AddressData.street` required and
 * non-nullable, while an institution (and our model) may leave them unknown; unknown types become
 * `other` and an unknown street the empty string, so the report stays valid against the contract.
 */
export function toWireOwner(owner: Owner): wire.Owner {
  return {
    names: [...owner.names],
    phone_numbers: owner.phoneNumbers.map((phone) => ({ data: phone.data, primary: phone.primary, type: phone.type ?? 'other' })),
    emails: owner.emails.map((email) => ({ data: email.data, primary: email.primary, type: email.type ?? 'other' })),
    addresses: owner.addresses.map((address) => ({
      data: {
        street: address.data.street ?? '',
        city: address.data.city,
        region: address.data.region,
        postal_code: address.data.postalCode,
        country: address.data.country,
      },
      primary: address.primary,
    })),
  };
}

/**
 * Whether the account carries owner identity: at least one owner with a non-blank name. The
 * contract's `Owner` says "only the `names` array must be non-empty", so a name is what identity
 * minimally means; phones, emails and addresses are optional extras.
 */
export function hasOwnerIdentity(account: Account): boolean {
  return account.owners.some((owner) => owner.names.some((name) => name.trim() !== ''));
}
