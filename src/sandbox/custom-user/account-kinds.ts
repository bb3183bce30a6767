// Plaid's account types and subtypes (contract `AccountSubtype`), and the
// default names Plaid's Sandbox gives accounts a config leaves unnamed.

import type { AccountType } from '../../domain/model.js';

export const OVERRIDE_ACCOUNT_TYPES: readonly AccountType[] = ['investment', 'credit', 'depository', 'loan', 'payroll', 'other'];

export const ACCOUNT_SUBTYPES: readonly string[] = [
  '401a', '401k', '403B', '457b', '529', 'auto', 'brokerage', 'business', 'cash isa', 'cash management', 'cd',
  'checking', 'commercial', 'construction', 'consumer', 'credit card', 'crypto exchange', 'ebt',
  'education savings account', 'fhsa', 'fixed annuity', 'gic', 'health reimbursement arrangement', 'home equity',
  'hsa', 'isa', 'ira', 'keogh', 'lif', 'life insurance', 'limited purpose checking', 'line of credit', 'lira', 'loan',
  'lrif', 'lrsp', 'money market', 'mortgage', 'mutual fund', 'non-custodial wallet', 'non-taxable brokerage account',
  'other', 'other insurance', 'other annuity', 'overdraft', 'paypal', 'payroll', 'pension', 'prepaid', 'prif',
  'profit sharing plan', 'qshr', 'rdsp', 'resp', 'retirement', 'rlif', 'roth', 'roth 401k', 'roth 403B', 'roth 457b',
  'roth pension', 'roth profit sharing plan', 'roth thrift savings plan', 'rrif', 'rrsp', 'sarsep', 'savings',
  'sep ira', 'simple ira', 'sipp', 'stock plan', 'student', 'thrift savings plan', 'tfsa', 'trust', 'ugma', 'utma',
  'variable annuity',
];

// Plaid's account type schema: which subtypes belong to the non-investment types.
const SUBTYPES_BY_TYPE: Partial<Record<AccountType, readonly string[]>> = {
  depository: ['cash management', 'cd', 'checking', 'ebt', 'hsa', 'money market', 'paypal', 'prepaid', 'savings', 'limited purpose checking'],
  credit: ['credit card', 'paypal'],
  loan: ['auto', 'business', 'commercial', 'construction', 'consumer', 'home equity', 'line of credit', 'loan', 'mortgage', 'other', 'overdraft', 'student'],
  payroll: ['payroll'],
  other: ['other'],
};

const DEFAULT_SUBTYPE: Record<AccountType, string> = {
  depository: 'checking',
  credit: 'credit card',
  loan: 'student',
  investment: 'brokerage',
  payroll: 'payroll',
  other: 'other',
};

export function defaultSubtype(type: AccountType): string {
  return DEFAULT_SUBTYPE[type];
}

/** The type a config means when it gives only a subtype (Plaid lists investment subtypes last). */
export function typeOfSubtype(subtype: string): AccountType {
  for (const type of ['depository', 'credit', 'loan', 'payroll', 'other'] as const) {
    if (SUBTYPES_BY_TYPE[type]?.includes(subtype)) return type;
  }
  return 'investment';
}

const DEFAULT_NAMES: Record<string, { name: string; officialName: string | null }> = {
  checking: { name: 'Plaid Checking', officialName: 'Plaid Gold Standard 0% Interest Checking' },
  savings: { name: 'Plaid Saving', officialName: 'Plaid Silver Standard 0.1% Interest Saving' },
  cd: { name: 'Plaid CD', officialName: 'Plaid Bronze Standard 0.2% Interest CD' },
  'money market': { name: 'Plaid Money Market', officialName: 'Plaid Platinum Standard 1.85% Interest Money Market' },
  'cash management': { name: 'Plaid Cash Management', officialName: 'Plaid Growth Cash Management' },
  hsa: { name: 'Plaid HSA', officialName: 'Plaid Cares Health Savings Account' },
  'credit card': { name: 'Plaid Credit Card', officialName: 'Plaid Diamond 12.5% APR Interest Credit Card' },
  student: { name: 'Plaid Student Loan', officialName: null },
  mortgage: { name: 'Plaid Mortgage', officialName: null },
  ira: { name: 'Plaid IRA', officialName: null },
  '401k': { name: 'Plaid 401k', officialName: null },
  brokerage: { name: 'Plaid Brokerage', officialName: null },
};

/** "Plaid Checking" and friends; other subtypes get "Plaid <Subtype>" and no official name. */
export function defaultAccountName(subtype: string | null, type: AccountType): { name: string; officialName: string | null } {
  const key = subtype ?? defaultSubtype(type);
  const known = DEFAULT_NAMES[key];
  if (known) return known;
  const titled = key.replace(/\b[a-z]/g, (c) => c.toUpperCase());
  return { name: `Plaid ${titled}`, officialName: null };
}

/** Liabilities whose balance is money owed: `current` grows with positive (outflow) amounts. */
export function isOwedBalance(type: AccountType): boolean {
  return type === 'credit' || type === 'loan';
}
