// store.groupCommit: work submitted together shares one transaction on SQLite
// (a transaction each on PostgreSQL); every caller gets its own result or
// error, and a failing caller never undoes another's rows.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import { parseDatabaseUrl } from '../../src/config.js';
import { migrate, openStore, type Store } from '../../src/store/db.js';
import { DIALECTS, testDatabaseUrl, type TestDialect } from '../support/test-server.js';

async function open(dialect: TestDialect, t: TestContext): Promise<Store & { url: string }> {
  // A SQLite file rather than memory, so that a second connection can open the same database.
  const url = dialect === 'sqlite' ? `sqlite:${join(mkdtempSync(join(tmpdir(), 'opencheck-gc-')), 'store.db')}` : await testDatabaseUrl(dialect, t);
  const store = await openStore(parseDatabaseUrl(url));
  t.after(() => store.close());
  await migrate(store);
  return Object.assign(store, { url });
}

const keys = async (store: Store) => (await store.db.selectFrom('settings').select('key').where('key', 'like', 'gc-%').execute()).map((r) => r.key).sort();

for (const dialect of DIALECTS) {
  describe(`group commit (${dialect})`, () => {
    test('work submitted together commits, each caller getting its own result', async (t) => {
      const store = await open(dialect, t);
      const transactions = new Set<unknown>();
      const results = await Promise.all(
        [1, 2, 3].map((n) =>
          store.groupCommit(async (trx) => {
            transactions.add(trx);
            await trx.insertInto('settings').values({ key: `gc-${n}`, value: String(n) }).execute();
            return n * 10;
          }),
        ),
      );
      assert.deepEqual(results, [10, 20, 30]);
      assert.deepEqual(await keys(store), ['gc-1', 'gc-2', 'gc-3']);
      // SQLite: one transaction for the three; PostgreSQL: one each.
      assert.equal(transactions.size, dialect === 'sqlite' ? 1 : 3, 'transactions used');
    });

    test('a caller whose work fails gets its error; the others keep their rows', async (t) => {
      const store = await open(dialect, t);
      await store.db.insertInto('settings').values({ key: 'gc-taken', value: 'first' }).execute();
      const outcomes = await Promise.allSettled([
        store.groupCommit((trx) => trx.insertInto('settings').values({ key: 'gc-a', value: 'a' }).execute()),
        // A duplicate key fails the shared transaction: each work then runs alone.
        store.groupCommit((trx) => trx.insertInto('settings').values({ key: 'gc-taken', value: 'second' }).execute()),
        store.groupCommit((trx) => trx.insertInto('settings').values({ key: 'gc-b', value: 'b' }).execute()),
      ]);
      assert.deepEqual(outcomes.map((o) => o.status), ['fulfilled', 'rejected', 'fulfilled']);
      assert.deepEqual(await keys(store), ['gc-a', 'gc-b', 'gc-taken']);
      const taken = await store.db.selectFrom('settings').select('value').where('key', '=', 'gc-taken').executeTakeFirstOrThrow();
      assert.equal(taken.value, 'first', 'the failed caller changed nothing');
    });

    test('a caller is answered only after its rows are committed', async (t) => {
      const store = await open(dialect, t);
      // Another connection to the same database sees committed rows only.
      const other = await openStore(parseDatabaseUrl(store.url));
      t.after(() => other.close());
      const seenByOther = await Promise.all(
        [1, 2].map(async (n) => {
          await store.groupCommit((trx) => trx.insertInto('settings').values({ key: `gc-${n}`, value: 'x' }).execute());
          return (await other.db.selectFrom('settings').select('key').where('key', '=', `gc-${n}`).execute()).length;
        }),
      );
      assert.deepEqual(seenByOther, [1, 1]);
    });
  });
}
