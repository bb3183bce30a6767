// Consumer report benchmarks (issue: create → Base Report):
//   1. Base Report computation for the 24-month, 5-account, 10,000-transaction user;
//   2. create → ready-webhook latency for 200 concurrent creates (embedded default);
//   3. /cra/check_report/base_report/get throughput for a typical fixture's report and
//      response MB/s for the 10,000-transaction report;
//   4. the server's peak RSS during 2 and 3.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { parseDatabaseUrl } from '../src/config.js';
import { computeBaseReport } from '../src/domain/reports/base-report.js';
import { openMigratedStore } from '../src/runtime.js';
import { createRepositories } from '../src/store/repositories/index.js';
import { spawnServer, type ServerProcess } from '../test/support/server-process.js';
import { startWebhookReceiver } from '../test/support/webhook-receiver.js';
import { load, loadGenericMock, loadStaticBytes, type LoadResult } from './http.js';
import { largeUser } from './large-user.js';

const AS_OF = '2026-08-23T12:00:00Z';
const FIXTURES = join(import.meta.dirname, '../test/fixtures/sandbox-users');
// The "typical fixture's report (about 20 KB)": one credit card, 25 KB at 180 days.
const TYPICAL_FIXTURE = join(FIXTURES, 'credit_card_custom_user.json');
// Checking and savings: two accounts' daily balances make a 49.5 KB report at 180 days.
const TWO_ACCOUNT_FIXTURE = join(FIXTURES, 'transactions_checking+savings_custom_user.json');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** 1. Pure computation: median of repeated runs after warm-up. */
export function benchBaseReportComputation(): { transactions: number; medianMs: number; p90Ms: number; transactionsPerSecond: number } {
  const items = largeUser(AS_OF);
  const transactions = items.reduce((n, i) => n + i.transactions.length, 0);
  const input = { reportId: 'bench', generatedAt: AS_OF, daysRequested: 731, clientReportId: null, items, includeInvestments: false };
  for (let i = 0; i < 10; i += 1) computeBaseReport(input);
  const times: number[] = [];
  for (let i = 0; i < 50; i += 1) {
    const start = performance.now();
    computeBaseReport(input);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const medianMs = percentile(times, 50);
  return { transactions, medianMs: round1(medianMs), p90Ms: round1(percentile(times, 90)), transactionsPerSecond: Math.round(transactions / (medianMs / 1000)) };
}

interface BenchInstallation {
  server: ServerProcess;
  headers: Record<string, string>;
  databaseUrl: string;
}

async function install(): Promise<BenchInstallation> {
  const dir = mkdtempSync(join(tmpdir(), 'opencheck-bench-reports-'));
  const databaseUrl = `sqlite:${join(dir, 'bench.db')}`;
  const clientId = `bench-${randomBytes(4).toString('hex')}`;
  const secret = randomBytes(15).toString('hex');
  const server = await spawnServer({
    DATABASE_URL: databaseUrl,
    OPENCHECK_CLIENT_ID: clientId,
    OPENCHECK_SECRET: secret,
    OPENCHECK_CRA_RATE_LIMIT: '0',
    OPENCHECK_START_TIME: AS_OF,
  });
  return { server, databaseUrl, headers: { 'content-type': 'application/json', 'PLAID-CLIENT-ID': clientId, 'PLAID-SECRET': secret } };
}

// undici's request rather than fetch: the load generator shares the machine's two cores with
// the server, and request costs the bench process about half of fetch's CPU per call.
async function post(installation: BenchInstallation, path: string, body: unknown): Promise<any> {
  const response = await request(installation.server.url + path, { method: 'POST', headers: installation.headers, body: JSON.stringify(body) });
  const json = await response.body.json();
  if (response.statusCode >= 300) throw new Error(`${path}: ${JSON.stringify(json)}`);
  return json;
}

async function linkFixtureUser(installation: BenchInstallation, clientUserId: string, fixture = TWO_ACCOUNT_FIXTURE): Promise<string> {
  const { user_id } = await post(installation, '/user/create', { client_user_id: clientUserId });
  await post(installation, '/sandbox/public_token/create', {
    institution_id: 'ins_109508',
    initial_products: ['cra_base_report'],
    user_id,
    options: { override_username: 'user_custom', override_password: readFileSync(fixture, 'utf8') },
  });
  return user_id;
}

interface BurstLatency {
  p50Ms: number;
  p99Ms: number;
}

/**
 * 2. 200 concurrent creates, each timed from its request to its webhook:
 * first on a server just started (its code not yet optimised by V8), then a
 * second burst of 200 other users on the same, now warm, server; both for
 * the two-account fixture over 365 days (86 KB reports). Then a warm burst
 * for the typical fixture of benchmark 3 at 180 days (25 KB reports).
 */
export async function benchCreateToWebhook(
  concurrent = 200,
): Promise<{ creates: number; firstBurst: BurstLatency; warm: BurstLatency; typicalWarm: BurstLatency; peakRssMb: number }> {
  const installation = await install();
  const receiver = await startWebhookReceiver();
  const latencies = new Map<string, number>();
  const sentAt = new Map<string, number>();
  let arrived: () => void = () => {};
  receiver.onRequest((webhook) => {
    const userId = JSON.parse(webhook.body).user_id as string;
    const start = sentAt.get(userId);
    if (start === undefined || latencies.has(userId)) return;
    latencies.set(userId, webhook.receivedAt - start);
    arrived();
  });
  async function burst(users: string[], daysRequested = 365): Promise<BurstLatency> {
    const done = new Promise<void>((resolve) => {
      arrived = () => {
        if (users.every((userId) => latencies.has(userId))) resolve();
      };
    });
    await Promise.all(
      users.map((userId) => {
        sentAt.set(userId, performance.now());
        return post(installation, '/cra/check_report/create', { user_id: userId, webhook: receiver.url, days_requested: daysRequested, consumer_report_permissible_purpose: 'EXTENSION_OF_CREDIT' });
      }),
    );
    await done;
    const sorted = users.map((userId) => latencies.get(userId)!).sort((a, b) => a - b);
    return { p50Ms: Math.round(percentile(sorted, 50)), p99Ms: Math.round(percentile(sorted, 99)) };
  }
  try {
    const linkUsers = async (prefix: string, fixture = TWO_ACCOUNT_FIXTURE) => {
      const users: string[] = [];
      for (let i = 0; i < concurrent; i += 1) users.push(await linkFixtureUser(installation, `${prefix}-${i}`, fixture));
      return users;
    };
    const firstBurst = await burst(await linkUsers('latency-first'));
    const warm = await burst(await linkUsers('latency-warm'));
    const typicalWarm = await burst(await linkUsers('latency-typical', TYPICAL_FIXTURE), 180);
    return { creates: concurrent, firstBurst, warm, typicalWarm, peakRssMb: installation.server.peakRssMb() };
  } finally {
    await receiver.close();
    await installation.server.stop();
  }
}

/** Stores the 10,000-transaction user straight into the database, as a linked Item would be. */
async function storeLargeUser(databaseUrl: string, clientId: string): Promise<string> {
  const store = await openMigratedStore(parseDatabaseUrl(databaseUrl));
  try {
    const repos = createRepositories(store.db, store.readCaches);
    const userId = `usr_bench${randomBytes(5).toString('hex')}`;
    await repos.users.insert({ userId, clientId, clientUserId: 'large-user', api: 'new', userToken: null, endCustomer: null, identity: null, consumerReportUserIdentity: null, createdAt: AS_OF, updatedAt: AS_OF });
    const [linked] = largeUser(AS_OF);
    await store.db.transaction().execute(async (trx) => {
      await createRepositories(trx, store.readCaches).items.insertLinkedItem(
        { ...linked.item, clientId, userId, accessToken: `access-sandbox-${randomBytes(8).toString('hex')}`, products: ['cra_base_report'], webhook: null },
        linked.accounts,
        linked.transactions,
        { token: `public-sandbox-${randomBytes(8).toString('hex')}`, expiresAt: AS_OF },
      );
    });
    return userId;
  } finally {
    await store.close();
  }
}

async function readyReport(installation: BenchInstallation, userId: string, daysRequested: number): Promise<number> {
  const receiver = await startWebhookReceiver();
  try {
    await post(installation, '/cra/check_report/create', { user_id: userId, webhook: receiver.url, days_requested: daysRequested, consumer_report_permissible_purpose: 'EXTENSION_OF_CREDIT' });
    await receiver.waitFor(1, { timeoutMs: 60_000 });
    const response = await fetch(installation.server.url + '/cra/check_report/base_report/get', { method: 'POST', headers: installation.headers, body: JSON.stringify({ user_id: userId }) });
    return (await response.arrayBuffer()).byteLength;
  } finally {
    await receiver.close();
  }
}

type SizedLoad = LoadResult & { bytes: number };

/**
 * 3. base_report/get under 50 connections: a typical report (and the same document served by a
 * generic OpenAPI mock), a two-account one, then the 10,000-transaction one.
 */
export async function benchBaseReportGet(
  durationSeconds = 10,
): Promise<{
  typical: SizedLoad;
  genericMock: SizedLoad;
  typicalOverGenericMock: number;
  bareFastify: SizedLoad;
  typicalOverBareFastify: number;
  twoAccounts: SizedLoad; large: SizedLoad; peakRssMb: number }> {
  const installation = await install();
  try {
    const url = installation.server.url + '/cra/check_report/base_report/get';
    let typicalUserId = '';
    const underLoad = async (fixture: string, name: string): Promise<SizedLoad> => {
      const userId = await linkFixtureUser(installation, name, fixture);
      typicalUserId ||= userId;
      const bytes = await readyReport(installation, userId, 180);
      await load(url, installation.headers, { user_id: userId }, { connections: 50, durationSeconds: 2 });
      return { ...(await load(url, installation.headers, { user_id: userId }, { connections: 50, durationSeconds })), bytes };
    };
    const typical = await underLoad(TYPICAL_FIXTURE, 'typical');
    // The same document, as a generic OpenAPI mock's static example, under the same load.
    const typicalDocument = await (await fetch(url, { method: 'POST', headers: installation.headers, body: JSON.stringify({ user_id: typicalUserId }) })).text();
    const genericMock = await loadGenericMock('/cra/check_report/base_report/get', typicalDocument, { connections: 50, durationSeconds });
    const bareFastify = await loadStaticBytes('/cra/check_report/base_report/get', typicalDocument, { connections: 50, durationSeconds });
    const twoAccounts = await underLoad(TWO_ACCOUNT_FIXTURE, 'two-accounts');

    const clientId = installation.headers['PLAID-CLIENT-ID'];
    const largeUserId = await storeLargeUser(installation.databaseUrl, clientId);
    const largeBytes = await readyReport(installation, largeUserId, 731);
    const large = await load(url, installation.headers, { user_id: largeUserId }, { connections: 10, durationSeconds });
    return {
      typical,
      genericMock,
      typicalOverGenericMock: Math.round((typical.requestsPerSecond / genericMock.requestsPerSecond) * 10) / 10,
      bareFastify,
      typicalOverBareFastify: Math.round((typical.requestsPerSecond / bareFastify.requestsPerSecond) * 100) / 100,
      twoAccounts,
      large: { ...large, bytes: largeBytes },
      peakRssMb: installation.server.peakRssMb(),
    };
  } finally {
    await installation.server.stop();
  }
}
