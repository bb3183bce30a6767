// Human-readable names for transactions the rules cannot pin to a known
// merchant: the description without card boilerplate, reference numbers and
// the trailing city/state, in title case. Only used when a rule has no
// merchant name, so it never runs for the common, known-merchant case.

/** Words that banks add around the payee and that never belong in a name. */
const BOILERPLATE = new Set([
  'POS', 'PIN', 'DBT', 'DEBIT', 'CREDIT', 'CARD', 'CHECKCARD', 'CHECK', 'VISA', 'MASTERCARD', 'PURCHASE',
  'AUTHORIZED', 'ON', 'RECURRING', 'WITHDRAWAL', 'TRANSACTION', 'FROM', 'DDA', 'PUR', 'DES', 'INDN', 'ID',
  'PPD', 'CCD', 'WEB', 'TEL', 'ACH', 'DATE', 'TRAN', 'TIME', 'SQ', 'TST', 'PENDING', 'REF', 'NUMBER', 'CONF',
  'CONFIRMATION', 'USA', 'US',
]);

// Boilerplate that is only noise at the start ("CHECK DEPOSIT" keeps CHECK).
const LEADING_ONLY = new Set(['CHECK', 'CREDIT', 'DEBIT', 'WITHDRAWAL', 'FROM', 'ON', 'TRANSACTION', 'DATE']);

const US_STATES = new Set(
  ('AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA ' +
    'RI SC SD TN TX UT VT VA WA WV WI WY').split(' '),
);

/** Multi-word cities that would otherwise leave half a city behind. */
const TWO_WORD_CITIES = new Set([
  'NEW YORK', 'SAN FRANCISCO', 'LOS ANGELES', 'SAN DIEGO', 'SAN JOSE', 'SAN ANTONIO', 'LAS VEGAS', 'FORT WORTH',
  'SALT LAKE', 'LOS GATOS', 'PALO ALTO', 'SAINT PAUL', 'ST LOUIS', 'KANSAS CITY', 'EL PASO', 'NEW ORLEANS',
]);

/** Short words that read better in capitals. */
const ACRONYMS = new Set([
  'ATM', 'ACH', 'USA', 'LLC', 'IRS', 'SSA', 'SSI', 'EDD', 'DES', 'UI', 'NSF', 'OD', 'DMV', 'NYS', 'DOL', 'VA', 'ADP',
  'TWC', 'UC', 'CSA', 'OPM', 'DFAS', 'MIL', 'SDU', 'PC', 'DC', 'NY', 'BP', 'QT', 'UPS', 'CVS', 'IKEA', 'REI', 'AMC',
  'HBO', 'MTA', 'BART', 'NYC', 'CA', 'TX', 'INTL', 'CHK', 'SAV', 'ABC', 'BJS', 'KFC', 'HM', 'TJ', 'PGE', 'ATT',
]);

const MAX_NAME_WORDS = 6;

function digitCount(word: string): number {
  let digits = 0;
  for (let i = 0; i < word.length; i += 1) {
    const code = word.charCodeAt(i);
    if (code >= 48 && code <= 57) digits += 1;
  }
  return digits;
}

function titleCase(words: readonly string[]): string {
  let out = '';
  for (const word of words) {
    if (out !== '') out += ' ';
    out += ACRONYMS.has(word) || digitCount(word) > 0 ? word : word.charAt(0) + word.slice(1).toLowerCase();
  }
  return out;
}

function stripTrailingPlace(words: string[]): string[] {
  const out = [...words];
  if (out.length > 2 && US_STATES.has(out[out.length - 1])) {
    out.pop();
    const lastTwo = out.slice(-2).join(' ');
    if (out.length > 3 && TWO_WORD_CITIES.has(lastTwo)) out.splice(-2, 2);
    else if (out.length > 2) out.pop();
  }
  return out;
}

/**
 * A cleaned, title-cased name from normalised tokens: boilerplate, single
 * letters and the trailing "CITY ST" removed, at most six words. Falls back to
 * the tokens themselves when cleaning would leave nothing.
 */
export function descriptionName(tokens: readonly string[]): string {
  const words: string[] = [];
  for (const token of tokens) {
    if (BOILERPLATE.has(token) && (words.length === 0 || !LEADING_ONLY.has(token))) continue;
    if (token.length === 1 && digitCount(token) === 0 && words.length > 0 && token !== 'A') continue;
    words.push(token);
  }
  const cleaned = stripTrailingPlace(words).slice(0, MAX_NAME_WORDS);
  if (cleaned.length === 0) return titleCase(tokens.slice(0, MAX_NAME_WORDS));
  return titleCase(cleaned);
}

/** Words around an employer's name in payroll credits. */
const PAYROLL_NOISE = new Set([
  'PAYROLL', 'DIRECT', 'DEP', 'DEPOSIT', 'DIR', 'DD', 'ACH', 'CREDIT', 'PAY', 'PAYMENT', 'SALARY', 'WAGES', 'WAGE',
  'PPD', 'CCD', 'ID', 'NET', 'EDI', 'PYMNT', 'PAYMNT', 'COM', 'SVCS', 'SERVICES', 'PR', 'PAYCHECK', 'MONTHLY',
  'FROM', 'ONLINE', 'ELECTRONIC',
]);

/** Corporate suffixes, including truncations banks print ("CORPORATIO", "CORPORA"). */
const CORPORATE_SUFFIX = new Set(['INC', 'LLC', 'CORP', 'CORPORATION', 'CORPORATIO', 'CORPORA', 'CO', 'LTD', 'LP', 'PLLC']);

/**
 * The employer in a payroll credit ("ACME CORP DES:PAYROLL ..." → "Acme",
 * "Plaid Direct Dep" → "Plaid"), or null when only payroll words remain.
 * In NACHA-style descriptions the originator's name is everything before
 * "DES"; elsewhere the payroll words are removed around it.
 */
export function employerName(tokens: readonly string[]): string | null {
  const desAt = tokens.indexOf('DES');
  const source = desAt > 0 ? tokens.slice(0, desAt) : tokens;
  const words = source.filter((t) => !PAYROLL_NOISE.has(t) && t.length > 1 && digitCount(t) === 0);
  while (words.length > 1 && CORPORATE_SUFFIX.has(words[words.length - 1])) words.pop();
  if (words.length === 0) return null;
  return titleCase(words.slice(0, 4));
}

/** Where the meaningful part of a bank-generated line ends: references, ids, dates. */
const REFERENCE_MARKERS = new Set(['REF', 'CONF', 'CONFIRMATION', 'TRN', 'ID', 'INDN', 'PPD', 'CCD', 'WEB', 'DATE', 'TIME']);
/** Words dropped wherever they are in a bank-generated line. */
const STATEMENT_NOISE = new Set(['DES', 'COM', 'WWW', 'HTTPS', 'HTTP', 'ACH', 'POS']);
/** Words that dangle once a trailing date or reference has been cut off. */
const DANGLING = new Set(['ON', 'AT', 'FOR', 'OF', 'TO', 'FROM', 'AND', 'BY', 'THE']);
// Reference codes look like "KIUYPWRSGTKF": in a long word, five consonants in
// a row almost never happen in a name (short abbreviations like "INTRST" do).
const CODE_LIKE = /^(?=[A-Z]{7,}$).*[BCDFGHJKLMNPQRSTVWXZ]{5}/;
const APOSTROPHES_AND_AMPERSANDS = /['’`&]/g;
const NON_ALPHANUMERIC = /[^A-Z0-9]+/;

/**
 * A name for a bank-generated line (transfer, payment, fee, deposit), read
 * from the raw description: the words as printed up to the first reference
 * number or marker, without codes — "ONLINE TRANSFER FROM SAV XXXX4321 REF
 * #IB0L8" → "Online Transfer From Sav", "CREDIT CRD AUTOPAY 29812 ..." →
 * "Credit Crd Autopay". Unlike descriptionName it keeps CREDIT/DEBIT/CARD,
 * which carry meaning here.
 */
export function statementName(raw: string): string {
  const words: string[] = [];
  const tokens = raw.toUpperCase().replace(APOSTROPHES_AND_AMPERSANDS, '').split(NON_ALPHANUMERIC);
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index];
    if (token === '') continue;
    const digits = digitCount(token);
    // "TRANSACTION#: 123" ends the name; "FOREIGN TRANSACTION FEE" does not.
    const referenceFollows = token === 'TRANSACTION' && (index + 1 === tokens.length || digitCount(tokens[index + 1]) > 0);
    if (digits >= 3 || referenceFollows || (REFERENCE_MARKERS.has(token) && words.length > 0)) {
      if (words.length > 0) break;
      continue;
    }
    if (digits > 0 || STATEMENT_NOISE.has(token) || CODE_LIKE.test(token) || REFERENCE_MARKERS.has(token)) continue;
    if (token.length === 1 && token !== 'A') continue;
    words.push(token);
    if (words.length === MAX_NAME_WORDS) break;
  }
  while (words.length > 1 && DANGLING.has(words[words.length - 1])) words.pop();
  return titleCase(words);
}
