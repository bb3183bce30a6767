import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { recordWebhook } from '../../src/operations/webhooks.js';
import { DIALECTS, plaidError, startTestServer, type TestServer } from '../support/test-server.js';
import { plaidStyleVerifier, startWebhookReceiver } from '../support/webhook-receiver.js';

type Json = Record<string, any>;

async function sendTest(s: TestServer, url: string): Promise<string> {
  const response = await s.post('/opencheck/webhooks/test', { url });
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return response.body.webhook_id;
}

async function listed(s: TestServer, filter: Json = {}): Promise<Json[]> {
  const response = await s.post('/opencheck/webhooks/list', filter);
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return response.body.webhooks;
}

/** Polls the delivery log until `done` holds (deliveries are asynchronous). */
async function eventually(s: TestServer, webhookId: string, done: (w: Json) => boolean, timeoutMs = 10_000): Promise<Json> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [webhook] = await listed(s, { webhook_id: webhookId });
    if (webhook && done(webhook)) return webhook;
    if (Date.now() > deadline) throw new Error(`webhook ${webhookId} did not reach the expected state: ${JSON.stringify(webhook)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function recordDirect(s: TestServer, input: { userId?: string | null; reportId?: string | null; url: string; body?: Json; clientId?: string }) {
  const deps = s.opencheck.deps;
  const id = await deps.store.db.transaction().execute((trx) =>
    recordWebhook(trx, deps, {
      clientId: input.clientId ?? s.clientId,
      userId: input.userId ?? null,
      reportId: input.reportId ?? null,
      url: input.url,
      body: input.body ?? { webhook_type: 'CHECK_REPORT', webhook_code: 'USER_CHECK_REPORT_READY', user_id: input.userId, environment: 'sandbox' },
    }),
  );
  deps.jobs.notify();
  return id;
}

for (const dialect of DIALECTS) {
  describe(`webhooks (${dialect})`, () => {
    test('/webhook_verification_key/get serves the signing key as Plaid’s JWKPublicKey; an unknown kid is INVALID_WEBHOOK_VERIFICATION_KEY_ID', async (t) => {
      const s = await startTestServer(t, { dialect });
      const receiver = await startWebhookReceiver(t);
      await sendTest(s, receiver.url);
      const [webhook] = await receiver.waitFor(1);
      const kid = JSON.parse(Buffer.from(String(webhook.headers['plaid-verification']).split('.')[0], 'base64url').toString()).kid;
      const { data } = await s.plaid.webhookVerificationKeyGet({ key_id: kid });
      assert.deepEqual(Object.keys(data.key).sort(), ['alg', 'created_at', 'crv', 'expired_at', 'kid', 'kty', 'use', 'x', 'y']);
      assert.equal(data.key.alg, 'ES256');
      assert.equal(data.key.kty, 'EC');
      assert.equal(data.key.crv, 'P-256');
      assert.equal(data.key.use, 'sig');
      assert.equal(data.key.kid, kid);
      assert.equal(data.key.expired_at, null);
      assert.ok(Number.isInteger(data.key.created_at), 'Number.isInteger(data.key.created_at)');
      assert.ok(!('d' in data.key), 'the private part is never served');
      const unknown = await plaidError(s.plaid.webhookVerificationKeyGet({ key_id: '00000000-0000-0000-0000-000000000000' }));
      assert.equal(unknown.status, 400);
      assert.equal(unknown.data.error_type, 'INVALID_INPUT');
      assert.equal(unknown.data.error_code, 'INVALID_WEBHOOK_VERIFICATION_KEY_ID');
      const missing = await s.post('/webhook_verification_key/get', {});
      assert.equal(missing.body.error_code, 'MISSING_FIELDS');
    });

    test('a webhook verifies the way Plaid’s docs verify; a tampered body or an iat older than 5 minutes does not', async (t) => {
      const s = await startTestServer(t, { dialect });
      const receiver = await startWebhookReceiver(t);
      const verify = plaidStyleVerifier(s.plaid);
      const webhookId = await sendTest(s, receiver.url);
      const [webhook] = await receiver.waitFor(1);
      assert.equal(webhook.headers['content-type'], 'application/json');
      assert.equal(webhook.headers['opencheck-webhook-id'], webhookId);
      // Plaid's body: JSON with 2-space indentation, nothing added.
      assert.deepEqual(JSON.parse(webhook.body), { webhook_type: 'OPENCHECK', webhook_code: 'WEBHOOK_TEST', environment: 'sandbox' });
      assert.equal(webhook.body, JSON.stringify(JSON.parse(webhook.body), null, 2));
      const signature = webhook.headers['plaid-verification'] as string;
      const header = JSON.parse(Buffer.from(signature.split('.')[0], 'base64url').toString());
      assert.deepEqual({ alg: header.alg, typ: header.typ }, { alg: 'ES256', typ: 'JWT' });
      const payload = JSON.parse(Buffer.from(signature.split('.')[1], 'base64url').toString());
      assert.deepEqual(Object.keys(payload).sort(), ['iat', 'request_body_sha256']);

      assert.deepEqual(await verify(webhook.body, signature, Date.now()), { ok: true });
      assert.deepEqual(await verify(webhook.body.replace('sandbox', 'production'), signature, Date.now()), { ok: false, reason: 'body hash mismatch' });
      assert.deepEqual(await verify(JSON.stringify(JSON.parse(webhook.body)), signature, Date.now()), { ok: false, reason: 'body hash mismatch' }, 'whitespace matters');
      assert.deepEqual(await verify(webhook.body, signature, Date.now() + 6 * 60_000), { ok: false, reason: 'iat older than 5 minutes' });
      const [protectedHeader, , signaturePart] = signature.split('.');
      const forged = `${protectedHeader}.${Buffer.from(JSON.stringify({ ...payload, iat: payload.iat + 1 })).toString('base64url')}.${signaturePart}`;
      assert.deepEqual(await verify(webhook.body, forged, Date.now()), { ok: false, reason: 'bad signature' });
    });

    test('a receiver answering 500 three times then 200 gets it once successfully; every attempt is recorded', async (t) => {
      // Real (short) retry delays, so this runs on every queue adapter; the
      // server-clock variant with Plaid's 30 s schedule is below.
      const s = await startTestServer(t, { dialect, env: { OPENCHECK_WEBHOOK_FIRST_RETRY_MS: '100' } });
      const receiver = await startWebhookReceiver(t);
      receiver.script({ status: 500, body: 'boom' }, { status: 500 }, { status: 500 });
      const webhookId = await sendTest(s, receiver.url);
      const webhook = await eventually(s, webhookId, (w) => w.status === 'delivered', 20_000);
      assert.equal(receiver.received.length, 4);
      assert.equal(receiver.received.filter((r) => r.answeredWith !== 'hang' && r.answeredWith !== 'drop' && r.answeredWith.status === 200).length, 1);
      assert.ok(receiver.received.every((r) => r.headers['opencheck-webhook-id'] === webhookId), 'one id across attempts');
      assert.deepEqual(
        webhook.attempts.map((a: Json) => [a.attempt, a.trigger, a.status_code, a.outcome]),
        [
          [1, 'scheduled', 500, 'failed'],
          [2, 'scheduled', 500, 'failed'],
          [3, 'scheduled', 500, 'failed'],
          [4, 'scheduled', 200, 'delivered'],
        ],
      );
      assert.equal(webhook.attempts[0].response_body, 'boom');
      assert.match(webhook.attempts[0].error, /status 500/);
      assert.equal(webhook.attempts[3].error, null);
      for (const a of webhook.attempts) {
        assert.ok(Number.isInteger(a.latency_ms) && a.latency_ms >= 0, 'Number.isInteger(a.latency_ms) && a.latency_ms >= 0');
        assert.ok(!Number.isNaN(Date.parse(a.started_at)), '!Number.isNaN(Date.parse(a.started_at))');
        assert.match(a.key_id, /^[0-9a-f-]{36}$/);
      }
      assert.equal(webhook.next_attempt_at, null);
      assert.ok(webhook.delivered_at, 'webhook.delivered_at');
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(receiver.received.length, 4, 'nothing more after delivery');
    });

    test("Plaid's 90% rule: retries stop for a receiver that rejected more than 90% of its webhooks in 24 h", async (t) => {
      const s = await startTestServer(t, { dialect });
      const rejecting = await startWebhookReceiver(t);
      rejecting.setFallback({ status: 500, body: 'down' });
      const other = await startWebhookReceiver(t);
      other.setFallback({ status: 503 });
      const firstAttempt = async (url: string) => eventually(s, await sendTest(s, url), (w) => w.attempts.length === 1);
      // Nine failed attempts: under the minimum of ten, so each keeps its retry.
      for (let i = 0; i < 9; i += 1) {
        const webhook = await firstAttempt(rejecting.url);
        assert.equal(webhook.status, 'pending');
        assert.ok(webhook.next_attempt_at, 'webhook.next_attempt_at');
      }
      // The tenth and later failures are above the cut-off: no retry, and the attempt says why.
      for (let i = 0; i < 2; i += 1) {
        const webhook = await eventually(s, await sendTest(s, rejecting.url), (w) => w.status === 'failed');
        assert.equal(webhook.attempts.length, 1);
        assert.equal(webhook.next_attempt_at, null);
        assert.match(webhook.attempts[0].error, /status 500.*rejected more than 90% of its webhooks in the last 24 hours/);
      }
      // Another receiver's failures are its own.
      const elsewhere = await firstAttempt(other.url);
      assert.equal(elsewhere.status, 'pending');
      assert.doesNotMatch(elsewhere.attempts[0].error, /90%/);
    });

    test('a burst to one receiver: each webhook arrives once, with one delivered attempt recorded', async (t) => {
      const s = await startTestServer(t, { dialect });
      const receiver = await startWebhookReceiver(t);
      const deps = s.opencheck.deps;
      // One transaction, as a state change causing many webhooks would: their jobs are claimed,
      // read, finished and recorded in groups.
      const ids = await deps.store.db.transaction().execute(async (trx) => {
        const recorded: string[] = [];
        for (let n = 0; n < 120; n += 1) {
          recorded.push(await recordWebhook(trx, deps, { clientId: s.clientId, userId: null, reportId: null, url: receiver.url, body: { webhook_type: 'X', n } }));
        }
        return recorded;
      });
      deps.jobs.notify();
      await receiver.waitFor(120, { timeoutMs: 20_000 });
      const deadline = Date.now() + 10_000;
      let webhooks = await listed(s, { count: 500 });
      while (webhooks.some((w) => w.status !== 'delivered') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        webhooks = await listed(s, { count: 500 });
      }
      assert.deepEqual(receiver.received.map((r) => r.headers['opencheck-webhook-id']).sort(), [...ids].sort());
      assert.equal(webhooks.length, 120);
      for (const w of webhooks) {
        assert.equal(w.status, 'delivered', w.webhook_id);
        assert.deepEqual(w.attempts.map((a: Json) => [a.attempt, a.outcome, a.status_code]), [[1, 'delivered', 200]]);
      }
      if (dialect === 'sqlite') {
        // Every delivery job finished with its attempt.
        const jobs = await deps.store.db.selectFrom('jobs').select('id').where('queue', '=', 'webhooks.deliver').execute();
        assert.deepEqual(jobs, []);
      }
    });

    test('a receiver that never answers does not delay another receiver’s webhook', async (t) => {
      const s = await startTestServer(t, { dialect });
      const dead = await startWebhookReceiver(t);
      dead.setFallback('hang');
      const healthy = await startWebhookReceiver(t);
      // Far more webhooks for the dead receiver than its per-destination limit (8).
      await Promise.all(Array.from({ length: 40 }, () => sendTest(s, dead.url)));
      await dead.waitFor(8);
      const started = performance.now();
      await sendTest(s, healthy.url);
      await healthy.waitFor(1, { timeoutMs: 2_000 });
      const waited = performance.now() - started;
      assert.ok(waited < 1_000, `healthy receiver waited ${waited} ms`);
      assert.ok(dead.received.length <= 8, `at most 8 in flight to one origin, saw ${dead.received.length}`);
    });

    test('the delivery log lists only the caller’s webhooks, filtered by user_id or report_id', async (t) => {
      const s = await startTestServer(t, { dialect });
      const receiver = await startWebhookReceiver(t);
      const other = await (await import('../../src/operations/clients.js')).createClient(
        { clients: s.opencheck.deps.repos.clients, clock: s.opencheck.clock },
        { name: 'other' },
      );
      const a = await recordDirect(s, { userId: 'usr_aaaaaaaaaaaaaa', reportId: 'r-1', url: receiver.url });
      const b = await recordDirect(s, { userId: 'usr_bbbbbbbbbbbbbb', reportId: 'r-2', url: receiver.url });
      const foreign = await recordDirect(s, { userId: 'usr_aaaaaaaaaaaaaa', reportId: 'r-1', url: receiver.url, clientId: other.clientId });
      await receiver.waitFor(3);
      await eventually(s, a, (w) => w.status === 'delivered');

      const byUser = await listed(s, { user_id: 'usr_aaaaaaaaaaaaaa' });
      assert.deepEqual(byUser.map((w) => w.webhook_id), [a]);
      assert.equal(byUser[0].webhook_type, 'CHECK_REPORT');
      assert.equal(byUser[0].webhook_code, 'USER_CHECK_REPORT_READY');
      assert.equal(byUser[0].report_id, 'r-1');
      assert.equal(byUser[0].body.user_id, 'usr_aaaaaaaaaaaaaa');
      assert.deepEqual((await listed(s, { report_id: 'r-2' })).map((w) => w.webhook_id), [b]);
      const all = (await listed(s)).map((w) => w.webhook_id);
      assert.ok(all.includes(a) && all.includes(b) && !all.includes(foreign), 'all.includes(a) && all.includes(b) && !all.includes(foreign)');
      const otherList = await s.post('/opencheck/webhooks/list', {}, { headers: { 'PLAID-CLIENT-ID': other.clientId, 'PLAID-SECRET': other.secret } });
      assert.deepEqual(otherList.body.webhooks.map((w: Json) => w.webhook_id), [foreign]);

      const unknownField = await s.post('/opencheck/webhooks/list', { user: 'x' });
      assert.equal(unknownField.status, 400);
      assert.equal(unknownField.body.error_code, 'UNKNOWN_FIELDS');
      const badCount = await s.post('/opencheck/webhooks/list', { count: 0 });
      assert.equal(badCount.body.error_code, 'INVALID_FIELD');
      const badType = await s.post('/opencheck/webhooks/list', { user_id: 7 });
      assert.equal(badType.body.error_code, 'INVALID_FIELD');
      const unauthenticated = await s.post('/opencheck/webhooks/list', {}, { auth: false });
      assert.equal(unauthenticated.body.error_code, 'INVALID_FIELD');
      const wrongSecret = await s.post('/opencheck/webhooks/list', {}, { headers: { 'PLAID-SECRET': 'x'.repeat(30) } });
      assert.equal(wrongSecret.body.error_code, 'INVALID_API_KEYS');
    });

    test('resend sends a webhook again now, with the same id, recorded as a manual attempt; only the owner may resend', async (t) => {
      const s = await startTestServer(t, { dialect });
      const receiver = await startWebhookReceiver(t);
      const webhookId = await sendTest(s, receiver.url);
      await eventually(s, webhookId, (w) => w.status === 'delivered');
      const resent = await s.post('/opencheck/webhooks/resend', { webhook_id: webhookId });
      assert.equal(resent.status, 200);
      assert.equal(resent.body.webhook_id, webhookId);
      const [first, second] = await receiver.waitFor(2);
      assert.equal(second.headers['opencheck-webhook-id'], webhookId);
      assert.equal(second.body, first.body, 'the same bytes');
      assert.notEqual(second.headers['plaid-verification'], first.headers['plaid-verification'], 'signed afresh');
      const webhook = await eventually(s, webhookId, (w) => w.attempts.length === 2);
      assert.deepEqual(webhook.attempts.map((a: Json) => [a.trigger, a.outcome]), [['scheduled', 'delivered'], ['manual', 'delivered']]);

      const unknown = await s.post('/opencheck/webhooks/resend', { webhook_id: 'nope' });
      assert.equal(unknown.status, 400);
      assert.equal(unknown.body.error_code, 'INVALID_FIELD');
      const other = await (await import('../../src/operations/clients.js')).createClient(
        { clients: s.opencheck.deps.repos.clients, clock: s.opencheck.clock },
        { name: 'other' },
      );
      const foreign = await s.post('/opencheck/webhooks/resend', { webhook_id: webhookId }, { headers: { 'PLAID-CLIENT-ID': other.clientId, 'PLAID-SECRET': other.secret } });
      assert.deepEqual({ status: foreign.status, code: foreign.body.error_code, message: foreign.body.error_message }, { status: 400, code: 'INVALID_FIELD', message: unknown.body.error_message });
      assert.equal((await s.post('/opencheck/webhooks/resend', {})).body.error_code, 'MISSING_FIELDS');
    });

    test('resend of a failed webhook that now succeeds marks it delivered', async (t) => {
      const s = await startTestServer(t, { dialect, env: { OPENCHECK_WEBHOOK_RETRY_HORIZON_MS: '0' } });
      const receiver = await startWebhookReceiver(t);
      receiver.script({ status: 503 });
      const webhookId = await sendTest(s, receiver.url);
      const failed = await eventually(s, webhookId, (w) => w.status === 'failed');
      assert.equal(failed.attempts.length, 1, 'a zero horizon means no retries');
      assert.ok(failed.failed_at, 'failed.failed_at');
      await s.post('/opencheck/webhooks/resend', { webhook_id: webhookId });
      const delivered = await eventually(s, webhookId, (w) => w.status === 'delivered');
      assert.deepEqual(delivered.attempts.map((a: Json) => [a.trigger, a.status_code]), [['scheduled', 503], ['manual', 200]]);
    });

    test('a webhook recorded in a transaction that rolls back is never sent', async (t) => {
      const s = await startTestServer(t, { dialect });
      const receiver = await startWebhookReceiver(t);
      const deps = s.opencheck.deps;
      await assert.rejects(
        deps.store.db.transaction().execute(async (trx) => {
          await recordWebhook(trx, deps, { clientId: s.clientId, userId: null, reportId: null, url: receiver.url, body: { webhook_type: 'X' } });
          throw new Error('the causing change failed');
        }),
        /the causing change failed/,
      );
      deps.jobs.notify();
      const committed = await recordDirect(s, { url: receiver.url });
      await receiver.waitFor(1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(receiver.received.length, 1);
      assert.equal(receiver.received[0].headers['opencheck-webhook-id'], committed);
      assert.deepEqual((await listed(s)).map((w) => w.webhook_id), [committed]);
    });

    test('/opencheck/webhooks/test rejects a URL that is not http(s)', async (t) => {
      const s = await startTestServer(t, { dialect });
      for (const url of ['ftp://example.com/x', 'not a url', '']) {
        const response = await s.post('/opencheck/webhooks/test', { url });
        assert.equal(response.status, 400);
        assert.equal(response.body.error_code, 'INVALID_FIELD', url);
      }
      assert.equal((await s.post('/opencheck/webhooks/test', {})).body.error_code, 'MISSING_FIELDS');
      assert.equal((await s.post('/opencheck/webhooks/test', { url: 'http://x', extra: 1 })).body.error_code, 'UNKNOWN_FIELDS');
    });
  });
}

// The rules below depend only on the delivery code, not on the store: SQLite only.
describe('webhook delivery rules', () => {
  async function failedAttempt(s: TestServer, url: string): Promise<Json> {
    const webhookId = await sendTest(s, url);
    const webhook = await eventually(s, webhookId, (w) => w.attempts.length >= 1);
    return webhook.attempts[0];
  }

  test('only 200 counts as delivered, as with Plaid: a 204 is retried', async (t) => {
    const s = await startTestServer(t);
    const receiver = await startWebhookReceiver(t);
    receiver.script({ status: 204 });
    const attempt = await failedAttempt(s, receiver.url);
    assert.equal(attempt.status_code, 204);
    assert.equal(attempt.outcome, 'failed');
    assert.match(attempt.error, /only 200 counts/);
  });

  test('redirects are not followed', async (t) => {
    const s = await startTestServer(t);
    const target = await startWebhookReceiver(t);
    const redirecting = await startWebhookReceiver(t);
    redirecting.script({ status: 302, headers: { location: target.url } });
    const attempt = await failedAttempt(s, redirecting.url);
    assert.equal(attempt.status_code, 302);
    assert.match(attempt.error, /redirects are not followed \(Location: http:\/\/127\.0\.0\.1/);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(target.received.length, 0);
  });

  test('no answer within the timeout is a failed attempt; so is a refused or dropped connection', async (t) => {
    const s = await startTestServer(t, { env: { OPENCHECK_WEBHOOK_TIMEOUT_MS: '300' } });
    const receiver = await startWebhookReceiver(t);
    receiver.script('hang', 'drop');
    const timedOut = await failedAttempt(s, receiver.url);
    assert.equal(timedOut.status_code, null);
    assert.match(timedOut.error, /^timeout: no response within 300 ms/);
    assert.ok(timedOut.latency_ms >= 250 && timedOut.latency_ms < 2_000, String(timedOut.latency_ms));
    const dropped = await failedAttempt(s, receiver.url);
    assert.match(dropped.error, /^connection error/);
    const closed = await startWebhookReceiver(t);
    const closedUrl = closed.url;
    await closed.close();
    const refused = await failedAttempt(s, closedUrl);
    assert.match(refused.error, /^connection error: ECONNREFUSED/);
  });

  test('a large answer is cut off at the response size limit', async (t) => {
    const s = await startTestServer(t);
    const receiver = await startWebhookReceiver(t);
    receiver.script({ status: 500, body: 'x'.repeat(200_000) });
    const attempt = await failedAttempt(s, receiver.url);
    assert.match(attempt.error, /cut off/);
    assert.equal(attempt.response_body.length, 1024);
  });

  test('a denied destination fails at once without a request, by address or by what a name resolves to', async (t) => {
    const s = await startTestServer(t, { env: { OPENCHECK_WEBHOOK_DENY_HOSTS: 'loopback' } });
    const receiver = await startWebhookReceiver(t);
    const byAddress = await eventually(s, await sendTest(s, receiver.url), (w) => w.status === 'failed');
    assert.match(byAddress.attempts[0].error, /127\.0\.0\.1 is denied by OPENCHECK_WEBHOOK_DENY_HOSTS/);
    const byName = await eventually(s, await sendTest(s, receiver.url.replace('127.0.0.1', 'localhost')), (w) => w.attempts.length > 0);
    assert.match(byName.attempts[0].error, /localhost resolved to .*, which OPENCHECK_WEBHOOK_DENY_HOSTS denies/);
    assert.equal(receiver.received.length, 0);
  });

  test('an allow list admits only its hosts', async (t) => {
    const s = await startTestServer(t, { env: { OPENCHECK_WEBHOOK_ALLOW_HOSTS: 'localhost' } });
    const receiver = await startWebhookReceiver(t);
    const denied = await eventually(s, await sendTest(s, receiver.url), (w) => w.status === 'failed');
    assert.match(denied.attempts[0].error, /not in OPENCHECK_WEBHOOK_ALLOW_HOSTS/);
    const allowed = await eventually(s, await sendTest(s, receiver.url.replace('127.0.0.1', 'localhost')), (w) => w.status !== 'pending');
    assert.equal(allowed.status, 'delivered');
  });

  test('after the retry horizon the webhook is failed', async (t) => {
    const s = await startTestServer(t, { env: { OPENCHECK_WEBHOOK_RETRY_HORIZON_MS: '60000' } });
    const receiver = await startWebhookReceiver(t);
    receiver.setFallback({ status: 500 });
    const webhookId = await sendTest(s, receiver.url);
    const first = await eventually(s, webhookId, (w) => w.attempts.length === 1);
    assert.equal(first.status, 'pending');
    const due = Date.parse(first.next_attempt_at) - Date.parse(first.attempts[0].started_at);
    assert.ok(due >= 24_000 && due <= 36_000, `first retry after ${due} ms (30 s ± 20 %)`);
    s.opencheck.clock.advance(37_000);
    s.opencheck.deps.jobs.notify();
    // The next retry (≈ 2 min) would fall beyond the 60 s horizon.
    const failed = await eventually(s, webhookId, (w) => w.status === 'failed');
    assert.equal(failed.attempts.length, 2);
    assert.equal(failed.next_attempt_at, null);
    assert.equal((await listed(s, { status: 'failed' })).length, 1);
  });
});
