// The SQLite WAL is checkpointed by a worker thread, not by the commit that
// crosses a threshold: the writer's automatic checkpoint is off while the
// worker runs and back on once it has stopped.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import SQLite from 'better-sqlite3';
import { migrate, openStore } from '../../src/store/db.js';
import { startWalCheckpointer } from '../../src/store/wal-checkpointer.js';

test('a file store checkpoints its WAL from the worker, and its data survives close and reopen', async (t) => {
  const path = join(mkdtempSync(join(tmpdir(), 'opencheck-wal-')), 'store.db');
  const store = await openStore({ dialect: 'sqlite', path });
  await migrate(store);
  assert.ok(store.walCheckpointer, 'a file store has a checkpoint worker');
  for (let n = 0; n < 200; n += 1) {
    await store.db.insertInto('settings').values({ key: `k${n}`, value: 'v'.repeat(2000) }).execute();
  }
  const result = await store.walCheckpointer.checkpointNow();
  assert.ok(result.walFrames > 0, `the WAL holds frames (${result.walFrames})`);
  assert.equal(result.checkpointedFrames, result.walFrames, 'every frame is in the database file');
  await store.close();

  // Read straight from the database file: the rows are there.
  const reopened = new SQLite(path, { readonly: true });
  t.after(() => reopened.close());
  const row = reopened.prepare("select count(*) as n from settings where key like 'k%'").get() as { n: number };
  assert.equal(row.n, 200);
});

test("the writer's automatic checkpoint is off while the worker runs and back on after it stops", async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'opencheck-wal-')), 'plain.db');
  const database = new SQLite(path);
  database.pragma('journal_mode = WAL');
  const checkpointer = startWalCheckpointer(database, path, { intervalMs: 60_000, onError: () => {} });
  assert.equal(database.pragma('wal_autocheckpoint', { simple: true }), 0);
  database.exec('create table t (v text)');
  database.prepare('insert into t values (?)').run('x');
  const result = await checkpointer.checkpointNow();
  assert.equal(result.checkpointedFrames, result.walFrames, 'the worker checkpointed the writer\'s frames');
  await checkpointer.stop();
  assert.equal(database.pragma('wal_autocheckpoint', { simple: true }), 1000);
  await assert.rejects(checkpointer.checkpointNow(), /stopped/);
  database.close();
});

test('an in-memory store has no checkpoint worker', async () => {
  const store = await openStore({ dialect: 'sqlite', path: ':memory:' });
  assert.equal(store.walCheckpointer, null);
  await store.close();
});
