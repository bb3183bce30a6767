import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { computeBaseReport } from '../../../src/domain/reports/base-report.js';
import type { BaseReportAccount } from '../../../src/domain/reports/base-report-wire.js';
import { account, linkedItem, txn } from './build-input.js';

// Window 2026-02-22 … 2026-03-03 (10 days).
function insightsFor(accounts: ReturnType<typeof account>[], transactions: ReturnType<typeof txn>[]): BaseReportAccount[] {
  return computeBaseReport({
    reportId: 'r1',
    generatedAt: '2026-03-03T08:00:00.000Z',
    daysRequested: 10,
    clientReportId: null,
    items: [linkedItem({ accounts, transactions })],
    includeInvestments: false,
  }).items[0].accounts;
}

const usd = (amount: number) => ({ amount, iso_currency_code: 'USD', unofficial_currency_code: null });

describe('account insights', () => {
  const [checking, card] = insightsFor(
    [account({ accountId: 'chk' }), account({ accountId: 'cc', type: 'credit', subtype: 'credit card' })],
    [
      txn({ id: 'p1', accountId: 'chk', amount: -100, date: '2026-02-23' }),
      txn({ id: 'p2', accountId: 'chk', amount: 10, date: '2026-02-23' }),
      txn({ id: 'p3', accountId: 'chk', amount: 20, date: '2026-02-27' }),
      txn({ id: 'p4', accountId: 'chk', amount: 31, date: '2026-03-02' }),
      txn({ id: 'p5', accountId: 'chk', amount: -50, date: '2026-03-02', currency: { isoCurrencyCode: 'EUR', unofficialCurrencyCode: null } }),
      txn({ id: 'p6', accountId: 'chk', amount: 5, date: '2026-03-03', pending: true }),
      txn({ id: 'q1', accountId: 'cc', amount: 12, date: '2026-02-25' }),
      txn({ id: 'q2', accountId: 'cc', amount: -12, date: '2026-03-01' }),
    ],
  );

  it('summarises the posted transactions of a depository account', () => {
    const insights = checking.account_insights;
    assert.equal(insights.oldest_transaction_date, '2026-02-23');
    assert.equal(insights.most_recent_transaction_date, '2026-03-02'); // p6 is pending
    // 02-23 → 03-02 is 7 days, over 5 − 1 intervals.
    assert.equal(insights.average_days_between_transactions, 1.75);
    // 02-23 … 03-03 is 9 days; transactions posted on 3 of them.
    assert.equal(insights.number_of_days_no_transactions, 6);
    assert.equal(insights.days_available, 9);
  });

  it('breaks flows into calendar months from the oldest transaction, clipped to the window', () => {
    const insights = checking.account_insights;
    const feb = { start_date: '2026-02-22', end_date: '2026-02-28' };
    const mar = { start_date: '2026-03-01', end_date: '2026-03-03' };
    // February: p1 p2 same day (gap 0), then p3 four days later. March: p4 p5 same day.
    assert.deepEqual(insights.longest_gaps_between_transactions, [
      { ...feb, days: 4 },
      { ...mar, days: 0 },
    ]);
    assert.deepEqual(insights.number_of_inflows, [
      { ...feb, count: 1 },
      { ...mar, count: 1 }, // p5, counted though it is in EUR
    ]);
    assert.deepEqual(insights.number_of_outflows, [
      { ...feb, count: 2 },
      { ...mar, count: 1 },
    ]);
    // Averages are positive and USD only: March has no USD inflow.
    assert.deepEqual(insights.average_inflow_amounts, [
      { ...feb, total_amount: usd(100) },
      { ...mar, total_amount: usd(0) },
    ]);
    assert.deepEqual(insights.average_outflow_amounts, [
      { ...feb, total_amount: usd(15) }, // (10 + 20) / 2
      { ...mar, total_amount: usd(31) },
    ]);
  });

  it('leaves the monthly arrays empty for non-depository accounts', () => {
    const insights = card.account_insights;
    assert.equal(insights.oldest_transaction_date, '2026-02-25');
    assert.equal(insights.average_days_between_transactions, 4);
    assert.deepEqual(insights.longest_gaps_between_transactions, []);
    assert.deepEqual(insights.number_of_inflows, []);
    assert.deepEqual(insights.average_inflow_amounts, []);
    assert.deepEqual(insights.number_of_outflows, []);
    assert.deepEqual(insights.average_outflow_amounts, []);
  });

  it('reports a single-transaction month with a null gap and an account without transactions as empty', () => {
    const [single, empty] = insightsFor(
      [account({ accountId: 's' }), account({ accountId: 'e' })],
      [txn({ id: 's1', accountId: 's', amount: 3, date: '2026-03-01' })],
    );
    assert.deepEqual(single.account_insights.longest_gaps_between_transactions, [
      { start_date: '2026-03-01', end_date: '2026-03-03', days: null },
    ]);
    assert.equal(single.account_insights.average_days_between_transactions, 0);
    assert.equal(single.account_insights.number_of_days_no_transactions, 2);
    assert.deepEqual(empty.account_insights, {
      oldest_transaction_date: null,
      most_recent_transaction_date: null,
      days_available: 0,
      average_days_between_transactions: 0,
      longest_gaps_between_transactions: [],
      number_of_inflows: [],
      average_inflow_amounts: [],
      number_of_outflows: [],
      average_outflow_amounts: [],
      number_of_days_no_transactions: 0,
    });
  });
});
