// Home-lending verification reports as a PDF (`/cra/check_report/verification/pdf/get`):
// Verification of Assets, Employment Refresh and/or income, rendered from the same
// verification report `/cra/check_report/verification/get` returns. Pure: data in, bytes out.
//
// Pages: a summary page (header with the GSE reference id, then each section's overview), one
// page per VOA asset account (balances, chart, large deposits, holdings), the Employment Refresh
// deposits (dates and descriptions, never amounts), the income streams, and the disclosures.

import type { VerificationReport, VoaAccount, VoaItem } from '../domain/verification/verification-wire.js';
import { writeIncomeInsights } from './add-on-sections.js';
import { drawBalanceChart } from './balance-chart.js';
import { SANDBOX_NOTICE, writeDisclosures } from './disclosures.js';
import { accountLabel, centsOf, centsText, instantText, moneyText } from './format.js';
import { PdfWriter } from './pdf-document.js';
import { balancePoints } from './report-figures.js';
import { writeReportHeader } from './report-header.js';

export type VerificationPdfSection = 'voa' | 'employment_refresh' | 'income';

export interface VerificationPdfInput {
  verification: VerificationReport;
  /** What to render, in order (the request's `reports_requested`). */
  sections: readonly VerificationPdfSection[];
  userId: string;
  permissiblePurpose: string | null;
  /** The consumer report's generated time (the Base Report's `date_generated`). */
  generatedAt: string;
}

const TITLES: Record<VerificationPdfSection, string> = {
  voa: 'Verification of Assets',
  employment_refresh: 'Employment Refresh',
  income: 'Income Verification',
};

export function renderVerificationPdf(input: VerificationPdfInput): Buffer {
  const { verification } = input;
  const title = input.sections.map((s) => TITLES[s]).join(' and ');
  const pdf = new PdfWriter({
    title: `${title} ${verification.report_id}`,
    subject: 'Plaid Check home-lending verification report (opencheck Sandbox)',
    generatedAt: input.generatedAt,
    footer: `opencheck Sandbox ${title.toLowerCase()} ${verification.report_id} - generated ${instantText(input.generatedAt)}`,
  });
  pdf.title(title, SANDBOX_NOTICE);
  writeReportHeader(pdf, {
    reportId: verification.report_id,
    clientReportId: verification.client_report_id,
    generatedAt: input.generatedAt,
    permissiblePurpose: input.permissiblePurpose,
    userId: input.userId,
    wide: [['GSE reference ID', verification.gse_reference_id ?? 'None (not created with gse_options)']],
  });
  for (const section of input.sections) {
    if (section === 'voa' && verification.voa) writeVoa(pdf, verification);
    if (section === 'employment_refresh' && verification.employment_refresh) writeEmploymentRefresh(pdf, verification);
    if (section === 'income' && verification.income) writeIncome(pdf, verification);
  }
  writeDisclosures(pdf);
  return pdf.finish();
}

function currencyOf(account: VoaAccount): string | null {
  return account.balances.iso_currency_code ?? account.balances.unofficial_currency_code;
}

function writeVoa(pdf: PdfWriter, verification: VerificationReport): void {
  const voa = verification.voa!;
  const accounts = voa.items.flatMap((item) => item.accounts.map((account) => ({ item, account })));
  const usdTotal = accounts.filter(({ account }) => currencyOf(account) === 'USD').reduce((sum, { account }) => sum + centsOf(account.balances.current ?? 0), 0);
  pdf.heading('Verification of Assets');
  pdf.fields([
    ['Days covered', String(voa.days_requested)],
    ['Asset accounts', String(accounts.length)],
    ['Total current balance', `${centsText(usdTotal)} (USD accounts)`],
    ['Money in', moneyText(voa.attributes.total_inflow_amount === null ? null : -voa.attributes.total_inflow_amount.amount)],
    ['Money out', moneyText(voa.attributes.total_outflow_amount?.amount ?? null)],
  ]);
  pdf.table(
    [
      { header: 'Account', width: 150 },
      { header: 'Current', width: 75, align: 'right' },
      { header: 'Avg 30 days', width: 75, align: 'right' },
      { header: 'Avg 60 days', width: 75, align: 'right' },
      { header: 'Avg 90 days', width: 75, align: 'right' },
      { header: 'NSF', width: 35, align: 'right' },
    ],
    accounts.map(({ item, account }) => {
      const b = account.balances;
      const c = currencyOf(account);
      return [
        `${item.institution_name}: ${accountLabel(account.name, account.mask)}`,
        moneyText(b.current, c),
        moneyText(b.average_balance_30_days, c),
        moneyText(b.average_balance_60_days, c),
        moneyText(b.average_balance_90_days, c),
        String(b.nsf_overdraft_transactions_count),
      ];
    }),
  );
  const large = accounts.flatMap(({ account }) => account.transactions_insights.large_deposits.map((d) => ({ account, d })));
  pdf.subheading(`Large deposits (over $5,000.00): ${large.length}`);
  if (large.length === 0) pdf.paragraph('No single deposit above $5,000.00 in the period.');
  else {
    pdf.table(
      [
        { header: 'Date', width: 65 },
        { header: 'Account', width: 110 },
        { header: 'Description', width: 180 },
        { header: 'Category', width: 90 },
        { header: 'Amount', width: 70, align: 'right' },
      ],
      large.map(({ account, d }) => [d.date, accountLabel(account.name, account.mask), d.original_description ?? '', d.credit_category?.detailed ?? '', moneyText(-d.amount, d.iso_currency_code)]),
    );
  }
  for (const { item, account } of accounts) writeVoaAccount(pdf, item, account);
}

function writeVoaAccount(pdf: PdfWriter, item: VoaItem, account: VoaAccount): void {
  const c = currencyOf(account);
  pdf.newPage();
  pdf.heading(`${item.institution_name}: ${accountLabel(account.name, account.mask)}`);
  pdf.fields([
    ['Type', `${account.type}${account.subtype ? ` / ${account.subtype}` : ''}`],
    ['Ownership', account.ownership_type ?? 'Not reported'],
    ['Owners', account.owners.flatMap((o) => o.names).join('; ') || 'Not reported'],
    ['Days available', String(account.days_available)],
    ['Current balance', moneyText(account.balances.current, c)],
    ['Available balance', moneyText(account.balances.available, c)],
    ['Period', `${account.transactions_insights.start_date ?? 'n/a'} to ${account.transactions_insights.end_date ?? 'n/a'}`],
    ['Transactions', String(account.transactions_insights.all_transactions.length)],
  ]);
  pdf.subheading('Balance over time');
  if (account.balances.historical_balances.length === 0) pdf.paragraph('No daily balances for this account.', { muted: true });
  else pdf.box(150, (doc, box) => drawBalanceChart(doc, box, balancePoints(account.balances)));
  if (account.transactions_insights.large_deposits.length > 0) {
    pdf.subheading('Large deposits');
    pdf.table(
      [
        { header: 'Date', width: 70 },
        { header: 'Description', width: 250 },
        { header: 'Amount', width: 90, align: 'right' },
      ],
      account.transactions_insights.large_deposits.map((d) => [d.date, d.original_description ?? '', moneyText(-d.amount, d.iso_currency_code)]),
    );
  }
  if (account.investments) {
    const securities = new Map(account.investments.securities.map((s) => [s.security_id, s]));
    pdf.subheading('Holdings');
    pdf.table(
      [
        { header: 'Security', width: 200 },
        { header: 'Quantity', width: 80, align: 'right' },
        { header: 'Value', width: 100, align: 'right' },
      ],
      account.investments.holdings.map((h) => [
        securities.get(h.security_id)?.ticker_symbol ?? h.security_id,
        String(h.quantity),
        moneyText(h.institution_value, h.iso_currency_code ?? h.unofficial_currency_code),
      ]),
    );
  }
}

function writeEmploymentRefresh(pdf: PdfWriter, verification: VerificationReport): void {
  const er = verification.employment_refresh!;
  pdf.newPage();
  pdf.heading('Employment Refresh');
  pdf.paragraph(`Payroll deposits of the last ${er.days_requested} days, to confirm current employment. Amounts are deliberately not shown.`);
  pdf.subheading('Employers');
  if (er.employers.length === 0) pdf.paragraph('No payroll deposit was found in the period.');
  else {
    pdf.table(
      [
        { header: 'Employer', width: 220 },
        { header: 'Most recent pay date', width: 120 },
        { header: 'Deposits', width: 80, align: 'right' },
      ],
      er.employers.map((e) => [e.name, e.most_recent_pay_date, String(e.deposit_count)]),
    );
  }
  for (const item of er.items) {
    for (const account of item.accounts) {
      pdf.subheading(`${item.institution_name}: ${account.name}`);
      if (account.transactions.length === 0) {
        pdf.paragraph('No payroll deposits in the period.', { muted: true });
        continue;
      }
      pdf.table(
        [
          { header: 'Date', width: 80 },
          { header: 'Description', width: 330 },
          { header: 'Pending', width: 60 },
        ],
        account.transactions.map((t) => [t.date, t.original_description, t.pending ? 'yes' : 'no']),
      );
    }
  }
}

function writeIncome(pdf: PdfWriter, verification: VerificationReport): void {
  pdf.newPage();
  pdf.heading('Income');
  writeIncomeInsights(pdf, verification.income!);
}
