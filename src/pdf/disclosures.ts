// The notices a consumer report carries, in opencheck's own words: what the report is, the
// consumer's rights under the Fair Credit Reporting Act (to dispute, to a free copy, to know who
// asked), and how to reach the agency. opencheck is a Sandbox: the agency named here is a
// simulation, and the page says so.

import type { PdfWriter } from './pdf-document.js';

/** Permissible purposes (brief §B) in words, with the FCRA section each rests on. */
export const PERMISSIBLE_PURPOSES: Readonly<Record<string, string>> = {
  ACCOUNT_REVIEW_CREDIT: 'Review of an existing credit account (FCRA 604(a)(3)(A))',
  ACCOUNT_REVIEW_NON_CREDIT: 'Review of an existing non-credit account (FCRA 604(a)(3)(F)(ii))',
  EXTENSION_OF_CREDIT: 'Application for credit (FCRA 604(a)(3)(A))',
  LEGITIMATE_BUSINESS_NEED_TENANT_SCREENING: 'Tenant screening (FCRA 604(a)(3)(F)(i))',
  LEGITIMATE_BUSINESS_NEED_OTHER: 'Other legitimate business need (FCRA 604(a)(3)(F)(i))',
  WRITTEN_INSTRUCTION_PREQUALIFICATION: "Prequalification on the consumer's written instruction (FCRA 604(a)(2))",
  WRITTEN_INSTRUCTION_OTHER: "The consumer's written instruction (FCRA 604(a)(2))",
  ELIGIBILITY_FOR_GOVT_BENEFITS: 'Eligibility for a government benefit (FCRA 604(a)(3)(D))',
};

export function permissiblePurposeText(code: string | null): string {
  if (code === null) return 'Not stated';
  const words = PERMISSIBLE_PURPOSES[code];
  return words ? `${code}: ${words}` : code;
}

/** The simulated agency's contact details, printed on every report. */
export const AGENCY = {
  name: 'opencheck Sandbox Consumer Reporting (simulated)',
  address: 'No postal address: opencheck is a test server that simulates a consumer reporting agency.',
  contact: 'Disputes and copies: the operator of this opencheck installation.',
};

export const SANDBOX_NOTICE =
  'SANDBOX: this report was produced by opencheck, a test server that simulates Plaid Check. Its data is generated for testing and describes no real person. Do not use it to make a decision about anyone.';

const RIGHTS: ReadonlyArray<readonly [string, string]> = [
  [
    'What this report is',
    'A consumer report built from the bank account data the consumer allowed to be shared: account balances, transactions and figures computed from them. It holds no credit bureau data and no score unless an add-on section says otherwise.',
  ],
  [
    'Your right to dispute',
    'If anything in this report is incomplete or wrong, you may dispute it with the agency at no cost. The agency must look into it, normally within 30 days, and correct or delete whatever cannot be verified. You may also add a short statement about a disputed item. Tell us which item you dispute, why, and include the report ID printed at the top of this report.',
  ],
  [
    'Your right to a free copy',
    'You may ask for everything in your file at the agency, free of charge, once a year, and also within 60 days after someone who used this report takes an adverse action against you (for example, declines an application). You must show who you are.',
  ],
  [
    'Your right to know who asked',
    'You may ask the agency for the list of everyone who obtained a report on you. A report may only be given to someone with a permissible purpose under the Fair Credit Reporting Act; the purpose stated for this report is printed on its first page.',
  ],
  [
    'Adverse action',
    'If a lender, landlord or other user takes an action against you because of information in this report, it must tell you so and give you the name, address and telephone number of the agency. The agency did not make that decision and cannot explain why it was made.',
  ],
  [
    'Other rights',
    'You may limit prescreened offers, place fraud alerts and security freezes with the nationwide credit bureaus, and seek damages in court if your rights are violated. Some states grant further rights. More information: the Consumer Financial Protection Bureau, consumerfinance.gov.',
  ],
];

/** Writes the disclosures page (on a new page). */
export function writeDisclosures(pdf: PdfWriter): void {
  pdf.newPage();
  pdf.heading('Your rights and how to contact us');
  pdf.paragraph(SANDBOX_NOTICE, { muted: true, italic: true });
  for (const [title, text] of RIGHTS) {
    pdf.subheading(title);
    pdf.paragraph(text);
  }
  pdf.subheading('Contact the consumer reporting agency');
  pdf.fields([
    ['Agency', AGENCY.name],
    ['Address', AGENCY.address],
    ['Contact', AGENCY.contact],
  ], 1);
}
