import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { computeBaseReport } from '../../../src/domain/reports/base-report.js';
import type { BaseReportAccount } from '../../../src/domain/reports/base-report-wire.js';
import { account, linkedItem, txn } from './build-input.js';

function reportAccount(
  accounts: ReturnType<typeof account>[],
  transactions: ReturnType<typeof txn>[],
  generatedAt: string,
  daysRequested: number,
  accountId: string,
): BaseReportAccount {
  const report = computeBaseReport({
    reportId: 'r1',
    generatedAt,
    daysRequested,
    clientReportId: null,
    items: [linkedItem({ accounts, transactions })],
    includeInvestments: false,
  });
  const found = report.items[0].accounts.find((a) => a.account_id === accountId);
  assert.ok(found, 'found');
  return found;
}

const balancesOf = (a: BaseReportAccount) => a.historical_balances.map((h) => [h.date, h.current]);

describe('historical balances', () => {
  // Window 2026-02-27 … 2026-03-03 (5 days; 2026 is not a leap year).
  const generatedAt = '2026-03-03T12:00:00.000Z';

  it('walks a depository balance back from current by posted date, newest day first', () => {
    const checking = reportAccount(
      [account({ accountId: 'chk', current: 1000 })],
      [
        txn({ id: 't1', accountId: 'chk', amount: 50, date: '2026-03-03' }),
        txn({ id: 't2', accountId: 'chk', amount: -200, date: '2026-03-01' }),
        txn({ id: 't3', accountId: 'chk', amount: 30, date: '2026-02-27' }),
        // Pending: listed, but does not move any historical balance.
        txn({ id: 't4', accountId: 'chk', amount: 999, date: '2026-03-02', pending: true }),
        txn({ id: 't5', accountId: 'chk', amount: 5, date: '2026-02-20' }),
      ],
      generatedAt,
      5,
      'chk',
    );
    // End of 03-03 = current. Before the 50 outflow of 03-03 there was 50 more; before the 200
    // inflow of 03-01 there was 200 less. t3 (02-27) only affects 02-26, outside the window.
    assert.deepEqual(balancesOf(checking), [
      ['2026-03-03', 1000],
      ['2026-03-02', 1050],
      ['2026-03-01', 1050],
      ['2026-02-28', 850],
      ['2026-02-27', 850],
    ]);
    assert.deepEqual(checking.historical_balances[0], {
      date: '2026-03-03',
      current: 1000,
      iso_currency_code: 'USD',
      unofficial_currency_code: null,
    });
    // (1000 + 1050 + 1050 + 850 + 850) / 5
    assert.equal(checking.balances.average_balance, 960);
    assert.deepEqual(checking.balances.average_monthly_balances, [
      // (850 + 850) / 2
      { start_date: '2026-02-27', end_date: '2026-02-28', average_balance: { amount: 850, iso_currency_code: 'USD', unofficial_currency_code: null } },
      // (1050 + 1050 + 1000) / 3 = 1033.333…
      { start_date: '2026-03-01', end_date: '2026-03-03', average_balance: { amount: 1033.33, iso_currency_code: 'USD', unofficial_currency_code: null } },
    ]);
    // The window is shorter than 30 days, so the 30-day average is the whole-window one.
    assert.equal(checking.balances.most_recent_thirty_day_average_balance, 960);
  });

  it('flips the sign for a credit account, whose current balance is the amount owed', () => {
    const card = reportAccount(
      [account({ accountId: 'cc', type: 'credit', subtype: 'credit card', current: 300, limit: 2000 })],
      [
        txn({ id: 'c1', accountId: 'cc', amount: 100, date: '2026-03-02' }),
        txn({ id: 'c2', accountId: 'cc', amount: -250, date: '2026-02-28' }),
      ],
      generatedAt,
      5,
      'cc',
    );
    // Before the 100 purchase (03-02) 100 less was owed; before the 250 payment (02-28) 250 more.
    assert.deepEqual(balancesOf(card), [
      ['2026-03-03', 300],
      ['2026-03-02', 300],
      ['2026-03-01', 200],
      ['2026-02-28', 200],
      ['2026-02-27', 450],
    ]);
    assert.equal(card.balances.average_balance, 290); // 1450 / 5
    assert.deepEqual(
      card.balances.average_monthly_balances.map((m) => m.average_balance.amount),
      [325, 266.67], // (200 + 450) / 2 and 800 / 3 = 266.666…
    );
    assert.equal(card.balances.limit, 2000);
  });

  it('rounds mean balances half away from zero to cents', () => {
    // Window 2026-03-02 … 2026-03-03. End of 03-03: −0.03; the +0.01 outflow on 03-03 means
    // −0.02 at the end of 03-02. Mean −0.025 rounds away from zero to −0.03.
    const overdrawn = reportAccount(
      [account({ accountId: 'od', current: -0.03 })],
      [txn({ id: 'o1', accountId: 'od', amount: 0.01, date: '2026-03-03' })],
      generatedAt,
      2,
      'od',
    );
    assert.deepEqual(balancesOf(overdrawn), [
      ['2026-03-03', -0.03],
      ['2026-03-02', -0.02],
    ]);
    assert.equal(overdrawn.balances.average_balance, -0.03);
    assert.equal(overdrawn.balances.most_recent_thirty_day_average_balance, -0.03);
  });

  it('averages partial months at both ends of a 180-day window and the last 30 days', () => {
    // Window 2026-02-24 … 2026-08-22. Balance 50 until a 50 deposit posts on 2026-05-15, then 100.
    const savings = reportAccount(
      [account({ accountId: 'sav', subtype: 'savings', current: 100 })],
      [txn({ id: 'd1', accountId: 'sav', amount: -50, date: '2026-05-15' })],
      '2026-08-22T10:00:00.000Z',
      180,
      'sav',
    );
    assert.equal(savings.historical_balances.length, 180);
    assert.equal(savings.historical_balances[0].date, '2026-08-22');
    assert.equal(savings.historical_balances[179].date, '2026-02-24');
    assert.deepEqual(
      savings.historical_balances.filter((h) => h.date >= '2026-05-14' && h.date <= '2026-05-15').map((h) => [h.date, h.current]),
      [
        ['2026-05-15', 100],
        ['2026-05-14', 50],
      ],
    );
    // May: 14 days at 50 and 17 at 100 → 2400 / 31 = 77.419…
    assert.deepEqual(
      savings.balances.average_monthly_balances.map((m) => [m.start_date, m.end_date, m.average_balance.amount]),
      [
        ['2026-02-24', '2026-02-28', 50],
        ['2026-03-01', '2026-03-31', 50],
        ['2026-04-01', '2026-04-30', 50],
        ['2026-05-01', '2026-05-31', 77.42],
        ['2026-06-01', '2026-06-30', 100],
        ['2026-07-01', '2026-07-31', 100],
        ['2026-08-01', '2026-08-22', 100],
      ],
    );
    // 80 days at 50 (5 + 31 + 30 + 14) and 100 at 100: 14000 / 180 = 77.777…
    assert.equal(savings.balances.average_balance, 77.78);
    assert.equal(savings.balances.most_recent_thirty_day_average_balance, 100);
  });

  it('produces no history for investment accounts or accounts without a current balance', () => {
    const accounts = [
      account({ accountId: 'inv', type: 'investment', subtype: 'brokerage', current: 5000 }),
      account({ accountId: 'nil', current: null, available: 20 }),
    ];
    for (const id of ['inv', 'nil']) {
      const a = reportAccount(accounts, [txn({ id: `x-${id}`, accountId: id, amount: 10, date: '2026-03-01' })], generatedAt, 5, id);
      assert.deepEqual(a.historical_balances, []);
      assert.equal(a.balances.average_balance, null);
      assert.deepEqual(a.balances.average_monthly_balances, []);
      assert.equal(a.balances.most_recent_thirty_day_average_balance, null);
    }
  });

  it('reports the institution balances and the Item refresh time', () => {
    const a = reportAccount([account({ accountId: 'chk', current: 12.34, available: 10.5 })], [], generatedAt, 5, 'chk');
    assert.deepEqual(
      { ...a.balances, average_monthly_balances: undefined },
      {
        available: 10.5,
        current: 12.34,
        limit: null,
        iso_currency_code: 'USD',
        unofficial_currency_code: null,
        last_updated_datetime: '2026-08-22T09:00:00.000Z',
        average_balance: 12.34,
        average_monthly_balances: undefined,
        most_recent_thirty_day_average_balance: 12.34,
      },
    );
  });
});
