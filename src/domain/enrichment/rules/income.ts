// Money the account holder earns or is paid: interest, dividends, tax
// refunds, government benefits, pensions, payroll and gig-platform payouts.
// All are inflows; the same words on an outflow mean something else (an
// "ADP" outflow is an employer paying its payroll provider).
//
// Order matters within the file: benefits and tax refunds often arrive as
// "DIRECT DEP" too, so they are recognised before generic payroll, and payroll
// before gig platforms so that an Uber employee's salary stays salary.

import { merchant, movement, type Rule } from '../rule.js';

const inflow = { direction: 'inflow' } as const;

/** Gig platforms pay out under their own name; a refund from them is not income. */
const NOT_A_PAYOUT = ['REFUND', 'RETURN', 'REVERSAL', 'CHARGEBACK'];

export const INCOME_RULES: readonly Rule[] = [
  movement('income.dividends', ['DIVIDEND', 'DIVIDENDS', 'DIV PAYMENT', 'QUALIFIED DIV'], 'INCOME_DIVIDENDS', inflow),
  movement(
    'income.interest',
    ['INTEREST', 'INTRST', 'INT PAID', 'INT EARNED', 'INT CREDIT', 'INT PYMT', 'INT PMT'],
    'INCOME_INTEREST_EARNED',
    inflow,
  ),
  movement(
    'income.tax-refund',
    ['TAX REF', 'TAX REFUND', 'TAX RFD', 'TAXRFD', 'CASTTAXRFD', 'IRS TREAS', 'STATE TAX REFUND', 'TAX REFUNDS'],
    'INCOME_TAX_REFUND',
    inflow,
  ),
  // Social Security, SSI and VA benefits: PFC files them as other income; the
  // credit taxonomy keeps government income apart.
  movement(
    'income.social-security',
    ['SSA TREAS', 'SSI TREAS', 'SOC SEC', 'XXSOC SEC', 'SOCIAL SECURITY', 'SSA', 'SSI', 'SUPP SEC', 'XXSUPP SEC'],
    'INCOME_OTHER_INCOME',
    { ...inflow, creditCategory: 'INCOME_GOVERNMENT_INCOME' },
  ),
  movement(
    'income.veterans-benefits',
    ['VA BENEF', 'XXVA BENEF', 'VACP TREAS', 'VA TREAS', 'VETERANS AFFAIRS', 'VA BENEFITS', 'DEPT OF VETERANS'],
    'INCOME_OTHER_INCOME',
    { ...inflow, creditCategory: 'INCOME_GOVERNMENT_INCOME' },
  ),
  movement(
    'income.unemployment',
    [
      'UNEMPLOYMENT',
      'UI BENEFIT',
      'UI BENEFITS',
      'UI PYMT',
      'UI PAYMENT',
      'UI DD',
      'DES BENEFITS',
      'EDD',
      'DOL UI',
      'UC BENEFITS',
      'WORKFORCE COMM',
      'IDES',
      'ESD UI',
      'DEO REEMPLOYMENT',
    ],
    'INCOME_UNEMPLOYMENT',
    inflow,
  ),
  movement(
    'income.child-support',
    ['CHILD SUPPORT', 'CHILD SUPP', 'CHILD SUPPT', 'SDU', 'ALIMONY', 'SPOUSAL SUPPORT'],
    'INCOME_OTHER_INCOME',
    inflow,
  ),
  movement(
    'income.pension',
    ['PENSION', 'ANNUITY', 'RETIREMENT', 'RETIREE', 'CALPERS', 'CALSTRS', 'OPM 1', 'CSA ANNUITY', 'RET NET', 'RETIRED PAY'],
    'INCOME_RETIREMENT_PENSION',
    inflow,
  ),
  // Payroll: the display name is the employer ("Plaid Direct Dep" → "Plaid").
  movement(
    'income.payroll',
    [
      'PAYROLL',
      'DIRECT DEP*',
      'DIR DEP',
      'DIRDEP',
      'PAYCHECK',
      'SALARY',
      'WAGES',
      'NET PAY',
      'MIL PAY',
      'DFAS',
      'PYRL',
      'GUSTO',
      'ADP',
      'PAYCHEX',
      'TRINET',
      'JUSTWORKS',
      'RIPPLING',
      'INTUIT PAYROLL',
      'PR PAYMENT',
    ],
    'INCOME_WAGES',
    { ...inflow, name: 'employer' },
  ),
  // Gig work is wages in PFC; the credit taxonomy (and Plaid's own sample,
  // "LYFT TRANSFER" → INCOME_OTHER) calls it other income.
  ...(
    [
      ['uber', 'Uber', ['UBER'], ['EATS', 'UBEREATS', 'TRIP']],
      ['lyft', 'Lyft', ['LYFT'], ['RIDE']],
      ['doordash', 'DoorDash', ['DOORDASH', 'DOOR DASH'], []],
      ['instacart', 'Instacart', ['INSTACART', 'MAPLEBEAR'], []],
      ['grubhub', 'Grubhub', ['GRUBHUB'], []],
      ['postmates', 'Postmates', ['POSTMATES'], []],
      ['shipt', 'Shipt', ['SHIPT'], []],
      ['upwork', 'Upwork', ['UPWORK'], []],
      ['fiverr', 'Fiverr', ['FIVERR'], []],
      ['taskrabbit', 'TaskRabbit', ['TASKRABBIT'], []],
      ['rover', 'Rover', ['ROVER COM', 'ROVER PAYOUT', 'ROVER'], ['LAND ROVER']],
      ['amazon-flex', 'Amazon Flex', ['AMAZON FLEX', 'AMZN FLEX'], []],
      ['spark-driver', 'Spark Driver', ['SPARK DRIVER', 'BRANCH MESSENGER'], []],
      ['roadie', 'Roadie', ['ROADIE'], []],
    ] as const
  ).map(([id, name, match, unless]) =>
    merchant(`gig-${id}`, match, name, 'INCOME_WAGES', {
      ...inflow,
      unless: [...NOT_A_PAYOUT, ...unless],
      creditCategory: 'INCOME_OTHER',
      confidence: 'HIGH',
      channel: 'other',
      detectChannel: false,
    }),
  ),
  // Rentals and marketplace sales: income, but neither wages nor benefits.
  ...(
    [
      ['airbnb', 'Airbnb', ['AIRBNB']],
      ['vrbo', 'Vrbo', ['VRBO', 'HOMEAWAY']],
      ['turo', 'Turo', ['TURO']],
      ['etsy', 'Etsy', ['ETSY']],
      ['ebay', 'eBay', ['EBAY']],
      ['poshmark', 'Poshmark', ['POSHMARK']],
      ['mercari', 'Mercari', ['MERCARI']],
      ['shopify', 'Shopify', ['SHOPIFY']],
    ] as const
  ).map(([id, name, match]) =>
    merchant(`payout-${id}`, match, name, 'INCOME_OTHER_INCOME', {
      ...inflow,
      unless: NOT_A_PAYOUT,
      confidence: 'HIGH',
      channel: 'other',
      detectChannel: false,
    }),
  ),
];
