import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { Products } from 'plaid';
import { componentValidator } from '../../src/api/schemas/contract.js';
import { DIALECTS, plaidError, startTestServer, type TestServer } from '../support/test-server.js';

const START = '2026-08-23T12:00:00Z';
const FIXTURES = new URL('../fixtures/sandbox-users/', import.meta.url);
const GROUND_TRUTH = JSON.stringify(JSON.parse(readFileSync(new URL('../fixtures/income/ground-truth-streams.json', import.meta.url), 'utf8')));
const ALL_PRODUCTS = ['cra_income_insights', 'cra_cashflow_insights', 'cra_lend_score', 'cra_network_insights', 'cra_partner_insights'];

const GETS = {
  cra_income_insights: ['/cra/check_report/income_insights/get', 'CraCheckReportIncomeInsightsGetResponse'],
  cra_cashflow_insights: ['/cra/check_report/cashflow_insights/get', 'CraCheckReportCashflowInsightsGetResponse'],
  cra_lend_score: ['/cra/check_report/lend_score/get', 'CraCheckReportLendScoreGetResponse'],
  cra_network_insights: ['/cra/check_report/network_insights/get', 'CraCheckReportNetworkInsightsGetResponse'],
  cra_partner_insights: ['/cra/check_report/partner_insights/get', 'CraCheckReportPartnerInsightsGetResponse'],
} as const;

const FICO = {
  fico_lender_id: 'lender_01',
  lender_application_id: 'app-77',
  ultrafico_score_requests: [
    { ultrafico_score_version: '1.0', request_correlation_id: 'eq-1', base_fico_score: { bureau: 'EQUIFAX', score: 690, base_fico_score_version: '9', reason_codes: ['01', '14'] } },
  ],
};

interface LinkOptions {
  username: string;
  password: string;
  clientUserId?: string;
  legacy?: boolean;
  create?: Record<string, unknown>;
}

/** A user with one Sandbox Item and a generated report; returns how to address the user. */
async function userWithReport(s: TestServer, options: LinkOptions): Promise<{ user_id?: string; user_token?: string }> {
  const clientUserId = options.clientUserId ?? `applicant-${Math.random().toString(36).slice(2)}`;
  const created = options.legacy
    ? await s.post('/user/create', { client_user_id: clientUserId }, { headers: { 'Plaid-New-User-API-Enabled': 'false' } })
    : await s.post('/user/create', { client_user_id: clientUserId });
  const ref = options.legacy ? { user_token: created.body.user_token as string } : { user_id: created.body.user_id as string };
  const { data } = await s.plaid.sandboxPublicTokenCreate({
    institution_id: 'ins_109508',
    initial_products: [Products.CraBaseReport],
    ...ref,
    options: { override_username: options.username, override_password: options.password },
  } as any);
  await s.plaid.itemPublicTokenExchange({ public_token: data.public_token });
  const create = await s.post('/cra/check_report/create', {
    ...ref,
    webhook: 'http://127.0.0.1:9/unused',
    days_requested: 365,
    consumer_report_permissible_purpose: 'EXTENSION_OF_CREDIT',
    ...options.create,
  });
  assert.equal(create.status, 200, JSON.stringify(create.body));
  for (let i = 0; i < 200; i++) {
    const got = await s.post('/cra/check_report/base_report/get', ref);
    if (got.body.error_code !== 'PRODUCT_NOT_READY') break;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return ref;
}

async function latestReport(s: TestServer, ref: { user_id?: string; user_token?: string }) {
  const user = ref.user_id
    ? await s.opencheck.deps.repos.users.findById(s.clientId, ref.user_id)
    : await s.opencheck.deps.repos.users.findByToken(s.clientId, ref.user_token!);
  return (await s.opencheck.deps.repos.reports.latestForUser(s.clientId, user!.userId))!;
}

const logins: [string, string, string][] = [
  ...readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).map((f): [string, string, string] => [f, 'user_custom', readFileSync(new URL(f, FIXTURES), 'utf8')]),
  ...['user_credit_profile_excellent', 'user_credit_profile_good', 'user_credit_profile_poor', 'user_credit_bonus', 'user_credit_joint_account', 'user_bank_income'].map(
    (u): [string, string, string] => [u, u, 'any'],
  ),
  ['user_good', 'user_good', 'pass_good'],
];

for (const dialect of DIALECTS) {
  describe(`Insight products (${dialect})`, () => {
    test('every product, eager or on demand, is contract-valid or a documented failure, for every fixture and persona', async (t) => {
      const s = await startTestServer(t, { dialect, startTime: START });
      for (const [name, username, password] of logins) {
        for (const eager of [true, false]) {
          const ref = await userWithReport(s, {
            username,
            password,
            create: eager
              ? { products: ALL_PRODUCTS, cashflow_insights: { attributes_version: 'v2.0', plaid_check_score_version: 'v2.0' }, partner_insights: { prism_versions: { cashscore: '4', extend: '4.1' }, fico: FICO } }
              : {},
          });
          const report = await latestReport(s, ref);
          assert.equal(report.state, 'ready', name);
          for (const [product, [path, schema]] of Object.entries(GETS)) {
            const got = await s.post(path, { ...ref, ...(product === 'cra_partner_insights' && !eager ? { partner_insights: { fico: FICO } } : {}) });
            if (got.status === 200) {
              const validate = componentValidator(schema);
              const body: any = got.body;
              assert.ok(validate(body), `${name} ${product}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
              assert.equal((body as { report: { report_id: string } }).report.report_id, report.reportId);
              if (eager) assert.ok(report.successfulProducts!.includes(product), `${name}: ${product} should be listed as successful`);
            } else {
              assert.equal(got.status, 400, `${name} ${product}: ${JSON.stringify(got.body)}`);
              assert.equal(got.body.error_type, 'CHECK_REPORT_ERROR');
              assert.ok(['NO_ACCOUNTS', 'INSUFFICIENT_TRANSACTION_DATA'].includes(got.body.error_code), `${name} ${product}: ${got.body.error_code}`);
              if (eager) assert.ok(report.failedProducts!.includes(product), `${name}: ${product} should be listed as failed`);
            }
          }
        }
      }
    });

    test('eager products use the create options; get options never rebuild them; on-demand ones use the get options', async (t) => {
      const s = await startTestServer(t, { dialect, startTime: START });
      const ref = await userWithReport(s, {
        username: 'user_custom',
        password: GROUND_TRUTH,
        create: { products: ['cra_income_insights'], income_insights: { income_insights_version: 'II2', income_insights_filter: { included_categories: ['PASSIVE_INCOME.*'] } } },
      });
      const income = await s.plaid.craCheckReportIncomeInsightsGet({
        ...ref,
        options: { income_insights_version: 'II2', income_insights_filter: { included_categories: [], excluded_categories: ['*'] } },
      } as any);
      const categories = income.data.report!.income_streams.map((x: any) => x.insights.income_category.secondary).sort();
      assert.deepEqual(categories, ['GIG_ECONOMY', 'RENTAL', 'SALARY', 'SALARY']);
      const rent = income.data.report!.income_streams.find((x: any) => x.insights.income_category.secondary === 'RENTAL') as any;
      assert.equal(rent.insights.pay_frequency, 'MONTHLY');
      assert.deepEqual(rent.insights.next_payment, { date: '2026-09-01' });
      assert.equal(income.data.report!.user_summary!.income_metrics[0].current!.monthly.net_income, 6690.3);

      const first = await s.post('/cra/check_report/cashflow_insights/get', { ...ref, options: { attributes_version: 'v2.0', plaid_check_score_version: 'v1.0' } });
      assert.equal(first.status, 200);
      assert.ok('income_gig_amt_sum_90d' in first.body.report.attributes, 'v2.0 attributes');
      assert.equal(typeof first.body.report.plaid_check_score.score, 'number');
      const second = await s.post('/cra/check_report/cashflow_insights/get', { ...ref, options: { attributes_version: 'CFI1' } });
      assert.deepEqual(second.body.report, first.body.report, 'the stored product is served as built');
      assert.notEqual(second.body.request_id, first.body.request_id);
    });

    test('billing: partner insights at create, every other product once, on its first fetch', async (t) => {
      const s = await startTestServer(t, { dialect, startTime: START });
      const ref = await userWithReport(s, { username: 'user_credit_profile_good', password: 'any', create: { products: ['cra_partner_insights', 'cra_lend_score'] } });
      const report = await latestReport(s, ref);
      const billed = async () =>
        (await s.opencheck.deps.repos.reports.billingEvents(s.clientId, { userId: report.userId, limit: 100 })).map((e) => e.product).sort();
      assert.deepEqual(await billed(), ['cra_base_report', 'cra_partner_insights']);
      await s.plaid.craCheckReportLendScoreGet(ref as any);
      await s.plaid.craCheckReportLendScoreGet(ref as any);
      await s.plaid.craCheckReportPartnerInsightsGet(ref as any);
      await s.plaid.craCheckReportIncomeInsightsGet(ref as any);
      assert.deepEqual(await billed(), ['cra_base_report', 'cra_income_insights', 'cra_lend_score', 'cra_partner_insights']);
    });

    test('a failed product does not fail the report; it is listed as failed and its get returns the error', async (t) => {
      const s = await startTestServer(t, { dialect, startTime: START });
      const ref = await userWithReport(s, {
        username: 'user_custom',
        password: readFileSync(new URL('credit_card_custom_user.json', FIXTURES), 'utf8'),
        create: { products: ['cra_income_insights', 'cra_network_insights'] },
      });
      const report = await latestReport(s, ref);
      assert.equal(report.state, 'ready');
      assert.deepEqual(report.successfulProducts, ['cra_base_report', 'cra_network_insights']);
      assert.deepEqual(report.failedProducts, ['cra_income_insights']);
      const failed = await plaidError(s.plaid.craCheckReportIncomeInsightsGet(ref as any));
      assert.equal(failed.status, 400);
      assert.equal(failed.data.error_type, 'CHECK_REPORT_ERROR');
      assert.equal(failed.data.error_code, 'NO_ACCOUNTS');
      const billing = await s.opencheck.deps.repos.reports.billingEvents(s.clientId, { userId: report.userId, limit: 10 });
      assert.ok(!billing.some((e) => e.product === 'cra_income_insights'), 'a failed product is not billed');
    });

    test('Network Insights: consent is assumed in Sandbox, except for a client_user_id containing no_network_consent', async (t) => {
      const s = await startTestServer(t, { dialect, startTime: START });
      const ok = await userWithReport(s, { username: 'user_credit_profile_poor', password: 'any' });
      const insights = await s.plaid.craCheckReportNetworkInsightsGet({ ...ok, options: { network_insights_version: 'NI1' } } as any);
      const attributes = insights.data.report!.network_attributes as Record<string, number>;
      assert.equal(attributes.plaid_conn_user_lifetime_item_count, 1);
      assert.ok(attributes.plaid_conn_user_lifetime_cash_advance_count >= 1, 'the poor persona borrows from an advance app');
      assert.equal(attributes.plaid_conn_user_lifetime_personal_lending_flag, 1);
      assert.equal(insights.data.report!.items.length, 1);

      const refused = await userWithReport(s, { username: 'user_credit_profile_good', password: 'any', clientUserId: 'applicant-9_no_network_consent', create: { products: ['cra_network_insights'] } });
      assert.deepEqual((await latestReport(s, refused)).failedProducts, ['cra_network_insights']);
      const error = await plaidError(s.plaid.craCheckReportNetworkInsightsGet(refused as any));
      assert.equal(error.data.error_type, 'CHECK_REPORT_ERROR');
      assert.equal(error.data.error_code, 'NETWORK_CONSENT_REQUIRED');
    });

    test('Partner Insights: Prism versions as strings or numbers, legacy prism_products ignored, bad values rejected', async (t) => {
      const s = await startTestServer(t, { dialect, startTime: START });
      const ref = await userWithReport(s, {
        username: 'user_credit_profile_excellent',
        password: 'any',
        create: { products: ['cra_partner_insights'], partner_insights: { prism_versions: { cashscore: 4.1, detect: 4 }, prism_products: ['scores'], fico: FICO } },
      });
      const got = await s.post('/cra/check_report/partner_insights/get', { ...ref, partner_insights: { prism_versions: { cashscore: '3' } } });
      assert.equal(got.status, 200);
      const prism = got.body.report.prism;
      assert.equal(prism.cash_score.model_version, '4.1', 'the eager build used the create options');
      assert.equal(prism.detect.model_version, '4');
      assert.equal(prism.extend, null);
      assert.equal(prism.first_detect.model_version, '3', 'FirstDetect defaults to "3"');
      assert.match(prism.cash_score.reason_codes[0] ?? 'CS41001', /^CS41\d{3}$/);
      const ultra = got.body.report.fico.ultrafico_score_results[0];
      assert.equal(ultra.request_correlation_id, 'eq-1');
      assert.ok(ultra.ultrafico_score.score >= 690 && ultra.ultrafico_score.score <= 720, 'ultra.ultrafico_score.score >= 690 && ultra.ultrafico_score.score <= 720');
      assert.deepEqual(ultra.ultrafico_score.negative_reason_codes, ['01', '14']);

      const badVersion = await s.post('/cra/check_report/partner_insights/get', { ...ref, partner_insights: { prism_versions: { detect: '3' } } });
      assert.equal(badVersion.status, 400);
      assert.equal(badVersion.body.error_code, 'INVALID_FIELD');
      assert.match(badVersion.body.error_message, /prism_versions/);
      const badScore = await s.post('/cra/check_report/partner_insights/get', {
        ...ref,
        partner_insights: { fico: { ...FICO, ultrafico_score_requests: [{ ...FICO.ultrafico_score_requests[0], base_fico_score: { ...FICO.ultrafico_score_requests[0].base_fico_score, score: 900 } }] } },
      });
      assert.equal(badScore.body.error_code, 'INVALID_FIELD');
      assert.match(badScore.body.error_message, /score/);
      const badBureau = await s.post('/cra/check_report/partner_insights/get', {
        ...ref,
        partner_insights: { fico: { ...FICO, ultrafico_score_requests: [{ ...FICO.ultrafico_score_requests[0], base_fico_score: { ...FICO.ultrafico_score_requests[0].base_fico_score, bureau: 'INNOVIS' } }] } },
      });
      assert.equal(badBureau.body.error_code, 'INVALID_FIELD');
      const deprecated = await s.post('/cra/check_report/partner_insights/get', { ...ref, options: { prism_versions: { cashscore: 4 }, prism_products: ['insights'] } });
      assert.equal(deprecated.status, 200);
    });

    test('legacy /cra/partner_insights/get: user_token only, report as an array', async (t) => {
      const s = await startTestServer(t, { dialect, startTime: START });
      const ref = await userWithReport(s, { username: 'user_credit_profile_good', password: 'any', legacy: true });
      const got = await s.plaid.craPartnerInsightsGet({ user_token: ref.user_token! } as any);
      assert.ok(componentValidator('CraPartnerInsightsGetResponse')(got.data), 'componentValidator(\'CraPartnerInsightsGetResponse\')(got.data)');
      assert.equal(got.data.report!.length, 1);
      assert.equal(got.data.report![0].prism!.cash_score!.model_version, '3');
      const missing = await s.post('/cra/partner_insights/get', {});
      assert.equal(missing.body.error_code, 'MISSING_FIELDS');
    });

    test('LendScore and the Check Score rank the personas excellent > good > poor', async (t) => {
      const s = await startTestServer(t, { dialect, startTime: START });
      const scores: { lend: number; check: number; reasons: string[] }[] = [];
      for (const username of ['user_credit_profile_excellent', 'user_credit_profile_good', 'user_credit_profile_poor']) {
        const ref = await userWithReport(s, { username, password: 'any', create: { products: ['cra_lend_score'], lend_score: { lend_score_version: 'LS1' } } });
        const lend = (await s.plaid.craCheckReportLendScoreGet(ref as any)).data.report!.lend_score!;
        const cashflow = await s.post('/cra/check_report/cashflow_insights/get', { ...ref, options: { plaid_check_score_version: 'v1.0' } });
        scores.push({ lend: lend.score!, check: cashflow.body.report.plaid_check_score.score, reasons: lend.reason_codes! });
        for (const code of lend.reason_codes!) assert.match(code, /^PCS\d{4}$/);
        assert.ok(lend.reason_codes!.length <= 5, 'lend.reason_codes!.length <= 5');
      }
      assert.ok(scores[0].lend > scores[1].lend && scores[1].lend > scores[2].lend, JSON.stringify(scores));
      assert.ok(scores[0].check > scores[1].check && scores[1].check > scores[2].check, JSON.stringify(scores));
    });

    test('products expire with their report', async (t) => {
      const s = await startTestServer(t, { dialect, startTime: START });
      const ref = await userWithReport(s, { username: 'user_bank_income', password: 'any', create: { products: ['cra_income_insights'] } });
      await s.plaid.craCheckReportIncomeInsightsGet(ref as any);
      s.opencheck.clock.advance(25 * 60 * 60 * 1000);
      for (const [path] of Object.values(GETS)) {
        const expired = await s.post(path, ref);
        assert.equal(expired.body.error_type, 'CONSUMER_REPORT_ERROR');
        assert.equal(expired.body.error_code, 'CONSUMER_REPORT_EXPIRED');
      }
    });
  });
}
