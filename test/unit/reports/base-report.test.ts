import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { computeBaseReport, type BaseReportInput } from '../../../src/domain/reports/base-report.js';
import { account, linkedItem, OWNER, txn } from './build-input.js';

// Report date 2026-08-22; the 180-day window starts 2026-02-24.
const GENERATED_AT = '2026-08-22T10:00:00.000Z';

function input(overrides: Partial<BaseReportInput>): BaseReportInput {
  return {
    reportId: 'report-1',
    generatedAt: GENERATED_AT,
    daysRequested: 180,
    clientReportId: 'loan-42',
    items: [],
    includeInvestments: false,
    ...overrides,
  };
}

describe('computeBaseReport', () => {
  it('echoes the report header and the Item fields', () => {
    const report = computeBaseReport(
      input({ items: [linkedItem({ itemId: 'item-9', accounts: [account({ accountId: 'chk' })], lastUpdatedAt: '2026-08-21T23:00:00.000Z' })] }),
    );
    assert.equal(report.report_id, 'report-1');
    assert.equal(report.date_generated, GENERATED_AT);
    assert.equal(report.days_requested, 180);
    assert.equal(report.client_report_id, 'loan-42');
    assert.deepEqual(
      { ...report.items[0], accounts: undefined },
      {
        institution_name: 'First Platypus Bank',
        institution_id: 'ins_109508',
        item_id: 'item-9',
        date_last_updated: '2026-08-21T23:00:00.000Z',
        accounts: undefined,
      },
    );
  });

  it('includes a transaction on the window’s first day and drops the day before and anything after the report date', () => {
    const report = computeBaseReport(
      input({
        items: [
          linkedItem({
            accounts: [account({ accountId: 'chk' })],
            transactions: [
              txn({ id: 'first-day', accountId: 'chk', amount: 1, date: '2026-02-24' }),
              txn({ id: 'day-before', accountId: 'chk', amount: 2, date: '2026-02-23' }),
              txn({ id: 'report-day', accountId: 'chk', amount: 3, date: '2026-08-22' }),
              txn({ id: 'tomorrow', accountId: 'chk', amount: 4, date: '2026-08-23' }),
            ],
          }),
        ],
      }),
    );
    assert.deepEqual(
      report.items[0].accounts[0].transactions.map((t) => t.transaction_id),
      ['first-day', 'report-day'],
    );
  });

  it('lists pending transactions by transacted date, flagged, oldest first with ties by id', () => {
    const report = computeBaseReport(
      input({
        items: [
          linkedItem({
            accounts: [account({ accountId: 'chk', current: 100 })],
            transactions: [
              txn({ id: 'b', accountId: 'chk', amount: 5, date: '2026-08-20', transacted: '2026-08-18' }),
              txn({ id: 'pend', accountId: 'chk', amount: 60, date: '2026-08-21', pending: true }),
              txn({ id: 'a', accountId: 'chk', amount: 7, date: '2026-08-20' }),
              txn({ id: 'c', accountId: 'chk', amount: -9, date: '2026-08-01' }),
            ],
          }),
        ],
      }),
    );
    const chk = report.items[0].accounts[0];
    assert.deepEqual(
      chk.transactions.map((t) => [t.transaction_id, t.date, t.date_transacted, t.pending]),
      [
        ['c', '2026-08-01', '2026-08-01', false],
        ['a', '2026-08-20', '2026-08-20', false],
        ['b', '2026-08-20', '2026-08-18', false], // dated by its posted day
        ['pend', '2026-08-21', '2026-08-21', true],
      ],
    );
    // The pending 60 outflow moves neither the balances nor the totals.
    assert.equal(chk.historical_balances.find((h) => h.date === '2026-08-21')?.current, 100);
    assert.deepEqual(chk.attributes.total_outflow_amount, { amount: 12, iso_currency_code: 'USD', unofficial_currency_code: null });
  });

  it('maps a transaction to the contract’s fields', () => {
    const report = computeBaseReport(
      input({
        items: [
          linkedItem({
            accounts: [account({ accountId: 'chk' })],
            transactions: [txn({ id: 't1', accountId: 'chk', amount: -1077.93, date: '2026-08-10', merchantName: 'Lyft' })],
          }),
        ],
      }),
    );
    assert.deepEqual(report.items[0].accounts[0].transactions[0], {
      transaction_id: 't1',
      account_id: 'chk',
      amount: -1077.93,
      iso_currency_code: 'USD',
      unofficial_currency_code: null,
      original_description: 'DESC t1',
      date: '2026-08-10',
      date_transacted: '2026-08-10',
      pending: false,
      merchant_name: 'Lyft',
      name: 'Name t1',
      credit_category: { primary: 'CC_INCOME', detailed: 'CC_INCOME_WAGES' },
      personal_finance_category: { primary: 'INCOME', detailed: 'INCOME_WAGES', confidence_level: 'HIGH' },
      transaction_type: 'special',
      location: { address: null, city: null, region: null, postal_code: null, country: null, lat: null, lon: null, store_number: null },
      account_owner: null,
      check_number: null,
    });
  });

  it('counts days_available inclusively from the earliest transaction, even before the window, capped at days_requested', () => {
    const report = computeBaseReport(
      input({
        items: [
          linkedItem({
            accounts: [account({ accountId: 'recent' }), account({ accountId: 'old' }), account({ accountId: 'none' })],
            transactions: [
              // 2026-05-01 is day 121 of the year, 2026-08-22 day 234: 234 − 121 + 1 = 114 days.
              txn({ id: 'r1', accountId: 'recent', amount: 1, date: '2026-05-01' }),
              txn({ id: 'r2', accountId: 'recent', amount: 1, date: '2026-06-01' }),
              // Older than the window: counted, then capped at 180.
              txn({ id: 'o1', accountId: 'old', amount: 1, date: '2025-01-01' }),
              txn({ id: 'o2', accountId: 'old', amount: 1, date: '2026-03-10' }),
            ],
          }),
        ],
      }),
    );
    const [recent, old, none] = report.items[0].accounts;
    assert.equal(recent.days_available, 114);
    assert.equal(old.days_available, 180);
    assert.equal(none.days_available, 0);
    // metadata: from the oldest transaction inside the window to the report date.
    assert.deepEqual(recent.metadata, { start_date: '2026-05-01', end_date: '2026-08-22' });
    assert.deepEqual(old.metadata, { start_date: '2026-03-10', end_date: '2026-08-22' });
    assert.deepEqual(none.metadata, { start_date: null, end_date: null });
    assert.equal(recent.account_insights.days_available, 114);
  });

  it('maps account identity, owners and ownership, with no consumer disputes', () => {
    const report = computeBaseReport(
      input({
        items: [
          linkedItem({
            accounts: [
              account({ accountId: 'chk', name: 'Checking', officialName: 'Plaid Gold Checking', mask: '1208', ownershipType: 'joint' }),
              account({ accountId: 'pay', type: 'payroll', subtype: 'payroll', owners: [] }),
            ],
          }),
        ],
      }),
    );
    const [chk, pay] = report.items[0].accounts;
    assert.deepEqual(
      [chk.account_id, chk.name, chk.official_name, chk.mask, chk.type, chk.subtype, chk.ownership_type],
      ['chk', 'Checking', 'Plaid Gold Checking', '1208', 'depository', 'checking', 'joint'],
    );
    assert.deepEqual(chk.owners, [
      {
        names: OWNER.names,
        phone_numbers: [{ data: '+1 415-555-0101', primary: true, type: 'mobile' }],
        emails: [{ data: 'alberta@example.com', primary: true, type: 'other' }], // unknown type → other
        addresses: [
          {
            data: { street: '2992 Cameron Road', city: 'Malakoff', region: 'NY', postal_code: '14236', country: 'US' },
            primary: true,
          },
        ],
      },
    ]);
    assert.deepEqual(chk.consumer_disputes, []);
    assert.equal(pay.type, 'other'); // the contract's AccountType has no payroll
    assert.deepEqual(pay.owners, []);
  });

  it('adds investments only when asked and only to accounts that have them', () => {
    const brokerage = account({
      accountId: 'inv',
      type: 'investment',
      subtype: 'brokerage',
      current: 120,
      investments: {
        holdings: [
          { institution_price: 140.4, institution_price_as_of: '2026-06-03', quantity: 12, currency: 'USD', security: { ticker_symbol: 'AAPL', currency: 'USD' } },
          { institution_price: 19999.54, cost_basis: 120.03, quantity: 0.00293644, currency: 'USD', security: { ticker_symbol: 'CUR:BTC' } },
        ],
        investment_transactions: [
          { date: '2026-05-24', name: 'buy stock', quantity: 10, price: 10, fees: 20, type: 'buy', currency: 'USD', security: { ticker_symbol: 'AAPL' } },
          { date: '2026-06-07', name: 'sell stock', quantity: 4, price: 12.5, fees: 1, type: 'sell', currency: 'USD', security: { ticker_symbol: 'AAPL' } },
          { date: '2025-01-01', name: 'old', quantity: 1, price: 1, fees: 0, type: 'buy', security: { ticker_symbol: 'AAPL' } },
        ],
      },
    });
    const items = [linkedItem({ accounts: [brokerage, account({ accountId: 'chk' })] })];

    const without = computeBaseReport(input({ items }));
    assert.equal('investments' in without.items[0].accounts[0], false);

    const withInvestments = computeBaseReport(input({ items, includeInvestments: true }));
    const [inv, chk] = withInvestments.items[0].accounts;
    assert.equal('investments' in chk, false);
    assert.ok(inv.investments, 'inv.investments');
    const { holdings, securities, investment_transactions: trades } = inv.investments;

    const aapl = securities.find((s) => s.ticker_symbol === 'AAPL');
    const btc = securities.find((s) => s.ticker_symbol === 'CUR:BTC');
    assert.ok(aapl && btc, 'aapl && btc');
    assert.equal(securities.length, 2); // AAPL is listed once though held and traded
    assert.equal(btc.type, 'cryptocurrency');
    assert.match(aapl.security_id, /^[0-9A-Za-z]{37}$/);

    assert.deepEqual(holdings[0], {
      account_id: 'inv',
      security_id: aapl.security_id,
      institution_price: 140.4,
      institution_price_as_of: '2026-06-03',
      institution_value: 1684.8, // 140.4 × 12
      cost_basis: null,
      quantity: 12,
      iso_currency_code: 'USD',
      unofficial_currency_code: null,
    });
    assert.equal(holdings[1].institution_value, 58.73); // 19999.54 × 0.00293644 = 58.727…

    // The 2025 trade is outside the window. Buy: 10 × 10 + 20 fees; sell: −4 × 12.5 + 1 fee.
    assert.deepEqual(
      trades.map((t) => [t.date, t.type, t.subtype, t.quantity, t.amount, t.fees, t.security_id]),
      [
        ['2026-05-24', 'buy', 'buy', 10, 120, 20, aapl.security_id],
        ['2026-06-07', 'sell', 'sell', -4, -49, 1, aapl.security_id],
      ],
    );
    // Ids are derived, not random: a second computation agrees.
    const again = computeBaseReport(input({ items, includeInvestments: true }));
    assert.deepEqual(again.items[0].accounts[0].investments, inv.investments);
  });

  it('keeps Items and accounts in input order', () => {
    const report = computeBaseReport(
      input({
        items: [
          linkedItem({ itemId: 'b', accounts: [account({ accountId: 'b2' }), account({ accountId: 'b1' })] }),
          linkedItem({ itemId: 'a', accounts: [account({ accountId: 'a1' })] }),
        ],
      }),
    );
    assert.deepEqual(
      report.items.map((item) => [item.item_id, item.accounts.map((a) => a.account_id)]),
      [
        ['b', ['b2', 'b1']],
        ['a', ['a1']],
      ],
    );
  });

  it('never reports -0, even for a mean that rounds to zero from below', () => {
    // Balance 0 except −0.01 at the end of 2026-02-24 (the −0.01 inflow posts on 02-25): the
    // window mean is −1/180 cent and February's −1/5 cent, both rounding to zero.
    const report = computeBaseReport(
      input({
        items: [
          linkedItem({
            accounts: [account({ accountId: 'z', current: 0 })],
            transactions: [txn({ id: 'z1', accountId: 'z', amount: -0.01, date: '2026-02-25' })],
          }),
        ],
      }),
    );
    const z = report.items[0].accounts[0];
    assert.equal(z.historical_balances.at(-1)?.current, -0.01);
    assert.equal(z.balances.average_balance, 0);
    const negativeZeros: string[] = [];
    const walk = (value: unknown, path: string): void => {
      if (Object.is(value, -0)) negativeZeros.push(path);
      else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
    };
    walk(report, 'report');
    assert.deepEqual(negativeZeros, []);
  });
});
