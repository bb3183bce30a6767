// Fees and interest the bank or card issuer charges. These come first: a fee
// description often names what it was charged for ("ATM WITHDRAWAL FEE",
// "OVERDRAFT PROTECTION TRANSFER FEE", "CASH ADVANCE FEE"), and those words
// would otherwise send it to the ATM, transfer or loan rules.
//
// No rule here has a direction. A fee credited back ("OVERDRAFT FEE
// REVERSAL", "NSF FEE REFUND") keeps the fee's category and is told apart by
// being an inflow; that is what lets `nsf_overdraft_transactions_count`
// subtract reversed fees (see isNsfOverdraftFee).

import { movement, type Rule } from '../rule.js';

const FEE_WORDS = ['FEE', 'FEES', 'CHARGE', 'CHG', 'CHRG', 'SURCHARGE'];

export const BANK_FEE_RULES: readonly Rule[] = [
  // Interest before overdraft: "OVERDRAFT LINE INTEREST CHARGE" is interest on
  // a credit line, not a penalty for overdrawing.
  movement(
    'fee.interest-charge',
    ['INTEREST CHARGE', 'INTEREST CHARGED', 'INTEREST CHG', 'FINANCE CHARGE', 'INTEREST CHARGES'],
    'BANK_FEES_INTEREST_CHARGE',
  ),
  movement('fee.overdraft', ['OVERDRAFT', 'OVERDRAWN', 'OD', 'ODP', 'COURTESY PAY', 'OD ITEM'], 'BANK_FEES_OVERDRAFT_FEES', {
    also: FEE_WORDS,
  }),
  // NSF: the bank refused to pay an item. "NSF" or "RETURNED ITEM" on its own
  // may be the returned item itself, so a fee word is required for those.
  movement(
    'fee.nsf',
    ['NSF', 'NON SUFFICIENT FUNDS', 'RETURNED ITEM', 'RETURN ITEM', 'RETURNED CHECK', 'UNPAID ITEM', 'RETURNED PAYMENT'],
    'BANK_FEES_INSUFFICIENT_FUNDS',
    { also: FEE_WORDS },
  ),
  movement('fee.insufficient-funds', ['INSUFFICIENT FUNDS', 'INSUF FUNDS', 'INSUFF FUNDS', 'INSUFFICIENT FUND'], 'BANK_FEES_INSUFFICIENT_FUNDS', {
    unless: ['RETURNED DEPOSIT', 'DEPOSITED ITEM'],
  }),
  movement('fee.atm', ['ATM'], 'BANK_FEES_ATM_FEES', { also: FEE_WORDS }),
  movement(
    'fee.foreign-transaction',
    [
      'FOREIGN TRANSACTION',
      'FOREIGN TRANS',
      'INTL TRANSACTION',
      'INTERNATIONAL TRANSACTION',
      'FOREIGN EXCHANGE FEE',
      'FX FEE',
      'FOREIGN FEE',
      'INTL FEE',
      'CURRENCY CONVERSION',
    ],
    'BANK_FEES_FOREIGN_TRANSACTION_FEES',
    { also: FEE_WORDS },
  ),
  // Late and cash-advance fees are PFC "other bank fees" but credit penalties.
  movement('fee.late', ['LATE FEE', 'LATE PAYMENT FEE', 'LATE CHARGE', 'LATE PMT FEE'], 'BANK_FEES_OTHER_BANK_FEES', {
    creditCategory: 'BANK_PENALTIES_INSUFFICIENT_AND_LATE_FEES',
  }),
  movement('fee.cash-advance', ['CASH ADVANCE FEE', 'CASH ADV FEE'], 'BANK_FEES_OTHER_BANK_FEES', {
    creditCategory: 'BANK_PENALTIES_CASH_ADVANCE_AND_OVERDRAFT_FEES',
  }),
  movement(
    'fee.account-service',
    [
      'MAINTENANCE FEE',
      'MAINT FEE',
      'SERVICE FEE',
      'SERVICE CHARGE',
      'SVC CHARGE',
      'SVC FEE',
      'MONTHLY FEE',
      'STOP PAYMENT',
      'STATEMENT FEE',
      'WIRE FEE',
      'WIRE TRANSFER FEE',
      'WIRE TRANS FEE',
      'ANNUAL FEE',
      'ANNUAL MEMBERSHIP FEE',
      'ACCOUNT FEE',
      'ACCT FEE',
      'INACTIVITY FEE',
      'DORMANT ACCOUNT',
      'CASHIERS CHECK FEE',
      'OFFICIAL CHECK FEE',
      'CHECK ORDER',
      'BALANCE TRANSFER FEE',
      'EXCESS WITHDRAWAL FEE',
      'EXCESSIVE WITHDRAWAL',
      'INSTANT TRANSFER FEE',
    ],
    'BANK_FEES_OTHER_BANK_FEES',
  ),
];
