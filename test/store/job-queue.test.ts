// The JobQueue port, exercised through both adapters: the table queue on
// SQLite always, pg-boss on PostgreSQL when TEST_DATABASE_URL is set.
import assert from 'node:assert/strict';
import { describe, test, type TestContext } from 'node:test';
import pg from 'pg';
import pino from 'pino';
import { simulatedClock } from '../../src/clock.js';
import { parseDatabaseUrl, type DatabaseConfig } from '../../src/config.js';
import type { Job, JobOutcome, JobQueue } from '../../src/jobs/job-queue.js';
import { pgBossJobQueue, pgBossSchemaName, type PgBossJobQueueOptions } from '../../src/jobs/pg-boss-job-queue.js';
import { tableJobQueue } from '../../src/jobs/table-job-queue.js';
import { migrate, openStore, type Store } from '../../src/store/db.js';
import { DIALECTS, testDatabaseUrl, type TestDialect } from '../support/test-server.js';

const log = pino({ level: 'silent' });
// A server clock far from real time, as in the sandbox: schedules must follow it.
const clock = simulatedClock(() => Date.now(), Date.parse('2024-01-01T00:00:00Z'));
const inMs = (ms: number) => new Date(clock.nowMs() + ms).toISOString();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

type QueueTuning = Partial<Pick<PgBossJobQueueOptions, 'expireInSeconds' | 'maintenanceIntervalSeconds'>>;

interface Harness {
  store: Store;
  /** Another store on the same database, as a second server process would open. */
  openStore(): Promise<Store>;
  /** A queue instance on `store`; stopped after the test. */
  queue(store?: Store, tuning?: QueueTuning): JobQueue;
  /** Comfortably past the first retry's backoff. */
  firstRetryWithinMs: number;
}

async function openHarness(dialect: TestDialect, t: TestContext): Promise<Harness> {
  const config: DatabaseConfig = parseDatabaseUrl(await testDatabaseUrl(dialect, t));
  const stores: Store[] = [];
  const queues: JobQueue[] = [];
  // Registered after testDatabaseUrl's cleanup, so it runs after it; the store
  // schema is gone by then, pg-boss's own schema is not.
  t.after(async () => {
    await Promise.all(queues.map((queue) => queue.stop()));
    await Promise.all(stores.map((store) => store.close()));
    if (config.dialect === 'postgres') {
      const client = new pg.Client({ connectionString: config.url });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${pgBossSchemaName(config.schema)}" CASCADE`);
      await client.end();
    }
  });
  async function open(): Promise<Store> {
    const store = await openStore(config);
    stores.push(store);
    await migrate(store);
    return store;
  }
  const store = await open();
  return {
    store,
    openStore: open,
    queue(on = store, tuning = {}) {
      const queue =
        on.dialect === 'postgres'
          ? pgBossJobQueue({ store: on, clock, log, random: () => 0.5, pollIntervalMs: 50, retryDelaySeconds: 1, ...tuning })
          : tableJobQueue({ db: on.db, clock, log, random: () => 0, pollIntervalMs: 20 });
      queues.push(queue);
      return queue;
    },
    // pg-boss: 1–2 s after the first failure; table queue: backoffMs(1) with random 0 is 0.5 s.
    firstRetryWithinMs: dialect === 'postgres' ? 2_500 : 1_000,
  };
}

for (const dialect of DIALECTS) {
  describe(`job queue (${dialect === 'postgres' ? 'pg-boss' : 'table'} adapter on ${dialect})`, () => {
    test('runs a job enqueued in a committed transaction exactly once', async (t) => {
      const h = await openHarness(dialect, t);
      const queue = h.queue();
      const seen: Job[] = [];
      queue.register('work', async (job) => {
        seen.push(job);
      });
      await queue.start();
      const id = await h.store.db.transaction().execute((trx) => queue.enqueue(trx, { queue: 'work', payload: { reportId: 'r1', n: 7 } }));
      queue.notify();
      await waitFor(() => seen.length === 1, 'the job');
      await sleep(300);
      assert.equal(seen.length, 1);
      assert.deepEqual(seen[0], { id, queue: 'work', payload: { reportId: 'r1', n: 7 }, attempt: 1 });
    });

    test('never runs a job enqueued in a rolled-back transaction', async (t) => {
      const h = await openHarness(dialect, t);
      const queue = h.queue();
      const seen: string[] = [];
      queue.register('work', async (job) => {
        seen.push(job.payload.name);
      });
      await queue.start();
      await assert.rejects(
        h.store.db.transaction().execute(async (trx) => {
          await queue.enqueue(trx, { queue: 'work', payload: { name: 'rolled back' } });
          throw new Error('abort the transaction');
        }),
        /abort the transaction/,
      );
      // Jobs run oldest first, so once the later job ran the earlier one would have too.
      await h.store.db.transaction().execute((trx) => queue.enqueue(trx, { queue: 'work', payload: { name: 'committed' } }));
      queue.notify();
      await waitFor(() => seen.includes('committed'), 'the committed job');
      assert.deepEqual(seen, ['committed']);
    });

    test('retries a handler that threw, counting attempts 1 then 2', async (t) => {
      const h = await openHarness(dialect, t);
      const queue = h.queue();
      const attempts: number[] = [];
      queue.register('work', async (job) => {
        attempts.push(job.attempt);
        if (job.attempt === 1) throw new Error('transient failure');
      });
      await queue.start();
      await queue.enqueue(h.store.db, { queue: 'work', payload: {}, maxAttempts: 2 });
      queue.notify();
      await waitFor(() => attempts.length === 2, 'the retry', h.firstRetryWithinMs + 5_000);
      await sleep(200);
      assert.deepEqual(attempts, [1, 2]);
    });

    test('does not run a job again once its handler threw maxAttempts times', async (t) => {
      const h = await openHarness(dialect, t);
      const queue = h.queue();
      const attempts: number[] = [];
      queue.register('work', async (job) => {
        attempts.push(job.attempt);
        throw new Error('permanent failure');
      });
      await queue.start();
      await queue.enqueue(h.store.db, { queue: 'work', payload: {}, maxAttempts: 1 });
      queue.notify();
      await waitFor(() => attempts.length === 1, 'the first attempt');
      await sleep(h.firstRetryWithinMs);
      assert.deepEqual(attempts, [1]);
    });

    test('reschedules on { retryAt } by the server clock, keeping the attempt count and payload', async (t) => {
      const h = await openHarness(dialect, t);
      const queue = h.queue();
      const runs: Array<{ job: Job; atMs: number }> = [];
      queue.register('work', async (job) => {
        runs.push({ job, atMs: Date.now() });
        if (job.attempt === 1) return { retryAt: inMs(400) };
      });
      await queue.start();
      await queue.enqueue(h.store.db, { queue: 'work', payload: { webhookId: 'w1' } });
      queue.notify();
      await waitFor(() => runs.length === 2, 'the rescheduled run');
      await sleep(200);
      assert.deepEqual(
        runs.map((run) => [run.job.attempt, run.job.payload]),
        [
          [1, { webhookId: 'w1' }],
          [2, { webhookId: 'w1' }],
        ],
      );
      assert.ok(runs[1].atMs - runs[0].atMs >= 350, `rescheduled run came ${runs[1].atMs - runs[0].atMs} ms later`);
    });

    test('holds a job enqueued with runAt until that instant on the server clock', async (t) => {
      const h = await openHarness(dialect, t);
      const queue = h.queue();
      let ranAtMs: number | null = null;
      queue.register('work', async () => {
        ranAtMs = Date.now();
      });
      await queue.start();
      const enqueuedAtMs = Date.now();
      await queue.enqueue(h.store.db, { queue: 'work', payload: {}, runAt: inMs(400) });
      queue.notify();
      await waitFor(() => ranAtMs !== null, 'the scheduled job');
      assert.ok(ranAtMs! - enqueuedAtMs >= 350, `ran ${ranAtMs! - enqueuedAtMs} ms after enqueue`);
    });

    test('stop() waits for a running handler and records its outcome', async (t) => {
      const h = await openHarness(dialect, t);
      const first = h.queue();
      let started = false;
      let finished = false;
      first.register('work', async () => {
        started = true;
        await sleep(300);
        finished = true;
      });
      await first.start();
      await first.enqueue(h.store.db, { queue: 'work', payload: { name: 'slow' } });
      first.notify();
      await waitFor(() => started, 'the handler to start');
      await first.stop();
      assert.equal(finished, true);

      // A queue started afterwards does not run the finished job again.
      const second = h.queue();
      const seen: string[] = [];
      second.register('work', async (job) => {
        seen.push(job.payload.name);
      });
      await second.start();
      await second.enqueue(h.store.db, { queue: 'work', payload: { name: 'marker' } });
      second.notify();
      await waitFor(() => seen.includes('marker'), 'the marker job');
      assert.deepEqual(seen, ['marker']);
    });

    test('commits a returned record with the job: its writes exist exactly when the job is done', async (t) => {
      const h = await openHarness(dialect, t);
      const queue = h.queue();
      const finished: number[] = [];
      queue.register(
        'work',
        async (job) => ({
          record: async (trx) => {
            await trx.insertInto('settings').values({ key: `outcome-${job.payload.n}`, value: String(job.attempt) }).execute();
            finished.push(job.payload.n);
          },
        }),
        { concurrency: 8 },
      );
      await queue.start();
      // Many jobs finishing close together: the table queue commits their outcomes in groups.
      await h.store.db.transaction().execute(async (trx) => {
        for (let n = 0; n < 40; n += 1) await queue.enqueue(trx, { queue: 'work', payload: { n } });
      });
      queue.notify();
      await waitFor(() => finished.length >= 40, 'all 40 records');
      await queue.stop();
      const rows = await h.store.db.selectFrom('settings').select(['key', 'value']).where('key', 'like', 'outcome-%').execute();
      assert.deepEqual(rows.map((r) => r.key).sort(), Array.from({ length: 40 }, (_, n) => `outcome-${n}`).sort());
      assert.ok(rows.every((r) => r.value === '1'), 'rows.every((r) => r.value === \'1\')');
      if (dialect === 'sqlite') {
        const left = await h.store.db.selectFrom('jobs').select('id').execute();
        assert.deepEqual(left, []);
      }
    });

    test('a record that throws undoes only its own writes and counts as a thrown handler', async (t) => {
      const h = await openHarness(dialect, t);
      const queue = h.queue();
      const runs: Array<[string, number]> = [];
      queue.register(
        'work',
        async (job) => {
          runs.push([job.payload.name, job.attempt]);
          return {
            record: async (trx) => {
              await trx.insertInto('settings').values({ key: `${job.payload.name}-${job.attempt}`, value: 'x' }).execute();
              if (job.payload.name === 'faulty' && job.attempt === 1) throw new Error('storage fault');
            },
          };
        },
        { concurrency: 8 },
      );
      await queue.start();
      await h.store.db.transaction().execute(async (trx) => {
        for (const name of ['a', 'faulty', 'b']) await queue.enqueue(trx, { queue: 'work', payload: { name }, maxAttempts: 2 });
      });
      queue.notify();
      await waitFor(() => runs.some(([name, attempt]) => name === 'faulty' && attempt === 2), 'the faulty job to run again', h.firstRetryWithinMs + 5_000);
      await queue.stop();
      const keys = (await h.store.db.selectFrom('settings').select('key').execute()).map((r) => r.key).sort();
      assert.deepEqual(keys, ['a-1', 'b-1', 'faulty-2']);
    });

    test('commits a record together with a { retryAt } reschedule', async (t) => {
      const h = await openHarness(dialect, t);
      const queue = h.queue();
      const attempts: number[] = [];
      queue.register('work', async (job) => {
        attempts.push(job.attempt);
        const record = async (trx: Parameters<NonNullable<JobOutcome['record']>>[0]) => {
          await trx.insertInto('settings').values({ key: `try-${job.attempt}`, value: 'x' }).execute();
        };
        return job.attempt === 1 ? { retryAt: inMs(200), record } : { record };
      });
      await queue.start();
      await queue.enqueue(h.store.db, { queue: 'work', payload: {} });
      queue.notify();
      await waitFor(() => attempts.length === 2, 'the rescheduled run');
      await queue.stop();
      const keys = (await h.store.db.selectFrom('settings').select('key').execute()).map((r) => r.key).sort();
      assert.deepEqual(keys, ['try-1', 'try-2']);
    });

    if (dialect !== 'postgres') return;

    test('two queue instances sharing the database handle each of 50 jobs exactly once', async (t) => {
      const h = await openHarness(dialect, t);
      const queues = [h.queue(h.store), h.queue(await h.openStore())];
      const handledBy = new Map<number, number[]>();
      queues.forEach((queue, instance) =>
        queue.register(
          'work',
          async (job) => {
            handledBy.set(job.payload.n, [...(handledBy.get(job.payload.n) ?? []), instance]);
            await sleep(20);
          },
          { concurrency: 4 },
        ),
      );
      // Started together on a fresh schema: pg-boss installs itself once.
      await Promise.all(queues.map((queue) => queue.start()));
      await h.store.db.transaction().execute(async (trx) => {
        for (let n = 0; n < 50; n += 1) await queues[0].enqueue(trx, { queue: 'work', payload: { n } });
      });
      queues.forEach((queue) => queue.notify());
      await waitFor(() => handledBy.size === 50, 'all 50 jobs');
      await sleep(300);
      for (let n = 0; n < 50; n += 1) assert.equal(handledBy.get(n)?.length, 1, `job ${n} handled by ${handledBy.get(n)}`);
      const perInstance = [0, 1].map((instance) => [...handledBy.values()].filter(([by]) => by === instance).length);
      assert.ok(perInstance.every((count) => count > 0), `work split ${perInstance}`);
    });

    test('retries a job whose worker stopped responding once it expires', async (t) => {
      const h = await openHarness(dialect, t);
      const tuning = { expireInSeconds: 1, maintenanceIntervalSeconds: 1 };
      const queues = [h.queue(h.store, tuning), h.queue(await h.openStore(), tuning)];
      let release: () => void = () => {};
      const hung = new Promise<void>((resolve) => (release = resolve));
      t.after(() => release());
      const attempts: number[] = [];
      for (const queue of queues) {
        queue.register('work', async (job) => {
          attempts.push(job.attempt);
          // The first run never finishes, as if its process had died.
          if (job.attempt === 1) await hung;
        });
      }
      await Promise.all(queues.map((queue) => queue.start()));
      await queues[0].enqueue(h.store.db, { queue: 'work', payload: {} });
      queues.forEach((queue) => queue.notify());
      await waitFor(() => attempts.length === 2, 'the retry after expiry');
      assert.deepEqual(attempts, [1, 2]);
      // The stale run finishing late does not bring the job back.
      release();
      await sleep(300);
      assert.deepEqual(attempts, [1, 2]);
    });
  });
}

/** A table queue on a fresh SQLite store, stopped and closed after the test. */
async function openTableQueue(t: TestContext, tuning: { pollIntervalMs: number; groupCommitIntervalMs?: number }) {
  const store = await openStore(parseDatabaseUrl(await testDatabaseUrl('sqlite', t)));
  await migrate(store);
  const queue = tableJobQueue({ db: store.db, clock, log, random: () => 0, ...tuning });
  t.after(async () => {
    await queue.stop();
    await store.close();
  });
  return { store, queue };
}

describe('table queue: prompt outcomes', () => {
  test('a commitPromptly queue commits its outcome at once instead of waiting out the group-commit interval, taking waiting outcomes along', async (t) => {
    // An interval no test would wait out: only a prompt commit can record these outcomes in time.
    const { store, queue } = await openTableQueue(t, { pollIntervalMs: 20, groupCommitIntervalMs: 600_000 });
    const record = (key: string): JobOutcome => ({
      record: async (trx) => {
        await trx.insertInto('settings').values({ key, value: 'done' }).execute();
      },
    });
    queue.register('grouped', async (job) => record(`grouped-${job.payload.n}`));
    queue.register('prompt', async () => record('prompt'), { commitPromptly: true });
    await queue.start();
    const stored = async () => (await store.db.selectFrom('settings').select('key').where('value', '=', 'done').execute()).map((r) => r.key).sort();
    const waitForRows = async (keys: string[]) => {
      const deadline = Date.now() + 10_000;
      while (JSON.stringify(await stored()) !== JSON.stringify(keys)) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${keys}; have ${await stored()}`);
        await sleep(10);
      }
    };
    // The first group commit has no earlier one to wait for.
    await queue.enqueue(store.db, { queue: 'grouped', payload: { n: 1 } });
    queue.notify();
    await waitForRows(['grouped-1']);
    // The next grouped outcome waits for the interval…
    await queue.enqueue(store.db, { queue: 'grouped', payload: { n: 2 } });
    queue.notify();
    await sleep(300);
    assert.deepEqual(await stored(), ['grouped-1'], 'a grouped outcome waits for the group-commit interval');
    // …until a prompt queue's outcome arrives: both commit at once.
    await queue.enqueue(store.db, { queue: 'prompt', payload: {} });
    queue.notify();
    await waitForRows(['grouped-1', 'grouped-2', 'prompt']);
  });
});

describe('table queue: claims', () => {
  test('claims take due jobs oldest first, each once, as attempt 1, and leave jobs of other queues and later jobs alone', async (t) => {
    const { store, queue } = await openTableQueue(t, { pollIntervalMs: 20 });
    const runs: Array<{ n: number; attempt: number }> = [];
    const otherRuns: number[] = [];
    queue.register('work', async (job) => {
      runs.push({ n: job.payload.n, attempt: job.attempt });
      await sleep(1);
    }, { concurrency: 3 });
    queue.register('other', async (job) => {
      otherRuns.push(job.payload.n);
    }, { concurrency: 2 });
    // Enqueued before the worker starts, due in reverse order of enqueueing; one is due only in an hour.
    await store.db.transaction().execute(async (trx) => {
      for (let n = 0; n < 60; n += 1) await queue.enqueue(trx, { queue: 'work', payload: { n }, runAt: inMs(-(n + 1) * 1000) });
      await queue.enqueue(trx, { queue: 'work', payload: { n: 999 }, runAt: inMs(3_600_000) });
      for (let n = 0; n < 5; n += 1) await queue.enqueue(trx, { queue: 'other', payload: { n } });
    });
    await queue.start();
    await waitFor(() => runs.length >= 60 && otherRuns.length === 5, '60 work jobs and 5 other jobs');
    await sleep(200);
    assert.equal(runs.length, 60, `each due job runs once: ${runs.length} runs`);
    assert.deepEqual(runs.map((r) => r.attempt), new Array(60).fill(1), 'every run is attempt 1');
    assert.deepEqual(new Set(runs.map((r) => r.n)).size, 60, 'no job ran twice');
    // The first claim takes the three most overdue (n = 59, 58, 57), in run_at order.
    assert.deepEqual(runs.slice(0, 3).map((r) => r.n), [59, 58, 57], 'oldest run_at first');
    assert.deepEqual(otherRuns.sort(), [0, 1, 2, 3, 4], 'the other queue ran all its jobs');
    const left = await store.db.selectFrom('jobs').select(['payload', 'state', 'attempts']).execute();
    assert.deepEqual(left, [{ payload: JSON.stringify({ n: 999 }), state: 'pending', attempts: 0 }], 'only the job due later is left, untouched');
  });
});

describe('table queue: idle worker', () => {
  // A poll interval no test would wait out: the worker must wake for the right reasons only.
  const idleQueue = (t: TestContext) => openTableQueue(t, { pollIntervalMs: 600_000 });

  test('sleeps until the earliest scheduled job falls due, and does not poll for jobs enqueued without notify()', async (t) => {
    const { store, queue } = await idleQueue(t);
    const ranAt = new Map<string, number>();
    queue.register('work', async (job) => {
      ranAt.set(job.payload.name, Date.now());
    });
    await queue.start();
    const scheduledAt = Date.now();
    await queue.enqueue(store.db, { queue: 'work', payload: { name: 'scheduled' }, runAt: inMs(300) });
    queue.notify();
    await waitFor(() => ranAt.has('scheduled'), 'the scheduled job');
    const after = ranAt.get('scheduled')! - scheduledAt;
    assert.ok(after >= 250 && after < 5_000, `ran ${after} ms after it was scheduled 300 ms ahead`);

    await queue.enqueue(store.db, { queue: 'work', payload: { name: 'silent' } });
    await sleep(500);
    assert.equal(ranAt.has('silent'), false, 'an idle worker does not poll: no notify(), no run');
    queue.notify();
    await waitFor(() => ranAt.has('silent'), 'the job after notify()');
  });

  test('a { retryAt } shortly ahead runs on time while the worker sleeps', async (t) => {
    const { store, queue } = await idleQueue(t);
    const runs: number[] = [];
    queue.register('work', async () => {
      runs.push(Date.now());
      if (runs.length === 1) return { retryAt: inMs(200) };
    });
    await queue.start();
    await queue.enqueue(store.db, { queue: 'work', payload: {} });
    queue.notify();
    await waitFor(() => runs.length === 2, 'the rescheduled run');
    const gap = runs[1] - runs[0];
    assert.ok(gap >= 150 && gap < 5_000, `the rescheduled run came ${gap} ms after the first, 200 ms asked`);
  });

  test('a job that falls due while its queue is full starts once a slot frees', async (t) => {
    const { store, queue } = await idleQueue(t);
    const started = new Map<string, number>();
    const finished = new Map<string, number>();
    queue.register(
      'work',
      async (job) => {
        started.set(job.payload.name, Date.now());
        await sleep(job.payload.ms);
        finished.set(job.payload.name, Date.now());
      },
      { concurrency: 1 },
    );
    await queue.start();
    await queue.enqueue(store.db, { queue: 'work', payload: { name: 'long', ms: 400 } });
    queue.notify();
    await waitFor(() => started.has('long'), 'the long job');
    await queue.enqueue(store.db, { queue: 'work', payload: { name: 'scheduled', ms: 0 }, runAt: inMs(100) });
    queue.notify();
    await waitFor(() => started.has('scheduled'), 'the scheduled job');
    const wait = started.get('scheduled')! - finished.get('long')!;
    assert.ok(wait >= 0 && wait < 2_000, `started ${wait} ms after the slot freed`);
  });
});

