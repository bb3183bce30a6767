// The home-lending verification PDF from the bank_income_basic fixture, read back with unpdf.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { computeVerificationReport, gseReferenceId, verificationIncome } from '../../../src/domain/verification/verification-report.js';
import { renderVerificationPdf } from '../../../src/pdf/verification-pdf.js';
import { fixtureReport, sandboxItem } from '../verification/fixture-report.js';
import { PNG_SIGNATURE, readPdf, renderPage } from './pdf-inspect.js';

const CONFIG = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/sandbox-users/bank_income_basic.json'), 'utf8'));
const ROWS: Array<{ date_posted: string; amount: number; description: string }> = CONFIG.override_accounts[0].transactions;

function render(sections: Array<'voa' | 'employment_refresh' | 'income'>) {
  const { report } = fixtureReport([sandboxItem('user_custom', JSON.stringify(CONFIG))], { reportId: 'rep_home_0001' });
  const verification = computeVerificationReport({
    report,
    reportsRequested: ['VOA', 'EMPLOYMENT_REFRESH', 'INCOME'],
    employmentRefreshDays: 90,
    gseShareable: true,
    incomeInsights: {
      generated_time: report.date_generated,
      days_requested: 365,
      user_summary: { income_metrics: [{ current: { monthly: { net_income: 5333.33, gross_income: 6933.33 }, annual: { net_income: 64000, gross_income: 83200 } }, iso_currency_code: 'USD' }] },
      income_streams: [{ description: 'Plaid Direct Dep', insights: { income_category: { primary: 'EARNED_INCOME', secondary: 'SALARY' }, pay_frequency: 'MONTHLY', income_provider: { name: 'Plaid', is_normalized: true }, status: 'ACTIVE', next_payment: null }, income_metrics: { current: { monthly: { net_income: 5333.33 } }, iso_currency_code: 'USD' } }],
      items: [],
    },
  });
  return renderVerificationPdf({ verification, sections, userId: 'usr_home0001', permissiblePurpose: 'EXTENSION_OF_CREDIT', generatedAt: report.date_generated });
}

describe('verification report PDF', () => {
  it('VOA: summary with the GSE reference id and large deposits, then a page per asset account', async () => {
    const { pages } = await readPdf(render(['voa']));
    assert.equal(pages.length, 3, 'summary, the checking account, disclosures');
    const [summary, account, disclosures] = pages;
    assert.match(summary, /^Verification of Assets/);
    assert.ok(summary.includes(gseReferenceId('rep_home_0001')), 'summary.includes(gseReferenceId(\'rep_home_0001\'))');
    const large = ROWS.filter((r) => r.amount < -5000 && r.date_posted >= '2025-08-24');
    assert.ok(summary.includes(`Large deposits (over $5,000.00): ${large.length}`), summary);
    for (const r of large) assert.ok(summary.includes(`${r.date_posted} Plaid Checking`), `large deposit of ${r.date_posted}`);
    assert.match(account, /Balance over time/);
    assert.match(disclosures, /Your right to dispute/);
  });

  it('Employment Refresh names the employer and pay dates, never amounts', async () => {
    const { pages } = await readPdf(render(['employment_refresh']));
    const er = pages.find((p) => p.includes('Employment Refresh\nPayroll deposits'))!;
    const paid = ROWS.filter((r) => r.description === 'Plaid Direct Dep' && r.date_posted >= '2026-05-26').map((r) => r.date_posted).sort();
    assert.ok(er.includes(`Plaid ${paid.at(-1)} ${paid.length}`), er);
    for (const date of paid) assert.ok(er.includes(`${date} Plaid Direct Dep no`), 'er.includes(`${date} Plaid Direct Dep no`)');
    assert.ok(!/\$\d/.test(er), 'no amounts on the Employment Refresh page');
  });

  it('VOA with income: both sections; pdftoppm renders page 1', async () => {
    const bytes = render(['voa', 'income']);
    const { pages } = await readPdf(bytes);
    assert.match(pages[0], /^Verification of Assets and Income Verification/);
    const income = pages.find((p) => p.startsWith('Income\n'))!;
    assert.match(income, /Plaid EARNED_INCOME\.SALARY MONTHLY ACTIVE \$5,333\.33/);
    assert.ok(renderPage(bytes, 1).subarray(0, 8).equals(PNG_SIGNATURE), 'renderPage(bytes, 1).subarray(0, 8).equals(PNG_SIGNATURE)');
  });

  it('verificationIncome output renders like an II2 report', () => {
    assert.deepEqual(Object.keys(verificationIncome({ income_streams: [], user_summary: null })), ['generated_time', 'days_requested', 'user_summary', 'income_streams', 'items']);
  });
});
