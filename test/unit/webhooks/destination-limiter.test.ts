import assert from 'node:assert/strict';
import { test } from 'node:test';
import { destinationLimiter, type SlotDecision } from '../../../src/webhooks/destination-limiter.js';

function limiter(now: { ms: number }, perDestination = 2) {
  return destinationLimiter({ perDestination, maxHeldPerDestination: 4, maxWaitMs: 100, requestTimeoutMs: 10_000, monotonicMs: () => now.ms, random: () => 0.5 });
}

const slot = (d: SlotDecision) => {
  if (!('slot' in d)) throw new Error(`deferred ${d.deferMs}`);
  return d.slot;
};
const deferMs = (d: SlotDecision) => {
  if (!('deferMs' in d)) throw new Error('got a slot');
  return d.deferMs;
};

test('at most perDestination slots per origin; other origins are unaffected', async () => {
  const now = { ms: 0 };
  const l = limiter(now);
  slot(await l.acquire('http://a'));
  slot(await l.acquire('http://a'));
  assert.equal(l.inFlight('http://a'), 2);
  slot(await l.acquire('http://b'));
  assert.equal(l.inFlight('http://b'), 1);
});

test('a job waits for a slot at a busy origin and gets the one released', async () => {
  const now = { ms: 0 };
  const l = limiter(now);
  const first = slot(await l.acquire('http://a'));
  slot(await l.acquire('http://a'));
  const waiting = l.acquire('http://a');
  first.release(5);
  slot(await waiting);
  assert.equal(l.inFlight('http://a'), 2);
});

test('a stuck origin defers new jobs until its oldest request would time out, spaced out', async () => {
  const now = { ms: 0 };
  const l = limiter(now);
  slot(await l.acquire('http://dead'));
  slot(await l.acquire('http://dead'));
  // Not known to be dead yet: these wait, and give up after maxWaitMs (a real timer).
  const waiters = [l.acquire('http://dead'), l.acquire('http://dead')];
  now.ms = 6_000;
  const first = deferMs(await l.acquire('http://dead'));
  assert.ok(first >= 4_000, `not before the oldest request times out (${first})`);
  const later = (await Promise.all(waiters)).map(deferMs);
  assert.ok(later[0] > first && later[1] > later[0], JSON.stringify([first, ...later]));
});

test('an origin with no completed attempt yet holds at most maxHeldPerDestination queue slots', async () => {
  const now = { ms: 0 };
  const l = limiter(now);
  slot(await l.acquire('http://new'));
  slot(await l.acquire('http://new'));
  const waiters = [l.acquire('http://new'), l.acquire('http://new')];
  assert.ok(deferMs(await l.acquire('http://new')) >= 50, 'deferMs(await l.acquire(\'http://new\')) >= 50');
  await Promise.all(waiters);
});

test('a slow origin admits only perDestination waiters; the rest are deferred at its pace', async () => {
  const now = { ms: 0 };
  const l = limiter(now);
  slot(await l.acquire('http://slow')).release(1_000);
  slot(await l.acquire('http://slow'));
  slot(await l.acquire('http://slow'));
  const waiters = [l.acquire('http://slow'), l.acquire('http://slow')];
  const a = deferMs(await l.acquire('http://slow'));
  const b = deferMs(await l.acquire('http://slow'));
  assert.ok(a >= 50 && b - a >= 400, JSON.stringify([a, b]));
  await Promise.all(waiters);
});

test('an origin that answers quickly lets any number of jobs wait', async () => {
  const now = { ms: 0 };
  const l = limiter(now, 1);
  slot(await l.acquire('http://fast')).release(2);
  const held = slot(await l.acquire('http://fast'));
  const waiters = Array.from({ length: 20 }, () => l.acquire('http://fast'));
  held.release(2);
  for (const w of waiters) slot(await w).release(2);
});
