// The sender on its own, against local HTTP servers: outcomes of answered,
// oversized, unanswered and interrupted attempts.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, type TestContext } from 'node:test';
import { webhookSender } from '../../../src/webhooks/deliver.js';
import { destinationPolicy } from '../../../src/webhooks/destination-policy.js';

async function receiver(t: TestContext, handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<URL> {
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook?x=1`);
}

function sender(t: TestContext, timeoutMs = 10_000) {
  const s = webhookSender({ timeoutMs, maxResponseBytes: 1024, policy: destinationPolicy({ allowHosts: [], denyHosts: [] }), monotonicMs: () => performance.now() });
  t.after(() => s.close());
  return s;
}

const headers = { 'Content-Type': 'application/json', 'Opencheck-Webhook-Id': 'w1' };

test('an answered attempt carries the status, the start of the answer and what the receiver got', async (t) => {
  const seen: Array<{ path: string; id: string | undefined; body: string }> = [];
  const url = await receiver(t, (req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push({ path: req.url ?? '', id: req.headers['opencheck-webhook-id'] as string | undefined, body });
      if (seen.length === 1) res.writeHead(200).end('thanks');
      else res.writeHead(302, { Location: 'http://elsewhere.example/' }).end();
    });
  });
  const s = sender(t);
  const ok = await s.send({ url, body: '{\n  "a": 1\n}', headers });
  assert.deepEqual({ ...ok, latencyMs: 0 }, { answered: true, statusCode: 200, delivered: true, latencyMs: 0, error: null, responseBody: 'thanks', interrupted: false });
  const redirected = await s.send({ url, body: '{}', headers });
  assert.equal(redirected.delivered, false);
  assert.equal(redirected.error, 'status 302: redirects are not followed (Location: http://elsewhere.example/)');
  assert.deepEqual(seen[0], { path: '/hook?x=1', id: 'w1', body: '{\n  "a": 1\n}' });
});

test('an answer over the size limit is cut off; the status still counts', async (t) => {
  const url = await receiver(t, (req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(500).end('x'.repeat(64 * 1024)));
  });
  const outcome = await sender(t).send({ url, body: '{}', headers });
  assert.equal(outcome.answered, true);
  assert.equal(outcome.statusCode, 500);
  assert.equal(outcome.error, 'status 500: only 200 counts as delivered, as with Plaid; response body exceeded 1024 bytes and was cut off');
  assert.equal(outcome.responseBody, 'x'.repeat(1024));
});

test('no answer within the deadline is a timeout, not an interruption', async (t) => {
  const url = await receiver(t, (req) => req.resume());
  const outcome = await sender(t, 300).send({ url, body: '{}', headers });
  assert.equal(outcome.answered, false);
  assert.equal(outcome.interrupted, false);
  assert.match(outcome.error ?? '', /^timeout: no response within 300 ms$/);
});

test('close() ends attempts in flight as interrupted, and later sends too', async (t) => {
  let arrived: () => void = () => {};
  const arrival = new Promise<void>((resolve) => (arrived = resolve));
  const url = await receiver(t, (req) => {
    req.resume();
    arrived();
  });
  const s = sender(t);
  const pending = s.send({ url, body: '{}', headers });
  await arrival;
  await s.close();
  const outcome = await pending;
  assert.equal(outcome.interrupted, true);
  assert.equal(outcome.error, 'interrupted by shutdown');
  assert.equal((await s.send({ url, body: '{}', headers })).interrupted, true);
});
