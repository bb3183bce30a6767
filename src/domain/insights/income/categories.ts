// Income categories (II2 `income_category{primary, secondary}`) and the category filter.
//
// Plaid's Income V2 taxonomy (income-v2-category-taxonomy.csv) is not public beyond the default
// filter set, so opencheck ships its own two-level taxonomy, built around those defaults:
//
//   EARNED_INCOME   SALARY, GIG_ECONOMY, SELF_EMPLOYED
//   BENEFITS        UNEMPLOYMENT, DISABILITY, CHILD_SUPPORT, MILITARY, OTHER
//   RETIREMENT      GOVERNMENT_DERIVED, PRIVATE_RETIREMENT, PLAN_DISTRIBUTION
//   PASSIVE_INCOME  RENTAL, INVESTMENT, INTEREST
//   OTHER           TAX_REFUND, TRANSFER_FROM_APPLICATION, CASH_DEPOSIT, OTHER
//
// A stream's category is decided by the first rule that matches any of its transactions'
// normalised descriptions (or their enrichment), in the order of CATEGORY_RULES below.

import type { InsightTransaction } from '../insights-data.js';

export interface IncomeCategory {
  primary: string;
  secondary: string;
}

export const INCOME_TAXONOMY: Readonly<Record<string, readonly string[]>> = {
  EARNED_INCOME: ['SALARY', 'GIG_ECONOMY', 'SELF_EMPLOYED'],
  BENEFITS: ['UNEMPLOYMENT', 'DISABILITY', 'CHILD_SUPPORT', 'MILITARY', 'OTHER'],
  RETIREMENT: ['GOVERNMENT_DERIVED', 'PRIVATE_RETIREMENT', 'PLAN_DISTRIBUTION'],
  PASSIVE_INCOME: ['RENTAL', 'INVESTMENT', 'INTEREST'],
  OTHER: ['TAX_REFUND', 'TRANSFER_FROM_APPLICATION', 'CASH_DEPOSIT', 'OTHER'],
};

/** The categories returned when no filter is given (brief §C.3). */
export const DEFAULT_INCOME_CATEGORIES: readonly string[] = [
  'EARNED_INCOME.SALARY',
  'EARNED_INCOME.GIG_ECONOMY',
  'EARNED_INCOME.SELF_EMPLOYED',
  'BENEFITS.DISABILITY',
  'RETIREMENT.GOVERNMENT_DERIVED',
  'RETIREMENT.PRIVATE_RETIREMENT',
  'RETIREMENT.PLAN_DISTRIBUTION',
];

/**
 * Gross-up of net deposits to gross income per category: typical withholding on that kind of
 * income (payroll taxes and income tax on wages ≈ 23% → ×1.30, as in Plaid's 300 → 390 example;
 * 10% voluntary withholding on unemployment; 20% mandatory withholding on plan distributions;
 * ~13% on private pensions). Everything else arrives untaxed (×1).
 */
export const GROSS_UP: Readonly<Record<string, number>> = {
  'EARNED_INCOME.SALARY': 1.3,
  'BENEFITS.UNEMPLOYMENT': 1.1,
  'RETIREMENT.PRIVATE_RETIREMENT': 1.15,
  'RETIREMENT.PLAN_DISTRIBUTION': 1.25,
};

interface CategoryRule {
  category: string;
  /** Phrases on the normalised description (whole words). */
  phrases?: readonly string[];
  /** Personal finance category (detailed) of the transaction. */
  pfc?: readonly string[];
  /** Credit category (detailed) of the transaction. */
  credit?: readonly string[];
  /** Any payment-app credit. */
  p2p?: boolean;
  cashDeposit?: boolean;
}

const GIG_PLATFORMS = [
  'UBER', 'LYFT', 'DOORDASH', 'DOOR DASH', 'INSTACART', 'MAPLEBEAR', 'GRUBHUB', 'POSTMATES', 'SHIPT', 'UPWORK', 'FIVERR', 'TASKRABBIT',
  'ROVER', 'AMAZON FLEX', 'AMZN FLEX', 'SPARK DRIVER', 'BRANCH MESSENGER', 'ROADIE', 'GOPUFF', 'CAVIAR', 'THUMBTACK', 'WAG LABS',
];

const PAYROLL_WORDS = [
  'PAYROLL', 'DIRECT DEP', 'DIR DEP', 'DIRECT DEPOSIT', 'SALARY', 'PAYCHECK', 'WAGES', 'NET PAY', 'MIL PAY', 'DFAS', 'PYRL', 'PAYRL', 'GUSTO',
  'ADP', 'PAYCHEX', 'TRINET', 'JUSTWORKS', 'RIPPLING', 'REG SAL', 'PR PAYMENT',
];

/** Ordered: the first rule matching any transaction of the stream decides. */
export const CATEGORY_RULES: readonly CategoryRule[] = [
  { category: 'OTHER.TAX_REFUND', pfc: ['INCOME_TAX_REFUND'], phrases: ['TAX REF', 'TAX REFUND', 'TAX RFD', 'IRS TREAS', 'STATE TAX REFUND'] },
  { category: 'BENEFITS.UNEMPLOYMENT', pfc: ['INCOME_UNEMPLOYMENT'], phrases: ['UNEMPLOYMENT', 'UI BENEFIT', 'UI BENEFITS', 'UI PYMT', 'UC BENEFITS', 'DOL UI', 'EDD', 'DES BENEFITS'] },
  { category: 'BENEFITS.CHILD_SUPPORT', phrases: ['CHILD SUPPORT', 'CHILD SUPP', 'CHILD SUPPT', 'SDU', 'ALIMONY', 'SPOUSAL SUPPORT'] },
  { category: 'BENEFITS.MILITARY', phrases: ['VA BENEF', 'XXVA BENEF', 'VACP TREAS', 'VA TREAS', 'VETERANS AFFAIRS', 'VA BENEFITS', 'DEPT OF VETERANS'] },
  { category: 'BENEFITS.DISABILITY', phrases: ['SSI', 'SSI TREAS', 'SSDI', 'SUPP SEC', 'XXSUPP SEC', 'DISABILITY', 'LTD BENEFIT', 'LTD CLAIM', 'WORKERS COMP', 'UNUM', 'SEDGWICK'] },
  { category: 'RETIREMENT.GOVERNMENT_DERIVED', phrases: ['SSA', 'SSA TREAS', 'SOC SEC', 'XXSOC SEC', 'SOCIAL SECURITY', 'OPM', 'CSA ANNUITY', 'RETIRED PAY', 'CALPERS', 'CALSTRS', 'DFAS RET'] },
  { category: 'RETIREMENT.PLAN_DISTRIBUTION', phrases: ['IRA DIST', 'IRA DISTRIBUTION', 'K DIST', 'K DISTRIBUTION', 'PLAN DIST', 'RMD', 'ROLLOVER'] },
  { category: 'RETIREMENT.PRIVATE_RETIREMENT', pfc: ['INCOME_RETIREMENT_PENSION'], phrases: ['PENSION', 'ANNUITY', 'RETIREMENT', 'RETIREE'] },
  // Payroll words before rentals and gig platforms: an Uber employee's salary stays salary.
  { category: 'EARNED_INCOME.SALARY', phrases: PAYROLL_WORDS },
  { category: 'PASSIVE_INCOME.RENTAL', phrases: ['RENT', 'RENTAL', 'AIRBNB', 'VRBO', 'HOMEAWAY', 'OWNER DIST', 'OWNER DISTRIBUTION', 'APPFOLIO', 'BUILDIUM', 'PROPERTY MGMT', 'PROPERTY MANAGEMENT', 'TENANT'] },
  { category: 'EARNED_INCOME.GIG_ECONOMY', phrases: GIG_PLATFORMS },
  { category: 'EARNED_INCOME.SELF_EMPLOYED', phrases: ['STRIPE', 'SQUARE INC', 'SQ INC', 'SHOPIFY', 'ETSY', 'EBAY', 'POSHMARK', 'MERCARI', 'INVOICE', 'TURO', 'CLIENT PAYMENT'] },
  { category: 'EARNED_INCOME.SALARY', pfc: ['INCOME_WAGES'] },
  { category: 'PASSIVE_INCOME.INVESTMENT', pfc: ['INCOME_DIVIDENDS'] },
  { category: 'PASSIVE_INCOME.INTEREST', pfc: ['INCOME_INTEREST_EARNED'], phrases: ['INTEREST PAYMENT', 'INTEREST PAID', 'INTEREST EARNED', 'INT PAID'] },
  { category: 'BENEFITS.OTHER', phrases: ['TREAS', 'SNAP', 'TANF', 'EBT', 'WIC', 'STATE OF', 'DEPT OF', 'DEPARTMENT OF'] },
  { category: 'OTHER.TRANSFER_FROM_APPLICATION', p2p: true },
  { category: 'OTHER.CASH_DEPOSIT', cashDeposit: true },
];

export interface CategorisedTransaction {
  transaction: InsightTransaction;
  p2p: boolean;
  cashDeposit: boolean;
}

function ruleMatches(rule: CategoryRule, t: CategorisedTransaction): boolean {
  if (rule.pfc?.includes(t.transaction.pfcDetailed)) return true;
  if (rule.credit?.includes(t.transaction.creditDetailed)) return true;
  if (rule.p2p && t.p2p) return true;
  if (rule.cashDeposit && t.cashDeposit) return true;
  if (rule.phrases) for (const phrase of rule.phrases) if (t.transaction.text.includes(` ${phrase} `)) return true;
  return false;
}

/** The category of a stream: the first rule (in CATEGORY_RULES order) any of its transactions matches; OTHER.OTHER otherwise. */
export function categoriseStream(transactions: readonly CategorisedTransaction[]): IncomeCategory {
  for (const rule of CATEGORY_RULES) {
    if (transactions.some((t) => ruleMatches(rule, t))) return splitCategory(rule.category);
  }
  return { primary: 'OTHER', secondary: 'OTHER' };
}

export function splitCategory(category: string): IncomeCategory {
  const dot = category.indexOf('.');
  return { primary: category.slice(0, dot), secondary: category.slice(dot + 1) };
}

export function categoryKey(category: IncomeCategory): string {
  return `${category.primary}.${category.secondary}`;
}

export interface IncomeCategoryFilter {
  includedCategories: readonly string[];
  excludedCategories?: readonly string[] | null;
}

function matchesPattern(key: string, pattern: string): boolean {
  const p = pattern.trim().toUpperCase();
  if (p === '*') return true;
  if (p.endsWith('.*')) return key.startsWith(p.slice(0, -1));
  return key === p;
}

/**
 * The categories a filter selects (brief §C.3): the default set, plus every category an
 * `included_categories` pattern matches, minus every category an `excluded_categories` pattern
 * matches (an exclusion always wins). Patterns: `*`, `PRIMARY.*`, `PRIMARY.SECONDARY`. With no
 * filter, the default set.
 */
export function selectedCategories(filter: IncomeCategoryFilter | null): (category: IncomeCategory) => boolean {
  if (filter === null) return (category) => DEFAULT_INCOME_CATEGORIES.includes(categoryKey(category));
  const excluded = filter.excludedCategories ?? [];
  return (category) => {
    const key = categoryKey(category);
    const included = DEFAULT_INCOME_CATEGORIES.includes(key) || filter.includedCategories.some((p) => matchesPattern(key, p));
    return included && !excluded.some((p) => matchesPattern(key, p));
  };
}
