// Who is on the other side of a transaction, as a stable key: the payer of a deposit (the income
// stream it belongs to) or the lender a payment goes to.
//
// Banks print the same payer a dozen ways ("ACME CORP DES:PAYROLL ID:0000123456 INDN:SMITH JOHN
// CO ID:1234567890 PPD", "ACME CORP PAYROLL", "ACME CORP BONUS"); the key keeps the words that
// name the payer and drops the rest:
// 1. A known merchant (enrichment's `merchant_name`, e.g. "Uber") is the key as it stands.
// 2. Otherwise the normalised description (uppercase words; long numbers and masks already gone)
//    is cut at the first ACH addenda marker (DES, ID, INDN, REF, CONF, TRACE, TRANSACTION, …)
//    that follows at least one word, so individual names and trace numbers never split a payer.
// 3. Boilerplate words are removed wherever they stand: how the money came (DIRECT DEP, ACH,
//    ELECTRONIC CREDIT, PPD, ONLINE, TRANSFER…), what kind of pay it is (PAYROLL, SALARY, BONUS,
//    REG, SUPP…), legal suffixes (INC, LLC, CO) and words with digits in them.
// 4. The key is the first three remaining words; "UNKNOWN" when none remain.

import type { InsightTransaction } from './insights-data.js';

const ADDENDA_MARKERS: ReadonlySet<string> = new Set([
  'DES', 'ID', 'INDN', 'REF', 'CONF', 'CONFIRMATION', 'TRACE', 'TRN', 'TRANSACTION', 'TXN', 'CO', 'ENTRY', 'IAT',
]);

const BOILERPLATE: ReadonlySet<string> = new Set([
  // how the money came
  'DIRECT', 'DIR', 'DEP', 'DEPOSIT', 'DD', 'ACH', 'EDI', 'ELECTRONIC', 'CREDIT', 'PPD', 'CCD', 'WEB', 'TEL', 'CTX', 'ONLINE',
  'TRANSFER', 'XFER', 'TRNSFR', 'TFR', 'FROM', 'TO', 'PAYMENT', 'PMT', 'PYMT', 'PMNT', 'RECEIVED', 'RCVD', 'FUNDS', 'INCOMING',
  'CREDITED', 'POS', 'VIA', 'FOR', 'THE', 'OF', 'AND', 'BY',
  // what kind of pay it is
  'PAYROLL', 'PAYRL', 'PYRL', 'PAY', 'PAYCHECK', 'SALARY', 'SAL', 'WAGES', 'WAGE', 'NET', 'REG', 'SUPP', 'PR', 'BONUS',
  'ANNUAL', 'HOLIDAY', 'QUARTERLY', 'COMMISSION', 'INCENTIVE', 'EARNINGS',
  // legal suffixes
  'INC', 'LLC', 'LTD', 'CORP', 'CORPORATION', 'COMPANY', 'LP', 'PLLC', 'NA',
]);

const HAS_DIGIT = /\d/;

/** The payer or payee key of a transaction (see the file comment). */
export function counterpartyKey(transaction: Pick<InsightTransaction, 'merchantName' | 'tokens'>): string {
  if (transaction.merchantName !== null && transaction.merchantName.trim() !== '') {
    return transaction.merchantName.toUpperCase().replace(/[^A-Z0-9]+/g, ' ').trim();
  }
  return keyFromTokens(transaction.tokens);
}

export function keyFromTokens(tokens: readonly string[]): string {
  const kept: string[] = [];
  let seenWord = false;
  for (const token of tokens) {
    if (seenWord && ADDENDA_MARKERS.has(token)) break;
    if (HAS_DIGIT.test(token) || token.length < 2) continue;
    if (BOILERPLATE.has(token)) continue;
    if (ADDENDA_MARKERS.has(token)) continue;
    kept.push(token);
    seenWord = true;
    if (kept.length === 3) break;
  }
  return kept.length === 0 ? 'UNKNOWN' : kept.join(' ');
}

/** "NORTHWIND TRADERS" → "Northwind Traders": a readable provider name when no better one is known. */
export function titleCase(key: string): string {
  return key
    .split(' ')
    .map((word) => (word.length <= 3 && /^[A-Z]+$/.test(word) && !VOWEL.test(word) ? word : word.charAt(0) + word.slice(1).toLowerCase()))
    .join(' ');
}

const VOWEL = /[AEIOU]/;

/**
 * A lender's key: the first word of the counterparty key, because lenders print their name
 * differently on advances and repayments ("DAVE.COM ADVANCE", "DAVE INC DEBIT").
 */
export function lenderKey(transaction: Pick<InsightTransaction, 'merchantName' | 'tokens'>): string {
  return counterpartyKey(transaction).split(' ')[0];
}
