import assert from 'node:assert/strict';
import { test } from 'node:test';
import { receiverRejections } from '../../../src/webhooks/receiver-rejections.js';

const HOUR = 60 * 60 * 1000;
const T0 = Date.parse('2026-03-01T00:00:00Z');
const A = 'https://a.example/hook';
const B = 'https://b.example/hook';

function counts(r: ReturnType<typeof receiverRejections>, url: string, failed: number, delivered: number, atMs: number): void {
  for (let i = 0; i < failed; i += 1) r.count(url, false, atMs);
  for (let i = 0; i < delivered; i += 1) r.count(url, true, atMs);
}

test('stops retries only above 90% failed, and only from the tenth attempt', () => {
  const r = receiverRejections();
  counts(r, A, 9, 0, T0);
  assert.equal(r.stopsRetries(A, T0), false, 'nine attempts: under the minimum');
  counts(r, A, 1, 0, T0);
  assert.equal(r.stopsRetries(A, T0), true, 'ten failed of ten');
  const edge = receiverRejections();
  counts(edge, A, 9, 1, T0);
  assert.equal(edge.stopsRetries(A, T0), false, 'exactly 90% is not more than 90%');
  counts(edge, A, 1, 0, T0);
  assert.equal(edge.stopsRetries(A, T0), true, '10 of 11');
  assert.equal(edge.stopsRetries(B, T0), false, 'per receiver');
});

test('counts only the last 24 hours on the clock it is given', () => {
  const r = receiverRejections();
  counts(r, A, 20, 0, T0);
  assert.equal(r.stopsRetries(A, T0 + 23 * HOUR), true);
  assert.equal(r.stopsRetries(A, T0 + 24 * HOUR), false, 'that hour has left the window');
  counts(r, A, 5, 0, T0 + 24 * HOUR);
  counts(r, A, 1, 9, T0 + 25 * HOUR);
  assert.equal(r.stopsRetries(A, T0 + 25 * HOUR), false, '6 of 15 failed in the window');
});

test('forgets the least recently seen receivers beyond its capacity', () => {
  const r = receiverRejections({ cutOff: 0.9, minimumAttempts: 1, maxReceivers: 2 });
  counts(r, A, 1, 0, T0);
  counts(r, B, 1, 0, T0);
  counts(r, 'https://c.example/hook', 1, 0, T0);
  assert.equal(r.stopsRetries(B, T0), true);
  assert.equal(r.stopsRetries(A, T0), false, 'A, the least recently seen, was forgotten');
});
