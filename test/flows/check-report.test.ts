// The report lifecycle end to end with the official plaid client: create user
// → link → create report → webhook on a local receiver → get the Base Report.
// Every number checked here is recomputed in the test from the raw config.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { Products, type PlaidApi } from 'plaid';
import { componentValidator } from '../../src/api/schemas/contract.js';
import { linkSandboxUser } from '../support/sandbox-users.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import { DIALECTS, plaidError, startTestServer, type TestServer } from '../support/test-server.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/sandbox-users');
const START = '2026-08-23T12:00:00Z';
const REPORT_DATE = '2026-08-23';
const cents = (amount: number) => Math.round(amount * 100);
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A config whose every figure the test can work out by hand. */
const KNOWN = {
  override_accounts: [
    {
      type: 'depository',
      subtype: 'checking',
      starting_balance: 1000,
      meta: { name: 'Known Checking' },
      numbers: { account: '1111222233334444' },
      identity: { names: ['Known Person'] },
      transactions: [
        { date_transacted: '2026-03-01', date_posted: '2026-03-01', amount: -2500, description: 'ACME CORP PAYROLL PPD ID: 1234567890', currency: 'USD' },
        { date_transacted: '2026-05-10', date_posted: '2026-05-11', amount: 120.5, description: 'POS DEBIT WALMART #1234', currency: 'USD' },
        { date_transacted: '2026-06-15', date_posted: '2026-06-15', amount: 35, description: 'NSF FEE', currency: 'USD' },
        { date_transacted: '2026-07-20', date_posted: '2026-07-20', amount: 35, description: 'OVERDRAFT FEE', currency: 'USD' },
        { date_transacted: '2026-07-21', date_posted: '2026-07-21', amount: -35, description: 'OVERDRAFT FEE REVERSAL', currency: 'USD' },
        { date_transacted: '2026-08-01', date_posted: '2026-08-01', amount: -2500, description: 'ACME CORP PAYROLL PPD ID: 1234567890', currency: 'USD' },
        { date_transacted: '2026-08-10', date_posted: '2026-08-10', amount: 89.99, description: 'NETFLIX.COM', currency: 'USD' },
        { date_transacted: '2026-08-20', date_posted: '2026-08-20', amount: 35, description: 'OVERDRAFT FEE', currency: 'USD' },
        { date_transacted: '2026-08-22', date_posted: '2026-08-22', amount: 42.1, description: 'STARBUCKS STORE 123', currency: 'USD' },
      ],
    },
  ],
};

interface Flow {
  s: TestServer;
  receiver: WebhookReceiver;
}

function createRequest(receiver: WebhookReceiver, ref: Record<string, string>, extra: Record<string, unknown> = {}) {
  return { ...ref, webhook: receiver.url, days_requested: 365, consumer_report_permissible_purpose: 'EXTENSION_OF_CREDIT', ...extra } as any;
}

async function createAndWait(flow: Flow, ref: Record<string, string>, extra: Record<string, unknown> = {}) {
  const before = flow.receiver.received.length;
  await flow.s.plaid.craCheckReportCreate(createRequest(flow.receiver, ref, extra));
  const [webhook] = (await flow.receiver.waitFor(before + 1, { timeoutMs: 10_000 })).slice(before);
  return JSON.parse(webhook.body);
}

async function getBaseReport(plaid: PlaidApi, ref: Record<string, string>, itemIds?: string[]) {
  return (await plaid.craCheckReportBaseReportGet({ ...ref, ...(itemIds ? { item_ids: itemIds } : {}) } as any)).data;
}

for (const dialect of DIALECTS) {
  describe(`check report lifecycle (${dialect})`, () => {
    test('create → USER_CHECK_REPORT_READY webhook → Base Report whose numbers match the raw transactions', async (t) => {
      const s = await startTestServer(t, { dialect, startTime: START });
      const receiver = await startWebhookReceiver(t);
      const { userId, ref } = await linkSandboxUser(s, 'known', { password: JSON.stringify(KNOWN) });
      const webhook = await createAndWait({ s, receiver }, ref, { client_report_id: 'loan-7' });
      assert.deepEqual(
        { ...webhook, item_ids: undefined },
        { webhook_type: 'CHECK_REPORT', webhook_code: 'USER_CHECK_REPORT_READY', user_id: userId, successful_products: ['cra_base_report'], failed_products: [], item_ids: undefined, environment: 'sandbox' },
      );
      assert.match(receiver.received.at(-1)!.body, /^\{\n {2}"webhook_type"/, 'webhook bodies are indented with 2 spaces');

      const data = await getBaseReport(s.plaid, ref);
      const validate = componentValidator('CraCheckReportBaseReportGetResponse');
      assert.ok(validate(data), JSON.stringify(validate.errors?.slice(0, 3)));
      const report = data.report;
      assert.equal(report.client_report_id, 'loan-7');
      assert.equal(report.days_requested, 365);
      assert.ok(report.date_generated.startsWith('2026-08-23T12:00'), report.date_generated);
      const account = report.items[0].accounts[0];
      assert.equal(account.name, 'Known Checking');
      assert.equal(account.mask, '4444');
      assert.equal(account.owners[0].names[0], 'Known Person');

      // Independent computation from the raw config.
      const rows = KNOWN.override_accounts[0].transactions;
      const posted = rows.reduce((sum, r) => sum + cents(r.amount), 0);
      const current = cents(1000) - posted;
      assert.equal(cents(account.balances.current!), current);
      const inWindow = (days: number) => rows.filter((r) => dayNumber(r.date_posted) > dayNumber(REPORT_DATE) - days);
      const inflow = (rs: typeof rows) => rs.filter((r) => r.amount < 0).reduce((sum, r) => sum + cents(r.amount), 0) / 100;
      const outflow = (rs: typeof rows) => rs.filter((r) => r.amount > 0).reduce((sum, r) => sum + cents(r.amount), 0) / 100;
      const attributes = account.attributes as any;
      assert.equal(attributes.total_inflow_amount.amount, inflow(rows));
      assert.equal(attributes.total_outflow_amount.amount, outflow(rows));
      for (const days of [30, 60, 90]) {
        assert.equal(attributes[`total_inflow_amount_${days}d`].amount, inflow(inWindow(days)), `inflow ${days}d`);
        assert.equal(attributes[`total_outflow_amount_${days}d`].amount, outflow(inWindow(days)), `outflow ${days}d`);
      }
      // NSF/overdraft fees minus reversals in the same window: 3 fees − 1 reversal overall;
      // 30 days: 07-20 is outside (30 days back from 08-23 is 07-25), so just 08-20.
      const fees = (rs: typeof rows) => rs.filter((r) => /NSF FEE|OVERDRAFT FEE$/.test(r.description)).length - rs.filter((r) => /REVERSAL/.test(r.description)).length;
      assert.equal(attributes.nsf_overdraft_transactions_count, fees(rows));
      assert.equal(attributes.nsf_overdraft_transactions_count, 2);
      for (const days of [30, 60, 90]) assert.equal(attributes[`nsf_overdraft_transactions_count_${days}d`], fees(inWindow(days)), `nsf ${days}d`);
      assert.equal(report.attributes!.nsf_overdraft_transactions_count, 2, 'user level sums its accounts');
      assert.equal((report.attributes as any).total_inflow_amount.amount, inflow(rows));

      // One historical balance per day of the window, reconstructed backwards.
      assert.equal(account.historical_balances!.length, 365);
      for (const balance of account.historical_balances!) {
        const after = rows.filter((r) => r.date_posted > balance.date).reduce((sum, r) => sum + cents(r.amount), 0);
        assert.equal(cents(balance.current), current + after, `balance on ${balance.date}`);
      }
      const dates = account.historical_balances!.map((b) => b.date).sort();
      assert.equal(dates[0], addDays(REPORT_DATE, -364));
      assert.equal(dates.at(-1), REPORT_DATE);
      // Days from the earliest transaction to the report date, inclusive.
      assert.equal(account.days_available, dayNumber(REPORT_DATE) - dayNumber('2026-03-01') + 1);
      assert.equal(account.transactions.length, rows.length);
      assert.deepEqual(account.transactions.map((tx) => tx.amount).sort(), rows.map((r) => r.amount).sort());
      const payroll = account.transactions.find((tx) => tx.original_description!.startsWith('ACME'))!;
      assert.equal(payroll.credit_category?.primary, 'INCOME');
    });

    test('every fixture produces a contract-valid report', async (t) => {
      const s = await startTestServer(t, { dialect, startTime: START });
      const receiver = await startWebhookReceiver(t);
      const validate = componentValidator('CraCheckReportBaseReportGetResponse');
      for (const file of ['bank_income_basic.json', 'joint_owner_identity_custom_user.json', 'assets_custom_user2.json', 'brokerage_custom_user.json', 'credit_card_custom_user.json']) {
        const config = readFileSync(join(FIXTURES, file), 'utf8');
        const { ref } = await linkSandboxUser(s, `fx-${file}`, { password: config });
        const webhook = await createAndWait({ s, receiver }, ref, { include_investments: true });
        assert.equal(webhook.webhook_code, 'USER_CHECK_REPORT_READY', `${file}: ${JSON.stringify(webhook)}`);
        const data = await getBaseReport(s.plaid, ref);
        assert.ok(validate(data), `${file}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
      }
    });

    test('days_requested is raised to 180, capped at 731; days_required and require_identity fail the report', async (t) => {
      const s = await startTestServer(t, { dialect, startTime: START });
      const receiver = await startWebhookReceiver(t);
      const { ref } = await linkSandboxUser(s, 'rules', { password: JSON.stringify(KNOWN) });
      await createAndWait({ s, receiver }, ref, { days_requested: 30 });
      const raised = await getBaseReport(s.plaid, ref);
      assert.equal(raised.report.days_requested, 180);
      assert.equal(raised.report.items[0].accounts[0].historical_balances!.length, 180);

      const tooMany = await plaidError(s.plaid.craCheckReportCreate(createRequest(receiver, ref, { days_requested: 732 })));
      assert.equal(tooMany.data.error_code, 'INVALID_FIELD');
      assert.match(tooMany.data.error_message, /days_requested/);
      const requiredTooMany = await plaidError(s.plaid.craCheckReportCreate(createRequest(receiver, ref, { days_required: 185 })));
      assert.match(requiredTooMany.data.error_message, /days_required/);

      // History: 2026-03-01 … 2026-08-23 is 176 days.
      const history = dayNumber(REPORT_DATE) - dayNumber('2026-03-01') + 1;
      const enough = await createAndWait({ s, receiver }, ref, { days_required: history });
      assert.equal(enough.webhook_code, 'USER_CHECK_REPORT_READY');
      const short = await createAndWait({ s, receiver }, ref, { days_required: history + 1 });
      assert.equal(short.webhook_code, 'USER_CHECK_REPORT_FAILED');
      assert.equal(short.error.error_code, 'INSTITUTION_TRANSACTION_HISTORY_NOT_SUPPORTED');
      const failedGet = await plaidError(s.plaid.craCheckReportBaseReportGet(ref as any));
      assert.equal(failedGet.data.error_type, 'CHECK_REPORT_ERROR');
      assert.equal(failedGet.data.error_code, 'INSTITUTION_TRANSACTION_HISTORY_NOT_SUPPORTED');

      // The credit-card fixture has no identity object: no owners.
      const noIdentity = await linkSandboxUser(s, 'no-identity', { password: readFileSync(join(FIXTURES, 'credit_card_custom_user.json'), 'utf8') });
      const fine = await createAndWait({ s, receiver }, noIdentity.ref);
      assert.equal(fine.webhook_code, 'USER_CHECK_REPORT_READY', 'a credit-only user without identity still gets a report');
      const strict = await createAndWait({ s, receiver }, noIdentity.ref, { base_report: { require_identity: true } });
      assert.equal(strict.webhook_code, 'USER_CHECK_REPORT_FAILED');
      assert.equal(strict.error.error_code, 'DATA_UNAVAILABLE');
    });

    test('request fields: client_report_id precedence, products, webhook, purpose, user references', async (t) => {
      const s = await startTestServer(t, { dialect, startTime: START });
      const receiver = await startWebhookReceiver(t);
      const { ref } = await linkSandboxUser(s, 'fields', { password: JSON.stringify(KNOWN) });
      await createAndWait({ s, receiver }, ref, { base_report: { client_report_id: 'old-place' } });
      assert.equal((await getBaseReport(s.plaid, ref)).report.client_report_id, 'old-place');
      await createAndWait({ s, receiver }, ref, { client_report_id: 'top', base_report: { client_report_id: 'old-place' } });
      assert.equal((await getBaseReport(s.plaid, ref)).report.client_report_id, 'top', 'the top-level field wins');

      const notCra = await plaidError(s.plaid.craCheckReportCreate(createRequest(receiver, ref, { products: ['transactions'] })));
      assert.equal(notCra.data.error_code, 'INVALID_PRODUCT');
      const unknown = await plaidError(s.plaid.craCheckReportCreate(createRequest(receiver, ref, { products: ['cra_nonsense'] })));
      assert.equal(unknown.data.error_code, 'INVALID_FIELD');
      const { webhook: _w, ...noWebhook } = createRequest(receiver, ref);
      assert.equal((await plaidError(s.plaid.craCheckReportCreate(noWebhook))).data.error_code, 'MISSING_FIELDS');
      assert.equal((await plaidError(s.plaid.craCheckReportCreate(createRequest(receiver, ref, { webhook: 'not a url' })))).data.error_code, 'INVALID_FIELD');
      const purpose = await plaidError(s.plaid.craCheckReportCreate(createRequest(receiver, ref, { consumer_report_permissible_purpose: 'CURIOSITY' })));
      assert.equal(purpose.data.error_code, 'INVALID_FIELD');
      assert.match(purpose.data.error_message, /consumer_report_permissible_purpose/);
      const neither = await plaidError(s.plaid.craCheckReportCreate(createRequest(receiver, {})));
      assert.equal(neither.data.error_code, 'MISSING_FIELDS');
      const nobody = await plaidError(s.plaid.craCheckReportCreate(createRequest(receiver, { user_id: 'usr_nobody0000000' })));
      assert.equal(nobody.data.error_code, 'USER_NOT_FOUND');
      const badToken = await plaidError(s.plaid.craCheckReportCreate(createRequest(receiver, { user_token: 'user-sandbox-00000000-0000-0000-0000-000000000000' })));
      assert.equal(badToken.data.error_code, 'INVALID_USER_TOKEN');
    });

    test('not found before any create, not ready while generating, superseded by each create, expired after 24 h', async (t) => {
      const s = await startTestServer(t, { dialect, startTime: START });
      const receiver = await startWebhookReceiver(t);
      const { ref } = await linkSandboxUser(s, 'life', { password: JSON.stringify(KNOWN) });
      assert.equal((await plaidError(s.plaid.craCheckReportBaseReportGet(ref as any))).data.error_code, 'CONSUMER_REPORT_NOT_FOUND');

      await createAndWait({ s, receiver }, ref);
      const first = await getBaseReport(s.plaid, ref);
      // Hold the worker so the next report stays pending.
      await s.opencheck.deps.jobs.stop();
      await s.plaid.craCheckReportCreate(createRequest(receiver, ref));
      const notReady = await plaidError(s.plaid.craCheckReportBaseReportGet(ref as any));
      assert.equal(notReady.data.error_type, 'CONSUMER_REPORT_ERROR');
      assert.equal(notReady.data.error_code, 'PRODUCT_NOT_READY');
      const before = receiver.received.length;
      await s.opencheck.deps.jobs.start();
      await receiver.waitFor(before + 1, { timeoutMs: 10_000 });
      const second = await getBaseReport(s.plaid, ref);
      assert.notEqual(second.report.report_id, first.report.report_id, 'each create makes a new report');

      // Data changes are picked up by the next create.
      await s.plaid.sandboxPublicTokenCreate({ institution_id: 'ins_109509', initial_products: [Products.CraBaseReport], ...ref, options: { override_username: 'user_good', override_password: 'pass_good' } } as any);
      await createAndWait({ s, receiver }, ref);
      const third = await getBaseReport(s.plaid, ref);
      assert.equal(third.report.items.length, 2);
      const narrowed = await getBaseReport(s.plaid, ref, [third.report.items[1].item_id]);
      assert.deepEqual(narrowed.report.items.map((i) => i.item_id), [third.report.items[1].item_id]);

      await s.post('/sandbox/clock/advance', { seconds: 24 * 3600 - 60 });
      assert.equal((await getBaseReport(s.plaid, ref)).report.report_id, third.report.report_id, 'still readable just before 24 h');
      const advanced = await s.post('/sandbox/clock/advance', { seconds: 120 });
      assert.ok(advanced.body.current_time > '2026-08-24T12:00', advanced.body.current_time);
      const expired = await plaidError(s.plaid.craCheckReportBaseReportGet(ref as any));
      assert.equal(expired.data.error_type, 'CONSUMER_REPORT_ERROR');
      assert.equal(expired.data.error_code, 'CONSUMER_REPORT_EXPIRED');
      assert.equal(expired.data.error_message, '');
      await createAndWait({ s, receiver }, ref);
      assert.notEqual((await getBaseReport(s.plaid, ref)).report.report_id, third.report.report_id, 'a new create regenerates');
    });

    test('a user with no accounts fails with NO_ACCOUNTS; legacy users get CHECK_REPORT_* codes', async (t) => {
      const s = await startTestServer(t, { dialect, startTime: START });
      const receiver = await startWebhookReceiver(t);
      const lonely = await s.plaid.userCreate({ client_user_id: 'lonely' });
      const failed = await createAndWait({ s, receiver }, { user_id: lonely.data.user_id });
      assert.equal(failed.webhook_code, 'USER_CHECK_REPORT_FAILED');
      assert.equal(failed.error.error_code, 'NO_ACCOUNTS');
      assert.equal((await plaidError(s.plaid.craCheckReportBaseReportGet({ user_id: lonely.data.user_id } as any))).data.error_code, 'NO_ACCOUNTS');

      const legacy = await linkSandboxUser(s, 'legacy-user', { password: JSON.stringify(KNOWN), api: 'legacy' });
      const ready = await createAndWait({ s, receiver }, legacy.ref);
      assert.equal(ready.webhook_code, 'CHECK_REPORT_READY');
      assert.equal(ready.user_id, legacy.userId);
      assert.ok((await getBaseReport(s.plaid, legacy.ref)).report.items.length === 1, '(await getBaseReport(s.plaid, legacy.ref)).report.items.length === 1');
      assert.ok((await getBaseReport(s.plaid, { user_id: legacy.userId })).report.items.length === 1, 'legacy users can be named by user_id too');
    });

    test('every create and get is in the access log; create bills the Base Report once', async (t) => {
      const s = await startTestServer(t, { dialect, startTime: START });
      const receiver = await startWebhookReceiver(t);
      const { userId, ref } = await linkSandboxUser(s, 'audit', { password: JSON.stringify(KNOWN) });
      await createAndWait({ s, receiver }, ref, { consumer_report_permissible_purpose: 'ACCOUNT_REVIEW_CREDIT' });
      await getBaseReport(s.plaid, ref);
      await getBaseReport(s.plaid, ref);
      const log = await s.post('/opencheck/access_log/list', { user_id: userId });
      assert.deepEqual(log.body.entries.map((e: any) => e.operation).sort(), ['/cra/check_report/base_report/get', '/cra/check_report/base_report/get', '/cra/check_report/create']);
      assert.ok(log.body.entries.every((e: any) => e.consumer_report_permissible_purpose === 'ACCOUNT_REVIEW_CREDIT' && e.user_id === userId), 'log.body.entries.every((e: any) => e.consumer_report_permissible_purpose === \'ACCOUNT_REVIEW_CRED...');
      const billing = await s.post('/opencheck/billing_events/list', {});
      assert.deepEqual(billing.body.events.map((e: any) => e.product), ['cra_base_report']);

      // Gets that arrive together share one commit of the log: every answered one is in it, with its own request id.
      // (90 stays under the per-client rate limit of 100 a minute, with the three requests above.)
      const answers = await Promise.all(Array.from({ length: 90 }, () => s.post('/cra/check_report/base_report/get', { user_id: userId })));
      assert.deepEqual([...new Set(answers.map((a) => a.status))], [200]);
      const after = await s.post('/opencheck/access_log/list', { user_id: userId, count: 500 });
      const logged = new Set(after.body.entries.map((e: any) => e.request_id));
      assert.equal(after.body.entries.length, 93);
      for (const a of answers) assert.ok(logged.has(a.body.request_id), `request ${a.body.request_id} is logged`);
    });
  });
}
