// Questions other domain code asks about an enrichment: is this income, an
// internal transfer, a loan disbursement, an NSF/overdraft fee? Answering
// them here keeps category names out of the report builders.

import type { TransactionEnrichment } from '../model.js';
import { PFC_TAXONOMY } from './taxonomy.js';

/** Detailed PFC categories that are income of some kind. */
export const INCOME_CATEGORIES: ReadonlySet<string> = new Set(PFC_TAXONOMY.INCOME);

/** PFC primary is INCOME: wages, gig payouts, benefits, pensions, interest, dividends, tax refunds. */
export function isIncomeCategory(enrichment: TransactionEnrichment): boolean {
  return enrichment.personalFinanceCategory.primary === 'INCOME';
}

/**
 * Money moved between the holder's own accounts (checking, savings,
 * brokerage), as opposed to money from or to someone else. Uses the credit
 * category, which separates P2P apps (TRANSFER_*_FROM_APPS) from own-account
 * transfers where PFC lumps them together as ACCOUNT_TRANSFER.
 */
export function isInternalTransferCategory(enrichment: TransactionEnrichment): boolean {
  switch (enrichment.creditCategory.detailed) {
    case 'TRANSFER_IN_CHECKING':
    case 'TRANSFER_IN_SAVINGS':
    case 'TRANSFER_IN_INVESTMENT_AND_RETIREMENT_FUNDS':
    case 'TRANSFER_OUT_CHECKING':
    case 'TRANSFER_OUT_SAVINGS':
    case 'TRANSFER_OUT_INVESTMENT_AND_RETIREMENT_FUNDS':
      return true;
    default:
      return false;
  }
}

/** A loan, cash advance or earned-wage advance paid into the account: borrowed, not earned. */
export function isLoanDisbursement(enrichment: TransactionEnrichment): boolean {
  return enrichment.personalFinanceCategory.detailed === 'TRANSFER_IN_CASH_ADVANCES_AND_LOANS';
}

/** A repayment of any debt: card, student loan, mortgage, car, personal loan, BNPL, wage advance. */
export function isLoanPayment(enrichment: TransactionEnrichment): boolean {
  return enrichment.personalFinanceCategory.primary === 'LOAN_PAYMENTS';
}

/**
 * An NSF (insufficient funds / returned item) or overdraft fee — the
 * transactions `nsf_overdraft_transactions_count` counts.
 *
 * A reversed or refunded fee ("OVERDRAFT FEE REVERSAL", "NSF FEE REFUND") has
 * the same category and is recognised by being an inflow (Plaid amount < 0);
 * see isNsfOverdraftFeeReversal. Counting is: fees charged minus fees reversed
 * in the same window.
 */
export function isNsfOverdraftFee(enrichment: TransactionEnrichment): boolean {
  const detailed = enrichment.personalFinanceCategory.detailed;
  return detailed === 'BANK_FEES_OVERDRAFT_FEES' || detailed === 'BANK_FEES_INSUFFICIENT_FUNDS';
}

/** An NSF/overdraft fee credited back: that category, flowing in (Plaid amount < 0). */
export function isNsfOverdraftFeeReversal(enrichment: TransactionEnrichment, amountCents: number): boolean {
  return amountCents < 0 && isNsfOverdraftFee(enrichment);
}
