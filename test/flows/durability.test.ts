// Durability of the report pipeline with real server processes: a SIGKILL in
// the middle of 200 creates loses nothing, and two processes sharing one
// PostgreSQL database generate and announce each report exactly once.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseDatabaseUrl } from '../../src/config.js';
import { openStore } from '../../src/store/db.js';
import { spawnServer, type ServerProcess } from '../support/server-process.js';
import { testDatabaseUrl } from '../support/test-server.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const REPORTS = 200;
const USERS = 20;
const CONFIG = JSON.stringify({
  override_accounts: [
    {
      type: 'depository',
      subtype: 'checking',
      starting_balance: 500,
      identity: { names: ['Durable Person'] },
      transactions: [
        { date_transacted: '2026-06-01', date_posted: '2026-06-01', amount: -1500, description: 'ACME CORP PAYROLL', currency: 'USD' },
        { date_transacted: '2026-07-03', date_posted: '2026-07-03', amount: 64.2, description: 'POS DEBIT SAFEWAY #42', currency: 'USD' },
      ],
    },
  ],
});

function credentials() {
  return { OPENCHECK_CLIENT_ID: `dur-${randomBytes(4).toString('hex')}`, OPENCHECK_SECRET: randomBytes(15).toString('hex') };
}

async function post(server: ServerProcess, creds: Record<string, string>, path: string, body: unknown) {
  const response = await fetch(server.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'PLAID-CLIENT-ID': creds.OPENCHECK_CLIENT_ID, 'PLAID-SECRET': creds.OPENCHECK_SECRET },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  if (response.status >= 300) throw new Error(`${path} ${response.status}: ${JSON.stringify(json)}`);
  return json as Record<string, any>;
}

async function linkedUsers(server: ServerProcess, creds: Record<string, string>): Promise<string[]> {
  const users: string[] = [];
  for (let i = 0; i < USERS; i += 1) {
    const { user_id } = await post(server, creds, '/user/create', { client_user_id: `durable-${i}` });
    await post(server, creds, '/sandbox/public_token/create', {
      institution_id: 'ins_109508',
      initial_products: ['cra_base_report'],
      user_id,
      options: { override_username: 'user_custom', override_password: CONFIG },
    });
    users.push(user_id);
  }
  return users;
}

function createBody(receiver: WebhookReceiver, userId: string) {
  return { user_id: userId, webhook: receiver.url, days_requested: 180, consumer_report_permissible_purpose: 'EXTENSION_OF_CREDIT' };
}

function distinctWebhookIds(receiver: WebhookReceiver): Set<string> {
  return new Set(receiver.received.map((w) => String(w.headers['opencheck-webhook-id'])));
}

async function waitUntil(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function reportStates(databaseUrl: string) {
  const store = await openStore(parseDatabaseUrl(databaseUrl));
  try {
    const rows = await store.db.selectFrom('reports').select(['state']).execute();
    return rows.map((r) => r.state);
  } finally {
    await store.close();
  }
}

test('SIGKILL in the middle of 200 creates: after restart every report finishes and every webhook is delivered', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'opencheck-crash-'));
  const databaseUrl = `sqlite:${join(dir, 'crash.db')}`;
  const creds = credentials();
  const env = { DATABASE_URL: databaseUrl, OPENCHECK_CRA_RATE_LIMIT: '0', OPENCHECK_START_TIME: '2026-08-23T12:00:00Z', ...creds };
  const receiver = await startWebhookReceiver(t);
  let server = await spawnServer(env);
  t.after(() => server.kill());
  const users = await linkedUsers(server, creds);

  // Fire all creates at once and kill the process when half of them were accepted:
  // the rest are in flight (received, committing, or not yet read) at the kill.
  let accepted = 0;
  let killed: Promise<void> | null = null;
  const answers = await Promise.allSettled(
    Array.from({ length: REPORTS }, (_, i) =>
      post(server, creds, '/cra/check_report/create', createBody(receiver, users[i % USERS])).then(() => {
        accepted += 1;
        if (accepted === REPORTS / 2) killed = server.kill();
      }),
    ),
  );
  await killed;
  const announcedBeforeCrash = distinctWebhookIds(receiver).size;
  t.diagnostic(`${accepted} creates accepted, ${announcedBeforeCrash} reports announced before the SIGKILL; ${answers.filter((a) => a.status === 'rejected').length} requests cut off`);

  server = await spawnServer(env);
  // Every create that committed survived the crash, including any whose answer was lost.
  const survived = (await post(server, creds, '/opencheck/access_log/list', { count: 1000 })).entries.filter((e: any) => e.operation === '/cra/check_report/create').length;
  assert.ok(survived >= accepted, `${survived} stored ≥ ${accepted} accepted`);
  // Top up to 200 reports after the restart.
  for (let i = survived; i < REPORTS; i += 1) await post(server, creds, '/cra/check_report/create', createBody(receiver, users[i % USERS]));
  await waitUntil(() => distinctWebhookIds(receiver).size >= REPORTS, 60_000, `${REPORTS} webhooks`);
  await server.stop();
  const states = await reportStates(databaseUrl);
  assert.equal(states.length, REPORTS, 'every accepted create is stored');
  assert.ok(states.every((state) => state === 'ready'), `states: ${[...new Set(states)]}`);
  assert.equal(distinctWebhookIds(receiver).size, REPORTS, 'one webhook per report');
  for (const webhook of receiver.received) assert.equal(JSON.parse(webhook.body).webhook_code, 'USER_CHECK_REPORT_READY');
});

test('two server processes on one PostgreSQL database generate and announce each report exactly once', { skip: process.env.TEST_DATABASE_URL ? false : 'PostgreSQL only: set TEST_DATABASE_URL' }, async (t) => {
  const databaseUrl = await testDatabaseUrl('postgres', t);
  const creds = credentials();
  const env = { DATABASE_URL: databaseUrl, OPENCHECK_CRA_RATE_LIMIT: '0', OPENCHECK_START_TIME: '2026-08-23T12:00:00Z', ...creds };
  const receiver = await startWebhookReceiver(t);
  const first = await spawnServer(env);
  t.after(() => first.kill());
  const second = await spawnServer(env);
  t.after(() => second.kill());
  const users = await linkedUsers(first, creds);
  const servers = [first, second];
  await Promise.all(Array.from({ length: REPORTS }, (_, i) => post(servers[i % 2], creds, '/cra/check_report/create', createBody(receiver, users[i % USERS]))));
  await waitUntil(() => receiver.received.length >= REPORTS, 120_000, `${REPORTS} webhooks`);
  // Anything extra would arrive shortly after; give it the chance to.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  assert.equal(receiver.received.length, REPORTS, 'exactly one successful delivery per report');
  assert.equal(distinctWebhookIds(receiver).size, REPORTS);
  await Promise.all(servers.map((s) => s.stop()));
  const states = await reportStates(databaseUrl);
  assert.equal(states.length, REPORTS);
  assert.ok(states.every((state) => state === 'ready'), 'states.every((state) => state === \'ready\')');
});
