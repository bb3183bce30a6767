// The two things that make report reads cheap without making them wrong: the
// group-committed access log (every answered read is logged, on both
// dialects) and the SQLite-only read cache (never serves a row a write has
// replaced, never keeps a row a rollback took back).
import assert from 'node:assert/strict';
import { describe, test, type TestContext } from 'node:test';
import { parseDatabaseUrl } from '../../src/config.js';
import { newTimeOrderedId } from '../../src/identifiers.js';
import { accessLogWriter, type AccessLogEntry } from '../../src/store/access-log-writer.js';
import { migrate, openStore, type Store } from '../../src/store/db.js';
import { readCache } from '../../src/store/read-cache.js';
import { createRepositories } from '../../src/store/repositories/index.js';
import { DIALECTS, testDatabaseUrl, type TestDialect } from '../support/test-server.js';

const AT = '2026-03-01T12:00:00.000Z';

async function openMigrated(dialect: TestDialect, t: TestContext): Promise<Store> {
  const store = await openStore(parseDatabaseUrl(await testDatabaseUrl(dialect, t)));
  t.after(() => store.close());
  await migrate(store);
  return store;
}

async function seedUser(store: Store, clientId: string, userId: string): Promise<void> {
  const repos = createRepositories(store.db, store.readCaches);
  await repos.clients.insert({ clientId, name: clientId, secretSalt: 's', secretHash: 'h', createdAt: AT }).catch(() => undefined);
  await repos.users.insert({
    userId, clientId, clientUserId: `cu-${userId}`, api: 'new', userToken: null, endCustomer: null,
    identity: null, consumerReportUserIdentity: null, createdAt: AT, updatedAt: AT,
  });
}

function entry(i: number, overrides: Partial<AccessLogEntry> = {}): AccessLogEntry {
  return {
    id: newTimeOrderedId(Date.parse(AT) + i), clientId: 'client-a', userId: 'usr_reads000000001', reportId: null,
    operation: '/cra/check_report/base_report/get', permissiblePurpose: null, requestId: `req-${i}`, at: AT, ...overrides,
  };
}

describe('time-ordered ids', () => {
  test('are version-7 UUIDs that sort by their time', () => {
    const ids = [0, 1, 1000, 86_400_000].map((offset) => newTimeOrderedId(Date.parse(AT) + offset));
    for (const id of ids) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.deepEqual([...ids].sort(), ids);
    assert.equal(new Set(Array.from({ length: 1000 }, () => newTimeOrderedId(0))).size, 1000);
    assert.equal(parseInt(ids[0].replace(/-/g, '').slice(0, 12), 16), Date.parse(AT));
  });
});

for (const dialect of DIALECTS) {
  describe(`access log group commit (${dialect})`, () => {
    test('every append made together is committed, and resolves only once committed', async (t) => {
      const store = await openMigrated(dialect, t);
      await seedUser(store, 'client-a', 'usr_reads000000001');
      const writer = accessLogWriter(store.db);
      // More than one INSERT statement's worth, all in the same turn of the event loop.
      await Promise.all(Array.from({ length: 1200 }, (_, i) => writer.append(entry(i))));
      const rows = await createRepositories(store.db, store.readCaches).reports.accessLog('client-a', { limit: 5000 });
      assert.equal(rows.length, 1200);
      assert.deepEqual(new Set(rows.map((r) => r.request_id)), new Set(Array.from({ length: 1200 }, (_, i) => `req-${i}`)));
      // A later, separate append still works.
      await writer.append(entry(5000));
      assert.equal((await createRepositories(store.db, null).reports.accessLog('client-a', { limit: 5000 })).length, 1201);
    });

    test('a batch that cannot be written rejects its waiters, and the log takes the next batch', async (t) => {
      const store = await openMigrated(dialect, t);
      await seedUser(store, 'client-a', 'usr_reads000000001');
      const writer = accessLogWriter(store.db);
      const duplicate = entry(1);
      await writer.append(duplicate);
      const results = await Promise.allSettled([writer.append(entry(2)), writer.append(duplicate)]);
      assert.deepEqual(results.map((r) => r.status), ['rejected', 'rejected']);
      await writer.append(entry(3));
      const ids = (await createRepositories(store.db, null).reports.accessLog('client-a', { limit: 10 })).map((r) => r.request_id).sort();
      assert.deepEqual(ids, ['req-1', 'req-3']);
    });
  });
}

describe('read cache', () => {
  test('a read that began before a write does not store what it read', () => {
    const cache = readCache<string>();
    const epoch = cache.epoch();
    cache.invalidate('k');
    cache.fill('k', 'stale', epoch);
    assert.equal(cache.get('k'), undefined);
    cache.fill('k', 'fresh', cache.epoch());
    assert.equal(cache.get('k'), 'fresh');
  });

  test('keeps at most its capacity, dropping the least recently filled', () => {
    const cache = readCache<number>(3);
    for (let i = 0; i < 5; i += 1) cache.fill(`k${i}`, i, cache.epoch());
    assert.deepEqual(['k0', 'k1', 'k2', 'k3', 'k4'].map((k) => cache.get(k)), [undefined, undefined, 2, 3, 4]);
  });

  test('is kept for SQLite only: PostgreSQL may have other writers', async (t) => {
    const store = await openMigrated('sqlite', t);
    assert.ok(store.readCaches, 'store.readCaches');
    if (DIALECTS.includes('postgres')) assert.equal((await openMigrated('postgres', t)).readCaches, null);
  });

  test('writes through any handle, transactions included, are seen by the next read; rollbacks leave nothing behind', async (t) => {
    const store = await openMigrated('sqlite', t);
    const clientId = 'client-a';
    const userId = 'usr_reads000000001';
    await seedUser(store, clientId, userId);
    const repos = createRepositories(store.db, store.readCaches);
    const pending = (reportId: string, sequence: number) => ({ reportId, clientId, userId, createdAt: AT, sequence, request: { webhook: 'http://x' } });

    assert.equal(await repos.reports.latestForUser(clientId, userId), null); // cached "none"
    await store.db.transaction().execute((trx) => createRepositories(trx, store.readCaches).reports.insertPending(pending('r1', 1)));
    assert.equal((await repos.reports.latestForUser(clientId, userId))?.state, 'pending');

    await store.db.transaction().execute((trx) =>
      createRepositories(trx, store.readCaches).reports.finish(
        { reportId: 'r1', clientId, userId },
        { state: 'ready', generatedAt: AT, expiresAt: AT, baseReport: '{}', successfulProducts: ['cra_base_report'], failedProducts: [] },
      ),
    );
    assert.equal((await repos.reports.latestForUser(clientId, userId))?.state, 'ready');
    assert.equal((await repos.reports.latestReadyForUser(clientId, userId))?.reportId, 'r1');

    // A create that rolls back, after reading its own uncommitted row: nothing of it may stay cached.
    await assert.rejects(
      store.db.transaction().execute(async (trx) => {
        const inside = createRepositories(trx, store.readCaches);
        await inside.reports.insertPending(pending('r2', 2));
        assert.equal((await inside.reports.latestForUser(clientId, userId))?.reportId, 'r2');
        throw new Error('rolled back');
      }),
      /rolled back/,
    );
    assert.equal((await repos.reports.latestForUser(clientId, userId))?.reportId, 'r1');

    assert.equal((await repos.users.findById(clientId, userId))?.identity, null);
    await repos.users.updateIdentity(clientId, userId, { identity: { name: { given_name: 'A' } }, updatedAt: AT });
    assert.deepEqual((await repos.users.findById(clientId, userId))?.identity, { name: { given_name: 'A' } });
    assert.equal(await repos.users.remove(clientId, userId), true);
    assert.equal(await repos.users.findById(clientId, userId), null);
    assert.equal(await repos.reports.latestForUser(clientId, userId), null);
    assert.equal(await repos.reports.latestReadyForUser(clientId, userId), null);
  });
});
