// The consumer report as a PDF (`/cra/check_report/pdf/get`, `/consumer_report/pdf/get`): what a
// person reads, rendered from the report's stored Base Report. Pure: data in, bytes out.
//
// Pages, in order:
// 1. Summary: the header (report id, client_report_id, generated time, permissible purpose), the
//    consumer's identity as the institutions report it, the accounts, inflows and outflows for
//    the whole window and the last 90/60/30 days, and the report's warnings.
// 2. One section per account, each from a new page: balances, a balance-over-time chart, inflows
//    and outflows by month, holdings (with include_investments), the latest transactions.
// 3. Income: deposits the report categorises as income, grouped by payer.
// 4. The add-on sections asked for with `add_ons`, one page each.
// 5. Disclosures: the consumer's rights and the agency's contact.

import type { BaseReport, BaseReportAccount, BaseReportItem, BaseReportWarning } from '../domain/reports/base-report-wire.js';
import { writeAddOn, type AddOnSection } from './add-on-sections.js';
import { drawBalanceChart } from './balance-chart.js';
import { SANDBOX_NOTICE, writeDisclosures } from './disclosures.js';
import { accountLabel, centsText, instantText, moneyText, plural } from './format.js';
import { PdfWriter } from './pdf-document.js';
import { writeReportHeader } from './report-header.js';
import { addressLine, balancePoints, counterparty, distinctOwners, incomeSources, monthlyFlows, reportWindowDates } from './report-figures.js';

export interface ConsumerReportPdfInput {
  report: BaseReport;
  warnings: readonly BaseReportWarning[];
  userId: string;
  /** `consumer_report_permissible_purpose` of the create request. */
  permissiblePurpose: string | null;
  /** Sections asked for with `add_ons`, in the order asked. */
  addOns: readonly AddOnSection[];
}

/** How many of an account's latest transactions the PDF lists. */
export const RECENT_TRANSACTIONS = 8;
/** Holdings listed per investment account. */
export const MAX_HOLDINGS = 40;

export function renderConsumerReportPdf(input: ConsumerReportPdfInput): Buffer {
  const { report } = input;
  const pdf = new PdfWriter({
    title: `Consumer Report ${report.report_id}`,
    subject: 'Plaid Check consumer report (opencheck Sandbox)',
    generatedAt: report.date_generated,
    footer: `opencheck Sandbox consumer report ${report.report_id} - generated ${instantText(report.date_generated)}`,
  });
  writeSummary(pdf, input);
  for (const item of report.items) {
    for (const account of item.accounts) writeAccount(pdf, item, account, report);
  }
  writeIncome(pdf, report);
  for (const section of input.addOns) writeAddOn(pdf, section);
  writeDisclosures(pdf);
  return pdf.finish();
}

function writeSummary(pdf: PdfWriter, input: ConsumerReportPdfInput): void {
  const { report } = input;
  const window = reportWindowDates(report);
  pdf.title('Consumer Report', SANDBOX_NOTICE);
  writeReportHeader(pdf, {
    reportId: report.report_id,
    clientReportId: report.client_report_id,
    generatedAt: report.date_generated,
    permissiblePurpose: input.permissiblePurpose,
    userId: input.userId,
    extra: [
      ['Days requested', String(report.days_requested)],
      ['Report window', `${window.start} to ${window.end}`],
    ],
  });

  pdf.heading('Identity');
  const owners = distinctOwners(report);
  if (owners.length === 0) pdf.paragraph('The institutions provided no account owner identity for this consumer.');
  owners.forEach((owner, i) => {
    if (owners.length > 1) pdf.subheading(`Owner ${i + 1}`);
    pdf.fields(
      [
        ['Name', owner.names.join('; ') || 'Not provided'],
        ['Address', owner.addresses.map((a) => `${addressLine(a)}${a.primary ? ' (primary)' : ''}`).join('; ') || 'Not provided'],
        ['Phone', owner.phone_numbers.map((p) => `${p.data}${p.primary ? ' (primary)' : ''}`).join('; ') || 'Not provided'],
        ['Email', owner.emails.map((e) => `${e.data}${e.primary ? ' (primary)' : ''}`).join('; ') || 'Not provided'],
      ],
      1,
    );
  });

  pdf.heading('Accounts');
  const rows = report.items.flatMap((item) =>
    item.accounts.map((a) => [
      item.institution_name,
      accountLabel(a.name, a.mask),
      `${a.type}${a.subtype ? ` / ${a.subtype}` : ''}`,
      moneyText(a.balances.current, currencyOf(a)),
      moneyText(a.balances.available, currencyOf(a)),
      String(a.days_available),
    ]),
  );
  pdf.table(
    [
      { header: 'Institution', width: 110 },
      { header: 'Account', width: 130 },
      { header: 'Type', width: 100 },
      { header: 'Current', width: 70, align: 'right' },
      { header: 'Available', width: 70, align: 'right' },
      { header: 'Days', width: 35, align: 'right' },
    ],
    rows,
  );

  pdf.heading('Money in and out (depository accounts, USD)');
  const a = report.attributes;
  const flowRow = (label: string, inflow: typeof a.total_inflow_amount, outflow: typeof a.total_outflow_amount, nsf: number) => {
    const inCents = inflow === null ? 0 : -Math.round(inflow.amount * 100);
    const outCents = outflow === null ? 0 : Math.round(outflow.amount * 100);
    return [label, centsText(inCents), centsText(outCents), centsText(inCents - outCents), String(nsf)];
  };
  pdf.table(
    [
      { header: 'Period', width: 150 },
      { header: 'Money in', width: 90, align: 'right' },
      { header: 'Money out', width: 90, align: 'right' },
      { header: 'Net', width: 90, align: 'right' },
      { header: 'NSF/overdraft fees', width: 95, align: 'right' },
    ],
    [
      flowRow(`Whole report (${report.days_requested} days)`, a.total_inflow_amount, a.total_outflow_amount, a.nsf_overdraft_transactions_count),
      flowRow('Last 90 days', a.total_inflow_amount_90d, a.total_outflow_amount_90d, a.nsf_overdraft_transactions_count_90d),
      flowRow('Last 60 days', a.total_inflow_amount_60d, a.total_outflow_amount_60d, a.nsf_overdraft_transactions_count_60d),
      flowRow('Last 30 days', a.total_inflow_amount_30d, a.total_outflow_amount_30d, a.nsf_overdraft_transactions_count_30d),
    ],
  );
  pdf.paragraph('Money in is the sum of deposits and credits; money out the sum of debits. Pending transactions are not counted.', { muted: true });

  if (input.warnings.length > 0) {
    pdf.heading('Warnings');
    for (const w of input.warnings) pdf.paragraph(`${w.warning_code}${w.cause ? ` (Item ${w.cause.item_id}): ${w.cause.error_message}` : ''}`);
  }
}

function currencyOf(account: BaseReportAccount): string | null {
  return account.balances.iso_currency_code ?? account.balances.unofficial_currency_code;
}

function writeAccount(pdf: PdfWriter, item: BaseReportItem, account: BaseReportAccount, report: BaseReport): void {
  const currency = currencyOf(account);
  pdf.newPage();
  pdf.heading(`${item.institution_name}: ${accountLabel(account.name, account.mask)}`);
  pdf.fields([
    ['Official name', account.official_name ?? 'None'],
    ['Type', `${account.type}${account.subtype ? ` / ${account.subtype}` : ''}`],
    ['Ownership', account.ownership_type ?? 'Not reported'],
    ['Owners', account.owners.flatMap((o) => o.names).join('; ') || 'Not reported'],
    ['Current balance', moneyText(account.balances.current, currency)],
    ['Available balance', moneyText(account.balances.available, currency)],
    ['Credit limit', moneyText(account.balances.limit, currency)],
    ['Average balance', moneyText(account.balances.average_balance, currency)],
    ['Last 30-day average', moneyText(account.balances.most_recent_thirty_day_average_balance, currency)],
    ['Days available', String(account.days_available)],
    ['Data from', account.metadata.start_date ? `${account.metadata.start_date} to ${account.metadata.end_date}` : 'No transactions in the window'],
    ['Transactions', String(account.transactions.length)],
    ['NSF/overdraft fees', String(account.attributes.nsf_overdraft_transactions_count)],
    ['Primary account', account.attributes.is_primary_account ? 'Yes' : 'No'],
  ]);

  pdf.subheading('Balance over time');
  if (account.historical_balances.length === 0) {
    pdf.paragraph('No daily balances: Plaid reports none for investment accounts or accounts without a current balance.', { muted: true });
  } else {
    pdf.box(150, (doc, box) => drawBalanceChart(doc, box, balancePoints(account)));
  }

  if (account.transactions.length > 0) {
    pdf.subheading('Money in and out by month');
    const months = monthlyFlows(account, reportWindowDates(report));
    pdf.table(
      [
        { header: 'Month', width: 80 },
        { header: 'Money in', width: 100, align: 'right' },
        { header: 'Money out', width: 100, align: 'right' },
        { header: 'Net', width: 100, align: 'right' },
        { header: 'Transactions', width: 80, align: 'right' },
      ],
      months.map((m) => [m.month, centsText(m.inflowCents, currency), centsText(m.outflowCents, currency), centsText(m.inflowCents - m.outflowCents, currency), String(m.count)]),
      { size: 7.5 },
    );
  }

  if (account.investments) writeHoldings(pdf, account);

  if (account.transactions.length > 0) {
    const recent = account.transactions.slice(-RECENT_TRANSACTIONS).reverse();
    pdf.subheading(`Latest transactions (${recent.length} of ${account.transactions.length})`);
    pdf.table(
      [
        { header: 'Date', width: 60 },
        { header: 'Description', width: 220 },
        { header: 'Category', width: 150 },
        { header: 'Amount', width: 80, align: 'right' },
      ],
      recent.map((t) => [
        `${t.date}${t.pending ? ' (pending)' : ''}`,
        t.original_description ?? counterparty(t),
        t.credit_category?.detailed ?? '',
        // Shown the way a statement shows it: money in positive.
        moneyText(-t.amount, t.iso_currency_code ?? t.unofficial_currency_code),
      ]),
      { size: 7.5 },
    );
  }
}

function writeHoldings(pdf: PdfWriter, account: BaseReportAccount): void {
  const investments = account.investments!;
  const securities = new Map(investments.securities.map((s) => [s.security_id, s]));
  const holdings = investments.holdings.slice(0, MAX_HOLDINGS);
  const totalCents = investments.holdings.reduce((sum, h) => sum + Math.round(h.institution_value * 100), 0);
  pdf.subheading(`Holdings (${plural(investments.holdings.length, 'position')}, worth ${centsText(totalCents)})`);
  pdf.table(
    [
      { header: 'Security', width: 170 },
      { header: 'Quantity', width: 70, align: 'right' },
      { header: 'Price', width: 80, align: 'right' },
      { header: 'Value', width: 90, align: 'right' },
      { header: 'Cost basis', width: 90, align: 'right' },
    ],
    holdings.map((h) => {
      const security = securities.get(h.security_id);
      const name = [security?.ticker_symbol, security?.name].filter(Boolean).join(' - ') || h.security_id;
      const currency = h.iso_currency_code ?? h.unofficial_currency_code;
      return [name, String(h.quantity), moneyText(h.institution_price, currency), moneyText(h.institution_value, currency), moneyText(h.cost_basis, currency)];
    }),
    { size: 7.5 },
  );
  if (investments.holdings.length > MAX_HOLDINGS) pdf.paragraph(`${investments.holdings.length - MAX_HOLDINGS} more holdings are in the report's JSON.`, { muted: true });
  pdf.paragraph(`${plural(investments.investment_transactions.length, 'investment transaction')} in the report window.`, { muted: true });
}

function writeIncome(pdf: PdfWriter, report: BaseReport): void {
  pdf.newPage();
  pdf.heading('Income');
  pdf.paragraph('Deposits this report categorises as income (payroll, benefits, interest, gig payouts and similar), grouped by payer. Pending deposits are not counted.');
  const sources = incomeSources(report);
  if (sources.length === 0) {
    pdf.paragraph('No deposit in this report was categorised as income.');
    return;
  }
  pdf.table(
    [
      { header: 'Payer', width: 140 },
      { header: 'Category', width: 130 },
      { header: 'Deposits', width: 55, align: 'right' },
      { header: 'Total received', width: 85, align: 'right' },
      { header: 'First', width: 60 },
      { header: 'Most recent', width: 60 },
    ],
    sources.map((s) => [s.payer, s.category, String(s.count), centsText(s.totalCents, s.currency), s.firstDate, s.lastDate]),
  );
}
