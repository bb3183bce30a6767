import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { parseDatabaseUrl } from '../../src/config.js';
import { migrate, openStore } from '../../src/store/db.js';
import { DIALECTS, testDatabaseUrl } from '../support/test-server.js';

for (const dialect of DIALECTS) {
  describe(`migrations (${dialect})`, () => {
    test('migrate an empty database, then again as a no-op', async (t) => {
      const store = await openStore(parseDatabaseUrl(await testDatabaseUrl(dialect, t)));
      t.after(() => store.close());
      const applied = await migrate(store);
      assert.ok(applied.includes('0001_clients_and_users'), 'applied.includes(\'0001_clients_and_users\')');
      assert.deepEqual(await migrate(store), []);
      const tables = (await store.db.introspection.getTables()).map((table) => table.name).sort();
      for (const table of ['clients', 'jobs', 'settings', 'users']) assert.ok(tables.includes(table), `${table} in ${tables}`);
      await sql`select count(*) from users`.execute(store.db);
    });
  });
}
