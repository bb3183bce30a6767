// Owners of a custom-user account. An account whose config has no `identity`
// has no owners at all (so `require_identity` can fail on it); a present
// identity gets Plaid's Sandbox defaults for whatever parts it leaves out.

import type { Owner, OwnerAddress, OwnerEmail, OwnerPhoneNumber, OwnershipType } from '../../domain/model.js';
import type { IdentityOverride } from './config-parts.js';

/** The identity Plaid's Sandbox reports for its default user. */
export const DEFAULT_NAMES: readonly string[] = ['Alberta Bobbeth Charleson'];

export const DEFAULT_PHONE_NUMBERS: readonly OwnerPhoneNumber[] = [
  { data: '1112223333', primary: false, type: 'home' },
  { data: '1112224444', primary: false, type: 'work' },
  { data: '1112225555', primary: false, type: 'mobile1' },
];

export const DEFAULT_EMAILS: readonly OwnerEmail[] = [
  { data: 'accountholder0@example.com', primary: true, type: 'primary' },
  { data: 'accountholder1@example.com', primary: false, type: 'secondary' },
  { data: 'extraordinarily.long.email.username.123456@reallylonghostname.com', primary: false, type: 'other' },
];

export const DEFAULT_ADDRESSES: readonly OwnerAddress[] = [
  { data: { street: '2992 Cameron Road', city: 'Malakoff', region: 'NY', postalCode: '14236', country: 'US' }, primary: true },
  { data: { street: '2493 Leisure Lane', city: 'San Matias', region: 'CA', postalCode: '93405-2255', country: 'US' }, primary: false },
];

/**
 * Plaid uses the same names for every account of an Item: the first names any
 * account's identity gives.
 */
export function itemNames(identities: readonly (IdentityOverride | null)[]): string[] | null {
  for (const identity of identities) {
    if (identity?.names && identity.names.length > 0) return identity.names;
  }
  return null;
}

export function ownersOf(identity: IdentityOverride | null, names: string[] | null): { owners: Owner[]; ownershipType: OwnershipType } {
  if (!identity) return { owners: [], ownershipType: null };
  const ownerNames = names ?? (identity.names?.length ? identity.names : [...DEFAULT_NAMES]);
  const owner: Owner = {
    names: [...ownerNames],
    phoneNumbers: structuredClone(identity.phoneNumbers ?? [...DEFAULT_PHONE_NUMBERS]),
    emails: structuredClone(identity.emails ?? [...DEFAULT_EMAILS]),
    addresses: structuredClone(identity.addresses ?? [...DEFAULT_ADDRESSES]),
  };
  // One owner record listing every holder, as institutions report joint accounts.
  return { owners: [owner], ownershipType: ownerNames.length > 1 ? 'joint' : 'individual' };
}
