// /cra/check_report/verification/get end to end with the official plaid client, and investments
// in the Base Report: every figure is recomputed here from the raw custom-user config.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { componentValidator } from '../../src/api/schemas/contract.js';
import { linkSandboxUser } from '../support/sandbox-users.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import { plaidError, startTestServer, type TestServer } from '../support/test-server.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/sandbox-users');
const START = '2026-08-23T12:00:00Z';
const REPORT_DATE = '2026-08-23';
const cents = (amount: number) => Math.round(amount * 100);
const day = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
const isoDay = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface Row {
  date_transacted: string;
  date_posted: string;
  amount: number;
  description: string;
  currency: string;
}
const row = (date: string, amount: number, description: string, posted = date): Row => ({ date_transacted: date, date_posted: posted, amount, description, currency: 'USD' });

/** A home buyer: two employers in turn, a large transfer, a deposit of exactly $5,000, fees, a pending paycheck. */
const HOME = {
  override_accounts: [
    {
      type: 'depository',
      subtype: 'checking',
      starting_balance: 3000,
      meta: { name: 'Everyday Checking' },
      numbers: { account: '9900112233' },
      identity: { names: ['Dana Lender'] },
      transactions: [
        row('2026-03-02', -4200, 'Weyland-Yutani Direct Dep'),
        row('2026-03-05', 1800, 'RENT PAYMENT ZELLE'),
        row('2026-04-01', -4200, 'Weyland-Yutani Direct Dep'),
        row('2026-04-05', 1800, 'RENT PAYMENT ZELLE'),
        row('2026-05-01', -4200, 'Weyland-Yutani Direct Dep'),
        row('2026-05-20', -7500, 'ONLINE TRANSFER FROM SAVINGS ...4321'),
        row('2026-06-01', -4200, 'Weyland-Yutani Direct Dep'),
        row('2026-06-15', -5000, 'CASH DEPOSIT'),
        row('2026-06-16', -5000.01, 'MOBILE CHECK DEPOSIT'),
        row('2026-07-01', -2600, 'ACME CORP PAYROLL PPD ID: 1234567890'),
        row('2026-07-10', 35, 'NSF FEE'),
        row('2026-07-15', -2600, 'ACME CORP PAYROLL PPD ID: 1234567890'),
        row('2026-08-01', -2600, 'ACME CORP PAYROLL PPD ID: 1234567890'),
        row('2026-08-05', 35, 'OVERDRAFT FEE'),
        row('2026-08-15', -2600, 'ACME CORP PAYROLL PPD ID: 1234567890'),
        // Posted after the report date: pending, dated by its transacted date.
        row('2026-08-22', -2600, 'ACME CORP PAYROLL PPD ID: 1234567890', '2026-08-25'),
      ],
    },
    {
      type: 'depository',
      subtype: 'savings',
      starting_balance: 20000,
      meta: { name: 'Rainy Day Savings' },
      identity: { names: ['Dana Lender'] },
      transactions: [row('2026-05-20', 7500, 'ONLINE TRANSFER TO CHECKING ...7788'), row('2026-07-31', -3.21, 'INTEREST PAYMENT')],
    },
    {
      type: 'credit',
      subtype: 'credit card',
      starting_balance: 500,
      meta: { name: 'Card', limit: 5000 },
      identity: { names: ['Dana Lender'] },
      transactions: [row('2026-08-03', 45.1, 'STARBUCKS STORE 123')],
    },
  ],
};
const EMPLOYERS: Record<string, string> = { 'Weyland-Yutani Direct Dep': 'Weyland Yutani', 'ACME CORP PAYROLL PPD ID: 1234567890': 'Acme' };

async function createAndWait(s: TestServer, receiver: WebhookReceiver, ref: Record<string, string>, extra: Record<string, unknown> = {}) {
  const before = receiver.received.length;
  await s.plaid.craCheckReportCreate({ ...ref, webhook: receiver.url, days_requested: 365, consumer_report_permissible_purpose: 'EXTENSION_OF_CREDIT', ...extra } as any);
  const [webhook] = (await receiver.waitFor(before + 1, { timeoutMs: 10_000 })).slice(before);
  const body = JSON.parse(webhook.body);
  assert.match(body.webhook_code, /READY$/, webhook.body);
  return body;
}

const verification = async (s: TestServer, body: Record<string, unknown>): Promise<Record<string, any>> => (await s.plaid.craCheckReportVerificationGet(body as any)).data;
const validateResponse = componentValidator('CraCheckReportVerificationGetResponse');

/** End-of-day balance on `date`, reconstructed backwards from the current balance by posted date. */
function balanceOn(rows: Row[], currentCents: number, date: string): number {
  return currentCents + rows.filter((r) => r.date_posted > date && r.date_posted <= REPORT_DATE).reduce((sum, r) => sum + cents(r.amount), 0);
}

/** Mean of the daily balances of the last `days` days, rounded half away from zero, as dollars. */
function averageOf(rows: Row[], currentCents: number, days: number): number {
  let total = 0;
  for (let d = day(REPORT_DATE) - days + 1; d <= day(REPORT_DATE); d++) total += balanceOn(rows, currentCents, isoDay(d));
  const mean = total / days;
  return (Math.sign(mean) * Math.round(Math.abs(mean))) / 100;
}

describe('/cra/check_report/verification/get', () => {
  test('VOA and Employment Refresh match the raw config; gse_reference_id is minted for gse_options', async (t) => {
    const s = await startTestServer(t, { startTime: START });
    const receiver = await startWebhookReceiver(t);
    const ref = (await linkSandboxUser(s, 'home-buyer', { password: JSON.stringify(HOME) })).ref;
    await createAndWait(s, receiver, ref, {
      client_report_id: 'mortgage-42',
      base_report: {
        gse_options: { report_types: ['VOA', 'EMPLOYMENT_REFRESH'] },
        home_lending_report_options: { reports_requested: ['VOA', 'EMPLOYMENT_REFRESH'], employment_refresh_options: { days_requested: 60 } },
      },
    });
    const base = (await s.plaid.craCheckReportBaseReportGet(ref as any)).data;
    const data = await verification(s, { ...ref, reports_requested: ['VOA', 'EMPLOYMENT_REFRESH'] });
    assert.ok(validateResponse(data), JSON.stringify(validateResponse.errors?.slice(0, 3)));
    const { report } = data;
    assert.equal(report.report_id, base.report.report_id, 'the verification report id is the Base Report id');
    assert.equal(report.client_report_id, 'mortgage-42');
    assert.match(report.gse_reference_id, UUID);
    assert.equal((await verification(s, { ...ref, reports_requested: ['VOA'] })).report.gse_reference_id, report.gse_reference_id, 'stable across gets');
    assert.equal(report.income, null, 'sections not asked for are null');

    // VOA: the asset accounts only (checking and savings, not the card).
    const voa = report.voa;
    assert.equal(voa.days_requested, 365);
    assert.equal(voa.generated_time, base.report.date_generated);
    const accounts = voa.items.flatMap((i: any) => i.accounts);
    assert.deepEqual(accounts.map((a: any) => a.name), ['Everyday Checking', 'Rainy Day Savings']);
    for (const [index, config] of HOME.override_accounts.slice(0, 2).entries()) {
      const account = accounts[index];
      const rows = config.transactions;
      const posted = rows.filter((r) => r.date_posted <= REPORT_DATE);
      const currentCents = cents(config.starting_balance) - posted.reduce((sum, r) => sum + cents(r.amount), 0);
      assert.equal(cents(account.balances.current), currentCents, `${config.meta.name} current`);
      assert.equal(account.balances.historical_balances.length, 365);
      for (const days of [30, 60, 90]) {
        assert.equal(account.balances[`average_balance_${days}_days`], averageOf(rows, currentCents, days), `${config.meta.name} ${days}-day average`);
      }
      assert.equal(account.transactions_insights.all_transactions.length, rows.length, 'every transaction of the window, pending included');
      assert.equal(account.transactions_insights.start_date, isoDay(day(REPORT_DATE) - 364));
      assert.equal(account.transactions_insights.end_date, REPORT_DATE);
      const large = posted.filter((r) => r.amount < -5000);
      assert.deepEqual(
        account.transactions_insights.large_deposits.map((d: any) => [d.date, d.amount, d.original_description]),
        large.map((r) => [r.date_posted, r.amount, r.description]),
        'posted deposits strictly above $5,000',
      );
      const fees = rows.filter((r) => /^(NSF|OVERDRAFT) FEE$/.test(r.description)).length;
      assert.equal(account.balances.nsf_overdraft_transactions_count, fees);
      assert.equal(account.owners[0].names[0], 'Dana Lender');
    }
    assert.equal(accounts[0].transactions_insights.large_deposits.length, 2, 'the $7,500 transfer and the $5,000.01 check, not the $5,000.00 cash');
    const depositoryRows = HOME.override_accounts.slice(0, 2).flatMap((a) => a.transactions).filter((r) => r.date_posted <= REPORT_DATE);
    assert.equal(cents(voa.attributes.total_inflow_amount.amount), depositoryRows.filter((r) => r.amount < 0).reduce((sum, r) => sum + cents(r.amount), 0));
    assert.equal(cents(voa.attributes.total_outflow_amount.amount), depositoryRows.filter((r) => r.amount > 0).reduce((sum, r) => sum + cents(r.amount), 0));

    // Employment Refresh: 60 days from the create request's home_lending_report_options.
    const expectRefresh = (er: any, days: number) => {
      const first = isoDay(day(REPORT_DATE) - days + 1);
      const payroll = HOME.override_accounts[0].transactions.filter((r) => r.description in EMPLOYERS && r.date_transacted >= first);
      assert.equal(er.days_requested, days);
      const checking = er.items[0].accounts.find((a: any) => a.name === 'Everyday Checking');
      assert.deepEqual(
        checking.transactions.map((tx: any) => [tx.date, tx.original_description, tx.pending]),
        payroll.map((r) => [r.date_posted > REPORT_DATE ? r.date_transacted : r.date_posted, r.description, r.date_posted > REPORT_DATE]),
      );
      assert.ok(checking.transactions.every((tx: any) => !('amount' in tx)), 'deposits without amounts');
      assert.deepEqual(er.items[0].accounts.find((a: any) => a.name === 'Rainy Day Savings').transactions, [], 'interest is not payroll');
      const latest = new Map<string, string>();
      for (const r of payroll) {
        const date = r.date_posted > REPORT_DATE ? r.date_transacted : r.date_posted;
        const name = EMPLOYERS[r.description];
        if (!latest.has(name) || latest.get(name)! < date) latest.set(name, date);
      }
      const expected = [...latest.entries()].sort((a, b) => (a[1] < b[1] ? 1 : -1)).map(([name, date]) => [name, date]);
      assert.deepEqual(er.employers.map((e: any) => [e.name, e.most_recent_pay_date]), expected);
    };
    expectRefresh(report.employment_refresh, 60);
    assert.deepEqual(report.employment_refresh.employers.map((e: any) => e.name), ['Acme'], 'Weyland-Yutani paid last on 2026-06-01, outside 60 days');
    const wider = await verification(s, { ...ref, reports_requested: ['EMPLOYMENT_REFRESH'], employment_refresh_options: { days_requested: 120 } });
    assert.ok(validateResponse(wider), JSON.stringify(validateResponse.errors?.slice(0, 3)));
    expectRefresh(wider.report.employment_refresh, 120);
    assert.equal(wider.report.voa, null);
    assert.deepEqual(wider.report.employment_refresh.employers.map((e: any) => e.name), ['Acme', 'Weyland Yutani']);
  });

  test('INCOME is the II2 income shape; bank_income_basic VOA flags its $5,500 paychecks', async (t) => {
    const s = await startTestServer(t, { startTime: START });
    const receiver = await startWebhookReceiver(t);
    const config = JSON.parse(readFileSync(join(FIXTURES, 'bank_income_basic.json'), 'utf8'));
    const ref = (await linkSandboxUser(s, 'income-basic', { password: JSON.stringify(config) })).ref;
    await createAndWait(s, receiver, ref);
    const data = await verification(s, { ...ref, reports_requested: ['VOA', 'INCOME'] });
    assert.ok(validateResponse(data), JSON.stringify(validateResponse.errors?.slice(0, 3)));
    assert.equal(data.report.gse_reference_id, undefined, 'no gse_options, no gse_reference_id');
    const rows: Row[] = config.override_accounts[0].transactions;
    const inWindow = rows.filter((r) => day(r.date_posted) > day(REPORT_DATE) - 365);
    const account = data.report.voa.items[0].accounts[0];
    assert.deepEqual(
      account.transactions_insights.large_deposits.map((d: any) => d.date),
      inWindow.filter((r) => r.amount < -5000).map((r) => r.date_posted).sort(),
    );
    assert.ok(account.transactions_insights.large_deposits.every((d: any) => d.credit_category.detailed === 'INCOME_SALARY'), 'account.transactions_insights.large_deposits.every((d: any) => d.credit_category.detailed === \'IN...');

    const income = data.report.income;
    assert.equal(income.days_requested, 365);
    const stream = income.income_streams.find((st: any) => st.transactions.some((tx: any) => tx.original_description === 'Plaid Direct Dep'));
    assert.ok(stream, JSON.stringify(income.income_streams.map((st: any) => st.description)));
    const paychecks = inWindow.filter((r) => r.description === 'Plaid Direct Dep');
    assert.deepEqual(stream.transactions.map((tx: any) => tx.amount).sort(), paychecks.map((r) => r.amount).sort());
    assert.equal(stream.insights.pay_frequency, 'MONTHLY');
    assert.ok(income.user_summary.income_metrics[0].current.monthly.net_income > 0, 'income.user_summary.income_metrics[0].current.monthly.net_income > 0');
  });

  test('request errors: missing or empty reports_requested, Employment Refresh days, no report yet', async (t) => {
    const s = await startTestServer(t, { startTime: START });
    const receiver = await startWebhookReceiver(t);
    const ref = (await linkSandboxUser(s, 'errors', { password: JSON.stringify(HOME) })).ref;
    const notFound = await plaidError(s.plaid.craCheckReportVerificationGet({ ...ref, reports_requested: ['VOA'] } as any));
    assert.equal(notFound.data.error_code, 'CONSUMER_REPORT_NOT_FOUND');
    await createAndWait(s, receiver, ref);
    assert.equal((await plaidError(s.plaid.craCheckReportVerificationGet({ ...ref } as any))).data.error_code, 'MISSING_FIELDS');
    assert.equal((await plaidError(s.plaid.craCheckReportVerificationGet({ ...ref, reports_requested: [] } as any))).data.error_code, 'INVALID_FIELD');
    assert.equal((await plaidError(s.plaid.craCheckReportVerificationGet({ ...ref, reports_requested: ['ASSETS'] } as any))).data.error_code, 'INVALID_FIELD');
    const noDays = await plaidError(s.plaid.craCheckReportVerificationGet({ ...ref, reports_requested: ['EMPLOYMENT_REFRESH'] } as any));
    assert.equal(noDays.data.error_code, 'MISSING_FIELDS');
    assert.match(noDays.data.error_message, /employment_refresh_options\.days_requested/);
    for (const days of [0, 732]) {
      const bad = await plaidError(s.plaid.craCheckReportVerificationGet({ ...ref, reports_requested: ['EMPLOYMENT_REFRESH'], employment_refresh_options: { days_requested: days } } as any));
      assert.equal(bad.data.error_code, 'INVALID_FIELD', `days ${days}`);
    }
    // A user whose only account is a credit card has no income data: INCOME fails cleanly, VOA is empty.
    const card = (await linkSandboxUser(s, 'card-only', { password: readFileSync(join(FIXTURES, 'credit_card_custom_user.json'), 'utf8') })).ref;
    await createAndWait(s, receiver, card);
    const income = await plaidError(s.plaid.craCheckReportVerificationGet({ ...card, reports_requested: ['INCOME'] } as any));
    assert.equal(income.data.error_type, 'CHECK_REPORT_ERROR');
    assert.equal(income.data.error_code, 'NO_ACCOUNTS');
    assert.deepEqual((await verification(s, { ...card, reports_requested: ['VOA'] })).report.voa.items, []);
  });
});

describe('investments in the Base Report (include_investments)', () => {
  test('the brokerage fixture: holdings, securities and investment transactions from the config; none without the flag', async (t) => {
    const s = await startTestServer(t, { startTime: START });
    const receiver = await startWebhookReceiver(t);
    const config = JSON.parse(readFileSync(join(FIXTURES, 'brokerage_custom_user.json'), 'utf8'));
    const ref = (await linkSandboxUser(s, 'brokerage', { password: JSON.stringify(config) })).ref;
    await createAndWait(s, receiver, ref);
    const without = (await s.plaid.craCheckReportBaseReportGet(ref as any)).data;
    assert.equal((without.report.items[0].accounts[0] as any).investments, undefined, 'left out without include_investments');

    await createAndWait(s, receiver, ref, { include_investments: true });
    const data = (await s.plaid.craCheckReportBaseReportGet(ref as any)).data;
    const validate = componentValidator('CraCheckReportBaseReportGetResponse');
    assert.ok(validate(data), JSON.stringify(validate.errors?.slice(0, 3)));
    const account = data.report.items[0].accounts[0] as any;
    const source = config.override_accounts[0];
    const investments = account.investments;
    assert.equal(investments.holdings.length, source.holdings.length);
    const tickers = new Map(investments.securities.map((sec: any) => [sec.security_id, sec.ticker_symbol]));
    source.holdings.forEach((h: any, i: number) => {
      const held = investments.holdings[i];
      assert.equal(tickers.get(held.security_id), h.security.ticker_symbol);
      assert.equal(held.quantity, h.quantity);
      assert.equal(held.institution_price, h.institution_price);
      assert.equal(cents(held.institution_value), Math.round(h.institution_price * h.quantity * 100));
      assert.equal(held.cost_basis, h.cost_basis ?? null);
      assert.equal(held.account_id, account.account_id);
    });
    const allTickers = new Set([...source.holdings, ...source.investment_transactions].map((x: any) => x.security.ticker_symbol));
    assert.deepEqual(new Set(tickers.values()), allTickers, 'one security per ticker');
    const firstDay = isoDay(day(REPORT_DATE) - 364);
    const rows = source.investment_transactions.filter((r: any) => r.date >= firstDay && r.date <= REPORT_DATE);
    assert.equal(investments.investment_transactions.length, rows.length);
    const buy = investments.investment_transactions.find((tx: any) => tx.type === 'buy' && tx.name === 'buy stock' && tx.date === '2026-02-05');
    assert.equal(buy.amount, Math.round((160 * 121.45 + 20) * 100) / 100, 'amount = quantity × price + fees');
    assert.equal(tickers.get(buy.security_id), 'NET');

    // The VOA carries them too.
    const voa = await verification(s, { ...ref, reports_requested: ['VOA'] });
    assert.ok(validateResponse(voa), JSON.stringify(validateResponse.errors?.slice(0, 3)));
    assert.deepEqual(voa.report.voa.items[0].accounts[0].investments, investments);
  });

  test('the excellent persona: its brokerage holdings are worth the account balance minus its cash', async (t) => {
    const s = await startTestServer(t, { startTime: START });
    const receiver = await startWebhookReceiver(t);
    const ref = (await linkSandboxUser(s, 'excellent', { username: 'user_credit_profile_excellent', password: 'any' })).ref;
    await createAndWait(s, receiver, ref, { include_investments: true });
    const data = (await s.plaid.craCheckReportBaseReportGet(ref as any)).data;
    const brokerage = data.report.items[0].accounts.find((a) => a.subtype === 'brokerage') as any;
    assert.ok(brokerage, 'the persona has a brokerage account');
    assert.equal(brokerage.type, 'investment');
    const { holdings, securities, investment_transactions } = brokerage.investments;
    assert.deepEqual(securities.map((sec: any) => sec.ticker_symbol).sort(), ['AAPL', 'VTI', 'VXUS']);
    const value = holdings.reduce((sum: number, h: any) => sum + cents(h.institution_value), 0);
    assert.equal(value, cents(brokerage.balances.current) - cents(brokerage.balances.available), 'current = holdings + uninvested cash (available)');
    assert.ok(investment_transactions.length > 0, 'investment_transactions.length > 0');
    // Contributions bring cash in (negative amount); buys spend it (positive amount = quantity × price).
    const contributions = investment_transactions.filter((tx: any) => tx.type === 'cash');
    assert.ok(contributions.length > 0 && contributions.every((tx: any) => tx.amount < 0 && tx.subtype === 'contribution'), JSON.stringify(contributions[0]));
    const buys = investment_transactions.filter((tx: any) => tx.type === 'buy');
    assert.ok(buys.length > 0 && buys.every((tx: any) => tx.subtype === 'buy' && cents(tx.amount) === Math.round(tx.quantity * tx.price * 100)), 'buys.length > 0 && buys.every((tx: any) => tx.subtype === \'buy\' && cents(tx.amount) === Math.roun...');
    assert.ok(investment_transactions.every((tx: any) => tx.date >= isoDay(day(REPORT_DATE) - 364) && tx.date <= REPORT_DATE), 'investment_transactions.every((tx: any) => tx.date >= isoDay(day(REPORT_DATE) - 364) && tx.date <...');
    const others = data.report.items[0].accounts.filter((a) => a.subtype !== 'brokerage');
    assert.ok(others.every((a: any) => a.investments === undefined), 'only investment accounts carry investments');
  });
});
