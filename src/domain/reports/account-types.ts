// How the domain's account types map onto the contract and onto balance arithmetic.

import type { AccountType } from '../model.js';
import type * as wire from './base-report-wire.js';

/**
 * The contract's `AccountType` has no `payroll` (custom users may declare one); such accounts are
 * reported as `other`, and compete with `other` accounts for `is_primary_account`.
 */
export function wireAccountType(type: AccountType): wire.AccountType {
  return type === 'payroll' ? 'other' : type;
}

/** Credit and loan balances are amounts owed; every other type's balance is money held. */
export function balanceIsOwed(type: AccountType): boolean {
  return type === 'credit' || type === 'loan';
}
