// The PDF endpoints end to end with the official plaid client: binary application/pdf bodies with
// the request id in Plaid-Request-ID, JSON errors, add-ons that follow the stored products.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { PNG_SIGNATURE, readPdf, renderPage } from '../unit/pdf/pdf-inspect.js';
import { linkSandboxUser } from '../support/sandbox-users.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import { plaidError, startTestServer, type TestServer } from '../support/test-server.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/sandbox-users');
const START = '2026-08-23T12:00:00Z';
const BINARY = { responseType: 'arraybuffer' as const };

async function createAndWait(s: TestServer, receiver: WebhookReceiver, ref: Record<string, string>, extra: Record<string, unknown> = {}) {
  const before = receiver.received.length;
  await s.plaid.craCheckReportCreate({ ...ref, webhook: receiver.url, days_requested: 365, consumer_report_permissible_purpose: 'ACCOUNT_REVIEW_CREDIT', ...extra } as any);
  const [webhook] = (await receiver.waitFor(before + 1, { timeoutMs: 10_000 })).slice(before);
  assert.match(JSON.parse(webhook.body).webhook_code, /READY$/, webhook.body);
}

function pdfOf(response: { headers: Record<string, any>; data: ArrayBuffer }): Buffer {
  assert.match(String(response.headers['content-type']), /^application\/pdf/);
  assert.match(String(response.headers['plaid-request-id']), /^[0-9A-Za-z]{10,}$/);
  const bytes = Buffer.from(response.data);
  assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
  return bytes;
}

describe('report PDFs', () => {
  test('/cra/check_report/pdf/get: the consumer report, with add-on sections once their products exist', async (t) => {
    const s = await startTestServer(t, { startTime: START });
    const receiver = await startWebhookReceiver(t);
    const ref = (await linkSandboxUser(s, 'pdf-user', { password: readFileSync(join(FIXTURES, 'bank_income_basic.json'), 'utf8') })).ref;
    assert.equal((await plaidError(s.plaid.craCheckReportPdfGet(ref as any))).data.error_code, 'CONSUMER_REPORT_NOT_FOUND', 'errors stay JSON');
    await createAndWait(s, receiver, ref, { client_report_id: 'pdf-loan', products: ['cra_income_insights'] });
    const reportId = (await s.plaid.craCheckReportBaseReportGet(ref as any)).data.report.report_id;

    const bytes = pdfOf(await s.plaid.craCheckReportPdfGet({ ...ref, add_ons: ['cra_income_insights', 'cra_partner_insights'] } as any, BINARY));
    const { pages } = await readPdf(bytes);
    // Summary, the checking account, income, two add-ons, disclosures.
    assert.equal(pages.length, 6);
    assert.ok(pages[0].includes(reportId) && pages[0].includes('pdf-loan') && pages[0].includes('ACCOUNT_REVIEW_CREDIT'), pages[0]);
    assert.match(pages[2], /Plaid INCOME_SALARY/);
    const income = (await s.plaid.craCheckReportIncomeInsightsGet(ref as any)).data.report;
    assert.match(pages[3], /Add-on: Income Insights/);
    for (const stream of income!.income_streams) assert.ok(pages[3].includes(stream.insights.pay_frequency), stream.insights.pay_frequency);
    assert.match(pages[4], /Partner Insights \(cra_partner_insights\) was not generated/);
    assert.ok(renderPage(bytes, 1).subarray(0, 8).equals(PNG_SIGNATURE), 'pdftoppm renders page 1');

    // Once partner insights were fetched, the PDF shows them; the same request gives the same bytes.
    await s.plaid.craCheckReportPartnerInsightsGet({ ...ref, partner_insights: { prism_versions: { cashscore: '4' } } } as any);
    const withPartner = pdfOf(await s.plaid.craCheckReportPdfGet({ ...ref, add_ons: ['cra_partner_insights'] } as any, BINARY));
    assert.match((await readPdf(withPartner)).pages[3], /Prism Data \(status: SUCCESS\)/);
    assert.ok(withPartner.equals(pdfOf(await s.plaid.craCheckReportPdfGet({ ...ref, add_ons: ['cra_partner_insights'] } as any, BINARY))), 'withPartner.equals(pdfOf(await s.plaid.craCheckReportPdfGet({ ...ref, add_ons: [\'cra_partner_insi...');

    const plain = await readPdf(pdfOf(await s.plaid.craCheckReportPdfGet(ref as any, BINARY)));
    assert.equal(plain.pages.length, 4, 'no add_ons, no add-on pages');
    const badAddOn = await plaidError(s.plaid.craCheckReportPdfGet({ ...ref, add_ons: ['cra_lend_score'] } as any));
    assert.equal(badAddOn.data.error_code, 'INVALID_FIELD');
    const log = await s.post('/opencheck/access_log/list', ref);
    assert.ok(log.body.entries.some((e: any) => e.operation === '/cra/check_report/pdf/get' && e.report_id === reportId), 'log.body.entries.some((e: any) => e.operation === \'/cra/check_report/pdf/get\' && e.report_id === ...');
  });

  test('/consumer_report/pdf/get takes a legacy user_token', async (t) => {
    const s = await startTestServer(t, { startTime: START });
    const receiver = await startWebhookReceiver(t);
    const ref = (await linkSandboxUser(s, 'legacy-pdf', { password: readFileSync(join(FIXTURES, 'transactions_checking+savings_custom_user.json'), 'utf8'), api: 'legacy' })).ref;
    await createAndWait(s, receiver, ref);
    const { pages } = await readPdf(pdfOf(await s.plaid.consumerReportPdfGet({ user_token: ref.user_token }, BINARY)));
    assert.equal(pages.length, 5, 'summary, checking, savings, income, disclosures');
    assert.match(pages[0], /^Consumer Report/);
    const missing = await plaidError(s.plaid.consumerReportPdfGet({} as any));
    assert.equal(missing.data.error_code, 'MISSING_FIELDS');
  });

  test('/cra/check_report/verification/pdf/get: the documented combinations of reports_requested', async (t) => {
    const s = await startTestServer(t, { startTime: START });
    const receiver = await startWebhookReceiver(t);
    const ref = (await linkSandboxUser(s, 'home-pdf', { password: readFileSync(join(FIXTURES, 'bank_income_basic.json'), 'utf8') })).ref;
    await createAndWait(s, receiver, ref, {
      base_report: { gse_options: { report_types: ['VOA'] }, home_lending_report_options: { reports_requested: ['VOA'], employment_refresh_options: { days_requested: 45 } } },
    });
    const verification = (await s.plaid.craCheckReportVerificationGet({ ...ref, reports_requested: ['VOA'] } as any)).data.report;

    const voa = await readPdf(pdfOf(await s.plaid.craCheckReportVerificationPdfGet({ ...ref, reports_requested: ['voa'] } as any, BINARY)));
    assert.match(voa.pages[0], /^Verification of Assets/);
    assert.ok(voa.pages[0].includes(verification.gse_reference_id!), 'the GSE reference id');
    const both = await readPdf(pdfOf(await s.plaid.craCheckReportVerificationPdfGet({ ...ref, reports_requested: ['income', 'voa'] } as any, BINARY)));
    assert.match(both.pages[0], /^Verification of Assets and Income Verification/);
    assert.ok(both.pages.some((p) => p.startsWith('Income\n')), 'both.pages.some((p) => p.startsWith(\'Income\\n\'))');
    const deprecated = await readPdf(pdfOf(await s.plaid.craCheckReportVerificationPdfGet({ ...ref, report_requested: 'employment_refresh' } as any, BINARY)));
    assert.ok(deprecated.pages.some((p) => p.includes('Payroll deposits of the last 45 days')), 'days from home_lending_report_options');

    const mixed = await plaidError(s.plaid.craCheckReportVerificationPdfGet({ ...ref, reports_requested: ['voa', 'employment_refresh'] } as any));
    assert.equal(mixed.status, 400);
    assert.equal(mixed.data.error_code, 'INVALID_FIELD');
    assert.equal((await plaidError(s.plaid.craCheckReportVerificationPdfGet({ ...ref } as any))).data.error_code, 'MISSING_FIELDS');
    assert.equal((await plaidError(s.plaid.craCheckReportVerificationPdfGet({ ...ref, reports_requested: ['VOA'] } as any))).data.error_code, 'INVALID_FIELD', 'lowercase only');
  });
});
