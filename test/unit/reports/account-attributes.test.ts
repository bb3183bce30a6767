import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { computeBaseReport } from '../../../src/domain/reports/base-report.js';
import type { BaseReport, BaseReportAccount, CreditAmountWithCurrency } from '../../../src/domain/reports/base-report-wire.js';
import { account, linkedItem, txn } from './build-input.js';

// Report date 2026-08-22; window 2026-02-24 … 2026-08-22; 30d from 2026-07-24, 60d from
// 2026-06-24, 90d from 2026-05-25 (see windows.test.ts).
const GENERATED_AT = '2026-08-22T15:00:00.000Z';
const usd = (amount: number): CreditAmountWithCurrency => ({ amount, iso_currency_code: 'USD', unofficial_currency_code: null });

function buildReport(): BaseReport {
  const checking = linkedItem({
    itemId: 'item-a',
    accounts: [
      account({ accountId: 'chk' }),
      account({ accountId: 'cc', type: 'credit', subtype: 'credit card', current: 400 }),
    ],
    transactions: [
      txn({ id: 'a', accountId: 'chk', amount: -1000, date: '2026-08-22' }),
      txn({ id: 'b', accountId: 'chk', amount: 200, date: '2026-07-24' }), // first day of 30d
      txn({ id: 'c', accountId: 'chk', amount: 300, date: '2026-07-23' }), // day before 30d
      txn({ id: 'd', accountId: 'chk', amount: -500, date: '2026-06-24' }), // first day of 60d
      txn({ id: 'e', accountId: 'chk', amount: 40, date: '2026-05-25' }), // first day of 90d
      txn({ id: 'f', accountId: 'chk', amount: -60, date: '2026-05-24' }), // day before 90d
      txn({ id: 'g', accountId: 'chk', amount: 10, date: '2026-02-24' }), // first day of the window
      txn({ id: 'h', accountId: 'chk', amount: 7, date: '2026-02-23' }), // day before the window
      txn({ id: 'i', accountId: 'chk', amount: 999, date: '2026-08-21', pending: true }),
      txn({ id: 'j', accountId: 'chk', amount: 50, date: '2026-08-20', currency: { isoCurrencyCode: 'EUR', unofficialCurrencyCode: null } }),
      txn({ id: 'k', accountId: 'cc', amount: 120, date: '2026-08-01' }),
      txn({ id: 'l', accountId: 'cc', amount: -300, date: '2026-08-05' }),
    ],
  });
  const savings = linkedItem({
    itemId: 'item-b',
    accounts: [
      account({ accountId: 'sav', subtype: 'savings' }),
      account({ accountId: 'inv', type: 'investment', subtype: 'brokerage' }),
    ],
    transactions: [
      txn({ id: 'n1', accountId: 'sav', amount: 35, date: '2026-08-10', pfcDetailed: 'BANK_FEES_OVERDRAFT_FEES' }),
      txn({ id: 'n2', accountId: 'sav', amount: -35, date: '2026-08-12', pfcDetailed: 'BANK_FEES_OVERDRAFT_FEES' }),
      txn({ id: 'n3', accountId: 'sav', amount: -35, date: '2026-08-15', pfcDetailed: 'BANK_FEES_INSUFFICIENT_FUNDS' }),
      txn({ id: 'n4', accountId: 'sav', amount: 35, date: '2026-07-01', pfcDetailed: 'BANK_FEES_INSUFFICIENT_FUNDS' }),
      txn({ id: 'n5', accountId: 'sav', amount: 35, date: '2026-04-01', pfcDetailed: 'BANK_FEES_OVERDRAFT_FEES' }),
      txn({ id: 'n6', accountId: 'sav', amount: 35, date: '2026-06-30', pfcDetailed: 'BANK_FEES_OVERDRAFT_FEES' }),
      txn({ id: 'n7', accountId: 'sav', amount: 35, date: '2026-08-21', pfcDetailed: 'BANK_FEES_OVERDRAFT_FEES', pending: true }),
      txn({ id: 'atm', accountId: 'sav', amount: 3, date: '2026-08-01', pfcDetailed: 'BANK_FEES_ATM_FEES' }),
    ],
  });
  return computeBaseReport({
    reportId: 'r1',
    generatedAt: GENERATED_AT,
    daysRequested: 180,
    clientReportId: null,
    items: [checking, savings],
    includeInvestments: false,
  });
}

function accountOf(report: BaseReport, id: string): BaseReportAccount {
  const found = report.items.flatMap((item) => item.accounts).find((a) => a.account_id === id);
  assert.ok(found, id);
  return found;
}

describe('account and user attributes', () => {
  const report = buildReport();

  it('totals USD inflows (negative) and outflows (positive) per window, posted only', () => {
    const attributes = accountOf(report, 'chk').attributes;
    // Inflows: a (all windows), d (60d on), f (whole window only). h precedes the window, i is
    // pending, j is in EUR.
    assert.deepEqual(attributes.total_inflow_amount_30d, usd(-1000));
    assert.deepEqual(attributes.total_inflow_amount_60d, usd(-1500));
    assert.deepEqual(attributes.total_inflow_amount_90d, usd(-1500));
    assert.deepEqual(attributes.total_inflow_amount, usd(-1560));
    // Outflows: b (30d on), c (60d on), e (90d on), g (whole window only).
    assert.deepEqual(attributes.total_outflow_amount_30d, usd(200));
    assert.deepEqual(attributes.total_outflow_amount_60d, usd(500));
    assert.deepEqual(attributes.total_outflow_amount_90d, usd(540));
    assert.deepEqual(attributes.total_outflow_amount, usd(550));
    assert.equal(attributes.nsf_overdraft_transactions_count, 0);
  });

  it('counts NSF/overdraft fees net of reversals in the same window, never below zero', () => {
    const attributes = accountOf(report, 'sav').attributes;
    // 30d: fee n1, reversals n2 n3 → 1 − 2 → 0. 60d/90d: fees n1 n4 n6, reversals n2 n3 → 1.
    // Whole window: fees n1 n4 n5 n6, reversals n2 n3 → 2. n7 is pending; the ATM fee is not NSF.
    assert.equal(attributes.nsf_overdraft_transactions_count_30d, 0);
    assert.equal(attributes.nsf_overdraft_transactions_count_60d, 1);
    assert.equal(attributes.nsf_overdraft_transactions_count_90d, 1);
    assert.equal(attributes.nsf_overdraft_transactions_count, 2);
    // The fees are ordinary flows too: reversals n2 n3 in; fees and the 3.00 ATM fee out.
    assert.deepEqual(attributes.total_inflow_amount_30d, usd(-70));
    assert.deepEqual(attributes.total_outflow_amount_30d, usd(38));
    assert.deepEqual(attributes.total_outflow_amount_60d, usd(108));
    assert.deepEqual(attributes.total_outflow_amount, usd(143));
  });

  it('leaves account-level totals null and NSF at zero for non-depository accounts', () => {
    for (const id of ['cc', 'inv']) {
      const attributes = accountOf(report, id).attributes;
      for (const key of ['total_inflow_amount', 'total_inflow_amount_30d', 'total_outflow_amount', 'total_outflow_amount_90d'] as const) {
        assert.equal(attributes[key], null, `${id} ${key}`);
      }
      assert.equal(attributes.nsf_overdraft_transactions_count, 0);
    }
  });

  it('aggregates user-level attributes over depository accounts only', () => {
    assert.deepEqual(report.attributes, {
      nsf_overdraft_transactions_count: 2,
      nsf_overdraft_transactions_count_30d: 0,
      nsf_overdraft_transactions_count_60d: 1,
      nsf_overdraft_transactions_count_90d: 1,
      total_inflow_amount: usd(-1630), // −1560 − 70
      total_inflow_amount_30d: usd(-1070),
      total_inflow_amount_60d: usd(-1570),
      total_inflow_amount_90d: usd(-1570),
      total_outflow_amount: usd(693), // 550 + 143
      total_outflow_amount_30d: usd(238),
      total_outflow_amount_60d: usd(608),
      total_outflow_amount_90d: usd(648),
    });
  });

  it('picks one primary account per type across Items by inflow and activity share', () => {
    // Depository: chk has 1560 of 1630 USD inflow and 8 of 15 posted rows (h is outside the
    // window, i pending; j counts as activity); sav has 70 and 7.
    const chkScore = (1560 / 1630 + 8 / 15) / 2; // 0.745…
    const savScore = (70 / 1630 + 7 / 15) / 2; // 0.254…
    assert.equal(accountOf(report, 'chk').attributes.primary_account_score, Math.round(chkScore * 100) / 100);
    assert.equal(accountOf(report, 'sav').attributes.primary_account_score, Math.round(savScore * 100) / 100);
    assert.equal(accountOf(report, 'chk').attributes.is_primary_account, true);
    assert.equal(accountOf(report, 'sav').attributes.is_primary_account, null);
    // The only credit account holds all of its type's inflow and activity.
    assert.equal(accountOf(report, 'cc').attributes.primary_account_score, 1);
    assert.equal(accountOf(report, 'cc').attributes.is_primary_account, true);
    // No activity at all: score 0 and never primary.
    assert.equal(accountOf(report, 'inv').attributes.primary_account_score, 0);
    assert.equal(accountOf(report, 'inv').attributes.is_primary_account, null);
  });

  it('breaks a primary-score tie in favour of the account listed first', () => {
    const twin = computeBaseReport({
      reportId: 'r2',
      generatedAt: GENERATED_AT,
      daysRequested: 180,
      clientReportId: null,
      items: [
        linkedItem({
          accounts: [account({ accountId: 'x' }), account({ accountId: 'y' })],
          transactions: [
            txn({ id: 'x1', accountId: 'x', amount: -10, date: '2026-08-01' }),
            txn({ id: 'y1', accountId: 'y', amount: -10, date: '2026-08-01' }),
          ],
        }),
      ],
      includeInvestments: false,
    });
    const [x, y] = twin.items[0].accounts;
    assert.equal(x.attributes.primary_account_score, 0.5);
    assert.equal(y.attributes.primary_account_score, 0.5);
    assert.equal(x.attributes.is_primary_account, true);
    assert.equal(y.attributes.is_primary_account, null);
  });

  it('treats payroll accounts, reported as other, as the same type as other accounts', () => {
    const report = computeBaseReport({
      reportId: 'r4',
      generatedAt: GENERATED_AT,
      daysRequested: 180,
      clientReportId: null,
      items: [
        linkedItem({
          accounts: [account({ accountId: 'pay', type: 'payroll', subtype: 'payroll' }), account({ accountId: 'oth', type: 'other', subtype: null })],
          transactions: [
            txn({ id: 'p1', accountId: 'pay', amount: -10, date: '2026-08-01' }),
            txn({ id: 'o1', accountId: 'oth', amount: -30, date: '2026-08-01' }),
          ],
        }),
      ],
      includeInvestments: false,
    });
    const [pay, other] = report.items[0].accounts;
    // Shares of 40 inflow and 2 rows: pay (10/40 + 1/2) / 2 = 0.375, other (30/40 + 1/2) / 2 = 0.625.
    assert.deepEqual([pay.type, pay.attributes.primary_account_score, pay.attributes.is_primary_account], ['other', 0.38, null]);
    assert.deepEqual([other.type, other.attributes.primary_account_score, other.attributes.is_primary_account], ['other', 0.63, true]);
  });

  it('gives null user-level totals when the user has no depository account', () => {
    const creditOnly = computeBaseReport({
      reportId: 'r3',
      generatedAt: GENERATED_AT,
      daysRequested: 180,
      clientReportId: null,
      items: [linkedItem({ accounts: [account({ accountId: 'cc', type: 'credit', subtype: 'credit card' })] })],
      includeInvestments: false,
    });
    assert.equal(creditOnly.attributes.total_inflow_amount, null);
    assert.equal(creditOnly.attributes.total_outflow_amount_30d, null);
    assert.equal(creditOnly.attributes.nsf_overdraft_transactions_count, 0);
  });
});
