import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PLAID_RETRY_POLICY, nextAttemptAtMs, retryDelayMs } from '../../../src/webhooks/retry-schedule.js';

const noJitter = { ...PLAID_RETRY_POLICY, jitter: 0 };

test('Plaid’s schedule: 30 s, then four times longer after each failure', () => {
  assert.deepEqual([1, 2, 3, 4, 5, 6].map((n) => retryDelayMs(noJitter, n, () => 0.5)), [30_000, 120_000, 480_000, 1_920_000, 7_680_000, 30_720_000]);
});

test('jitter stays within ±20 %', () => {
  assert.equal(retryDelayMs(PLAID_RETRY_POLICY, 1, () => 0), 24_000);
  assert.equal(retryDelayMs(PLAID_RETRY_POLICY, 1, () => 0.999999), 36_000);
});

test('retries stop at the 24 h horizon: seven attempts in all without jitter', () => {
  let now = 0;
  let attempts = 1;
  for (;;) {
    const next = nextAttemptAtMs(noJitter, { createdAtMs: 0, nowMs: now, failedAttempts: attempts }, () => 0.5);
    if (next === null) break;
    now = next;
    attempts += 1;
  }
  assert.equal(attempts, 7);
  assert.ok(now < 24 * 3600_000, 'now < 24 * 3600_000');
});

test('a zero horizon means no retry at all', () => {
  assert.equal(nextAttemptAtMs({ ...PLAID_RETRY_POLICY, horizonMs: 0 }, { createdAtMs: 0, nowMs: 0, failedAttempts: 1 }, () => 0.5), null);
});
