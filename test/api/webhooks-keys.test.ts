// Signing keys across restarts and rotation, and retries on the server clock
// with a fresh signature each time.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, test, type TestContext } from 'node:test';
import pino from 'pino';
import { Configuration, PlaidApi } from 'plaid';
import { loadConfig } from '../../src/config.js';
import { rotateSigningKey } from '../../src/operations/webhook-keys.js';
import { startOpencheck, type Opencheck } from '../../src/runtime.js';
import { DIALECTS, testDatabaseUrl, type TestDialect } from '../support/test-server.js';
import { plaidStyleVerifier, startWebhookReceiver } from '../support/webhook-receiver.js';

type Json = Record<string, any>;

interface Running {
  opencheck: Opencheck;
  plaid: PlaidApi;
  post(path: string, body: Json): Promise<Json>;
}

const credentials = { clientId: `keys-${randomBytes(4).toString('hex')}`, secret: randomBytes(15).toString('hex') };

async function databaseFor(dialect: TestDialect, t: TestContext): Promise<string> {
  if (dialect === 'postgres') return testDatabaseUrl(dialect, t);
  const dir = mkdtempSync(join(tmpdir(), 'opencheck-keys-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return `sqlite:${join(dir, 'db.sqlite')}`;
}

async function start(databaseUrl: string, env: Record<string, string> = {}, realNowMs: () => number = () => Date.now()): Promise<Running> {
  const config = loadConfig({ DATABASE_URL: databaseUrl, OPENCHECK_CLIENT_ID: credentials.clientId, OPENCHECK_SECRET: credentials.secret, ...env });
  const opencheck = await startOpencheck(config, { realNowMs, log: pino({ level: 'silent' }) });
  const url = await opencheck.app.listen({ host: '127.0.0.1', port: 0 });
  const headers = { 'content-type': 'application/json', 'PLAID-CLIENT-ID': credentials.clientId, 'PLAID-SECRET': credentials.secret };
  return {
    opencheck,
    plaid: new PlaidApi(new Configuration({ basePath: url, baseOptions: { headers } })),
    async post(path, body) {
      const response = await fetch(url + path, { method: 'POST', headers, body: JSON.stringify(body) });
      return response.json();
    },
  };
}

const kidOf = (jwt: unknown) => JSON.parse(Buffer.from(String(jwt).split('.')[0], 'base64url').toString()).kid as string;
const iatOf = (jwt: unknown) => JSON.parse(Buffer.from(String(jwt).split('.')[1], 'base64url').toString()).iat as number;

for (const dialect of DIALECTS) {
  describe(`webhook signing keys (${dialect})`, () => {
    test('the key survives a restart; rotation signs with a new key and keeps the old one verifiable', async (t) => {
      const databaseUrl = await databaseFor(dialect, t);
      const receiver = await startWebhookReceiver(t);
      const sendAndReceive = async (running: Running) => {
        const { webhook_id: webhookId } = await running.post('/opencheck/webhooks/test', { url: receiver.url });
        const [received] = await receiver.waitFor(1, { match: (w) => w.headers['opencheck-webhook-id'] === webhookId });
        return received;
      };
      const first = await start(databaseUrl);
      const before = await sendAndReceive(first);
      const originalKid = kidOf(before.headers['plaid-verification']);
      await first.opencheck.close();

      const second = await start(databaseUrl);
      const afterRestart = await sendAndReceive(second);
      assert.equal(kidOf(afterRestart.headers['plaid-verification']), originalKid, 'a restart never rotates');

      // What `opencheck webhook-key rotate` does, from another process's point of view.
      const { keyId, retiredKeyId } = await rotateSigningKey(second.opencheck.deps);
      assert.equal(retiredKeyId, originalKid);
      await new Promise((resolve) => setTimeout(resolve, 1_100)); // the running server re-reads the current key every second
      const afterRotation = await sendAndReceive(second);
      assert.equal(kidOf(afterRotation.headers['plaid-verification']), keyId);

      const verify = plaidStyleVerifier(second.plaid);
      assert.deepEqual(await verify(before.body, before.headers['plaid-verification'] as string, Date.now()), { ok: true }, 'old signatures still verify');
      assert.deepEqual(await verify(afterRotation.body, afterRotation.headers['plaid-verification'] as string, Date.now()), { ok: true });
      const old = (await second.plaid.webhookVerificationKeyGet({ key_id: originalKid })).data.key;
      assert.ok(Number.isInteger(old.expired_at) && old.expired_at! >= old.created_at, 'the retired key carries expired_at');
      assert.equal((await second.plaid.webhookVerificationKeyGet({ key_id: keyId })).data.key.expired_at, null);
      // Closed here rather than in t.after, so the test schema is dropped only after the server let go of it.
      await second.opencheck.close();
    });

    test('with OPENCHECK_WEBHOOK_KEY_SECRET the private key is encrypted at rest; a wrong secret stops the start instead of minting a new key', async (t) => {
      const databaseUrl = await databaseFor(dialect, t);
      const secret = { OPENCHECK_WEBHOOK_KEY_SECRET: 'correct horse battery staple' };
      const first = await start(databaseUrl, secret);
      const [row] = await first.opencheck.deps.store.db.selectFrom('webhook_signing_keys').selectAll().execute();
      assert.ok(row.private_key.startsWith('aes-256-gcm:v1:'), 'row.private_key.startsWith(\'aes-256-gcm:v1:\')');
      assert.ok(!row.private_key.includes('PRIVATE KEY') && !Buffer.from(row.private_key.split(':').pop()!, 'base64').toString().includes('PRIVATE KEY'), '!row.private_key.includes(\'PRIVATE KEY\') && !Buffer.from(row.private_key.split(\':\').pop()!, \'base...');
      await first.opencheck.close();
      await assert.rejects(start(databaseUrl, { OPENCHECK_WEBHOOK_KEY_SECRET: 'a different secret value' }), /does not decrypt/);
      await assert.rejects(start(databaseUrl), /OPENCHECK_WEBHOOK_KEY_SECRET is not set/);
      const again = await start(databaseUrl, secret);
      const keys = await again.opencheck.deps.store.db.selectFrom('webhook_signing_keys').select('key_id').execute();
      await again.opencheck.close();
      assert.deepEqual(keys.map((k) => k.key_id), [row.key_id], 'no key was minted by the failed starts');
    });
  });
}

describe('retries on the server clock (embedded queue)', () => {
  test('Plaid’s schedule (30 s, ×4) becomes due when the clock moves; each retry is signed afresh and verifies at its own time', async (t) => {
    const databaseUrl = await databaseFor('sqlite', t);
    // Wall-clock time as the server sees it; moving it moves both the server
    // clock (retries fall due) and the signatures' iat.
    let skewMs = 0;
    const running = await start(databaseUrl, {}, () => Date.now() + skewMs);
    t.after(() => running.opencheck.close());
    const receiver = await startWebhookReceiver(t);
    receiver.script({ status: 500 }, { status: 500 }, { status: 500 });
    const { webhook_id: webhookId } = await running.post('/opencheck/webhooks/test', { url: receiver.url });
    await receiver.waitFor(1);

    const verify = plaidStyleVerifier(running.plaid);
    const delays: number[] = [];
    for (const expected of [30_000, 120_000, 480_000]) {
      const before = receiver.received.length;
      let webhook: Json;
      for (;;) {
        webhook = (await running.post('/opencheck/webhooks/list', { webhook_id: webhookId })).webhooks[0];
        if (webhook.attempts.length === before) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const delay = Date.parse(webhook.next_attempt_at) - Date.parse(webhook.attempts.at(-1).started_at);
      delays.push(delay);
      assert.ok(delay >= expected * 0.8 - 50 && delay <= expected * 1.2 + 50, `retry after ${delay} ms, expected ${expected} ± 20 %`);
      // Not yet due: nothing happens.
      running.opencheck.deps.jobs.notify();
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(receiver.received.length, before);
      skewMs += delay + 1_000;
      running.opencheck.deps.jobs.notify();
      await receiver.waitFor(before + 1);
    }
    const attempts = receiver.received;
    assert.equal(attempts.length, 4);
    assert.equal(attempts[3].answeredWith !== 'hang' && attempts[3].answeredWith !== 'drop' && attempts[3].answeredWith.status, 200);
    const iats = attempts.map((a) => iatOf(a.headers['plaid-verification']));
    for (let i = 1; i < iats.length; i++) assert.ok(iats[i] - iats[i - 1] >= delays[i - 1] / 1000, `iat moved on: ${iats}`);
    // Each attempt verifies at the time it arrived, even 10 minutes after the first.
    const start0 = Date.now();
    let receiverSkew = 0;
    for (let i = 0; i < attempts.length; i++) {
      receiverSkew = (iats[i] - iats[0]) * 1000;
      assert.deepEqual(await verify(attempts[i].body, attempts[i].headers['plaid-verification'] as string, start0 + receiverSkew), { ok: true });
    }
    assert.deepEqual(await verify(attempts[0].body, attempts[0].headers['plaid-verification'] as string, start0 + receiverSkew), { ok: false, reason: 'iat older than 5 minutes' });
  });
});

describe('opencheck webhook-key (CLI)', () => {
  test('rotate retires the current key and list shows both; a running server switches to the new key', async (t) => {
    const databaseUrl = await databaseFor('sqlite', t);
    const running = await start(databaseUrl);
    t.after(() => running.opencheck.close());
    const receiver = await startWebhookReceiver(t);
    const cli = async (...args: string[]) => {
      const { stdout } = await promisify(execFile)(process.execPath, [join(import.meta.dirname, '../../bin/opencheck.js'), 'webhook-key', ...args, '--json'], {
        env: { ...process.env, DATABASE_URL: databaseUrl },
      });
      return JSON.parse(stdout);
    };
    const [original] = await cli('list');
    assert.equal(original.current, true);
    const rotated = await cli('rotate');
    assert.equal(rotated.retired_key_id, original.key_id);
    const keys = await cli('list');
    assert.deepEqual(keys.map((k: Json) => [k.key_id, k.current]), [[original.key_id, false], [rotated.key_id, true]]);
    assert.ok(keys[0].expired_at, 'keys[0].expired_at');
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await running.post('/opencheck/webhooks/test', { url: receiver.url });
    const [webhook] = await receiver.waitFor(1);
    assert.equal(kidOf(webhook.headers['plaid-verification']), rotated.key_id);
  });
});
