// SQLite checkpoints the WAL into the database file from inside the COMMIT
// that crosses wal_autocheckpoint: that one commit copies pages and fsyncs
// the file, on the event loop, while every request waits. SQLite's docs
// suggest the alternative used here: turn the automatic checkpoint off and
// checkpoint from another thread, on a connection of its own. A PASSIVE
// checkpoint never blocks the writer, and the writer's commits no longer
// fsync at all (WAL with synchronous = NORMAL), so durability is unchanged.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

export interface WalCheckpointResult {
  /** Frames in the WAL, and how many of them are now in the database file. */
  walFrames: number;
  checkpointedFrames: number;
}

/** What the worker's timer has done: ticks, and checkpoints run (a tick with no commit since a complete checkpoint runs none). */
export interface WalCheckpointCounts {
  ticks: number;
  checkpoints: number;
}

export interface WalCheckpointer {
  /** Checkpoints now, in the worker, and says how far it got. */
  checkpointNow(): Promise<WalCheckpointResult>;
  /** The timer's counts so far. */
  counts(): Promise<WalCheckpointCounts>;
  /** Stops the worker; the writer checkpoints for itself again. */
  stop(): Promise<void>;
}

/** SQLite's default: the writer checkpoints once the WAL holds this many pages. */
const SQLITE_DEFAULT_AUTOCHECKPOINT = 1000;

// The worker is plain CommonJS run with eval, so it needs no TypeScript loader.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
const checkpoint = () => {
  const [row] = db.pragma('wal_checkpoint(PASSIVE)');
  return { walFrames: row.log, checkpointedFrames: row.checkpointed };
};
// data_version changes when another connection commits. An idle server's
// WAL has nothing new to copy, and a checkpoint still costs milliseconds of
// I/O, so a tick after a complete checkpoint with no commit since skips it.
let seenVersion = null;
let complete = false;
const counts = { ticks: 0, checkpoints: 0 };
const tick = () => {
  counts.ticks += 1;
  const version = db.pragma('data_version', { simple: true });
  if (complete && version === seenVersion) return;
  seenVersion = version;
  counts.checkpoints += 1;
  const result = checkpoint();
  complete = result.walFrames === result.checkpointedFrames;
};
const timer = setInterval(tick, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message.type === 'checkpoint') parentPort.postMessage({ id: message.id, result: checkpoint() });
  if (message.type === 'counts') parentPort.postMessage({ id: message.id, result: { ...counts } });
  if (message.type === 'stop') {
    clearInterval(timer);
    db.close();
    parentPort.close();
  }
});
`;

/**
 * Starts checkpointing `path`'s WAL every `intervalMs` from a worker thread
 * and turns the writer's automatic checkpoint off. If the worker dies, the
 * writer's automatic checkpoint is turned back on.
 */
export function startWalCheckpointer(database: SQLite.Database, path: string, options: { intervalMs: number; onError: (error: unknown) => void }): WalCheckpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, path, intervalMs: options.intervalMs } });
  // The worker never keeps the server alive on its own.
  worker.unref();
  database.pragma('wal_autocheckpoint = 0');
  const pending = new Map<number, { resolve: (result: any) => void; reject: (error: unknown) => void }>();
  let nextId = 0;
  let alive = true;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));

  function fallBack(error: unknown): void {
    if (!alive) return;
    alive = false;
    if (database.open) database.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`);
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  }

  worker.on('message', (message: { id: number; result: WalCheckpointResult | WalCheckpointCounts }) => {
    pending.get(message.id)?.resolve(message.result);
    pending.delete(message.id);
    if (pending.size === 0) worker.unref();
  });
  worker.on('error', (error) => {
    options.onError(error);
    fallBack(error);
  });
  worker.on('exit', () => fallBack(new Error('WAL checkpoint worker stopped')));

  function ask<T>(type: 'checkpoint' | 'counts'): Promise<T> {
    if (!alive) return Promise.reject(new Error('WAL checkpoint worker stopped'));
    return new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      // Someone is waiting for an answer: keep the process alive until it comes.
      worker.ref();
      worker.postMessage({ type, id });
    });
  }

  return {
    checkpointNow: () => ask<WalCheckpointResult>('checkpoint'),
    counts: () => ask<WalCheckpointCounts>('counts'),
    async stop() {
      worker.ref();
      if (alive) worker.postMessage({ type: 'stop' });
      await exited;
    },
  };
}
