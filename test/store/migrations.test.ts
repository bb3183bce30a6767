import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { parseDatabaseUrl } from '../../src/config.js';
import { migrate, openStore, type Store } from '../../src/store/db.js';
import { DIALECTS, testDatabaseUrl } from '../support/test-server.js';

async function ownTables(store: Store): Promise<string[]> {
  if (store.dialect === 'postgres') {
    const { rows } = await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = current_schema()`.execute(store.db);
    return rows.map((row) => row.name).sort();
  }
  const { rows } = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(store.db);
  return rows.map((row) => row.name).sort();
}

for (const dialect of DIALECTS) {
  describe(`migrations (${dialect})`, () => {
    test('migrate an empty database, then again as a no-op', async (t) => {
      const store = await openStore(parseDatabaseUrl(await testDatabaseUrl(dialect, t)));
      t.after(() => store.close());
      const applied = await migrate(store);
      assert.ok(applied.includes('0001_clients_and_users'), 'applied.includes(\'0001_clients_and_users\')');
      assert.deepEqual(await migrate(store), []);
      // Only this store's own schema: introspecting every schema races with other test files dropping theirs.
      const tables = await ownTables(store);
      for (const table of ['clients', 'jobs', 'settings', 'users']) assert.ok(tables.includes(table), `${table} in ${tables}`);
      await sql`select count(*) from users`.execute(store.db);
    });
  });
}
