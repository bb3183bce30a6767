// Borrowing and repaying: loan disbursements and cash advances (inflows), and
// payments on cards, student loans, mortgages, car loans, personal loans, BNPL
// plans and earned-wage-access apps (outflows, or inflows on the credit/loan
// account that receives them).
//
// Within payments, specific lenders come before card issuers: "CAPITAL ONE
// AUTO CARPAY" is a car loan and "DISCOVER PERSONAL LOAN" a personal loan,
// though Capital One and Discover are mostly card payments.

import { movement, type Rule } from '../rule.js';

const inflow = { direction: 'inflow' } as const;
const outflow = { direction: 'outflow' } as const;

/** Lenders that both disburse and collect personal loans. */
const PERSONAL_LENDERS = [
  'SOFI LENDING',
  'SOFI LOAN',
  'UPSTART',
  'LENDINGCLUB',
  'LENDING CLUB',
  'PROSPER FUNDING',
  'PROSPER MARKETPLACE',
  'AVANT',
  'ONEMAIN',
  'ONE MAIN FIN',
  'BEST EGG',
  'MARINER FINANCE',
  'LENDINGPOINT',
  'UPGRADE INC',
  'OPORTUN',
  'HAPPY MONEY',
  'NETCREDIT',
  'OPPLOANS',
  'RISE CREDIT',
  'WORLD FINANCE',
  'REGIONAL FINANCE',
  'LENDMARK',
  'POSSIBLE FINANCE',
];

/** Earned-wage-access and cash-advance apps: inflows are advances, outflows repay them. */
const ADVANCE_APPS = [
  'DAVE INC',
  'DAVE COM',
  'DAVE',
  'EARNIN',
  'ACTIVEHOURS',
  'BRIGIT',
  'MONEYLION',
  'KLOVER',
  'CLEO AI',
  'FLOATME',
  'VOLT FINANCE',
  'DAILYPAY',
  'PAYACTIV',
];

const BNPL_PROVIDERS = ['AFFIRM', 'KLARNA', 'AFTERPAY', 'SEZZLE', 'ZIP CO', 'QUADPAY', 'SPLITIT', 'PERPAY', 'KATAPULT'];

/** Words a payment received by a card or loan account is described with. */
const PAYMENT_WORDS = ['PAYMENT', 'PYMT', 'PMT', 'AUTOPAY', 'AUTO PAY', 'THANK YOU', 'EPAYMENT', 'E PAYMENT'];
const NOT_A_PAYMENT = ['REFUND', 'RETURN', 'REVERSAL', 'CREDIT ADJ', 'CASHBACK', 'CASH BACK', 'REWARD'];

export const LOAN_RULES: readonly Rule[] = [
  // --- disbursements: the money a loan puts in the account. Named lenders
  // first, so the credit category can say what kind of loan it was.
  movement('loan.disbursement.ewa', ADVANCE_APPS, 'TRANSFER_IN_CASH_ADVANCES_AND_LOANS', {
    ...inflow,
    unless: ['DAVE AND BUSTERS', 'REFUND'],
    creditCategory: 'LOAN_DISBURSEMENTS_BNPL_AND_EWA',
  }),
  movement('loan.disbursement.advance-app', ['ALBERT', 'EMPOWER'], 'TRANSFER_IN_CASH_ADVANCES_AND_LOANS', {
    ...inflow,
    also: ['ADVANCE', 'INSTANT'],
    creditCategory: 'LOAN_DISBURSEMENTS_BNPL_AND_EWA',
  }),
  movement('loan.disbursement.personal', PERSONAL_LENDERS, 'TRANSFER_IN_CASH_ADVANCES_AND_LOANS', {
    ...inflow,
    creditCategory: 'LOAN_DISBURSEMENTS_PERSONAL',
  }),
  movement(
    'loan.disbursement',
    ['LOAN PROCEEDS', 'LOAN PROC', 'LOAN DISB', 'LOAN DISBURSEMENT', 'LOAN FUNDING', 'LOAN ADVANCE'],
    'TRANSFER_IN_CASH_ADVANCES_AND_LOANS',
    { ...inflow, creditCategory: 'LOAN_DISBURSEMENTS_OTHER' },
  ),
  movement('loan.disbursement.cash-advance', ['CASH ADVANCE', 'CASH ADV'], 'TRANSFER_IN_CASH_ADVANCES_AND_LOANS', {
    creditCategory: 'LOAN_DISBURSEMENTS_CASH_ADVANCES',
    unless: ['INTEREST', 'FEE'],
  }),

  // --- payments received by the card or loan account itself
  movement('loan.payment-received.card', PAYMENT_WORDS, 'LOAN_PAYMENTS_CREDIT_CARD_PAYMENT', {
    ...inflow,
    accountTypes: ['credit'],
    unless: NOT_A_PAYMENT,
  }),
  movement('loan.payment-received.student', PAYMENT_WORDS, 'LOAN_PAYMENTS_STUDENT_LOAN_PAYMENT', {
    ...inflow,
    accountTypes: ['loan'],
    accountSubtypes: ['student'],
    unless: NOT_A_PAYMENT,
  }),
  movement('loan.payment-received.mortgage', PAYMENT_WORDS, 'LOAN_PAYMENTS_MORTGAGE_PAYMENT', {
    ...inflow,
    accountTypes: ['loan'],
    accountSubtypes: ['mortgage', 'home equity'],
    unless: NOT_A_PAYMENT,
  }),
  movement('loan.payment-received.auto', PAYMENT_WORDS, 'LOAN_PAYMENTS_CAR_PAYMENT', {
    ...inflow,
    accountTypes: ['loan'],
    accountSubtypes: ['auto'],
    unless: NOT_A_PAYMENT,
  }),
  movement('loan.payment-received.other', PAYMENT_WORDS, 'LOAN_PAYMENTS_PERSONAL_LOAN_PAYMENT', {
    ...inflow,
    accountTypes: ['loan'],
    unless: NOT_A_PAYMENT,
  }),

  // --- payments made from a deposit account
  movement(
    'loan.student',
    [
      'STUDENT LOAN',
      'STUDENT LN',
      'STUDENT LNS',
      'STDNT LOAN',
      'STDNT LN',
      'FEDLOANSERVICING',
      'FEDLOAN SERVICING',
      'NAVIENT',
      'SALLIE MAE',
      'NELNET',
      'GREAT LAKES',
      'FEDLOAN',
      'MOHELA',
      'AIDVANTAGE',
      'EDFINANCIAL',
      'DEPT EDUCATION',
      'DEPT OF EDUCATION',
      'ECSI',
      'EARNEST',
      'COMMONBOND',
    ],
    'LOAN_PAYMENTS_STUDENT_LOAN_PAYMENT',
    outflow,
  ),
  movement(
    'loan.mortgage',
    [
      'MORTGAGE',
      'MTG',
      'MTGE',
      'HOME LOAN',
      'HOME LOANS',
      'MR COOPER',
      'NATIONSTAR',
      'PENNYMAC',
      'LOANCARE',
      'SHELLPOINT',
      'NEWREZ',
      'CENLAR',
      'DOVENMUEHLE',
      'ROUNDPOINT',
      'QUICKEN LOANS',
      'HOME EQUITY',
      'HELOC',
    ],
    'LOAN_PAYMENTS_MORTGAGE_PAYMENT',
    outflow,
  ),
  movement(
    'loan.auto',
    [
      'AUTO LOAN',
      'CAR LOAN',
      'CAR PAYMENT',
      'CARPAY',
      'AUTO FINANCE',
      'AUTO FIN',
      'AUTO LN',
      'TOYOTA MOTOR CRED',
      'TOYOTA FINANCIAL',
      'TOYOTA FIN',
      'HONDA FIN',
      'AMERICAN HONDA',
      'AHFC',
      'GM FINANCIAL',
      'GM FIN',
      'FORD CREDIT',
      'FORD MOTOR CR',
      'NISSAN MOTOR ACCEPT',
      'NISSAN FINANCE',
      'HYUNDAI MOTOR FIN',
      'HYUNDAI CAPITAL',
      'KIA MOTORS FIN',
      'SANTANDER CONSUMER',
      'CHRYSLER CAPITAL',
      'ALLY PAYMT',
      'ALLY AUTO',
      'CARMAX AUTO',
      'WESTLAKE FIN',
      'CREDIT ACCEPTANCE',
      'EXETER FINANCE',
      'BMW FIN',
      'MERCEDES BENZ FIN',
      'VW CREDIT',
      'SUBARU MOTORS FIN',
      'CAPITAL ONE AUTO',
      'CAP ONE AUTO',
      'TD AUTO',
      'BRIDGECREST',
    ],
    'LOAN_PAYMENTS_CAR_PAYMENT',
    outflow,
  ),
  movement(
    'loan.personal',
    [...PERSONAL_LENDERS, 'PERSONAL LOAN', 'INSTALLMENT LOAN', 'LOAN PMT', 'LOAN PYMT', 'LOAN PAYMENT', 'LOAN PAYMT'],
    'LOAN_PAYMENTS_PERSONAL_LOAN_PAYMENT',
    outflow,
  ),
  // BNPL plans and wage advances are repaid in instalments; PFC has no
  // category for them, the credit taxonomy does.
  movement('loan.bnpl', BNPL_PROVIDERS, 'LOAN_PAYMENTS_OTHER_PAYMENT', {
    ...outflow,
    creditCategory: 'LOAN_PAYMENTS_BNPL_AND_EWA',
  }),
  movement('loan.ewa-repayment', ADVANCE_APPS, 'LOAN_PAYMENTS_OTHER_PAYMENT', {
    ...outflow,
    unless: ['DAVE AND BUSTERS'],
    creditCategory: 'LOAN_PAYMENTS_BNPL_AND_EWA',
  }),
  movement(
    'loan.credit-card',
    [
      'CREDIT CRD',
      'CREDIT CARD',
      'CRCARDPMT',
      'CRCARD',
      'CC PAYMENT',
      'CC PMT',
      'CARD PAYMENT',
      'CARD PMT',
      'CARDMEMBER SERV',
      'CARDMEMBER SVC',
      'AUTOMATIC PAYMENT',
      'PAYMENT THANK YOU',
      'AUTOPAY PAYMENT',
      'EPAYMENT',
      'E PAYMENT',
      'APPLECARD',
      'APPLE CARD',
      'AMEX',
      'AMERICAN EXPRESS',
      'DISCOVER',
      'CAPITAL ONE',
      'CITI CARD',
      'CITICARD',
      'CITI AUTOPAY',
      'BARCLAYCARD',
      'BARCLAYS',
      'SYNCHRONY',
      'SYNCB',
      'CREDIT ONE',
      'CHASE CARD',
      'BK OF AMER VISA',
      'WELLS FARGO CARD',
      'MERRICK BANK',
      'MISSION LANE',
      'TARGET CARD',
      'COMENITY',
    ],
    'LOAN_PAYMENTS_CREDIT_CARD_PAYMENT',
    outflow,
  ),
  // "DEBIT CRD AUTOPAY ..." appears in Plaid's own sandbox users beside
  // "CREDIT CRD AUTOPAY ..." with the same shape and sizes; read as a card
  // autopay too, but with less certainty.
  movement('loan.credit-card.debit-crd-autopay', ['DEBIT CRD AUTOPAY', 'CRD AUTOPAY'], 'LOAN_PAYMENTS_CREDIT_CARD_PAYMENT', {
    ...outflow,
    confidence: 'MEDIUM',
  }),
];
