import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { computeReportWarnings, evaluateReportOutcome } from '../../../src/domain/reports/base-report.js';
import type { LinkedItem } from '../../../src/domain/model.js';
import { account, linkedItem, txn } from './build-input.js';

const GENERATED_AT = '2026-08-22T10:00:00.000Z';

function outcome(items: LinkedItem[], options: { daysRequested?: number; daysRequired?: number | null; requireIdentity?: boolean } = {}) {
  return evaluateReportOutcome({
    items,
    generatedAt: GENERATED_AT,
    daysRequested: options.daysRequested ?? 180,
    daysRequired: options.daysRequired ?? null,
    requireIdentity: options.requireIdentity ?? false,
  });
}

describe('evaluateReportOutcome', () => {
  it('fails with NO_ACCOUNTS only when the user has no account at all', () => {
    assert.deepEqual(outcome([]), { ok: false, reason: 'NO_ACCOUNTS' });
    assert.deepEqual(outcome([linkedItem({ accounts: [] })]), { ok: false, reason: 'NO_ACCOUNTS' });
    // A credit-only user without a single transaction still gets a report.
    assert.deepEqual(outcome([linkedItem({ accounts: [account({ accountId: 'cc', type: 'credit', subtype: 'credit card' })] })]), { ok: true });
  });

  it('measures history as the longest days_available and fails below days_required', () => {
    const items = [
      linkedItem({
        accounts: [account({ accountId: 'a' }), account({ accountId: 'b' })],
        transactions: [
          // 2026-05-01 → 2026-08-22 inclusive: 234 − 121 + 1 = 114 days.
          txn({ id: 'a1', accountId: 'a', amount: 1, date: '2026-05-01' }),
          // 2026-06-01 → 83 days.
          txn({ id: 'b1', accountId: 'b', amount: 1, date: '2026-06-01' }),
        ],
      }),
    ];
    assert.deepEqual(outcome(items, { daysRequired: 114 }), { ok: true });
    assert.deepEqual(outcome(items, { daysRequired: 115 }), { ok: false, reason: 'INSTITUTION_TRANSACTION_HISTORY_NOT_SUPPORTED' });
    assert.deepEqual(outcome(items, { daysRequired: null }), { ok: true });
    assert.deepEqual(outcome(items, { daysRequired: 0 }), { ok: true });
  });

  it('counts transactions older than the window but caps history at days_requested', () => {
    const items = [
      linkedItem({
        accounts: [account({ accountId: 'a' })],
        transactions: [txn({ id: 'a1', accountId: 'a', amount: 1, date: '2025-01-01' })],
      }),
    ];
    // 2025-01-01 is 599 days before the report date, far outside a 180-day window.
    assert.deepEqual(outcome(items, { daysRequired: 180 }), { ok: true });
    assert.deepEqual(outcome(items, { daysRequired: 184 }), { ok: false, reason: 'INSTITUTION_TRANSACTION_HISTORY_NOT_SUPPORTED' });
    assert.deepEqual(outcome(items, { daysRequested: 365, daysRequired: 184 }), { ok: true });
  });

  it('ignores transactions dated after the report date when measuring history', () => {
    const items = [
      linkedItem({
        accounts: [account({ accountId: 'a' })],
        transactions: [txn({ id: 'future', accountId: 'a', amount: 1, date: '2026-09-01' })],
      }),
    ];
    assert.deepEqual(outcome(items, { daysRequired: 1 }), { ok: false, reason: 'INSTITUTION_TRANSACTION_HISTORY_NOT_SUPPORTED' });
  });

  it('fails require_identity only when no account anywhere has an owner name', () => {
    const anonymous = linkedItem({ itemId: 'anon', accounts: [account({ accountId: 'x', owners: [] })] });
    const blankName = linkedItem({
      itemId: 'blank',
      accounts: [account({ accountId: 'y', owners: [{ names: ['  '], phoneNumbers: [], emails: [], addresses: [] }] })],
    });
    const identified = linkedItem({ itemId: 'known', accounts: [account({ accountId: 'z' })] });

    assert.deepEqual(outcome([anonymous, blankName], { requireIdentity: true }), { ok: false, reason: 'IDENTITY_UNAVAILABLE' });
    assert.deepEqual(outcome([anonymous, identified], { requireIdentity: true }), { ok: true });
    assert.deepEqual(outcome([anonymous], { requireIdentity: false }), { ok: true });
  });

  it('reports NO_ACCOUNTS before history and history before identity', () => {
    assert.deepEqual(outcome([], { daysRequired: 100, requireIdentity: true }), { ok: false, reason: 'NO_ACCOUNTS' });
    const anonymousWithoutHistory = [linkedItem({ accounts: [account({ accountId: 'x', owners: [] })] })];
    assert.deepEqual(outcome(anonymousWithoutHistory, { daysRequired: 1, requireIdentity: true }), {
      ok: false,
      reason: 'INSTITUTION_TRANSACTION_HISTORY_NOT_SUPPORTED',
    });
  });
});

describe('computeReportWarnings', () => {
  it('warns per Item about missing owner identity and missing credit/depository transactions', () => {
    const good = linkedItem({
      itemId: 'good',
      accounts: [account({ accountId: 'g1' }), account({ accountId: 'g2', subtype: 'savings' })],
      // Only one account has history: the quiet savings account is not a warning.
      transactions: [txn({ id: 't', accountId: 'g1', amount: 1, date: '2026-08-01' })],
    });
    const noIdentity = linkedItem({
      itemId: 'no-identity',
      accounts: [account({ accountId: 'n1', owners: [] })],
      transactions: [txn({ id: 'u', accountId: 'n1', amount: 1, date: '2026-08-01' })],
    });
    const noTransactions = linkedItem({ itemId: 'no-transactions', accounts: [account({ accountId: 'm1', type: 'credit', subtype: 'credit card' })] });
    const brokerageOnly = linkedItem({ itemId: 'brokerage', accounts: [account({ accountId: 'b1', type: 'investment', subtype: 'brokerage' })] });

    const warnings = computeReportWarnings([good, noIdentity, noTransactions, brokerageOnly]);
    assert.deepEqual(
      warnings.map((w) => [w.warning_type, w.warning_code, w.cause?.item_id]),
      [
        ['BASE_REPORT_WARNING', 'IDENTITY_UNAVAILABLE', 'no-identity'],
        ['BASE_REPORT_WARNING', 'TRANSACTIONS_UNAVAILABLE', 'no-transactions'],
      ],
    );
    assert.deepEqual(
      { ...warnings[0].cause, error_message: undefined },
      { error_type: 'CHECK_REPORT_ERROR', error_code: 'DATA_UNAVAILABLE', error_message: undefined, display_message: null, item_id: 'no-identity' },
    );
    assert.equal(typeof warnings[0].cause?.error_message, 'string');
  });

  it('returns no warnings for an empty user', () => {
    assert.deepEqual(computeReportWarnings([]), []);
  });
});
