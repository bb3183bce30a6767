// The VOA and Employment Refresh computations on hand-built Base Reports, every expectation worked
// out here from the inputs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BaseReport } from '../../../src/domain/reports/base-report-wire.js';
import { computeEmploymentRefresh } from '../../../src/domain/verification/employment-refresh.js';
import { computeVerificationReport, gseReferenceId, verificationIncome } from '../../../src/domain/verification/verification-report.js';
import { LARGE_DEPOSIT_THRESHOLD_CENTS, computeVoa } from '../../../src/domain/verification/voa.js';
import { account, linkedItem, txn } from '../reports/build-input.js';
import { fixtureReport } from './fixture-report.js';

const REPORT_DATE = '2026-08-23';
const day = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
const isoDay = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);

/** Checking with deposits around the threshold, a card, a brokerage; savings at another bank. */
function homeReport(daysRequested = 180): BaseReport {
  const checking = linkedItem({
    itemId: 'item-a',
    accounts: [
      account({ accountId: 'chk', current: 2000 }),
      account({ accountId: 'card', type: 'credit', subtype: 'credit card', current: 300, limit: 1000 }),
      account({ accountId: 'brk', type: 'investment', subtype: 'brokerage', current: 50_000, available: 1_000 }),
    ],
    transactions: [
      txn({ id: 'pay1', accountId: 'chk', amount: -3000, date: '2026-06-01' }),
      txn({ id: 'big-exact', accountId: 'chk', amount: -5000, date: '2026-06-10', pfcDetailed: 'TRANSFER_IN_DEPOSIT' }),
      txn({ id: 'big-over', accountId: 'chk', amount: -5000.01, date: '2026-06-11', pfcDetailed: 'TRANSFER_IN_DEPOSIT' }),
      txn({ id: 'big-pending', accountId: 'chk', amount: -9000, date: '2026-08-22', pending: true, pfcDetailed: 'TRANSFER_IN_DEPOSIT' }),
      txn({ id: 'big-cad', accountId: 'chk', amount: -8000, date: '2026-07-01', currency: { isoCurrencyCode: 'CAD', unofficialCurrencyCode: null }, pfcDetailed: 'TRANSFER_IN_DEPOSIT' }),
      txn({ id: 'rent', accountId: 'chk', amount: 1500, date: '2026-08-01' }),
      txn({ id: 'card-refund', accountId: 'card', amount: -6000, date: '2026-08-02', pfcDetailed: 'TRANSFER_IN_DEPOSIT' }),
    ],
  });
  const savings = linkedItem({ itemId: 'item-b', accounts: [account({ accountId: 'sav', subtype: 'savings', current: 100 })] });
  const cardOnly = linkedItem({ itemId: 'item-c', accounts: [account({ accountId: 'card2', type: 'credit', subtype: 'credit card', current: 0 })] });
  return fixtureReport([checking, savings, cardOnly], { daysRequested }).report;
}

describe('computeVoa', () => {
  it('lists asset accounts only (depository and investment) and drops Items without one', () => {
    const voa = computeVoa(homeReport());
    assert.deepEqual(voa.items.map((i) => i.item_id), ['item-a', 'item-b']);
    assert.deepEqual(voa.items[0].accounts.map((a) => a.account_id), ['chk', 'brk']);
    assert.equal(voa.days_requested, 180);
  });

  it('averages the daily balances of the last 30/60/90 days, counted back from the report date', () => {
    const voa = computeVoa(homeReport());
    const chk = voa.items[0].accounts[0];
    // End of day d = 2000 + Σ posted amounts after d (USD and CAD alike: balances are the account's).
    const posted = [
      ['2026-06-01', -3000],
      ['2026-06-10', -5000],
      ['2026-06-11', -5000.01],
      ['2026-07-01', -8000],
      ['2026-08-01', 1500],
    ] as const;
    const balanceCents = (date: string) => 200_000 + posted.filter(([d]) => d > date).reduce((s, [, a]) => s + Math.round(a * 100), 0);
    for (const days of [30, 60, 90] as const) {
      let sum = 0;
      for (let d = day(REPORT_DATE) - days + 1; d <= day(REPORT_DATE); d++) sum += balanceCents(isoDay(d));
      assert.equal(chk.balances[`average_balance_${days}_days`], Math.round(sum / days) / 100, `${days} days`);
    }
    const brk = voa.items[0].accounts[1];
    assert.equal(brk.balances.average_balance_30_days, null, 'no daily balances for investment accounts');
    assert.deepEqual(brk.balances.historical_balances, []);
  });

  it('flags posted USD deposits strictly above $5,000 into depository accounts', () => {
    assert.equal(LARGE_DEPOSIT_THRESHOLD_CENTS, 500_000);
    const voa = computeVoa(homeReport());
    assert.deepEqual(voa.items[0].accounts[0].transactions_insights.large_deposits.map((d) => [d.transaction_id, d.amount]), [['big-over', -5000.01]]);
    assert.equal(voa.items[0].accounts[0].transactions_insights.all_transactions.length, 6, 'pending and CAD rows are still listed');
  });

  it('spans the report window and keeps the user-level totals', () => {
    const report = homeReport(200);
    const voa = computeVoa(report);
    const insights = voa.items[0].accounts[0].transactions_insights;
    assert.equal(insights.start_date, isoDay(day(REPORT_DATE) - 199));
    assert.equal(insights.end_date, REPORT_DATE);
    assert.deepEqual(voa.attributes.total_inflow_amount, report.attributes.total_inflow_amount);
    assert.equal(voa.attributes.total_inflow_amount!.amount, -13000.01, 'posted USD deposits into depository accounts');
  });
});

describe('computeEmploymentRefresh', () => {
  const payroll = (id: string, date: string, name: string, extra: Partial<Parameters<typeof txn>[0]> = {}) => {
    const t = txn({ id, accountId: 'chk', amount: -2000, date, pfcDetailed: 'INCOME_WAGES', ...extra });
    return { ...t, enrichment: { ...t.enrichment, name, creditCategory: { primary: 'INCOME', detailed: 'INCOME_SALARY' } } };
  };
  const report = () =>
    fixtureReport([
      linkedItem({
        accounts: [account({ accountId: 'chk' }), account({ accountId: 'card', type: 'credit', subtype: 'credit card' })],
        transactions: [
          payroll('w1', '2026-05-01', 'Weyland Yutani'),
          payroll('w2', '2026-06-01', 'WEYLAND YUTANI'),
          payroll('a1', '2026-08-01', 'Acme'),
          payroll('a2', '2026-08-21', 'Acme', { pending: true }),
          payroll('refund', '2026-08-02', 'Acme', { amount: 10 }),
          txn({ id: 'gig', accountId: 'chk', amount: -300, date: '2026-08-10', pfcDetailed: 'INCOME_WAGES' }),
        ],
      }),
    ]).report;

  it('lists payroll deposits of the last N days without amounts, pending ones flagged', () => {
    const er = computeEmploymentRefresh(report(), 30);
    assert.equal(er.days_requested, 30);
    assert.deepEqual(er.items[0].accounts.map((a) => a.account_id), ['chk'], 'depository accounts only');
    assert.deepEqual(er.items[0].accounts[0].transactions, [
      { account_id: 'chk', original_description: 'DESC a1', date: '2026-08-01', pending: false, transaction_id: 'a1' },
      { account_id: 'chk', original_description: 'DESC a2', date: '2026-08-21', pending: true, transaction_id: 'a2' },
    ]);
    assert.deepEqual(er.employers, [{ name: 'Acme', most_recent_pay_date: '2026-08-21', deposit_count: 2, account_ids: ['chk'] }]);
  });

  it('groups employers regardless of case, most recent first, and clips the window to the report', () => {
    const er = computeEmploymentRefresh(report(), 731);
    assert.equal(er.days_requested, 365, 'the report holds 365 days');
    assert.deepEqual(er.employers.map((e) => [e.name, e.most_recent_pay_date, e.deposit_count]), [
      ['Acme', '2026-08-21', 2],
      ['Weyland Yutani', '2026-06-01', 2],
    ]);
  });
});

describe('computeVerificationReport', () => {
  it('fills only the sections asked for; gse_reference_id only for gse_options', () => {
    const base = homeReport();
    const plain = computeVerificationReport({ report: base, reportsRequested: ['VOA'], employmentRefreshDays: null, gseShareable: false, incomeInsights: null });
    assert.equal(plain.report_id, base.report_id);
    assert.ok(plain.voa, 'plain.voa');
    assert.equal(plain.employment_refresh, null);
    assert.equal(plain.income, null);
    assert.equal('gse_reference_id' in plain, false);
    const gse = computeVerificationReport({ report: base, reportsRequested: ['EMPLOYMENT_REFRESH'], employmentRefreshDays: 60, gseShareable: true, incomeInsights: null });
    assert.equal(gse.gse_reference_id, gseReferenceId(base.report_id));
    assert.equal(gse.voa, null);
    assert.equal(gse.employment_refresh!.days_requested, 60);
  });

  it('gse_reference_id is a stable UUID per report', () => {
    assert.match(gseReferenceId('r1'), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(gseReferenceId('r1'), gseReferenceId('r1'));
    assert.notEqual(gseReferenceId('r1'), gseReferenceId('r2'));
  });

  it('INCOME keeps the II2 streams and summary and drops the report ids and II1 fields', () => {
    const income = verificationIncome({
      report_id: 'r',
      client_report_id: null,
      generated_time: '2026-08-23T12:00:00.000Z',
      days_requested: 365,
      user_summary: { income_metrics: [] },
      income_streams: [{ income_stream_id: 's' }],
      items: [{ item_id: 'i', accounts: [], last_updated_time: 't', institution_id: 'ins', institution_name: 'Bank', bank_income_accounts: [], bank_income_sources: [] }],
      bank_income_summary: {},
    });
    assert.deepEqual(income, {
      generated_time: '2026-08-23T12:00:00.000Z',
      days_requested: 365,
      user_summary: { income_metrics: [] },
      income_streams: [{ income_stream_id: 's' }],
      items: [{ item_id: 'i', accounts: [], last_updated_time: 't', institution_id: 'ins', institution_name: 'Bank' }],
    });
  });
});
