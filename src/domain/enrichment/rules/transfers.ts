// Money moved between accounts: person-to-person apps, transfers between the
// holder's own accounts, brokerage funding, cash at ATMs and branches.
//
// Three tables, because they sit at different priorities:
// - P2P_RULES run early: "ZELLE TO ALBERT SMITH" must not reach the
//   cash-advance rule for the Albert app, nor "ZELLE TO KIM SHELL" the gas rule.
// - ACCOUNT_TRANSFER_RULES run after loans and bills, so "ONLINE TRANSFER TO
//   CREDIT CARD" is still a card payment.
// - WALLET_RULES run after the merchant tables: "PAYPAL INST XFER STARBUCKS"
//   is a Starbucks purchase paid through PayPal; only a PayPal line that names
//   no merchant is a transfer.

import { bothWays, movement, type Rule } from '../rule.js';

const TRANSFER_WORDS = [
  'TRANSFER',
  'XFER',
  'TRNSFR',
  'TFR',
  'WIRE',
  'BOOK TRANSFER',
  'FUNDS TRANSFER',
  'ONLINE BANKING TRANSFER',
];

export const P2P_RULES: readonly Rule[] = [
  ...bothWays(
    'transfer.p2p',
    ['ZELLE', 'VENMO', 'CASH APP', 'CASHAPP', 'SQUARE CASH', 'SQC CASH', 'APPLE CASH', 'GOOGLE PAY SEND', 'POPMONEY'],
    'TRANSFER_IN_ACCOUNT_TRANSFER',
    'TRANSFER_OUT_ACCOUNT_TRANSFER',
    { inflowCredit: 'TRANSFER_IN_TRANSFER_IN_FROM_APPS', outflowCredit: 'TRANSFER_OUT_TRANSFER_OUT_FROM_APPS' },
  ),
];

export const ACCOUNT_TRANSFER_RULES: readonly Rule[] = [
  // Cash and cheques paid in. "DIRECT DEPOSIT" and "ACH DEPOSIT" are
  // electronic credits, not deposits in this sense.
  movement('transfer.cash-deposit', ['DEPOSIT', 'DEP', 'EDEPOSIT', 'DEPOSITED'], 'TRANSFER_IN_DEPOSIT', {
    direction: 'inflow',
    unless: ['DIRECT', 'DIR', 'ACH', 'EDI', 'PPD', 'CCD', 'ELECTRONIC', 'SECURITY DEPOSIT', 'REFUND', 'REVERSAL'],
  }),
  movement(
    'transfer.atm-withdrawal',
    [
      'ATM WITHDRAWAL',
      'ATM WITHDRAW',
      'ATM W D',
      'ATM WD',
      'ATM DEBIT',
      'ATM CASH',
      'ATM',
      'CASH WITHDRAWAL',
      'CASH WITHDRAW',
      'WITHDRAWAL MADE IN A BRANCH',
      'BRANCH WITHDRAWAL',
      'TELLER WITHDRAWAL',
      'COUNTER WITHDRAWAL',
      'CASH DISBURSEMENT',
    ],
    'TRANSFER_OUT_WITHDRAWAL',
    { direction: 'outflow', channel: 'in store' },
  ),
  ...bothWays(
    'transfer.investment',
    [
      'ROBINHOOD',
      'VANGUARD',
      'FIDELITY',
      'FID BKG',
      'SCHWAB',
      'E TRADE',
      'ETRADE',
      'TD AMERITRADE',
      'MERRILL EDGE',
      'WEBULL',
      'COINBASE',
      'KRAKEN',
      'GEMINI',
      'CRYPTO COM',
      'ACORNS',
      'STASH',
      'BETTERMENT',
      'WEALTHFRONT',
      'M 1 FINANCE',
      'EDWARD JONES',
      'AMERIPRISE',
      'T ROWE PRICE',
      'BROKERAGE',
      'INVESTMENT',
    ],
    'TRANSFER_IN_INVESTMENT_AND_RETIREMENT_FUNDS',
    'TRANSFER_OUT_INVESTMENT_AND_RETIREMENT_FUNDS',
  ),
  // Saving: out of checking into savings, or anything arriving in a savings account.
  movement('transfer.to-savings', ['TO SAV', 'TO SAVINGS', 'TO SAVING', 'TO SV'], 'TRANSFER_OUT_SAVINGS', {
    direction: 'outflow',
    also: [...TRANSFER_WORDS, 'AUTOMATIC', 'AUTO SAVE', 'KEEP THE CHANGE'],
    unless: ['PAYPAL'],
  }),
  movement('transfer.into-savings-account', TRANSFER_WORDS, 'TRANSFER_IN_SAVINGS', {
    direction: 'inflow',
    accountSubtypes: ['savings', 'money market', 'cd', 'hsa'],
    unless: ['PAYPAL'],
  }),
  ...bothWays('transfer.account', TRANSFER_WORDS, 'TRANSFER_IN_ACCOUNT_TRANSFER', 'TRANSFER_OUT_ACCOUNT_TRANSFER', {
    unless: ['PAYPAL'],
  }),
];

export const WALLET_RULES: readonly Rule[] = [
  ...bothWays(
    'transfer.wallet',
    ['PAYPAL', 'APPLE PAY', 'GOOGLE PAY', 'GOOGLE WALLET'],
    'TRANSFER_IN_ACCOUNT_TRANSFER',
    'TRANSFER_OUT_ACCOUNT_TRANSFER',
    {
      confidence: 'MEDIUM',
      inflowCredit: 'TRANSFER_IN_TRANSFER_IN_FROM_APPS',
      outflowCredit: 'TRANSFER_OUT_TRANSFER_OUT_FROM_APPS',
    },
  ),
  // Paper instruments: the payee is unknown, so the money just leaves.
  movement('transfer.money-order', ['MONEY ORDER', 'CASHIERS CHECK', 'OFFICIAL CHECK'], 'TRANSFER_OUT_OTHER_TRANSFER_OUT', {
    direction: 'outflow',
    confidence: 'MEDIUM',
  }),
  movement('transfer.cheque', ['CHECK', 'CHECK PAID', 'CHK', 'SHARE DRAFT'], 'TRANSFER_OUT_OTHER_TRANSFER_OUT', {
    direction: 'outflow',
    confidence: 'LOW',
    pattern: /^ (?:CHECK|CHK|CHECK PAID|SHARE DRAFT)(?: NO| NUMBER)?(?: \d{1,2})? $/,
  }),
];
