// The SQLite WAL is checkpointed by a worker thread, not by the commit that
// crosses a threshold: the writer's automatic checkpoint is off while the
// worker runs and back on once it has stopped.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import SQLite from 'better-sqlite3';
import pino from 'pino';
import { loadConfig } from '../../src/config.js';
import { startOpencheck } from '../../src/runtime.js';
import { migrate, openStore } from '../../src/store/db.js';
import { startWalCheckpointer } from '../../src/store/wal-checkpointer.js';

test('a file store checkpoints its WAL from the worker, and its data survives close and reopen', async (t) => {
  const path = join(mkdtempSync(join(tmpdir(), 'opencheck-wal-')), 'store.db');
  const store = await openStore({ dialect: 'sqlite', path }, { walCheckpointWorker: true });
  await migrate(store);
  assert.ok(store.walCheckpointer, 'a file store opened for serving has a checkpoint worker');
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

test('the timer checkpoints after commits and skips its ticks while nothing has been committed', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'opencheck-wal-')), 'idle.db');
  const database = new SQLite(path);
  database.pragma('journal_mode = WAL');
  database.exec('create table t (v text)');
  const checkpointer = startWalCheckpointer(database, path, { intervalMs: 20, onError: () => {} });
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const waitForTicks = async (atLeast: number) => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const counts = await checkpointer.counts();
      if (counts.ticks >= atLeast) return counts;
      if (Date.now() > deadline) throw new Error(`only ${counts.ticks} ticks`);
      await sleep(20);
    }
  };
  try {
    database.prepare('insert into t values (?)').run('x');
    const afterCommit = await waitForTicks(3);
    assert.ok(afterCommit.checkpoints >= 1, `the commit was checkpointed (${JSON.stringify(afterCommit)})`);
    // Idle: ticks go on, checkpoints do not.
    const idle = await waitForTicks(afterCommit.ticks + 10);
    assert.equal(idle.checkpoints, afterCommit.checkpoints, `no checkpoint while idle (${JSON.stringify(afterCommit)} → ${JSON.stringify(idle)})`);
    // A new commit is checkpointed at the next tick.
    database.prepare('insert into t values (?)').run('y');
    const next = await waitForTicks(idle.ticks + 3);
    assert.equal(next.checkpoints, idle.checkpoints + 1, `one checkpoint for the new commit (${JSON.stringify(next)})`);
    const reader = new SQLite(path, { readonly: true });
    try {
      // Nothing left to copy: the worker's checkpoint moved every frame into the file.
      const [row] = reader.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number; checkpointed: number }>;
      assert.equal(row.checkpointed, row.log, 'every frame is in the database file');
    } finally {
      reader.close();
    }
  } finally {
    await checkpointer.stop();
    database.close();
  }
});

test('an in-memory store, and a file store not asked for one (CLI commands), have no checkpoint worker', async () => {
  const memory = await openStore({ dialect: 'sqlite', path: ':memory:' }, { walCheckpointWorker: true });
  assert.equal(memory.walCheckpointer, null);
  await memory.close();
  const oneShot = await openStore({ dialect: 'sqlite', path: join(mkdtempSync(join(tmpdir(), 'opencheck-wal-')), 'cli.db') });
  assert.equal(oneShot.walCheckpointer, null);
  await oneShot.close();
});

test('the server checkpoints its SQLite file from the worker', async (t) => {
  const path = join(mkdtempSync(join(tmpdir(), 'opencheck-wal-')), 'server.db');
  const opencheck = await startOpencheck(loadConfig({ DATABASE_URL: `sqlite:${path}` }), { realNowMs: () => Date.now(), log: pino({ level: 'silent' }) });
  t.after(() => opencheck.close());
  assert.ok(opencheck.deps.store.walCheckpointer, 'the serving store has a checkpoint worker');
  const result = await opencheck.deps.store.walCheckpointer.checkpointNow();
  assert.equal(result.checkpointedFrames, result.walFrames, 'the worker checkpointed what the server wrote at start');
});
