// The shared queue: pg-boss 10 on the PostgreSQL database, so several server
// processes take jobs from one place. pg-boss's fetch claims rows with
// FOR UPDATE SKIP LOCKED, so each job is handed to one worker at a time.
//
// Figures (all overridable through options):
// - Latency: notify() wakes this process's fetch loop at once; other
//   processes find a new job on their next poll, every pollIntervalMs (500 ms,
//   pg-boss 10's floor for its own workers, jittered ±25 % so processes do not
//   poll in step).
// - Crash safety: a job whose process died stays active until expireInSeconds
//   (120 s) after it started; pg-boss's maintenance, run by one process every
//   maintenanceIntervalSeconds (30 s), then returns it for retry. So it runs
//   again within about 2.5 min, and a crash costs one attempt. A handler that
//   is still running after expireInSeconds may be run twice.
// - Thrown handlers: pg-boss retries after retryDelaySeconds (1 s) doubling,
//   jittered over the upper half (1–2 s, 2–4 s, …): twice backoffMs, and not
//   capped at 5 min as backoffMs is; with the default 5 attempts the longest
//   wait is 8–16 s.
// - Scheduled runs (`runAt`, `{ retryAt }`): pg-boss compares start_after with
//   the database's real time, while runAt is on the server clock, which the
//   sandbox may shift. The adapter converts runAt to a delay from the server
//   clock's now, so under simulated time jobs are scheduled by elapsed time:
//   moving the clock later does not make a waiting job due.
import { CompiledQuery, sql, type Kysely } from 'kysely';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Store } from '../store/db.js';
import type { Database } from '../store/schema.js';
import type { Job, JobHandler, JobOutcome, JobQueue, JobToEnqueue } from './job-queue.js';

export interface PgBossJobQueueOptions {
  store: Store;
  clock: Clock;
  log: Logger;
  /** Jitters the poll interval. */
  random: () => number;
  /** How often an idle process looks for jobs sent by other processes or now due. Default 500. */
  pollIntervalMs?: number;
  /** How long a started job may stay active before it is presumed lost and retried. Default 120. */
  expireInSeconds?: number;
  /** How often pg-boss looks for expired jobs (and archives old ones). Default 30. */
  maintenanceIntervalSeconds?: number;
  /** Base of the retry backoff after a handler throws. Default 1. */
  retryDelaySeconds?: number;
}

interface Registration {
  handler: JobHandler;
  concurrency: number;
  running: number;
}

type Payload = Record<string, unknown>;

/**
 * Reserved payload key: attempts already spent by the jobs this one was
 * rescheduled from, so `attempt` keeps counting across `{ retryAt }`.
 */
const ATTEMPT_KEY = '__attempt';

const DEFAULT_MAX_ATTEMPTS = 5;

/** The schema pg-boss installs itself in: beside the store's, so per-test schemas stay isolated. */
export function pgBossSchemaName(storeSchema: string | null): string {
  return storeSchema ? `${storeSchema}_pgboss` : 'pgboss';
}

/** pg-boss's `db` option: its SQL runs on the caller's connection, so inside its transaction. */
function executorOn(db: Kysely<Database>): PgBoss.Db {
  return {
    async executeSql(text, values) {
      const result = await db.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: result.rows as any[] };
    },
  };
}

export function pgBossJobQueue(options: PgBossJobQueueOptions): JobQueue {
  const { store, clock, log, random } = options;
  if (!store.postgres) throw new Error('the pg-boss job queue needs a PostgreSQL store');
  const pollIntervalMs = options.pollIntervalMs ?? 500;
  const expireInSeconds = options.expireInSeconds ?? 120;
  const retryDelay = options.retryDelaySeconds ?? 1;
  const schema = pgBossSchemaName(store.postgres.schema);

  const postgres = store.postgres;
  function newBoss(): PgBoss {
    const instance = new PgBoss({
      connectionString: postgres.url,
      schema,
      application_name: 'opencheck-jobs',
      // No cron: it would add a clock-skew monitor and a queue we do not use.
      schedule: false,
      supervise: true,
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
      expireInSeconds,
    });
    // An EventEmitter without an 'error' listener throws; pool and maintenance
    // errors are logged and pg-boss carries on.
    instance.on('error', (error) => log.error({ err: error }, 'pg-boss error'));
    return instance;
  }
  // A stopped pg-boss has closed its pool, so a restart needs a new instance.
  let boss = newBoss();
  let stoppedOnce = false;

  const registrations = new Map<string, Registration>();
  const inFlight = new Set<Promise<void>>();
  let started = false;
  let running = false;
  let loop: Promise<void> | null = null;
  let wakeRequested = false;
  let interruptSleep: (() => void) | null = null;

  function wake(): void {
    wakeRequested = true;
    interruptSleep?.();
  }

  /** Delay from the server clock's now until `runAt`, in the seconds pg-boss adds to the database's now(). */
  function startAfterSeconds(runAt: string | undefined): number | undefined {
    if (runAt === undefined) return undefined;
    const runAtMs = Date.parse(runAt);
    if (Number.isNaN(runAtMs)) throw new Error(`runAt is not an ISO instant: ${runAt}`);
    const delayMs = Math.round(runAtMs - clock.nowMs());
    // pg-boss casts the number's text to an interval: whole milliseconds keep it out of exponent notation.
    return delayMs > 0 ? delayMs / 1000 : undefined;
  }

  async function send(db: Kysely<Database>, queue: string, data: Payload, runAt: string | undefined, retryLimit: number): Promise<string> {
    const startAfter = startAfterSeconds(runAt);
    const id = await boss.send(queue, data, {
      db: executorOn(db),
      retryLimit,
      retryDelay,
      retryBackoff: true,
      expireInSeconds,
      ...(startAfter === undefined ? {} : { startAfter }),
    });
    // pg-boss inserts through a join on its queue table, so an unknown queue inserts nothing.
    if (!id) throw new Error(`job queue "${queue}" does not exist: some server must register it and start first`);
    return id;
  }

  async function handle(queue: string, registration: Registration, fetched: PgBoss.JobWithMetadata<Payload>): Promise<void> {
    const { [ATTEMPT_KEY]: earlierAttempts, ...payload } = fetched.data ?? {};
    const attemptOffset = typeof earlierAttempts === 'number' ? earlierAttempts : 0;
    // pg-boss counts retries of this row; a reschedule starts a new row.
    const job: Job = { id: fetched.id, queue, payload, attempt: attemptOffset + fetched.retryCount + 1 };
    let outcome: void | JobOutcome;
    try {
      outcome = await registration.handler(job);
      if (outcome?.retryAt !== undefined) {
        await reschedule(queue, fetched, job, outcome.retryAt, outcome.record);
      } else if (outcome?.record) {
        const record = outcome.record;
        // The outcome's writes and the completion commit together.
        await store.db.transaction().execute(async (trx) => {
          await record(trx);
          // Positional: the third argument is the job's output (none, as with a plain complete()).
          await boss.complete(queue, job.id, null as unknown as object, { db: executorOn(trx) });
        });
      } else {
        await boss.complete(queue, job.id);
      }
    } catch (caught) {
      const error = caught instanceof Error ? caught : new Error(String(caught));
      await boss.fail(queue, job.id, error);
      if (fetched.retryCount >= fetched.retryLimit) log.error({ job_id: job.id, queue, attempt: job.attempt, err: error }, 'job failed permanently');
      else log.warn({ job_id: job.id, queue, attempt: job.attempt, err: error }, 'job failed; will retry');
    }
  }

  /**
   * Completes the job and sends its successor in one transaction. The
   * successor may throw only as often as this job still could, so maxAttempts
   * bounds the whole chain as in the table queue.
   */
  async function reschedule(
    queue: string,
    fetched: PgBoss.JobWithMetadata<Payload>,
    job: Job,
    retryAt: string,
    record: JobOutcome['record'],
  ): Promise<void> {
    const retryLimit = Math.max(0, fetched.retryLimit - fetched.retryCount - 1);
    const moved = await store.db.transaction().execute(async (trx) => {
      // The outcome's writes describe what happened, so they commit even if the job moved on.
      if (record) await record(trx);
      // complete() is typed void but returns how many active rows it completed.
      const completed = (await boss.complete(queue, job.id, { rescheduledFor: retryAt }, { db: executorOn(trx) })) as unknown as { affected: number };
      // Not active any more: it expired and belongs to another worker now.
      if (completed.affected !== 1) return false;
      await send(trx, queue, { ...job.payload, [ATTEMPT_KEY]: job.attempt }, retryAt, retryLimit);
      return true;
    });
    if (!moved) log.warn({ job_id: job.id, queue }, 'job expired before it could be rescheduled');
  }

  function run(queue: string, registration: Registration, fetched: PgBoss.JobWithMetadata<Payload>): void {
    registration.running += 1;
    const task = handle(queue, registration, fetched)
      // The outcome was not recorded: the job stays active and is retried once it expires.
      .catch((error: unknown) => log.error({ job_id: fetched.id, queue, err: error }, 'could not record job outcome'))
      .finally(() => {
        registration.running -= 1;
        inFlight.delete(task);
        wake();
      });
    inFlight.add(task);
  }

  // pg-boss 10's work() runs one batch at a time per worker, so a batch waits
  // for its slowest job and concurrency would take one poller per slot. This
  // loop keeps one poller per process and refills free slots as jobs finish.
  async function drain(): Promise<void> {
    while (running) {
      wakeRequested = false;
      let fetchedAny = false;
      for (const [queue, registration] of registrations) {
        const free = registration.concurrency - registration.running;
        if (free <= 0 || !running) continue;
        try {
          const jobs = await boss.fetch<Payload>(queue, { batchSize: free, includeMetadata: true });
          fetchedAny ||= jobs.length > 0;
          for (const fetched of jobs) run(queue, registration, fetched);
        } catch (error) {
          if (!running) return;
          log.error({ err: error, queue }, 'could not fetch jobs');
        }
      }
      if (fetchedAny || wakeRequested) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(finish, pollIntervalMs * (0.75 + random() / 2));
        function finish() {
          clearTimeout(timer);
          interruptSleep = null;
          resolve();
        }
        interruptSleep = finish;
      });
    }
  }

  return {
    async enqueue(db, job: JobToEnqueue) {
      const { [ATTEMPT_KEY]: _reserved, ...payload } = job.payload;
      return send(db, job.queue, payload, job.runAt, (job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS) - 1);
    },
    register(queue, handler, opts) {
      // Queues are created at start; a queue registered later would never be polled.
      if (started) throw new Error(`register job queue "${queue}" before start()`);
      registrations.set(queue, { handler, concurrency: opts?.concurrency ?? 4, running: 0 });
    },
    notify() {
      wake();
    },
    async start() {
      if (started) return;
      started = true;
      if (stoppedOnce) boss = newBoss();
      // pg-boss installs its schema without guarding against another process
      // doing the same, so processes starting together take turns.
      await store.db.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(hashtext(${`opencheck.pgboss.${schema}`}))`.execute(trx);
        await boss.start();
        for (const queue of registrations.keys()) {
          await boss.createQueue(queue, { name: queue, expireInSeconds, retryDelay, retryBackoff: true });
        }
      });
      running = true;
      loop = drain();
    },
    async stop() {
      if (!started) return;
      running = false;
      wake();
      await loop;
      await Promise.allSettled([...inFlight]);
      // No pg-boss workers are left running, so this stops maintenance and closes its pool.
      await boss.stop({ graceful: true, wait: true, close: true });
      started = false;
      stoppedOnce = true;
    },
  };
}
