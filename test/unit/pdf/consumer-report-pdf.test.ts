// The consumer report PDF, read back with pdf.js (unpdf) and rasterised with poppler's pdftoppm.
// Every figure looked for is worked out here from the raw config.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AddOnSection } from '../../../src/pdf/add-on-sections.js';
import { renderConsumerReportPdf, type ConsumerReportPdfInput } from '../../../src/pdf/consumer-report-pdf.js';
import { fixtureReport, sandboxItem } from '../verification/fixture-report.js';
import { PNG_SIGNATURE, readPdf, renderPage } from './pdf-inspect.js';

const usd = (cents: number) => `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

const CONFIG = {
  override_accounts: [
    {
      type: 'depository',
      subtype: 'checking',
      starting_balance: 1200,
      meta: { name: 'Known Checking' },
      numbers: { account: '1111222233334444' },
      identity: {
        names: ['Pat Q. Consumer'],
        addresses: [{ primary: true, data: { street: '1 Main St', city: 'Springfield', region: 'IL', postal_code: '62701', country: 'US' } }],
        emails: [{ primary: true, type: 'primary', data: 'pat@example.com' }],
        phone_numbers: [{ primary: true, type: 'mobile', data: '2175550100' }],
      },
      transactions: [
        { date_transacted: '2026-03-01', date_posted: '2026-03-01', amount: -2500, description: 'ACME CORP PAYROLL PPD ID: 1234567890', currency: 'USD' },
        { date_transacted: '2026-05-10', date_posted: '2026-05-11', amount: 120.5, description: 'POS DEBIT WALMART #1234', currency: 'USD' },
        { date_transacted: '2026-08-01', date_posted: '2026-08-01', amount: -2500, description: 'ACME CORP PAYROLL PPD ID: 1234567890', currency: 'USD' },
        { date_transacted: '2026-08-10', date_posted: '2026-08-10', amount: 89.99, description: 'NETFLIX.COM', currency: 'USD' },
        { date_transacted: '2026-08-20', date_posted: '2026-08-20', amount: 35, description: 'OVERDRAFT FEE', currency: 'USD' },
      ],
    },
    {
      type: 'investment',
      subtype: 'brokerage',
      starting_balance: 250,
      meta: { name: 'Known Brokerage' },
      identity: { names: ['Pat Q. Consumer'] },
      holdings: [
        { institution_price: 140.4, institution_price_as_of: '2026-08-20', quantity: 12, currency: 'USD', security: { ticker_symbol: 'AAPL', currency: 'USD' } },
        { institution_price: 10.43, quantity: 10, cost_basis: 10.43, currency: 'USD', security: { ticker_symbol: 'PAGP', currency: 'USD' } },
      ],
      investment_transactions: [
        { date: '2026-06-07', name: 'buy stock', quantity: 2, price: 140, fees: 0, type: 'buy', currency: 'USD', security: { ticker_symbol: 'AAPL', currency: 'USD' } },
      ],
    },
  ],
};

const INCOME_INSIGHTS = {
  generated_time: '2026-08-23T12:00:00.000Z',
  days_requested: 365,
  user_summary: {
    income_metrics: [
      {
        current: { monthly: { gross_income: 3250, net_income: 2500 }, annual: { gross_income: 39000, net_income: 30000 } },
        projected: { monthly: { gross_income: 3250, net_income: 2500 }, annual: { gross_income: 39000, net_income: 30000 } },
        iso_currency_code: 'USD',
        unofficial_currency_code: null,
      },
    ],
  },
  income_streams: [
    {
      description: 'ACME CORP PAYROLL',
      insights: {
        income_category: { primary: 'EARNED_INCOME', secondary: 'SALARY' },
        pay_frequency: 'MONTHLY',
        income_provider: { name: 'Acme Corp', is_normalized: true },
        status: 'ACTIVE',
        next_payment: { date: '2026-09-01' },
      },
      income_metrics: { current: { monthly: { net_income: 2500, gross_income: 3250 } }, iso_currency_code: 'USD', unofficial_currency_code: null },
    },
  ],
};

function input(addOns: AddOnSection[] = [], generatedAt?: string): ConsumerReportPdfInput {
  const { report, warnings } = fixtureReport([sandboxItem('user_custom', JSON.stringify(CONFIG))], {
    includeInvestments: true,
    clientReportId: 'loan-7',
    reportId: 'rep_known_0001',
    generatedAt,
  });
  return { report, warnings, userId: 'usr_known0001', permissiblePurpose: 'EXTENSION_OF_CREDIT', addOns };
}

describe('consumer report PDF', () => {
  const addOns: AddOnSection[] = [
    { product: 'cra_income_insights', state: 'ready', report: INCOME_INSIGHTS },
    { product: 'cra_partner_insights', state: 'not_generated' },
  ];

  it('has a summary page, a page per account, income, the add-ons and the disclosures', async () => {
    const bytes = renderConsumerReportPdf(input(addOns));
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
    const { pages, info } = await readPdf(bytes);
    assert.equal(pages.length, 7);
    pages.forEach((text, i) => assert.match(text, new RegExp(`Page ${i + 1} of 7`)));
    assert.equal(info.Title, 'Consumer Report rep_known_0001');

    const [summary, checking, brokerage, income, incomeInsights, partner, disclosures] = pages;
    for (const expected of ['Consumer Report', 'SANDBOX', 'rep_known_0001', 'loan-7', '2026-08-23 12:00 UTC', 'usr_known0001', 'EXTENSION_OF_CREDIT', 'Pat Q. Consumer', '1 Main St, Springfield, IL 62701, US', 'pat@example.com', '2175550100']) {
      assert.ok(summary.includes(expected), `summary shows ${expected}`);
    }
    // Money in/out for the whole window: the config's deposits and debits.
    const rows = CONFIG.override_accounts[0].transactions!;
    const inCents = -rows.filter((r) => r.amount < 0).reduce((s, r) => s + Math.round(r.amount * 100), 0);
    const outCents = rows.filter((r) => r.amount > 0).reduce((s, r) => s + Math.round(r.amount * 100), 0);
    assert.ok(summary.includes(`Whole report (365 days) ${usd(inCents)} ${usd(outCents)} ${usd(inCents - outCents)} 1`), summary);
    const current = 120_000 - rows.reduce((s, r) => s + Math.round(r.amount * 100), 0);
    assert.ok(summary.includes(`Known Checking (...4444) depository / checking ${usd(current)}`), summary);

    assert.match(checking, /Known Checking \(\.\.\.4444\)/);
    assert.match(checking, /Balance over time/);
    assert.ok(checking.includes(`2026-03 ${usd(250_000)} $0.00 ${usd(250_000)} 1`), 'March: the first paycheck');
    assert.ok(checking.includes(`2026-08 ${usd(250_000)} ${usd(8999 + 3500)} ${usd(250_000 - 12_499)} 3`), 'August');
    assert.ok(checking.includes('Latest transactions (5 of 5)'), 'checking.includes(\'Latest transactions (5 of 5)\')');
    assert.ok(checking.includes('OVERDRAFT FEE'), 'checking.includes(\'OVERDRAFT FEE\')');

    const holdings = CONFIG.override_accounts[1].holdings!;
    const worth = holdings.reduce((s, h) => s + Math.round(h.institution_price * h.quantity * 100), 0);
    assert.ok(brokerage.includes(`Holdings (2 positions, worth ${usd(worth)})`), brokerage);
    assert.match(brokerage, /No daily balances/);
    assert.match(brokerage, /AAPL/);
    assert.match(brokerage, /1 investment transaction in the report window/);

    assert.ok(income.includes(`Acme INCOME_SALARY 2 ${usd(500_000)} 2026-03-01 2026-08-01`), income);
    assert.match(incomeInsights, /Add-on: Income Insights/);
    assert.match(incomeInsights, /Acme Corp EARNED_INCOME\.SALARY MONTHLY ACTIVE \$2,500\.00 2026-09-01/);
    assert.match(partner, /Partner Insights \(cra_partner_insights\) was not generated for this report/);
    for (const expected of ['right to dispute', 'free copy', 'opencheck Sandbox Consumer Reporting (simulated)', 'Fair Credit Reporting Act']) {
      assert.ok(disclosures.toLowerCase().includes(expected.toLowerCase()), `disclosures mention ${expected}`);
    }
  });

  it('is byte-for-byte deterministic, dated by the report, and changes with it', async () => {
    const first = renderConsumerReportPdf(input());
    assert.ok(first.equals(renderConsumerReportPdf(input())), 'same input, same bytes');
    const { info, fileId } = await readPdf(first);
    assert.equal(info.CreationDate, "D:20260823120000Z");
    assert.equal(info.ModDate, "D:20260823120000Z");
    assert.match(fileId ?? '', /^[0-9a-f]{32}$/);
    const later = renderConsumerReportPdf(input([], '2026-08-24T09:30:00.000Z'));
    assert.equal((await readPdf(later)).info.CreationDate, 'D:20260824093000Z');
    assert.notEqual((await readPdf(later)).fileId, fileId, 'the file ID follows the dates');
  });

  it('a failed add-on says why; no add-ons means no add-on pages', async () => {
    const failed = await readPdf(renderConsumerReportPdf(input([{ product: 'cra_partner_insights', state: 'failed', code: 'INSUFFICIENT_TRANSACTION_DATA', message: 'too little data' }])));
    assert.match(failed.pages[4], /Partner Insights \(cra_partner_insights\) was not generated for this report: INSUFFICIENT_TRANSACTION_DATA/);
    const plain = await readPdf(renderConsumerReportPdf(input()));
    assert.equal(plain.pages.length, 5);
    assert.ok(!plain.pages.join('\n').includes('Add-on'), '!plain.pages.join(\'\\n\').includes(\'Add-on\')');
  });

  it('pdftoppm rasterises the first page', () => {
    const png = renderPage(renderConsumerReportPdf(input(addOns)), 1);
    assert.ok(png.subarray(0, 8).equals(PNG_SIGNATURE), 'png.subarray(0, 8).equals(PNG_SIGNATURE)');
    assert.ok(png.length > 2000, `a page with content, not a blank (${png.length} bytes)`);
  });
});
