// What each transaction means for cash flow: income or not, a transfer between the user's own
// accounts, a refund, a loan disbursement or repayment (and of which kind), a bank fee, cash, or
// spending. Income Insights, Cash Flow Insights, LendScore, Network and Partner Insights all read
// the same classification, so a transaction never counts as income in one product and as a
// transfer in another.
//
// Enrichment (the transaction's personal finance and credit categories) decides first; a few
// keyword checks on the normalised description back it up where enrichment is unsure. Rules, in
// priority order, for money in (amount < 0):
//   1. an INCOME personal finance category                                    → income
//   2. a loan disbursement (TRANSFER_IN_CASH_ADVANCES_AND_LOANS, LOAN_DISBURSEMENTS_*,
//      or a lender / cash-advance app named with ADVANCE, LOAN or FUNDING)     → loan disbursement
//   3. a BANK_FEES category (a fee credited back)                              → fee reversal
//   4. the other leg of an outflow of the same amount on another of the user's accounts,
//      dated within 3 days (either way)                                        → own transfer
//   5. an internal-transfer credit category (TRANSFER_IN_CHECKING / _SAVINGS /
//      _INVESTMENT_AND_RETIREMENT_FUNDS: not a payment app), or "TRANSFER" with
//      CHK/SAV/CHECKING/SAVINGS/ACCOUNT in the description                    → own transfer
//   6. a spending category (merchant credit) or REFUND/RETURN/REVERSAL words  → refund
//   7. anything else (payment-app credits, cash and cheque deposits, other ACH credits)
//                                                                              → income candidate
// Money out (amount > 0): loan payments (LOAN_PAYMENTS_* or the credit taxonomy's), bank fees
// (NSF, overdraft, other), ATM and cash withdrawals, the outgoing leg of an own transfer, other
// transfers out, and spending (essential, discretionary, gambling).

import {
  isIncomeCategory,
  isInternalTransferCategory,
  isLoanDisbursement as isLoanDisbursementCategory,
  isLoanPayment as isLoanPaymentCategory,
  isNsfOverdraftFee,
} from '../enrichment/index.js';
import type { InsightTransaction } from './insights-data.js';

export type LendingKind = 'bnpl' | 'ewa' | 'personal' | 'cash_advance' | 'credit_card' | 'student' | 'mortgage_auto' | 'other';
export type FeeKind = 'nsf' | 'overdraft' | 'other';
export type SpendClass = 'essential' | 'discretionary' | 'gambling';

export type Flow =
  | { kind: 'income'; p2p: boolean; cashDeposit: boolean }
  | { kind: 'own_transfer' }
  | { kind: 'refund' }
  | { kind: 'loan_disbursement'; lending: LendingKind }
  | { kind: 'fee_reversal' }
  | { kind: 'loan_payment'; lending: LendingKind }
  | { kind: 'bank_fee'; fee: FeeKind }
  | { kind: 'atm_withdrawal' }
  | { kind: 'transfer_out'; p2p: boolean }
  | { kind: 'spend'; spend: SpendClass; rent: boolean };

const PAIR_DAYS = 3;

/** Phrases on the normalised description; each list is one signal. */
const PHRASES = {
  bnpl: ['AFFIRM', 'KLARNA', 'AFTERPAY', 'SEZZLE', 'ZIP CO', 'ZIPPAY', 'QUADPAY', 'SPLITIT', 'PERPAY', 'KATAPULT', 'PAY IN 4'],
  // Names that are unambiguous on their own…
  ewa: ['DAVE INC', 'DAVE COM', 'EARNIN', 'ACTIVEHOURS', 'BRIGIT', 'MONEYLION', 'KLOVER', 'CLEO AI', 'FLOATME', 'DAILYPAY', 'PAYACTIV', 'CHIME SPOTME'],
  // …and names that also need an advance word ("ALBERT" may be a person paid by Zelle).
  ewaAdvance: ['DAVE', 'ALBERT', 'EMPOWER', 'CLEO', 'VOLT'],
  personalLender: [
    'SOFI LENDING', 'SOFI LOAN', 'UPSTART', 'LENDINGCLUB', 'LENDING CLUB', 'PROSPER', 'AVANT', 'ONEMAIN', 'ONE MAIN', 'BEST EGG', 'MARINER',
    'LENDINGPOINT', 'UPGRADE', 'OPORTUN', 'HAPPY MONEY', 'NETCREDIT', 'OPPLOANS', 'RISE CREDIT', 'WORLD FINANCE', 'REGIONAL FINANCE',
    'LENDMARK', 'POSSIBLE FINANCE', 'PERSONAL LOAN', 'INSTALLMENT LOAN',
  ],
  cashAdvance: ['CASH ADVANCE', 'CASH ADV'],
  loanProceeds: ['LOAN PROCEEDS', 'LOAN DISB', 'LOAN FUNDING', 'CASH ADVANCE'],
  disbursement: ['ADVANCE', 'LOAN', 'FUNDING', 'PROCEEDS', 'DISB', 'DISBURSEMENT', 'INSTANT'],
  refund: ['REFUND', 'RETURN', 'REVERSAL', 'CHARGEBACK', 'CREDIT ADJ', 'CASHBACK', 'CASH BACK', 'REBATE'],
  ownAccount: ['CHK', 'CHECKING', 'SAV', 'SAVINGS', 'SHARE', 'MMA', 'MONEY MARKET', 'ACCT', 'ACCOUNT'],
  transfer: ['TRANSFER', 'XFER', 'TRNSFR', 'TFR'],
  atm: ['ATM', 'CASH WITHDRAWAL', 'WITHDRAWAL MADE IN A BRANCH', 'TELLER WITHDRAWAL'],
  fee: ['FEE', 'CHARGE', 'CHG'],
  nsf: ['NSF', 'INSUFFICIENT', 'NON SUFFICIENT', 'RETURNED ITEM'],
  overdraft: ['OVERDRAFT', 'OD FEE', 'OVERDRAWN', 'COURTESY PAY'],
  p2p: ['ZELLE', 'VENMO', 'CASH APP', 'CASHAPP', 'SQUARE CASH', 'APPLE CASH', 'POPMONEY', 'PAYPAL'],
  cashDeposit: ['MOBILE DEPOSIT', 'CASH DEPOSIT', 'ATM DEPOSIT', 'BRANCH DEPOSIT', 'CHECK DEPOSIT'],
} as const;

type Signal = keyof typeof PHRASES;
type Signals = Readonly<Record<Signal, boolean>>;

const PADDED: readonly (readonly [Signal, readonly string[]])[] = (Object.keys(PHRASES) as Signal[]).map((signal) => [
  signal,
  PHRASES[signal].map((phrase) => ` ${phrase} `),
]);

/** Which signal lists a normalised description contains; computed once per distinct description. */
function signalsOf(text: string): Signals {
  const out = {} as Record<Signal, boolean>;
  for (const [signal, phrases] of PADDED) {
    let found = false;
    for (const phrase of phrases) {
      if (text.includes(phrase)) {
        found = true;
        break;
      }
    }
    out[signal] = found;
  }
  return out;
}

const MERCHANT_PFC_PRIMARIES: ReadonlySet<string> = new Set([
  'FOOD_AND_DRINK', 'GENERAL_MERCHANDISE', 'ENTERTAINMENT', 'HOME_IMPROVEMENT', 'MEDICAL', 'PERSONAL_CARE', 'GENERAL_SERVICES',
  'TRANSPORTATION', 'TRAVEL', 'RENT_AND_UTILITIES',
]);
const ESSENTIAL_PFC_PRIMARIES: ReadonlySet<string> = new Set(['RENT_AND_UTILITIES', 'MEDICAL', 'TRANSPORTATION', 'GOVERNMENT_AND_NON_PROFIT']);
const ESSENTIAL_PFC_DETAILED: ReadonlySet<string> = new Set([
  'FOOD_AND_DRINK_GROCERIES', 'GENERAL_SERVICES_INSURANCE', 'GENERAL_SERVICES_CHILDCARE', 'GENERAL_SERVICES_EDUCATION',
  'GENERAL_MERCHANDISE_SUPERSTORES', 'GENERAL_MERCHANDISE_DISCOUNT_STORES', 'GENERAL_SERVICES_AUTOMOTIVE', 'MEDICAL_PHARMACIES_AND_SUPPLEMENTS',
]);

/** A transaction with the signals of its description. */
interface Seen {
  t: InsightTransaction;
  s: Signals;
}

/** Which kind of lending a transaction involves, from its credit category or the lender's name. */
function lendingKind({ t, s }: Seen): LendingKind {
  switch (t.creditDetailed) {
    case 'LOAN_DISBURSEMENTS_BNPL_AND_EWA':
    case 'LOAN_PAYMENTS_BNPL_AND_EWA':
      return s.bnpl ? 'bnpl' : 'ewa';
    case 'LOAN_DISBURSEMENTS_PERSONAL':
    case 'LOAN_PAYMENTS_PERSONAL_LOAN_PAYMENT':
      return 'personal';
    case 'LOAN_DISBURSEMENTS_CASH_ADVANCES':
    case 'LOAN_PAYMENTS_CASH_ADVANCES':
      return 'cash_advance';
    case 'LOAN_PAYMENTS_CREDIT_CARD_PAYMENT':
      return 'credit_card';
    case 'LOAN_DISBURSEMENTS_STUDENT':
    case 'LOAN_PAYMENTS_STUDENT_LOAN_PAYMENT':
      return 'student';
    case 'LOAN_DISBURSEMENTS_MORTGAGE_AND_AUTO':
    case 'LOAN_PAYMENTS_MORTGAGE_AND_AUTO':
      return 'mortgage_auto';
  }
  switch (t.pfcDetailed) {
    case 'LOAN_PAYMENTS_CREDIT_CARD_PAYMENT':
      return 'credit_card';
    case 'LOAN_PAYMENTS_PERSONAL_LOAN_PAYMENT':
      return 'personal';
    case 'LOAN_PAYMENTS_STUDENT_LOAN_PAYMENT':
      return 'student';
    case 'LOAN_PAYMENTS_CAR_PAYMENT':
    case 'LOAN_PAYMENTS_MORTGAGE_PAYMENT':
      return 'mortgage_auto';
  }
  if (s.bnpl) return 'bnpl';
  if (s.ewa || s.ewaAdvance) return 'ewa';
  if (s.personalLender) return 'personal';
  if (s.cashAdvance) return 'cash_advance';
  return 'other';
}

function isP2p({ t, s }: Seen): boolean {
  return t.creditDetailed === 'TRANSFER_IN_TRANSFER_IN_FROM_APPS' || t.creditDetailed === 'TRANSFER_OUT_TRANSFER_OUT_FROM_APPS' || s.p2p;
}

function isLoanDisbursement(seen: Seen): boolean {
  const { t, s } = seen;
  if (isLoanDisbursementCategory(t.enrichment) || t.creditPrimary === 'LOAN_DISBURSEMENTS' || s.loanProceeds) return true;
  return (s.ewa || s.ewaAdvance || s.personalLender || s.bnpl) && s.disbursement && !isP2p(seen);
}

function isLoanPayment(seen: Seen): boolean {
  const { t, s } = seen;
  if (isLoanPaymentCategory(t.enrichment) || t.creditPrimary === 'LOAN_PAYMENTS') return true;
  if (isP2p(seen)) return false;
  return s.bnpl || s.ewa || s.personalLender;
}

function looksLikeOwnTransfer({ t, s }: Seen): boolean {
  if (t.creditDetailed === 'TRANSFER_IN_TRANSFER_IN_FROM_APPS' || t.creditDetailed === 'TRANSFER_OUT_TRANSFER_OUT_FROM_APPS') return false;
  return isInternalTransferCategory(t.enrichment) || (s.transfer && s.ownAccount);
}

function feeKind({ t, s }: Seen): FeeKind | null {
  if (isNsfOverdraftFee(t.enrichment)) return t.pfcDetailed === 'BANK_FEES_INSUFFICIENT_FUNDS' ? 'nsf' : 'overdraft';
  if (t.pfcPrimary === 'BANK_FEES') return 'other';
  if (!s.fee) return null;
  if (s.nsf) return 'nsf';
  if (s.overdraft) return 'overdraft';
  return null;
}

function spendClass(t: InsightTransaction): SpendClass {
  if (t.pfcDetailed === 'ENTERTAINMENT_CASINOS_AND_GAMBLING' || t.creditDetailed === 'ENTERTAINMENT_CASINOS_AND_GAMBLING') return 'gambling';
  if (ESSENTIAL_PFC_PRIMARIES.has(t.pfcPrimary) || ESSENTIAL_PFC_DETAILED.has(t.pfcDetailed)) return 'essential';
  return 'discretionary';
}

/**
 * Classifies every transaction; the result is parallel to `transactions` (which must be sorted by
 * day, as `InsightsData.transactions` is). Own-transfer pairs are found across all of the user's
 * accounts in the report, each outflow pairing with at most one inflow.
 */
export function classifyFlows(transactions: readonly InsightTransaction[]): Flow[] {
  const cache = new Map<string, Signals>();
  const seen = transactions.map((t): Seen => {
    let s = cache.get(t.text);
    if (s === undefined) {
      s = signalsOf(t.text);
      cache.set(t.text, s);
    }
    return { t, s };
  });
  const partners = pairOwnTransfers(seen);
  return seen.map((x, i) => classify(x, partners[i] === -1 ? null : transactions[partners[i]]));
}

const OWED: ReadonlySet<string> = new Set(['credit', 'loan']);

function classify(seen: Seen, partner: InsightTransaction | null): Flow {
  const { t, s } = seen;
  if (t.amountCents < 0) {
    if (isIncomeCategory(t.enrichment)) return { kind: 'income', p2p: false, cashDeposit: false };
    if (isLoanDisbursement(seen)) return { kind: 'loan_disbursement', lending: lendingKind(seen) };
    if (t.pfcPrimary === 'BANK_FEES' || feeKind(seen) !== null) return { kind: 'fee_reversal' };
    // Money from the user's own card or loan account is borrowed: a cash advance or a draw.
    if (partner !== null && OWED.has(partner.accountType) && !OWED.has(t.accountType)) {
      return { kind: 'loan_disbursement', lending: partner.accountType === 'credit' ? 'cash_advance' : 'other' };
    }
    if (partner !== null || looksLikeOwnTransfer(seen)) return { kind: 'own_transfer' };
    if (t.pfcPrimary === 'LOAN_PAYMENTS') return { kind: 'own_transfer' };
    if (s.refund) return { kind: 'refund' };
    // Rent paid to the user is rental income, not a refund of rent.
    if (MERCHANT_PFC_PRIMARIES.has(t.pfcPrimary) && t.pfcDetailed !== 'RENT_AND_UTILITIES_RENT') return { kind: 'refund' };
    return { kind: 'income', p2p: isP2p(seen), cashDeposit: t.pfcDetailed === 'TRANSFER_IN_DEPOSIT' || s.cashDeposit };
  }
  const fee = feeKind(seen);
  if (fee !== null) return { kind: 'bank_fee', fee };
  if (isLoanPayment(seen)) return { kind: 'loan_payment', lending: lendingKind(seen) };
  // Money to the user's own card or loan account repays it.
  if (partner !== null && OWED.has(partner.accountType) && !OWED.has(t.accountType)) {
    return { kind: 'loan_payment', lending: partner.accountType === 'credit' ? 'credit_card' : lendingKind(seen) };
  }
  if (partner !== null) return { kind: 'own_transfer' };
  if (t.pfcDetailed === 'TRANSFER_OUT_WITHDRAWAL' || s.atm) return { kind: 'atm_withdrawal' };
  if (looksLikeOwnTransfer(seen)) return { kind: 'own_transfer' };
  if (t.pfcPrimary === 'TRANSFER_OUT' || isP2p(seen)) return { kind: 'transfer_out', p2p: isP2p(seen) };
  return { kind: 'spend', spend: spendClass(t), rent: t.pfcDetailed === 'RENT_AND_UTILITIES_RENT' };
}

/**
 * Pairs the two legs of transfers between the user's own accounts (each leg gets the other's
 * index, -1 when unpaired): an inflow and an outflow of the same amount and currency on two
 * different accounts, dated at most 3 days apart, the outflow being a transfer out (its category
 * or a TRANSFER word) or a cash advance. Inflows that
 * enrichment calls income, and outflows that are loan payments, never pair (a paycheck is not a
 * transfer even if the same amount left another account that week). Each leg pairs once, with
 * the nearest-dated candidate.
 */
function pairOwnTransfers(seen: readonly Seen[]): number[] {
  const transactions = seen.map((x) => x.t);
  const partner = new Array<number>(transactions.length).fill(-1);
  const outflowsByAmount = new Map<string, number[]>();
  transactions.forEach((t, i) => {
    if (t.amountCents <= 0 || t.pending || isLoanPayment(seen[i])) return;
    // Only money sent somewhere (a transfer, a cash advance) can be the other leg; a purchase is not.
    const { s } = seen[i];
    if (t.pfcPrimary !== 'TRANSFER_OUT' && !s.transfer && !s.cashAdvance) return;
    const key = `${t.amountCents}|${t.currency.isoCurrencyCode ?? t.currency.unofficialCurrencyCode}`;
    const list = outflowsByAmount.get(key);
    if (list) list.push(i);
    else outflowsByAmount.set(key, [i]);
  });
  transactions.forEach((t, i) => {
    if (t.amountCents >= 0 || t.pending || isIncomeCategory(t.enrichment)) return;
    const candidates = outflowsByAmount.get(`${-t.amountCents}|${t.currency.isoCurrencyCode ?? t.currency.unofficialCurrencyCode}`);
    if (!candidates) return;
    let best = -1;
    for (const j of candidates) {
      if (partner[j] !== -1) continue;
      const other = transactions[j];
      if (other.accountId === t.accountId || Math.abs(other.day - t.day) > PAIR_DAYS) continue;
      if (best === -1 || Math.abs(other.day - t.day) < Math.abs(transactions[best].day - t.day)) best = j;
    }
    if (best !== -1) {
      partner[best] = i;
      partner[i] = best;
    }
  });
  return partner;
}
