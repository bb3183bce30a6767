// Transaction enrichment: from a raw bank description, the amount's direction
// and the account type, derive what Plaid's enrichment would return — a clean
// name, the merchant, the personal-finance and credit categories, the
// transaction type and the payment channel.
//
// Pure and deterministic: no I/O, clock or randomness. The rule tables are
// validated and indexed once, when this module is loaded.

import type { AccountType, TransactionEnrichment } from '../model.js';
import { CREDIT_CATEGORY_BY_PFC, creditPrimaryOf } from './credit-categories.js';
import { descriptionName, employerName, statementName } from './display-name.js';
import { compileRules, findRule, type MatchContext } from './matcher.js';
import { normaliseDescription, type NormalisedDescription } from './normalise.js';
import type { Direction, PaymentChannel, Rule } from './rule.js';
import { ENRICHMENT_RULES } from './rules/index.js';
import { pfcPrimaryOf, type PfcPrimary } from './taxonomy.js';

export {
  INCOME_CATEGORIES,
  isIncomeCategory,
  isInternalTransferCategory,
  isLoanDisbursement,
  isLoanPayment,
  isNsfOverdraftFee,
  isNsfOverdraftFeeReversal,
} from './predicates.js';
export { PFC_TAXONOMY, PFC_DETAILED_CATEGORIES, pfcPrimaryOf, type PfcDetailed, type PfcPrimary } from './taxonomy.js';
export { CREDIT_TAXONOMY, CREDIT_CATEGORY_BY_PFC, type CreditDetailed, type CreditPrimary } from './credit-categories.js';
export { normaliseDescription, type NormalisedDescription } from './normalise.js';

export interface EnrichmentInput {
  /** The description exactly as the institution printed it. */
  description: string;
  /** Plaid sign: positive = money out, negative = money in. */
  amountCents: number;
  accountType: AccountType;
  accountSubtype: string | null;
}

const COMPILED_RULES = compileRules(ENRICHMENT_RULES);

/** Primaries that describe moving money rather than buying something. */
const SPECIAL_PRIMARIES: ReadonlySet<PfcPrimary> = new Set([
  'INCOME',
  'TRANSFER_IN',
  'TRANSFER_OUT',
  'LOAN_PAYMENTS',
  'BANK_FEES',
]);

const ACH_HINTS = new Set(['DES', 'PPD', 'CCD', 'ACH']);
const ONLINE_HINTS = new Set(['COM', 'WWW', 'HTTP', 'HTTPS', 'HTTPSWWW', 'ONLINE', 'WEB', 'INTERNET', 'ORG', 'NET', 'INFO']);
const CARD_PRESENT_HINTS = new Set(['POS', 'CHECKCARD', 'PIN', 'PURCHASE', 'DBT', 'STORE']);

function detectChannel(tokens: readonly string[]): PaymentChannel | null {
  let online = false;
  let inStore = false;
  for (const token of tokens) {
    if (ACH_HINTS.has(token)) return 'other';
    if (ONLINE_HINTS.has(token)) online = true;
    else if (CARD_PRESENT_HINTS.has(token)) inStore = true;
  }
  if (online) return 'online';
  if (inStore) return 'in store';
  return null;
}

function transactionTypeFor(primary: PfcPrimary, channel: PaymentChannel): TransactionEnrichment['transactionType'] {
  if (SPECIAL_PRIMARIES.has(primary)) return 'special';
  if (channel === 'online') return 'digital';
  if (channel === 'in store') return 'place';
  return 'special';
}

function nameFor(rule: Rule, raw: string, description: NormalisedDescription): string {
  const source = rule.name ?? (rule.merchantName !== null ? 'merchant' : 'description');
  if (source === 'merchant' && rule.merchantName !== null) return rule.merchantName;
  if (source === 'employer') return employerName(description.tokens) ?? statementName(raw);
  if (source === 'statement') return statementName(raw) || descriptionName(description.tokens);
  return descriptionName(description.tokens);
}

function fromRule(rule: Rule, raw: string, description: NormalisedDescription): TransactionEnrichment {
  const primary = pfcPrimaryOf(rule.category);
  const creditDetailed = rule.creditCategory ?? CREDIT_CATEGORY_BY_PFC[rule.category];
  const channel = (rule.detectChannel ? detectChannel(description.tokens) : null) ?? rule.channel;
  return {
    name: nameFor(rule, raw, description),
    merchantName: rule.merchantName,
    personalFinanceCategory: { primary, detailed: rule.category, confidenceLevel: rule.confidence },
    creditCategory: { primary: creditPrimaryOf(creditDetailed), detailed: creditDetailed },
    transactionType: transactionTypeFor(primary, channel),
    paymentChannel: channel,
  };
}

/**
 * No rule recognised the description: fall back on the direction of money,
 * with LOW confidence. An unknown inflow is an unexplained transfer in (not
 * income: the income detector should not count what nobody identified); an
 * unknown outflow is "other general merchandise", as Plaid reports it.
 */
function fallback(direction: Direction, description: NormalisedDescription): TransactionEnrichment {
  const channel = detectChannel(description.tokens);
  const name = descriptionName(description.tokens);
  if (direction === 'inflow') {
    return {
      name,
      merchantName: null,
      personalFinanceCategory: {
        primary: 'TRANSFER_IN',
        detailed: 'TRANSFER_IN_OTHER_TRANSFER_IN',
        confidenceLevel: 'LOW',
      },
      creditCategory: { primary: 'TRANSFER_IN', detailed: 'TRANSFER_IN_OTHER' },
      transactionType: 'special',
      paymentChannel: channel ?? 'other',
    };
  }
  return {
    name,
    merchantName: null,
    personalFinanceCategory: {
      primary: 'GENERAL_MERCHANDISE',
      detailed: 'GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE',
      confidenceLevel: 'LOW',
    },
    creditCategory: { primary: 'GENERAL_MERCHANDISE', detailed: 'GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE' },
    transactionType: channel === null ? 'unresolved' : transactionTypeFor('GENERAL_MERCHANDISE', channel),
    paymentChannel: channel ?? 'other',
  };
}

function contextOf(input: EnrichmentInput): MatchContext {
  return {
    // A zero amount moves no money; it is treated like a debit (Plaid's sign puts 0 with outflows).
    direction: input.amountCents < 0 ? 'inflow' : 'outflow',
    accountType: input.accountType,
    accountSubtype: input.accountSubtype === null ? null : input.accountSubtype.toLowerCase(),
  };
}

/**
 * Enriches one transaction: `name`, `merchant_name`,
 * `personal_finance_category` (Plaid PFC, with confidence), `credit_category`,
 * `transaction_type` and `payment_channel`, from the raw description, the sign
 * of the amount (Plaid convention) and the account type.
 */
export function enrichTransaction(input: EnrichmentInput): TransactionEnrichment {
  const description = normaliseDescription(input.description);
  const context = contextOf(input);
  const rule = findRule(COMPILED_RULES, description, context);
  return rule === null ? fallback(context.direction, description) : fromRule(rule, input.description, description);
}

/** The id of the rule that decides a transaction's enrichment, or null for the fallback. For tests and diagnostics. */
export function matchingRuleId(input: EnrichmentInput): string | null {
  return findRule(COMPILED_RULES, normaliseDescription(input.description), contextOf(input))?.id ?? null;
}
