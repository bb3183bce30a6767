// The shape of an enrichment rule. Rules are data: each says which words in a
// normalised description identify a kind of transaction, under which
// conditions (direction of money, account type), and what Plaid would call it.
// The rule tables live in ./rules/, ordered by priority; the first rule whose
// conditions all hold decides the enrichment.

import type { AccountType, PersonalFinanceCategory, TransactionEnrichment } from '../model.js';
import type { CreditDetailed } from './credit-categories.js';
import type { PfcDetailed } from './taxonomy.js';

/** Money into the account (Plaid amount < 0) or out of it (amount ≥ 0). */
export type Direction = 'inflow' | 'outflow';
export type Confidence = PersonalFinanceCategory['confidenceLevel'];
export type PaymentChannel = TransactionEnrichment['paymentChannel'];

/**
 * How the display `name` is built:
 * - `merchant`: the merchant name (the default when the rule has one);
 * - `employer`: the payer of a payroll credit, e.g. "Plaid" from "Plaid Direct Dep";
 * - `description`: the cleaned description (card boilerplate and city/state removed);
 * - `statement`: a bank-generated line as printed, minus references and codes.
 */
export type NameSource = 'merchant' | 'employer' | 'description' | 'statement';

export interface Rule {
  /** Stable, dotted identifier, e.g. `income.payroll`; used in tests and diagnostics. */
  id: string;
  /**
   * Phrases in normalised form (uppercase words, single spaces). The rule
   * needs at least one of them as whole words. A trailing `*` makes the last
   * word a prefix ("AMERICAN AIR*" matches "AMERICAN AIRLINES").
   */
  match: readonly string[];
  /** If set, one of these phrases must also be present. */
  also?: readonly string[];
  /** If any of these phrases is present the rule does not apply. */
  unless?: readonly string[];
  /** Escape hatch for shapes that phrases cannot express; tested on the padded normalised text. */
  pattern?: RegExp;
  direction?: Direction;
  accountTypes?: readonly AccountType[];
  /** Lowercase Plaid subtypes, e.g. `savings`, `student`. */
  accountSubtypes?: readonly string[];
  category: PfcDetailed;
  /** Overrides the default PFC → credit-category mapping. */
  creditCategory?: CreditDetailed;
  confidence: Confidence;
  merchantName: string | null;
  name?: NameSource;
  /** Payment channel when the description gives no hint (or always, if `detectChannel` is false). */
  channel: PaymentChannel;
  /**
   * Let the description refine the channel: ".COM"/"WWW"/"ONLINE" → online,
   * "POS"/"CHECKCARD"/"PURCHASE" → in store, ACH words ("PPD", "DES") → other.
   */
  detectChannel: boolean;
}

type RuleOptions = Partial<Omit<Rule, 'id' | 'match' | 'category'>>;

/** A known merchant: matched by its names as banks print them; very high confidence. */
export function merchant(
  id: string,
  match: readonly string[],
  merchantName: string,
  category: PfcDetailed,
  options: RuleOptions = {},
): Rule {
  return {
    id: `merchant.${id}`,
    match,
    category,
    merchantName,
    confidence: 'VERY_HIGH',
    channel: 'in store',
    detectChannel: true,
    ...options,
  };
}

/** [slug, merchant name, phrases, per-merchant options] — one row of a merchant table. */
export type MerchantRow = readonly [id: string, merchantName: string, match: readonly string[], options?: RuleOptions];

/** Several merchants of one category, sharing options (e.g. a default channel). */
export function merchants(category: PfcDetailed, rows: readonly MerchantRow[], options: RuleOptions = {}): Rule[] {
  return rows.map(([id, merchantName, match, own]) => merchant(id, match, merchantName, category, { ...options, ...own }));
}

/** A payment that is not a purchase (income, transfer, loan, fee): no merchant, channel "other". */
export function movement(id: string, match: readonly string[], category: PfcDetailed, options: RuleOptions = {}): Rule {
  return {
    id,
    match,
    category,
    merchantName: null,
    confidence: 'HIGH',
    channel: 'other',
    detectChannel: false,
    name: 'statement',
    ...options,
  };
}

/** A generic word that suggests a kind of business ("TAQUERIA", "DENTAL"): medium confidence. */
export function keyword(id: string, match: readonly string[], category: PfcDetailed, options: RuleOptions = {}): Rule {
  return {
    id: `keyword.${id}`,
    match,
    category,
    merchantName: null,
    confidence: 'MEDIUM',
    channel: 'in store',
    detectChannel: true,
    ...options,
  };
}

/**
 * The same movement seen from both sides, e.g. Zelle: inflow → `inflow`
 * category, outflow → `outflow` category. Ids get `.in` / `.out` suffixes.
 */
export function bothWays(
  id: string,
  match: readonly string[],
  inflow: PfcDetailed,
  outflow: PfcDetailed,
  options: RuleOptions & { inflowCredit?: CreditDetailed; outflowCredit?: CreditDetailed } = {},
): Rule[] {
  const { inflowCredit, outflowCredit, ...shared } = options;
  return [
    movement(`${id}.in`, match, inflow, { ...shared, direction: 'inflow', creditCategory: inflowCredit }),
    movement(`${id}.out`, match, outflow, { ...shared, direction: 'outflow', creditCategory: outflowCredit }),
  ];
}
